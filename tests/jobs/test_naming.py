"""Names made from inputs (a person photo's name, a garment's, a template) are safe on
any file system, never longer than it allows, readable, and unique in their folder."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from aurax_desktop.jobs.naming import NAME_BYTES, fitted, free_file_name, safe_stem


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=600), st.sampled_from([".jpg", ".png", "-2.jpg", ""]))
def test_any_text_makes_a_name_within_the_limit(text: str, suffix: str) -> None:
    name = fitted(safe_stem(text), suffix)
    assert len(name.encode("utf-8")) <= NAME_BYTES
    assert name.endswith(suffix)
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not any(ord(c) < 32 for c in name)


def test_a_long_name_keeps_its_start_and_its_end() -> None:
    stem = "SS27-look-" + "very-long-description-" * 20 + "navy"
    name = fitted(stem, ".jpg")
    assert len(name.encode()) <= NAME_BYTES
    assert name.startswith("SS27-look-") and name.endswith("navy.jpg") and "…" in name
    wide = "连衣裙" * 120  # three bytes each: cut between characters, never inside one
    cut = fitted(wide, ".png")
    assert len(cut.encode()) <= NAME_BYTES and cut.encode().decode() == cut


def test_names_are_unique_in_their_folder_and_among_those_given(tmp_path: Path) -> None:
    stem = "anna-" + "x" * 300 + "__dress"
    taken: set[str] = set()
    first = free_file_name(tmp_path, stem, ".jpg", taken)
    first.write_bytes(b"1")
    second = free_file_name(tmp_path, stem, ".jpg", taken)
    third = free_file_name(tmp_path, stem, ".jpg", taken)
    assert len({first, second, third}) == 3
    assert all(len(p.name.encode()) <= NAME_BYTES for p in (first, second, third))
    assert second.name.endswith("-2.jpg") and third.name.endswith("-3.jpg")
    second.write_bytes(b"2")  # a name this long can really be made here
    assert second.read_bytes() == b"2"


def test_hostile_names_become_plain_ones(tmp_path: Path) -> None:
    assert safe_stem("../../etc/passwd") == "etc-passwd"
    assert safe_stem("CON") == "_CON"
    assert safe_stem("a\x1b[2Jb") == "a-[2Jb"
    assert safe_stem("   ...   ") == "result"
    assert safe_stem("Robe d’été: bleue?") == "Robe d’été- bleue"
    link = tmp_path / "anna__dress.jpg"
    os.symlink(tmp_path / "elsewhere.jpg", link)  # a dangling link takes its name too
    assert free_file_name(tmp_path, "anna__dress", ".jpg") == tmp_path / "anna__dress-2.jpg"
