"""The loupe as a photographer culls with it, at the laptop sizes and in both themes: it
fills the window (F11 the screen) with the result at least 600 px tall; Z shows the
result's own pixels and a drag pans them; D puts the person photo left of a divider and
B held down shows it whole; and the loupe, the grid's selection and the Result pane
show one current result."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.ui.gallery.model import THUMB_SIDES
from tests.ui.conftest import WindowFactory, stroke
from tests.ui.photographers_batch import (
    BATCH,
    PERSON_COLOUR,
    RESULT,
    result_colour,
    write_batch,
)
from tests.ui.window_driver import WindowDriver

SIZES = [(1366, 700), (1280, 740)]
"""A 1366 x 768 laptop and a 1280 x 800 screen, less the desktop's panel and the title
bar."""


@pytest.fixture(params=["light", "dark"])
def driver(request: pytest.FixtureRequest, open_window: WindowFactory) -> Iterator[WindowDriver]:
    write_batch(variants={(0, 1): 2})
    shown = open_window(demo=True)
    shown.set_theme(request.param)
    yield shown
    shown.set_theme("")


def gallery_at(qtbot: QtBot, driver: WindowDriver, size: tuple[int, int]) -> None:
    """The batch in the Gallery, the window at ``size`` and in front."""
    driver.window.setGeometry(0, 0, *size)
    qtbot.waitUntil(lambda: (driver.window.width(), driver.window.height()) == size)
    driver.page("gallery")
    driver.gallery.refresh_batches(BATCH)
    qtbot.waitUntil(
        lambda: driver.gallery.model.counts()["done"] == 17, timeout=10_000
    )  # 16 cells, a variant
    driver.window.activateWindow()
    qtbot.waitUntil(driver.window.isActiveWindow)


def seen(driver: WindowDriver, point: QPointF) -> QColor:
    """The colour the loupe shows at ``point`` (its canvas's coordinates)."""
    canvas = driver.loupe.canvas
    picture = canvas.grab().toImage()
    ratio = picture.devicePixelRatio()
    return picture.pixelColor(int(point.x() * ratio), int(point.y() * ratio))


def near(colour: QColor, expected: tuple[int, int, int]) -> bool:
    """Within JPEG's error of ``expected``."""
    found = (colour.red(), colour.green(), colour.blue())
    return sum(abs(a - b) for a, b in zip(found, expected, strict=True)) < 30


def hold(widget: QWidget, key: Qt.Key, *, down: bool) -> None:
    kind = QEvent.Type.KeyPress if down else QEvent.Type.KeyRelease
    QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_loupe_fills_the_window_and_the_result_shows_large(
    qtbot: QtBot, driver: WindowDriver, size: tuple[int, int]
) -> None:
    gallery_at(qtbot, driver, size)
    grid, loupe = driver.grid, driver.loupe
    grid.setFocus()
    grid.setCurrentIndex(driver.gallery.model.index(1, 2))
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert driver.loupe_open()
    qtbot.waitUntil(loupe.canvas.has_image, timeout=10_000)
    # the window's whole room: no page list, no result, no jobs beside it
    assert loupe.isVisible() and not driver.page_list.isVisible()
    assert not driver.pane("result").isVisible() and not driver.pane("jobs").isVisible()
    assert loupe.width() == driver.room().width()
    picture = loupe.canvas.image_rect()
    assert picture.height() >= 600, picture
    assert picture.height() == pytest.approx(loupe.canvas.height(), abs=1)  # as large as fits
    assert near(seen(driver, picture.center()), result_colour(1, 2))
    # F11: the screen; again: the window as it was
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_F11)
    qtbot.waitUntil(driver.window.isFullScreen)
    assert driver.command("fullScreen").isChecked()
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not driver.window.isFullScreen())
    # back to the grid, on the same cell; the page list and the column are back
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Escape)
    assert not driver.loupe_open() and not loupe.isVisible()
    assert driver.page_list.isVisible() and driver.pane("result").isVisible()
    assert grid.currentIndex() == driver.gallery.model.index(1, 2)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_z_shows_the_results_own_pixels_and_a_drag_pans_them(
    qtbot: QtBot, driver: WindowDriver, size: tuple[int, int]
) -> None:
    gallery_at(qtbot, driver, size)
    driver.gallery.page.open_loupe(driver.gallery.model.index(0, 0))
    canvas = driver.loupe.canvas
    qtbot.waitUntil(canvas.has_image, timeout=10_000)
    assert canvas.display is not None and canvas.display.width() == RESULT[0] // 2  # the preview
    fitted = canvas.zoom_percent()
    assert fitted < 100
    qtbot.keyClick(canvas, Qt.Key.Key_Z)
    ratio = canvas.devicePixelRatioF()
    assert canvas.zoom_percent() * ratio == pytest.approx(100)
    # the whole result is read in place of its preview, the view where it was
    qtbot.waitUntil(lambda: canvas.display is not None and canvas.display.width() == RESULT[0])
    assert canvas.zoom_percent() * ratio == pytest.approx(100)
    offset = QPointF(canvas.offset)
    middle = QPointF(canvas.width() / 2, canvas.height() / 2)
    stroke(canvas, [middle, middle + QPointF(-60, -40)])  # a left drag pans
    assert canvas.offset == offset + QPointF(-60, -40)
    qtbot.keyClick(canvas, Qt.Key.Key_Z)  # again: fitted
    assert canvas.fitted and canvas.zoom_percent() == pytest.approx(fitted, rel=0.01)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_before_and_after_against_the_person_photo(
    qtbot: QtBot, driver: WindowDriver, size: tuple[int, int]
) -> None:
    gallery_at(qtbot, driver, size)
    driver.gallery.page.open_loupe(driver.gallery.model.index(1, 3))
    loupe = driver.loupe
    canvas = loupe.canvas
    qtbot.waitUntil(lambda: canvas.has_image() and canvas.before is not None, timeout=10_000)
    picture = canvas.image_rect()
    left = QPointF(picture.left() + picture.width() * 0.25, picture.center().y())
    right = QPointF(picture.left() + picture.width() * 0.75, picture.center().y())
    assert near(seen(driver, left), result_colour(1, 3))
    qtbot.keyClick(canvas, Qt.Key.Key_D)  # the divider, in the middle
    assert loupe.compare_button.isChecked() and canvas.comparing
    assert near(seen(driver, left), PERSON_COLOUR)
    assert near(seen(driver, right), result_colour(1, 3))
    stroke(canvas, [QPointF(canvas.divider_x(), picture.center().y()), right])  # dragged
    assert canvas.divider == pytest.approx(0.75, abs=0.01)
    assert near(seen(driver, QPointF(picture.center())), PERSON_COLOUR)
    qtbot.keyClick(canvas, Qt.Key.Key_D)
    assert not loupe.compare_button.isChecked()
    assert near(seen(driver, left), result_colour(1, 3))
    hold(canvas, Qt.Key.Key_B, down=True)  # held: the person photo whole
    assert near(seen(driver, right), PERSON_COLOUR)
    hold(canvas, Qt.Key.Key_B, down=False)
    assert near(seen(driver, right), result_colour(1, 3))


def test_the_loupe_the_grid_and_the_result_pane_show_one_current_result(
    qtbot: QtBot, driver: WindowDriver
) -> None:
    gallery_at(qtbot, driver, SIZES[0])
    model, grid, loupe, viewer = driver.gallery.model, driver.grid, driver.loupe, driver.viewer
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, 0))
    assert viewer.job is not None and viewer.job.id == "r0c0v0"
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    qtbot.waitUntil(loupe.canvas.has_image, timeout=10_000)
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Right)  # the next result: the grid follows
    assert grid.currentIndex() == model.index(0, 1)
    assert grid.selectedIndexes() == [model.index(0, 1)]
    # the cell tried twice shows its newest result; Up brings back the first
    assert loupe.job() is not None and loupe.job().id == "r0c1v1"  # type: ignore[union-attr]
    assert viewer.job is not None and viewer.job.id == "r0c1v1"
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: viewer.job is not None and viewer.job.id == "r0c1v0")
    assert loupe.job() is not None and loupe.job().id == "r0c1v0"  # type: ignore[union-attr]
    qtbot.waitUntil(driver.edits_saved, timeout=10_000)
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Escape)
    # a row chosen in the Jobs list (the batch's rows shown): the grid selects its cell
    jobs = driver.job_model
    driver.job_list.groups.toggle(jobs.index(jobs.row_of("r1c5v0") or 0), expanded=True)
    driver.pane("jobs").select("r1c5v0")
    assert viewer.job is not None and viewer.job.id == "r1c5v0"
    assert grid.currentIndex() == model.index(1, 5)
    # and the loupe, opened, shows it; the slider at its smallest changes none of it
    driver.gallery.page.size_slider.setValue(0)
    assert model.side == THUMB_SIDES[0]
    driver.gallery.page.open_loupe(grid.currentIndex())
    assert loupe.job() is not None and loupe.job().id == "r1c5v0"  # type: ignore[union-attr]
    assert loupe.mapTo(driver.room(), QPoint(0, 0)) == QPoint(0, 0)  # the whole room
