"""The Gallery's grid at the laptop sizes, in both themes: at its smallest, six garment
columns or more beside the Jobs column; cells as narrow as their portraits; names cut at
their end, never in the middle; a cell's marks (its flag, its stars, its variants)
under its picture, never on it; and its menu handing the result on as a person or a
garment photo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from aurax_desktop.jobs import FAVOURITE
from aurax_desktop.ui.gallery.grid import BAND, PAD, picture_box
from aurax_desktop.ui.gallery.menu import cell_menu
from aurax_desktop.ui.gallery.model import THUMB_SIDES
from aurax_desktop.ui.gallery.page import GRID_KEYS
from tests.ui.conftest import WindowFactory
from tests.ui.photographers_batch import BATCH, GARMENTS, result_colour, write_batch
from tests.ui.window_driver import WindowDriver

SIZES = [(1366, 700), (1280, 740)]


@pytest.fixture(params=["light", "dark"])
def driver(request: pytest.FixtureRequest, open_window: WindowFactory) -> Iterator[WindowDriver]:
    write_batch(variants={(0, 1): 2})
    shown = open_window(demo=True)
    shown.set_theme(request.param)
    yield shown
    shown.set_theme("")


def gallery_at(qtbot: QtBot, driver: WindowDriver, size: tuple[int, int]) -> None:
    driver.window.setGeometry(0, 0, *size)
    qtbot.waitUntil(lambda: (driver.window.width(), driver.window.height()) == size)
    driver.first_split()  # as on a first run at this size
    driver.page("gallery")
    driver.gallery.refresh_batches(BATCH)
    qtbot.waitUntil(lambda: driver.gallery.model.counts()["done"] == 17, timeout=10_000)


def drawn(driver: WindowDriver) -> QImage:
    return driver.grid.viewport().grab().toImage()


def colour_at(picture: QImage, x: int, y: int) -> QColor:
    ratio = picture.devicePixelRatio()
    return picture.pixelColor(int(x * ratio), int(y * ratio))


def near(colour: QColor, expected: tuple[int, int, int]) -> bool:
    found = (colour.red(), colour.green(), colour.blue())
    return sum(abs(a - b) for a, b in zip(found, expected, strict=True)) < 30


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_six_columns_at_the_smallest_beside_the_jobs_and_names_cut_at_their_end(
    qtbot: QtBot, driver: WindowDriver, size: tuple[int, int]
) -> None:
    gallery_at(qtbot, driver, size)
    grid, model = driver.grid, driver.gallery.model
    assert driver.side_column_shown()
    driver.gallery.page.size_slider.setValue(0)
    assert model.side == THUMB_SIDES[0]
    qtbot.waitUntil(lambda: model.aspect == pytest.approx(256 / 384, abs=0.01))
    # each column as narrow as a portrait thumbnail and its frame
    assert grid.columnWidth(0) == picture_box(THUMB_SIDES[0], model.aspect).width() + 2 * PAD
    sixth = grid.visualRect(model.index(0, 5))
    assert sixth.left() >= 0 and sixth.right() < grid.viewport().width(), (
        sixth,
        grid.viewport().width(),
    )
    # the names keep their start: cut at the end, the whole name in the tooltip
    for header in (grid.horizontalHeader(), grid.verticalHeader()):
        assert header.textElideMode() is Qt.TextElideMode.ElideRight
    across = str(model.headerData(0, Qt.Orientation.Horizontal))
    assert across.lower().startswith("court sneaker")
    header = grid.horizontalHeader()
    shown = header.fontMetrics().elidedText(across, header.textElideMode(), grid.columnWidth(0))
    assert shown.endswith("…") and across.startswith(shown[:-1])  # "court s…"
    tip = str(model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
    assert GARMENTS[0].lower().replace(" ", "-") in tip
    # the keys above the grid: as many as fit, each whole, the most wanted first
    keys = driver.gallery.page.keys_hint
    shown_keys = keys.text().split(" · ")
    assert "…" not in keys.text() and shown_keys[0] == "F favourite"
    assert shown_keys == [str(key) for key in GRID_KEYS][: len(shown_keys)]
    assert keys.fontMetrics().horizontalAdvance(keys.text()) <= keys.contentsRect().width()
    # a cell's menu hands its result on as either photo
    grid.setCurrentIndex(model.index(1, 5))
    menu = cell_menu(driver.window.commands, grid)
    offered = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
    assert offered["Use as person photo"] and offered["Use as garment photo"]
    menu.deleteLater()


@pytest.mark.parametrize("side", [THUMB_SIDES[0], THUMB_SIDES[2]])
def test_a_cells_marks_sit_under_its_picture_never_on_it(
    qtbot: QtBot, driver: WindowDriver, side: int
) -> None:
    gallery_at(qtbot, driver, SIZES[0])
    grid, model = driver.grid, driver.gallery.model
    grid.set_side(side)
    cell = model.index(0, 1)  # tried twice: its newest result stands for it
    job = model.job_at(cell)
    assert job is not None
    driver.gallery.culling.mark([job], FAVOURITE)
    driver.gallery.culling.rate([job], 5)
    qtbot.waitUntil(driver.edits_saved, timeout=10_000)
    grid.clearSelection()
    grid.setCurrentIndex(model.index(1, 7))  # the focus elsewhere: the cell drawn plainly
    grid.clearSelection()
    grid.scrollTo(cell)
    colour = result_colour(0, 1, 1)
    rect = grid.visualRect(cell)

    def picture_whole() -> bool:
        image = drawn(driver)
        box = picture_box(side, model.aspect)
        left = rect.left() + (rect.width() - box.width()) // 2
        top = rect.top() + PAD + (rect.height() - 2 * PAD - BAND - box.height()) // 2
        inside = QRect(left, top, box.width(), box.height()).adjusted(2, 2, -2, -2)
        return all(
            near(colour_at(image, x, y), colour)
            for x in range(inside.left(), inside.right() + 1, 2)
            for y in range(inside.top(), inside.bottom() + 1, 2)
        )

    qtbot.waitUntil(picture_whole, timeout=10_000)  # the thumbnail is in, and nothing on it
    image = drawn(driver)
    paper = grid.viewport().palette().color(QPalette.ColorRole.Base)
    band = [
        colour_at(image, x, y)
        for x in range(rect.left() + PAD, rect.right() - PAD)
        for y in range(rect.bottom() - PAD - BAND + 2, rect.bottom() - PAD // 2)
    ]
    inked = [c for c in band if abs(c.lightness() - paper.lightness()) > 40]
    assert len(inked) > 40  # the flag, the stars and the variants' count are drawn there
