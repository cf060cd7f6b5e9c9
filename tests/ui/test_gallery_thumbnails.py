"""The Gallery's thumbnails: painting a cell never reads a file (the previews are read
on a worker and kept; a grid drawn again after its files are gone still shows them);
the cells in view are read first, those around them next, and what waited for cells
scrolled past is dropped unread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from aurax_desktop.jobs import Job
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.gallery.grid import ResultsGallery
from aurax_desktop.ui.gallery.model import THUMBNAIL, GalleryModel
from aurax_desktop.ui.gallery.thumbnails import Thumbnails
from tests.factories import jpeg_bytes
from tests.ui.conftest import batch_try_on, shown_grid

GREEN = (30, 160, 90)
Handed = tuple[Callable[[], QImage], Callable[[QImage], None]]


def _job(row: int, column: int, folder: Path | None = None) -> Job:
    job = batch_try_on(row, column, person=f"person-{row}.jpg", garment=f"garment-{column}.jpg")
    if folder is not None:
        job.folder.mkdir(parents=True)
        (job.folder / THUMBNAIL).write_bytes(jpeg_bytes((120, 180), GREEN))
    return job


def _greens(view: ResultsGallery) -> int:
    """How many cells in view show the picture (its middle is the preview's green)."""
    picture = view.viewport().grab().toImage()
    ratio = picture.devicePixelRatio()
    model, shown = view.gallery, 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            rect = view.visualRect(model.index(row, column))
            if rect.isValid() and view.viewport().rect().contains(rect.center()):
                middle = picture.pixelColor(
                    int(rect.center().x() * ratio), int((rect.center().y() - 9) * ratio)
                )
                shown += abs(middle.green() - QColor(*GREEN).green()) < 12
    return shown


def test_painting_reads_no_file_the_previews_are_read_on_a_worker_and_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    handed: list[Handed] = []
    model = GalleryModel(JobCache(), lambda work, done: handed.append((work, done)))
    jobs = [_job(row, column, tmp_path) for row in range(2) for column in range(3)]
    model.show_batch("batch-1", jobs)
    view = shown_grid(qtbot, model, 900, 700)
    assert _greens(view) == 0  # painted at once, with nothing read yet
    qtbot.waitUntil(lambda: len(handed) == 2)  # two reads out at once, the rest wait
    read_on: set[bool] = set()

    def on_a_worker(work: Callable[[], QImage], done: Callable[[QImage], None]) -> None:
        def run() -> None:
            read_on.add(threading.current_thread() is threading.main_thread())
            image = work()
            QTimer.singleShot(0, view, lambda: done(image))  # handed back on the GUI thread

        threading.Thread(target=run).start()

    model.thumbnails._load = on_a_worker  # the window's workers, as BackgroundWork runs them
    for work, done in handed:
        on_a_worker(work, done)
    qtbot.waitUntil(lambda: _greens(view) == 6)
    assert read_on == {False}  # every preview was read off the GUI thread
    assert model.thumbnails.reads == 6
    for job in jobs:
        (job.folder / THUMBNAIL).unlink()
    view.viewport().update()
    assert _greens(view) == 6  # drawn again without its files: nothing is read to paint
    assert model.thumbnails.reads == 6
    view.stop()  # as the window does when it closes


def test_the_cells_in_view_are_read_first_and_those_scrolled_past_are_dropped(
    qtbot: QtBot,
) -> None:
    handed: list[Handed] = []
    model = GalleryModel(JobCache(), lambda work, done: handed.append((work, done)))
    model.show_batch("batch-1", [_job(row, column) for row in range(100) for column in range(100)])
    view = shown_grid(qtbot, model, 700, 500)
    top_left = {
        (f"job-{r}-{c}", round(model.side * model.ratio)) for r in range(3) for c in range(4)
    }
    told = view._in_view  # the grid tells the model what is in view once a frame
    qtbot.waitUntil(lambda: bool(top_left & set(model.thumbnails.waiting)) and not told.pending)
    runs = told.runs
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    corner = model.index(99, 99)
    # The scroll repaints the corner (its cells ask first) and, up to a frame later,
    # the grid tells the model where it now is: what is dropped is dropped then.
    qtbot.waitUntil(
        lambda: (
            told.runs > runs and f"job-{99}-{99}" in {key[0] for key in model.thumbnails.waiting}
        )
    )
    waiting = model.thumbnails.waiting
    assert not top_left & set(waiting)  # what waited for the top left is dropped unread
    rows = {int(key[0].split("-")[1]) for key in waiting}
    assert min(rows) >= 80  # only the cells in view and around them wait
    first = waiting[0][0]
    row, column = (int(part) for part in first.split("-")[1:])
    assert view.viewport().rect().intersects(view.visualRect(model.index(row, column)))
    assert view.visualRect(corner).isValid()
    assert len(handed) == 2  # the reads out at once stay two: the rest wait their turn
    view.stop()


def test_a_cell_painted_again_while_its_thumbnail_waits_names_its_file_once() -> None:
    """While a thumbnail waits its turn, every paint of its cell asks again (and moves
    it to the front), but its file is named once: scrolling paints the same cells many
    times a second, and naming a file is work the GUI thread need not do again. A
    thumbnail read already is never asked for."""
    handed: list[Handed] = []
    thumbnails = Thumbnails(lambda work, done: handed.append((work, done)), lambda *_: None)
    named: list[str] = []

    def name(job_id: str) -> Callable[[], Path]:
        def path() -> Path:
            named.append(job_id)
            return Path(job_id) / THUMBNAIL

        return path

    for job_id in ("a", "b", "c"):  # two go to the workers, the third waits
        thumbnails.ask((job_id, 100), name(job_id))
    for _ in range(5):
        thumbnails.ask(("c", 100), name("c"))
        thumbnails.ask(("a", 100), name("a"))
    assert named == ["a", "b", "c"]
    assert thumbnails.waiting == [("c", 100)] and len(handed) == 2
