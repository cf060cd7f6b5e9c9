"""A document being written tells its progress (pages, or looks for a contact sheet, then
the saving) and stops when asked: a stopped document leaves no file and no part of one,
and a file it was to replace stays as it was. The command shows the progress on stderr
once the writing has taken half a second, and Ctrl+C writes nothing."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from aurax_desktop.cli.document_progress import DocumentProgress
from aurax_desktop.demo import DemoServer
from aurax_desktop.exports import Lookbook, write_contact_sheet, write_pdf
from aurax_desktop.exports.linesheet import LineItem, LineSheet, write_linesheet
from aurax_desktop.exports.lookbook import Look, PersonPage
from aurax_desktop.exports.progress import ExportStopped, Progress
from tests.command_line import run
from tests.factories import jpeg_bytes, person_jpeg

Writer = Callable[[Path, Progress], tuple[Path, list[str]]]


def looks(tmp_path: Path, count: int) -> list[Look]:
    made = []
    for n in range(count):
        shot = tmp_path / f"look-{n}.jpg"
        Image.new("RGB", (600, 900), (20 * n % 255, 120, 90)).save(shot)
        made.append(Look(shot, f"Linen dress {n}", f"SS27-{n:03d}", "Dress"))
    return made


def writers(tmp_path: Path) -> dict[str, tuple[Writer, int]]:
    """Each writer with the steps it tells (its pages or looks, and the saving)."""
    shots = looks(tmp_path, 6)
    book = Lookbook("SS27", pages=tuple(PersonPage(f"Model {n}", tuple(shots)) for n in range(3)))
    sheet = LineSheet(
        "SS27",
        items=tuple(
            LineItem(look.garment, look.picture, looks=(("anna", look),)) for look in shots
        ),
    )
    return {
        "lookbook": (lambda t, p: write_pdf(book, t, progress=p), 3 + 1),
        "line sheet": (lambda t, p: write_linesheet(sheet, t, progress=p), 1 + 3 + 1),
        "contact sheet": (lambda t, p: write_contact_sheet(book, t, progress=p), 18 + 1),
    }


@pytest.mark.parametrize("document", ["lookbook", "line sheet", "contact sheet"])
def test_a_document_tells_its_progress_to_the_end(tmp_path: Path, document: str) -> None:
    write, total = writers(tmp_path)[document]
    told: list[tuple[int, int]] = []
    target = tmp_path / ("sheet.png" if document == "contact sheet" else "doc.pdf")
    write(target, Progress(lambda done, steps: told.append((done, steps))))
    assert target.is_file()
    assert {steps for _done, steps in told} == {total}
    done = [d for d, _steps in told]
    assert done == sorted(done) and done[0] == 0 and done[-1] == total


@pytest.mark.parametrize("document", ["lookbook", "line sheet", "contact sheet"])
def test_a_document_stopped_while_written_leaves_no_file(tmp_path: Path, document: str) -> None:
    write, _total = writers(tmp_path)[document]
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / ("sheet.png" if document == "contact sheet" else "doc.pdf")
    progress = Progress()

    def told(done: int, _steps: int) -> None:
        if done == 2:  # Stop pressed while the third page (or look) is made
            progress.stop.set()

    progress = Progress(told)
    with pytest.raises(ExportStopped, match="no file was written"):
        write(target, progress)
    assert list(folder.iterdir()) == []  # nor a part of one
    target.write_bytes(b"last season's")  # a file it was to replace is left as it was
    progress.stop.clear()
    stopped = Progress(told, progress.stop)
    with pytest.raises(ExportStopped):
        write(target, stopped)
    assert target.read_bytes() == b"last season's"
    assert [p.name for p in folder.iterdir()] == [target.name]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_command_shows_progress_once_half_a_second_has_passed() -> None:
    now = [100.0]
    piped = io.StringIO()
    shown = DocumentProgress("lookbook", stream=piped, clock=lambda: now[0])
    shown.told(0, 21)
    now[0] += 0.4
    shown.told(1, 21)
    assert piped.getvalue() == ""  # quicker documents show nothing
    now[0] += 0.2
    for done in range(2, 22):
        shown.told(done, 21)
    lines = piped.getvalue().splitlines()
    assert lines[0] == "Writing the lookbook: 10% (page 3 of 20)"
    assert lines[-1] == "Writing the lookbook: 100% (saving)"
    assert len(lines) == 11  # a line a tenth (from 0 to 10 tenths), not one a page
    terminal = Terminal()
    live = DocumentProgress("line sheet", stream=terminal, clock=lambda: now[0], delay_s=0)
    live.told(4, 10)
    live.told(5, 10)
    live.end()
    assert terminal.getvalue() == (
        "\r\x1b[2KWriting the line sheet: 40% (page 5 of 9)"
        "\r\x1b[2KWriting the line sheet: 50% (page 6 of 9)\r\x1b[2K"
    )


def test_ctrl_c_while_a_lookbook_is_written_writes_nothing(
    server: DemoServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    people, garments = tmp_path / "people", tmp_path / "garments"
    people.mkdir()
    garments.mkdir()
    for name in ("anna", "ben"):
        (people / f"{name}.jpg").write_bytes(person_jpeg())
    (garments / "linen-dress.jpg").write_bytes(jpeg_bytes((400, 400), (20, 90, 160)))
    command = ["batch", "--people", str(people), "--garments", str(garments), "--yes"]
    assert run(server, *command, "-o", str(tmp_path / "out")) == 0
    told = DocumentProgress.told

    def interrupted(self: DocumentProgress, done: int, total: int) -> None:
        # Ctrl+C cannot be typed here: the interrupt comes where the terminal's would,
        # while the pages are made.
        told(self, done, total)
        if done == 1:
            raise KeyboardInterrupt

    monkeypatch.setattr(DocumentProgress, "told", interrupted)
    capsys.readouterr()
    target = tmp_path / "book.pdf"
    assert run(None, "lookbook", str(target)) == 130  # the shell's code for an interrupt
    assert "aurax: stopped: the lookbook was not written." in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garments", "out", "people"]
