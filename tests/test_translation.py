"""One translation mechanism for the core, the command and the window: which language a
user gets, the catalogs (compiled when run from the sources), the pseudo-language, and
text marked before any language is chosen."""

from __future__ import annotations

import gettext
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from aurax_desktop import catalogs, translation
from aurax_desktop.languages import LANGUAGES, PSEUDO, Language, choose, known, system_preferences
from aurax_desktop.pseudo import pseudo, unmarked
from aurax_desktop.translation import (
    _,
    current_language,
    lazy_gettext,
    lazy_pgettext,
    ngettext,
    pgettext,
    use_language,
)

GERMAN_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Zoom in"
msgstr "Vergrößern"

msgid "{count} try-on"
msgid_plural "{count} try-ons"
msgstr[0] "{count} Anprobe"
msgstr[1] "{count} Anproben"

msgctxt "menu"
msgid "View"
msgstr "Ansicht"

#, fuzzy
msgid "Not sure"
msgstr "Unsicher"
"""


@pytest.fixture
def speaking() -> Iterator[None]:
    """Whatever a test chooses, the next test starts in English again."""
    yield
    use_language(choose(["en"]))


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANGUAGE": "de:fr", "LC_ALL": "ja_JP.UTF-8", "LANG": "it_IT.UTF-8"}, ["de", "fr"]),
        ({"LC_ALL": "ja_JP.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8", "LANG": "it"}, ["ja_JP.UTF-8"]),
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "it_IT.UTF-8"}, ["fr_FR.UTF-8"]),
        ({"LANG": "ar_AE.UTF-8"}, ["ar_AE.UTF-8"]),
        ({"LANGUAGE": "", "LANG": "es_ES.UTF-8"}, ["es_ES.UTF-8"]),
        ({}, []),
    ],
)
def test_the_system_language_is_read_in_gettexts_order(
    environment: dict[str, str], expected: list[str]
) -> None:
    assert system_preferences(environment) == expected


@pytest.mark.parametrize(
    ("preferences", "code", "locale"),
    [
        (["de_AT.UTF-8@euro"], "de", "de_AT"),
        (["de"], "de", "de_DE"),
        (["pt_BR", "fr_CA.UTF-8"], "fr", "fr_CA"),  # no Portuguese: the next wish
        (["zh_CN.UTF-8"], "zh_CN", "zh_CN"),
        (["zh-Hans-SG"], "zh_CN", "zh_SG"),
        (["zh_TW", "ja_JP"], "ja", "ja_JP"),  # traditional Chinese is not simplified
        (["ar"], "ar", "ar_AE"),
        (["C", "de"], "en", "en_GB"),  # C means no language: English
        (["", None, "en_US.UTF-8"], "en", "en_US"),
        (["klingon", "x-pseudo"], PSEUDO, "en_GB"),
        ([], "en", "en_GB"),
    ],
)
def test_the_first_preference_with_a_catalog_wins(
    preferences: list[str | None], code: str, locale: str
) -> None:
    assert choose(preferences) == Language(code, locale)


def test_arabic_and_hebrew_are_right_to_left() -> None:
    assert choose(["ar"]).right_to_left and Language("he", "he_IL").right_to_left
    assert not choose(["de"]).right_to_left and not choose(["zh_CN"]).right_to_left
    assert choose(["ar"]).name == "العربية" and choose(["de"]).name == "Deutsch"


def test_a_code_names_a_shipped_language_or_none() -> None:
    assert known("de-DE") == "de" and known("zh") == "zh_CN" and known("x-pseudo") == PSEUDO
    assert known("pt") is None and known("") is None and known("../../etc") is None


def test_every_listed_language_ships_a_catalog() -> None:
    assert set(catalogs.shipped()) == set(LANGUAGES) - {"en"}


def write_po(folder: Path, code: str, text: str = GERMAN_PO) -> Path:
    po = catalogs.po_file(code, folder)
    po.parent.mkdir(parents=True)
    po.write_text(text, encoding="utf-8")
    return po


def test_a_po_file_is_compiled_when_no_mo_is_there(tmp_path: Path) -> None:
    write_po(tmp_path, "de")
    catalog = catalogs.load("de", tmp_path)
    assert catalog.gettext("Zoom in") == "Vergrößern"
    assert catalog.ngettext("{count} try-on", "{count} try-ons", 1) == "{count} Anprobe"
    assert catalog.ngettext("{count} try-on", "{count} try-ons", 5) == "{count} Anproben"
    assert catalog.pgettext("menu", "View") == "Ansicht"
    assert catalog.gettext("Not sure") == "Not sure"  # fuzzy: not trusted yet
    assert catalog.gettext("Never translated") == "Never translated"


def test_the_build_compiles_mo_files_and_a_newer_po_wins(tmp_path: Path) -> None:
    po = write_po(tmp_path, "de")
    [mo] = catalogs.compile_all(tmp_path)
    assert mo == po.with_suffix(".mo")
    with mo.open("rb") as stream:
        assert gettext.GNUTranslations(stream).gettext("Zoom in") == "Vergrößern"
    # a translator edits the .po after the build: the edit is what the program shows
    po.write_text(GERMAN_PO.replace("Vergrößern", "Größer"), encoding="utf-8")
    later = time.time() + 10
    os.utime(po, (later, later))
    assert catalogs.load("de", tmp_path).gettext("Zoom in") == "Größer"
    po.unlink()  # the bundle carries only the .mo
    assert catalogs.load("de", tmp_path).gettext("Zoom in") == "Vergrößern"


@pytest.mark.logs_expected("The de catalog could not be read")
def test_a_damaged_catalog_leaves_the_program_in_english(tmp_path: Path) -> None:
    write_po(tmp_path, "de", GERMAN_PO.replace('msgstr "Vergrößern"', ""))  # a line lost
    assert catalogs.load("de", tmp_path).gettext("Zoom in") == "Zoom in"


@pytest.mark.logs_expected("The de catalog could not be read")
def test_a_damaged_mo_file_leaves_the_program_in_english(tmp_path: Path) -> None:
    po = write_po(tmp_path, "de")
    po.with_suffix(".mo").write_bytes(b"\x00" * 40)
    po.unlink()
    assert catalogs.load("de", tmp_path).gettext("Zoom in") == "Zoom in"


def test_a_language_is_spoken_everywhere_once_chosen(speaking: None) -> None:
    assert _("Zoom in") == "Zoom in" and current_language().code == "en"
    use_language(choose(["de_DE.UTF-8"]))
    assert current_language() == Language("de", "de_DE")
    assert _("Zoom in") == "Vergrößern"
    assert pgettext("Menu bar", "&View") == "&Ansicht"
    assert ngettext("{amount} credit", "{amount} credits", 2) == "{amount} Credits"


def test_lazy_text_is_translated_when_shown_not_when_made(speaking: None) -> None:
    made_before = lazy_gettext("Zoom in")
    in_context = lazy_pgettext("Menu bar", "&View")
    assert str(made_before) == "Zoom in"
    use_language(choose(["fr"]))
    assert str(made_before) == "Agrandir" and f"{made_before}!" == "Agrandir!"
    assert str(in_context) == "Afficha&ge"
    assert lazy_gettext("Data folder: {folder}").format(folder="x") == "Dossier des données\xa0: x"
    assert made_before == lazy_gettext("Zoom in") and made_before != in_context
    assert made_before.message == "Zoom in" and "Zoom in" in repr(made_before)


def test_the_pseudo_language_brackets_accents_and_lengthens(speaking: None) -> None:
    text = pseudo("Zoom in")
    assert text.startswith("[") and text.endswith("]")
    assert len(text) - 2 >= len("Zoom in") * 4 / 3
    assert unmarked(text) is None and unmarked("Zoom in") == "Zoom"
    # placeholders, markup and entities keep working
    filled = pseudo("<b>{count}</b> jobs &amp; %(name)s").format(count=3)
    assert "<b>3</b>" in filled and "&amp;" in filled and "%(name)s" in filled
    assert unmarked(filled) is None
    assert unmarked(f"{pseudo('Sent')} · anna.jpg") == "anna"  # data shows as unmarked
    assert unmarked("1, 2, 3 · 25%") is None  # no word in it
    use_language(choose([PSEUDO]))
    assert _("Zoom in") == text
    assert ngettext("{n} job", "{n} jobs", 2) == pseudo("{n} jobs")
    assert pgettext("Menu bar", "&View") == pseudo("&View")
    assert pseudo("") == ""


def test_the_process_starts_in_english() -> None:
    assert translation.current_language().code == "en"
