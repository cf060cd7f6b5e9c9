"""Export pictures… from the Gallery tells its progress picture by picture, in the same
dialog as the documents, and its Stop ends it between two pictures: what was exported
by then stays, each picture whole, and the status bar says how many were not. The real
window; one result is a named pipe that answers only when the test writes to it, a disk
that stalls, so the Stop comes while that picture is copied for certain."""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QPushButton
from pytestqt.qtbot import QtBot

from aurax_desktop.jobs import JobStatus
from aurax_desktop.ui.gallery.export_progress import ExportProgressDialog
from tests.ui.conftest import WindowFactory, when_modal
from tests.ui.photographers_batch import BATCH, write_batch
from tests.ui.window_driver import WindowDriver

pytestmark = pytest.mark.skipif(os.name != "posix", reason="a named pipe stands for a slow disk")


def gallery_of(
    qtbot: QtBot, open_window: WindowFactory, *, people: int, garments: int
) -> WindowDriver:
    """The window's Gallery showing a finished batch of ``people`` x ``garments``."""
    write_batch(people=people, garments=garments)
    driver = open_window(demo=True)
    driver.page("gallery")
    driver.gallery.refresh_batches(BATCH)
    done = people * garments
    qtbot.waitUntil(lambda: driver.gallery.model.counts()["done"] == done, timeout=10_000)
    return driver


def test_export_pictures_shows_each_picture_and_its_stop_keeps_what_was_exported(
    qtbot: QtBot, open_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = gallery_of(qtbot, open_window, people=2, garments=4)
    gallery = driver.gallery
    gallery.exports.documents.show_progress_after_ms = 0  # a slow export's dialog, at once
    jobs = [j for j in gallery.model.shown_jobs() if j.status is JobStatus.COMPLETED]
    assert len(jobs) == 8
    pictures = [job.result_paths[0].read_bytes() for job in jobs]
    stalled = jobs[2].result_paths[0]
    stalled.unlink()
    os.mkfifo(stalled)  # the third picture's copy waits for it
    client = tmp_path / "for the client"
    client.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(client))

    def name_pictures(dialog: QInputDialog) -> None:
        dialog.setTextValue("look-{n}")
        dialog.accept()

    when_modal(QInputDialog, name_pictures)
    try:
        _export_and_stop(qtbot, driver, stalled, pictures, client)
    finally:
        _unblock(stalled)


def _unblock(pipe: Path) -> None:
    """Whatever still waits on the pipe is let go (a failing test never hangs): opened
    for reading and writing, a pipe never waits, and closed, it ends its reader's file."""
    with contextlib.suppress(OSError):
        os.close(os.open(pipe, os.O_RDWR | os.O_NONBLOCK))


def _export_and_stop(
    qtbot: QtBot, driver: WindowDriver, stalled: Path, pictures: list[bytes], client: Path
) -> None:
    driver.command("exportPictures").trigger()
    qtbot.waitUntil(lambda: bool(driver.window.findChildren(ExportProgressDialog)))
    (dialog,) = driver.window.findChildren(ExportProgressDialog)
    qtbot.waitUntil(
        lambda: dialog.labelText() == "Exporting the pictures: picture 3 of 8…", timeout=10_000
    )
    assert dialog.windowTitle() == "Export pictures"
    assert dialog.accessibleName() == "Exporting the pictures"
    assert (dialog.value(), dialog.maximum()) == (2, 8)
    stop = dialog.findChild(QPushButton)
    assert stop is not None and stop.text() == "Stop"
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    assert dialog.labelText() == "Stopping: the pictures exported so far are kept…"
    with stalled.open("wb") as disk:  # the disk answers: the third picture is copied whole
        disk.write(pictures[2])
    status = driver.window.statusBar()
    qtbot.waitUntil(lambda: "Stopped" in status.currentMessage(), timeout=10_000)
    assert status.currentMessage() == (
        "3 pictures exported to for the client. Stopped: 5 pictures were not exported."
    )
    assert sorted(p.name for p in client.iterdir()) == ["look-1.jpg", "look-2.jpg", "look-3.jpg"]
    for number in range(3):
        assert (client / f"look-{number + 1}.jpg").read_bytes() == pictures[number]
    assert driver.window.findChildren(ExportProgressDialog) == []  # the dialog is gone


def test_export_pictures_starts_in_the_results_folder_made_on_its_first_use(
    qtbot: QtBot, open_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pictures/AuraX is not there until something is saved in it: the dialog, given it,
    opened in the program's working folder with "AuraX" typed in and Choose greyed out
    (a new user's trial). It is made first, as saving a result makes it; a folder that
    cannot be made gives the home folder."""
    driver = gallery_of(qtbot, open_window, people=1, garments=2)
    results = tmp_path / "Pictures" / "AuraX"
    driver.session.edit_settings(lambda now: replace(now, results_folder=str(results)))
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda _p, _title, start: offered.append(start)
    )
    driver.command("exportPictures").trigger()
    assert offered == [str(results)] and results.is_dir()
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    driver.session.edit_settings(lambda now: replace(now, results_folder=str(blocked / "AuraX")))
    driver.command("exportPictures").trigger()
    assert offered[1] == str(Path.home())
