"""The command in German (``aurax --language de``), as a stylist in Munich reads it: the
batch's question and summary, the documents' refusals, progress and reports, the
options' help and the answers it takes. The parser's own words ("usage:") are Python's.
The real command against the demo server on 127.0.0.1."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from aurax_desktop.cli.arguments import UsageError, confirm
from aurax_desktop.cli.document_progress import DocumentProgress
from aurax_desktop.demo import DemoServer
from aurax_desktop.languages import choose
from aurax_desktop.translation import use_language
from tests.command_line import run
from tests.factories import jpeg_bytes, person_jpeg


@pytest.fixture
def photos(tmp_path: Path) -> tuple[Path, Path]:
    """Two people in a folder, three garments in another."""
    people, garments = tmp_path / "people", tmp_path / "garments"
    people.mkdir()
    garments.mkdir()
    for name in ("anna", "ben"):
        (people / f"{name}.jpg").write_bytes(person_jpeg())
    for n, name in enumerate(("shirt", "dress", "coat")):
        (garments / f"{name}.jpg").write_bytes(jpeg_bytes((400, 400), (60 * n, 40, 200)))
    return people, garments


def said(capsys: pytest.CaptureFixture[str]) -> str:
    """What the command said on stderr, its lines joined."""
    return " ".join(capsys.readouterr().err.split())


def test_a_batch_and_its_lookbook_in_german(
    server: DemoServer,
    photos: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    people, garments = photos
    assert run(None, "--language", "de", "history") == 0
    assert capsys.readouterr().out.strip() == "Noch keine Aufträge."
    batch = ("batch", "--people", str(people), "--garments", str(garments), "--type", "GARMENT")
    out = str(tmp_path / "out")
    # no terminal to ask at: refused, nothing sent
    assert run(server, "--language", "de", *batch, "-o", out) == 2
    err = said(capsys)
    assert "„garments“: 6 Anproben: " in err and " für 2 Personen, 18 Credits." in err
    assert "aurax: kein Terminal für die Rückfrage; mit --yes fortfahren." in err
    assert server.stats()["tasks_created"] == 0
    assert run(server, "--language", "de", *batch, "-o", out, "--yes") == 0
    err = said(capsys)
    assert "6 abgeschlossen, 0 fehlgeschlagen; 18 Credits verbraucht (Serie " in err
    # the documents: their refusals and reports
    text = tmp_path / "book.txt"
    assert run(None, "--language", "de", "lookbook", str(text)) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: aurax")  # Python's own word
    assert (
        f"aurax: Fehler: „{text}“: ein Lookbook ist eine .pdf-Datei, ein Kontaktabzug eine "
        ".png- oder .jpg-Datei." in err
    )
    book = tmp_path / "book.pdf"
    assert run(None, "--language", "de", "lookbook", str(book), "--favourites") == 2
    assert "aurax: die Serie „garments“ enthält keine favorisierten Anproben für ein Lookbook." in (
        said(capsys)
    )
    assert run(None, "--language", "de", "lookbook", str(book)) == 0
    assert "6 Looks von 2 Personen aus „garments“." in said(capsys)
    assert run(None, "--language", "de", "lookbook", str(book)) == 2
    assert (
        f"aurax: „{book}“ existiert bereits. Einen anderen Namen wählen oder --force angeben, "
        "um die Datei zu ersetzen." in said(capsys)
    )
    assert run(None, "--language", "de", "linesheet", str(tmp_path / "sheet.pdf")) == 0
    assert "3 Kleidungsstücke aus „garments“." in said(capsys)


def test_the_options_help_and_refusals_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(None, "--language", "de", "--help") == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "lookbook die Anproben einer Serie als PDF oder Kontaktabzug" in help_text
    assert "Zugangsdaten kommen aus AURAX_API_KEY und AURAX_KEY_ID" in help_text
    assert run(None, "--language", "de", "lookbook", "--help") == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for expected in (
        "--favourites nur Favoriten",
        "die neueste Serie von Anproben (Standard)",
        "das Papierformat (Standard: nach den Regionaleinstellungen;",
        "die Sprache der Dokumente und Meldungen: en, de, fr, es, it, zh_CN, ja oder ar",
    ):
        assert expected in help_text
    assert run(None, "--lang=de", "history", "--limit", "0") == 2  # as argparse abbreviates
    assert "der Wert muss 1 oder mehr sein, nicht 0" in capsys.readouterr().err
    assert run(None, "history", "--language", "de", "--limit", "zwei") == 2  # after the command
    assert "„zwei“ ist keine ganze Zahl" in capsys.readouterr().err


class Terminal(io.StringIO):
    """A terminal's keyboard: what is typed at the question."""

    def isatty(self) -> bool:
        return True


def test_the_question_takes_the_languages_answers(capsys: pytest.CaptureFixture[str]) -> None:
    use_language(choose(["de"]))
    confirm("6 Anproben, 18 Credits.", yes=False, stdin=Terminal("ja\n"))
    confirm("6 Anproben, 18 Credits.", yes=False, stdin=Terminal("y\n"))  # English's too
    assert capsys.readouterr().err.count("Fortfahren? [j/N] ") == 2
    with pytest.raises(UsageError, match=r"nicht bestätigt\. Es wurde nichts getan\."):
        confirm("6 Anproben, 18 Credits.", yes=False, stdin=Terminal("nein\n"))


def test_a_document_s_progress_in_german() -> None:
    use_language(choose(["de"]))
    shown = io.StringIO()
    progress = DocumentProgress("line sheet", stream=shown, clock=lambda: 1.0, delay_s=0)
    progress.told(4, 10)
    progress.told(9, 10)
    assert shown.getvalue().splitlines() == [
        "Linesheet wird geschrieben: 40\u00a0% (Seite 5 von 9)",  # German's no-break space
        "Linesheet wird geschrieben: 90\u00a0% (wird gespeichert)",
    ]
