"""A name of 10,000 characters without a space (a hostile list's, or a pasted one) is
broken across lines in every document, and cut with "…" where the lines run out:
lookbook, line sheet and contact sheet are made of it, and read back. (The time this
takes is measured in ``benchmarks/long_names.py``, not here.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from aurax_desktop.exports import Lookbook, write_contact_sheet, write_pdf
from aurax_desktop.exports.linesheet import LineItem, LineSheet, write_linesheet
from aurax_desktop.exports.lookbook import Look, PersonPage
from aurax_desktop.exports.typesetting import ELLIPSIS, wrap_words

WORD = "".join(chr(ord("a") + n % 26) for n in range(10_000))  # no space in it
CHINESE = "".join(chr(0x4E00 + n % 2000) for n in range(10_000))


def fits_in(characters: int) -> Callable[[str], bool]:
    return lambda line: len(line) <= characters


def test_a_long_word_is_broken_across_lines_whole() -> None:
    lines = wrap_words(WORD, fits_in(37), lines=10_000)
    assert "".join(lines) == WORD  # nothing lost, nothing added
    assert all(len(line) == 37 for line in lines[:-1]) and 0 < len(lines[-1]) <= 37
    assert len(lines) == -(-10_000 // 37)


def test_past_its_lines_a_long_word_is_cut_with_an_ellipsis() -> None:
    first, second = wrap_words(f"Linen {WORD} dress", fits_in(40), lines=2)
    assert first == "Linen"  # the word goes to a line of its own, then breaks
    assert second == WORD[:39] + ELLIPSIS


def test_words_around_a_long_one_keep_their_lines() -> None:
    lines = wrap_words(f"SS27 {WORD[:50]} navy blue", fits_in(20), lines=10)
    assert lines == ["SS27", WORD[:20], WORD[20:40], WORD[40:50] + " navy blue"]


def pictures(tmp_path: Path, count: int) -> list[Path]:
    made = []
    for n in range(count):
        path = tmp_path / f"look-{n}.jpg"
        Image.new("RGB", (600, 900), (40 * n, 120, 90)).save(path)
        made.append(path)
    return made


def text_of(pdf: Path) -> list[str]:
    return [line for page in PdfReader(pdf).pages for line in page.extract_text().splitlines()]


def test_every_document_breaks_a_long_name(tmp_path: Path) -> None:
    shots = pictures(tmp_path, 3)
    looks = tuple(
        Look(shot, name, name[:5000], "Dress")
        for shot, name in zip(shots, [WORD, CHINESE, WORD], strict=True)
    )
    book = Lookbook(WORD, pages=(PersonPage(WORD, looks), PersonPage(CHINESE, looks[:1])))
    target, notes = write_pdf(book, tmp_path / "book.pdf")
    assert notes == []
    lines = text_of(target)
    assert any(line.startswith(WORD[:12]) and len(line) < 200 for line in lines)
    assert any(line.endswith(ELLIPSIS) for line in lines)  # cut where its lines run out
    assert not any(WORD[:1000] in line for line in lines)  # never drawn whole, off the page
    sheet = LineSheet(
        WORD,
        items=(
            LineItem(garment=WORD, photo=shots[0], sku=WORD[:3000], description=WORD),
            LineItem(garment=CHINESE, photo=shots[1], looks=((WORD, looks[0]),)),
        ),
    )
    target, notes = write_linesheet(sheet, tmp_path / "sheet.pdf")
    assert notes == []
    lines = text_of(target)
    assert any(line.startswith(WORD[:12]) and len(line) < 200 for line in lines)
    assert any(line.endswith(ELLIPSIS) for line in lines)
    assert not any(WORD[:1000] in line for line in lines)
    picture, notes = write_contact_sheet(book, tmp_path / "contact.png")
    assert notes == []
    with Image.open(picture) as drawn:
        assert drawn.width >= 1000  # as wide as ever: no line ran on past its cell
