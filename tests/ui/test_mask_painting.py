"""Mask painting on the person photo: brush, eraser, invert, clear, opacity, zoom and pan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobStatus
from aurax_desktop.ui.photos.mask_canvas import MaskCanvas
from tests.factories import person_jpeg
from tests.ui.conftest import WindowFactory, drop_file, load_both, stroke
from tests.ui.window_driver import WindowDriver


def coverage(canvas: MaskCanvas) -> float:
    image = canvas.mask_image()
    if image is None:
        return 0.0
    return image.histogram()[255] / (image.width * image.height)


def mask_at(canvas: MaskCanvas, photo_point: tuple[int, int]) -> int:
    image = canvas.mask_image()
    return 0 if image is None else int(image.getpixel(photo_point))  # type: ignore[arg-type]


def screen_point(canvas: MaskCanvas, x: float, y: float) -> QPointF:
    """Where the photo's point at fractions (x, y) is on the screen now."""
    rect = canvas.image_rect()
    return QPointF(rect.left() + rect.width() * x, rect.top() + rect.height() * y)


@pytest.fixture
def studio(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> WindowDriver:
    driver = open_window(demo_factory(task_seconds=0.3))
    load_both(qtbot, driver, photos)  # a 600 x 900 person photo
    driver.try_on.mask_canvas.set_brush_size(40)
    return driver


def test_brush_and_eraser_strokes(studio: WindowDriver) -> None:
    page, canvas = studio.try_on, studio.try_on.mask_canvas
    stroke(canvas, [screen_point(canvas, x, 0.5) for x in (0.2, 0.5, 0.8)])
    assert mask_at(canvas, (300, 450)) == 255 and mask_at(canvas, (300, 100)) == 0
    page.eraser_button.click()
    assert canvas.erasing
    stroke(canvas, [screen_point(canvas, 0.5, y) for y in (0.4, 0.5, 0.6)])
    assert mask_at(canvas, (300, 450)) == 0  # erased where the strokes cross
    assert mask_at(canvas, (150, 450)) == 255  # the rest of the brush stroke stays
    page.brush_button.click()
    assert not canvas.erasing
    # The right button erases whatever tool is picked.
    stroke(
        canvas,
        [screen_point(canvas, 0.25, y) for y in (0.45, 0.55)],
        button=Qt.MouseButton.RightButton,
    )
    assert mask_at(canvas, (150, 450)) == 0
    assert [canvas.undo_stack.text(i) for i in range(canvas.undo_stack.count())] == [
        "Paint",
        "Erase",
        "Erase",
    ]


def test_invert_and_clear_are_steps_that_undo(studio: WindowDriver) -> None:
    canvas = studio.try_on.mask_canvas
    stroke(canvas, [screen_point(canvas, x, 0.5) for x in (0.2, 0.8)])
    painted = coverage(canvas)
    assert 0 < painted < 0.2
    canvas.invert()
    assert coverage(canvas) == pytest.approx(1 - painted)
    canvas.clear_mask()
    assert canvas.mask_image() is None and not canvas.is_painted()
    control = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(canvas, Qt.Key.Key_Z, control)  # Edit → Undo: the last stroke's stack
    assert coverage(canvas) == pytest.approx(1 - painted)
    canvas.undo_stack.undo()
    assert coverage(canvas) == pytest.approx(painted)
    QTest.keyClick(canvas, Qt.Key.Key_Z, control | Qt.KeyboardModifier.ShiftModifier)
    canvas.undo_stack.redo()
    assert canvas.mask_image() is None
    count = canvas.undo_stack.count()
    canvas.clear_mask()  # clearing nothing is not a step
    assert canvas.undo_stack.count() == count


def test_the_opacity_slider_changes_how_strongly_the_mask_shows(studio: WindowDriver) -> None:
    page, canvas = studio.try_on, studio.try_on.mask_canvas
    stroke(canvas, [screen_point(canvas, x, 0.5) for x in (0.2, 0.8)])
    spot = screen_point(canvas, 0.5, 0.5).toPoint()
    colours = []
    for value in (page.opacity.minimum(), page.opacity.maximum()):
        page.opacity.setValue(value)
        assert canvas.opacity == pytest.approx(value / 100)
        colours.append(canvas.grab().toImage().pixelColor(spot))
    assert colours[0] != colours[1]


def test_painting_while_zoomed_and_panned_lands_on_the_photo_point(
    studio: WindowDriver,
) -> None:
    canvas = studio.try_on.mask_canvas
    centre = QPointF(canvas.width() / 2, canvas.height() / 2)
    for _ in range(4):
        QApplication.sendEvent(
            canvas,
            QWheelEvent(
                centre,
                canvas.mapToGlobal(centre),
                QPoint(0, 0),
                QPoint(0, 120),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            ),
        )
    assert not canvas.fitted
    offset = QPointF(canvas.offset)
    stroke(canvas, [centre, centre + QPointF(-30, 20)], button=Qt.MouseButton.MiddleButton)
    assert canvas.offset == offset + QPointF(-30, 20)
    assert canvas.mask_image() is None  # panning paints nothing
    stroke(canvas, [screen_point(canvas, 0.55, 0.45), screen_point(canvas, 0.56, 0.45)])
    assert mask_at(canvas, (int(600 * 0.555), int(900 * 0.45))) == 255
    assert mask_at(canvas, (int(600 * 0.3), int(900 * 0.45))) == 0
    canvas.fit()
    assert canvas.fitted


def test_the_mask_of_a_big_photo_is_sent_scaled_exactly_like_the_photo(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
    tmp_path: Path,
) -> None:
    server = demo_factory(task_seconds=0.3)
    driver = open_window(server)
    big = tmp_path / "big person.jpg"
    big.write_bytes(person_jpeg((3000, 4500)))
    page = driver.try_on
    drop_file(page.person_pane, big)
    drop_file(page.garment_pane, photos["garment.jpg"])
    qtbot.waitUntil(
        lambda: page.person_pane.source is not None and page.garment_pane.source is not None,
        timeout=15000,
    )
    canvas = page.mask_canvas
    stroke(canvas, [screen_point(canvas, x, 0.5) for x in (0.3, 0.7)])
    painted = canvas.mask_image()
    assert painted is not None and painted.size == (3000, 4500)
    page.submit()
    qtbot.waitUntil(
        lambda: any(j.status is JobStatus.COMPLETED for j in driver.jobs()), timeout=20000
    )
    (job,) = driver.jobs()
    received = server.task(job.task_id or "")["received"]
    sent_size = received["personImage"]["size"]
    assert sent_size != [3000, 4500] and received["mask"]["size"] == sent_size
    expected = painted.histogram()[255] / (3000 * 4500)
    assert received["mask"]["coverage"] == pytest.approx(expected, rel=0.03)
    with Image.open(job.folder / "person.jpg") as person:
        assert list(person.size) == sent_size


def test_undo_and_redo_restore_every_pixel_through_overlapping_strokes(
    studio: WindowDriver,
) -> None:
    canvas = studio.try_on.mask_canvas

    def snapshot() -> tuple[bytes, bytes]:
        full = canvas.full_mask.constBits().tobytes()  # type: ignore[union-attr]
        view = canvas.preview_mask.constBits().tobytes()  # type: ignore[union-attr]
        return bytes(full), bytes(view)

    states = [snapshot()]
    strokes = [
        ([(0.1, 0.1), (0.9, 0.9)], Qt.MouseButton.LeftButton),
        ([(0.9, 0.1), (0.1, 0.9)], Qt.MouseButton.LeftButton),
        ([(0.5, 0.0), (0.5, 1.0)], Qt.MouseButton.RightButton),  # erase across both
        ([(0.0, 0.5), (1.0, 0.5)], Qt.MouseButton.LeftButton),  # off the edges too
        ([(0.5, 0.5), (0.51, 0.5)], Qt.MouseButton.RightButton),  # a small erase
    ]
    for size, (points, button) in zip((60, 25, 90, 300, 4), strokes, strict=True):
        canvas.set_brush_size(size)
        stroke(canvas, [screen_point(canvas, x, y) for x, y in points], button=button)
        states.append(snapshot())
    assert len(set(states)) == len(states)  # every stroke changed something
    for expected in reversed(states[:-1]):
        canvas.undo_stack.undo()
        assert snapshot() == expected
    for expected in states[1:]:
        canvas.undo_stack.redo()
        assert snapshot() == expected
