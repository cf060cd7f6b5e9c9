"""The Gallery's grid. Its headers name people and garments for people: a season's
list's names, else the photos' file names without what they all share and without
extensions; the whole file name (and the SKU) in the tooltip. A job that learns its
garment's file later (once it is prepared) names its column then. A selected cell is
framed, its picture (a favourite's too) drawn as it is. Every cell can be scrolled to
at every thumbnail size."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from aurax_desktop.account import SettingsStore
from aurax_desktop.jobs import FAVOURITE, Job, JobKind, JobStatus
from aurax_desktop.jobs.garments import LABEL, SKU
from aurax_desktop.jobs.params import Sent, TryOnParams, encode
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.gallery.grid import PAD
from aurax_desktop.ui.gallery.model import THUMB_SIDE, THUMB_SIDES, GalleryModel
from tests.factories import jpeg_bytes
from tests.ui.conftest import WindowFactory, close_window, shown_grid

PEOPLE = ("SS27-resort-look-model-anna-maria.jpg", "SS27-resort-look-model-beatriz.jpg")
GARMENTS = ("SS27-resort-linen-midi-dress.png", "SS27-resort-court-sneaker.png")
ACROSS, DOWN, TIP = Qt.Orientation.Horizontal, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole


def _job(row: int, column: int, *, prepared: bool = True, listed: bool = False) -> Job:
    details = {LABEL: "Linen midi dress", SKU: "R-001"} if listed and column == 0 else {}
    params = TryOnParams(garment_strength=2, garment_name=GARMENTS[column]) if prepared else None
    return Job(
        id=f"job{row}{column}",
        kind=JobKind.TRY_ON,
        status=JobStatus.COMPLETED if prepared else JobStatus.QUEUED,
        product_type="DRESS",
        params=encode(params, Sent(batch_row=row, batch_column=column, extra=details)),
        source_name=PEOPLE[row],
        batch="batch-1",
        created_at=float(row * 2 + column),
        updated_at=float(row * 2 + column),
        revision=1,
    )


def _model(qtbot: QtBot) -> GalleryModel:
    cache = JobCache()
    return GalleryModel(cache, lambda _work, _done: None)


def test_headers_drop_what_every_name_shares(qtbot: QtBot) -> None:
    model = _model(qtbot)
    model.show_batch("batch-1", [_job(r, c) for r in range(2) for c in range(2)])
    assert [model.headerData(r, DOWN) for r in range(2)] == ["anna maria", "beatriz"]
    assert [model.headerData(c, ACROSS) for c in range(2)] == ["linen midi dress", "court sneaker"]
    assert model.headerData(0, DOWN, TIP) == PEOPLE[0]
    assert model.headerData(1, ACROSS, TIP) == "SS27 resort court sneaker · " + GARMENTS[1]


def test_a_name_written_as_its_file_is_named_once_in_the_tooltip(qtbot: QtBot) -> None:
    """A garment photo named by a person, spaces and all, heads its column as written; its
    tooltip gives the file's name once, not the same words twice."""
    model = _model(qtbot)
    file = "Linen double-breasted blazer in sand, SKU LB-2291-SND.jpg"
    params = TryOnParams(garment_strength=2, garment_name=file)
    job = replace(_job(0, 0), params=encode(params, Sent(batch_row=0, batch_column=0)))
    model.show_batch("batch-1", [job])
    assert model.headerData(0, ACROSS) == "Linen double-breasted blazer in sand, SKU LB-2291-SND"
    assert model.headerData(0, ACROSS, TIP) == file


def test_a_season_list_s_name_and_sku_head_their_column(qtbot: QtBot) -> None:
    model = _model(qtbot)
    model.show_batch("batch-1", [_job(r, c, listed=True) for r in range(2) for c in range(2)])
    assert model.headerData(0, ACROSS) == "Linen midi dress"
    assert model.headerData(0, ACROSS, TIP) == f"Linen midi dress · R-001 · {GARMENTS[0]}"


def test_a_column_is_named_once_its_job_is_prepared(qtbot: QtBot) -> None:
    model = _model(qtbot)
    waiting = _job(0, 1, prepared=False)
    model.show_batch("batch-1", [_job(0, 0), waiting])
    assert model.headerData(1, ACROSS) == "Garment 2"
    told: list[tuple[Qt.Orientation, int, int]] = []
    model.headerDataChanged.connect(lambda *args: told.append(args))
    with qtbot.waitSignal(model.headerDataChanged):  # at the next frame
        model.cache.take(replace(_job(0, 1), revision=2))
    assert (ACROSS, 1, 1) in told
    assert model.headerData(1, ACROSS) == "court sneaker"


def test_a_selected_cell_is_framed_and_its_picture_shown_as_it_is(qtbot: QtBot) -> None:
    cache = JobCache()
    model = GalleryModel(cache, lambda work, done: done(work()))
    jobs = [replace(_job(0, c), mark=FAVOURITE if c == 0 else None) for c in range(2)]
    for job in jobs:
        job.folder.mkdir(parents=True)
        (job.folder / "thumbnail.jpg").write_bytes(jpeg_bytes((120, 180), (30, 160, 90)))
    model.show_batch("batch-1", jobs)
    view = shown_grid(qtbot, model, 700, 400)

    def drawn(column: int) -> tuple[str, str]:
        """A cell's margin beside its portrait picture (inside the selection's frame),
        and the picture's middle."""
        picture = view.viewport().grab().toImage()
        ratio = picture.devicePixelRatio()
        rect = view.visualRect(model.index(0, column))
        margin = (rect.left() + PAD - 2, rect.center().y())
        middle = (rect.center().x(), rect.center().y())
        return tuple(  # type: ignore[return-value]
            picture.pixelColor(int(x * ratio), int(y * ratio)).name() for x, y in (margin, middle)
        )

    paper = view.viewport().palette().color(QPalette.ColorRole.Base).name()  # either theme
    qtbot.waitUntil(lambda: drawn(1)[1] == "#1ea05a")  # the thumbnails are in
    assert drawn(1) == (paper, "#1ea05a")
    view.setFocus()
    view.setCurrentIndex(model.index(0, 1))  # the focus on the other cell
    view.clearSelection()
    unselected = drawn(0)
    assert unselected == drawn(1)  # a favourite drawn as it is
    assert drawn(1) == (paper, "#1ea05a")  # the focused cell too
    view.setCurrentIndex(model.index(0, 0))
    qtbot.waitUntil(lambda: view.selected_jobs() == [jobs[0]])
    assert drawn(0) == unselected  # no fill over the cell or the picture
    framed = view.viewport().grab().toImage()
    ratio = framed.devicePixelRatio()
    rect = view.visualRect(model.index(0, 0))
    edge = framed.pixelColor(int((rect.left() + 3) * ratio), int(rect.center().y() * ratio))
    assert edge.name() != unselected[0]  # the frame
    view.stop()  # as the window does when it closes (its view's pending redraw)


def test_every_cell_can_be_scrolled_to_at_every_thumbnail_size(qtbot: QtBot) -> None:
    """Larger and smaller thumbnails resize the cells, and the scroll bars follow: the
    last row and column come into view at the bars' ends, and no empty band lies past
    them."""

    def job(row: int, column: int) -> Job:
        params = TryOnParams(garment_strength=2, garment_name=f"garment {column}.jpg")
        return replace(
            _job(0, 0),
            id=f"job-{row}-{column}",
            params=encode(params, Sent(batch_row=row, batch_column=column)),
            source_name=f"person {row}.jpg",
        )

    model = _model(qtbot)
    model.show_batch("batch-1", [job(r, c) for r in range(10) for c in range(10)])
    view = shown_grid(qtbot, model, 800, 500)
    last = model.index(9, 9)
    sizes = []
    for step in (view.larger, view.larger, view.smaller, view.smaller, view.smaller):
        step()
        sizes.append(view.visualRect(model.index(0, 0)).size())
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.setValue(bar.maximum())
        room = view.viewport().rect()
        cell = view.visualRect(last)
        assert room.contains(cell), (model.side, cell, room)
        assert cell.right() == room.right() and cell.bottom() == room.bottom()  # no band
    assert len(set(map(str, sizes))) == 4  # four sizes were shown, each one whole
    view.stop()


def test_a_batch_shown_again_takes_its_own_shape(qtbot: QtBot) -> None:
    """Portraits, then landscapes, then the portraits again (their thumbnails kept from
    the first time): the cells take each batch's shape, not the batch shown before."""
    model = GalleryModel(JobCache(), lambda work, done: done(work()))
    batches = {}
    for batch, size in (("portraits", (120, 180)), ("landscapes", (180, 120))):
        jobs = [replace(_job(0, c), id=f"{batch}-{c}", batch=batch) for c in range(2)]
        for job in jobs:
            job.folder.mkdir(parents=True)
            (job.folder / "thumbnail.jpg").write_bytes(jpeg_bytes(size, (30, 160, 90)))
        batches[batch] = jobs
    shapes = []
    for batch in ("portraits", "landscapes", "portraits"):
        model.show_batch(batch, batches[batch])
        model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)  # painted: read
        shapes.append(round(model.aspect, 1))
    assert shapes == [0.7, 1.5, 0.7]
    model.stop()


def test_ctrl_end_selects_the_last_result_it_goes_to(qtbot: QtBot) -> None:
    """Ctrl+End and Ctrl+Home go to the last and the first result and select it: the
    framed cell is the one the Result pane shows and the keys act on."""
    model = _model(qtbot)
    jobs = [_job(r, c) for r in range(2) for c in range(2)]
    model.show_batch("batch-1", jobs)
    view = shown_grid(qtbot, model, 700, 500)
    view.setFocus()
    view.setCurrentIndex(model.index(0, 1))
    chosen: list[Job] = []
    view.chosen.connect(chosen.append)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert [j.id for j in view.selected_jobs()] == ["job11"] == [view.chosen_jobs()[0].id]
    assert chosen[-1].id == "job11"
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert [j.id for j in view.selected_jobs()] == ["job00"] == [chosen[-1].id]
    view.stop()


def test_the_thumbnail_size_is_the_one_the_next_start_opens_with(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    """Ctrl+= in the Gallery is kept with the settings: the next window opens its
    Gallery at that size (a size the program does not offer falls back to its own)."""
    driver = open_window(demo=True)
    grid = driver.grid
    assert grid.gallery.side == THUMB_SIDE
    grid.larger()
    larger = grid.gallery.side
    assert larger > THUMB_SIDE
    qtbot.waitUntil(lambda: SettingsStore().load().settings.gallery_side == larger)
    close_window(driver.window)
    again = open_window(demo=True)
    assert again.grid.gallery.side == larger
    assert again.gallery.page.size_slider.value() == THUMB_SIDES.index(larger)
