"""The catalogs that ship: every message marked in the sources (as ``pybabel extract``
finds it with the project's configuration) is translated in every language, with the
same placeholders and one mnemonic at most, and no catalog keeps a message the sources
no longer have."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from aurax_desktop import catalogs
from aurax_desktop.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
SHIPPED = sorted(set(LANGUAGES) - {"en"})


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The messages marked in the sources today, by the command translators run."""
    out = tmp_path_factory.mktemp("pot") / "aurax.pot"
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from babel.messages.frontend import main; main()",
            "extract",
            "--output-file",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    with out.open("rb") as stream:
        return read_po(stream)


def _key(message: Message) -> tuple[str, str | None]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return msgid, message.context


def _forms(value: object) -> list[str]:
    return list(value) if isinstance(value, tuple | list) else [str(value)]


def test_the_extraction_finds_every_kind_of_marking(extracted: Catalog) -> None:
    keys = {_key(m) for m in extracted if m.id}
    assert ("Zoom in", None) in keys  # _()
    assert ("&View", "Menu bar") in keys  # lazy_pgettext()
    assert ("Wheel", None) in keys  # lazy_gettext()
    assert ("{amount} credit", None) in keys  # ngettext()
    comments = {m.id: m.auto_comments for m in extracted if m.id}
    assert any("View → Language" in c for c in comments["Follow the system"])


@pytest.mark.parametrize("code", SHIPPED)
def test_every_marked_message_is_translated(extracted: Catalog, code: str) -> None:
    with catalogs.po_file(code).open("rb") as stream:
        catalog = read_po(stream, locale=code)
    translated = {_key(m): m for m in catalog if m.id}
    wanted = {_key(m): m for m in extracted if m.id}
    missing = [key for key in wanted if key not in translated]
    assert not missing, f"{code}: not in the catalog (run pybabel update): {missing}"
    stale = [key for key in translated if key not in wanted]
    assert not stale, f"{code}: no longer in the sources (run pybabel update): {stale}"
    for key, message in translated.items():
        forms = _forms(message.string)
        assert all(forms) and not message.fuzzy, f"{code}: {key} is not translated"
        if isinstance(message.id, tuple | list):
            assert len(forms) == catalog.num_plurals, f"{code}: {key} needs every form"
        original = set(PLACEHOLDER.findall(key[0]))
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) == original, f"{code}: {key} → {form}"
            assert form.count("&") == key[0].count("&"), f"{code}: {key} mnemonic → {form}"
