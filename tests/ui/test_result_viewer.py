"""The result viewer: before and after with a draggable divider, zoom, pan, save, copy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import BatchSent, Job, JobStatus
from aurax_desktop.ui.common.comparison import ComparisonCanvas
from tests.ui.conftest import WindowFactory, load_both, run_try_on, stroke
from tests.ui.window_driver import WindowDriver


def finished(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> tuple[WindowDriver, Job]:
    driver = open_window(demo_factory(task_seconds=0.3))
    job = run_try_on(qtbot, driver, photos)
    qtbot.waitUntil(driver.viewer.canvas.has_image, timeout=10000)
    return driver, job


def colour_at(canvas: ComparisonCanvas, fraction: tuple[float, float]) -> QColor:
    rect = canvas.image_rect()
    point = QPointF(
        rect.left() + rect.width() * fraction[0], rect.top() + rect.height() * fraction[1]
    )
    return canvas.grab().toImage().pixelColor(point.toPoint())


def distance(a: QColor, b: tuple[int, ...]) -> int:
    return abs(a.red() - b[0]) + abs(a.green() - b[1]) + abs(a.blue() - b[2])


def test_before_and_after_with_a_draggable_divider(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver, job = finished(qtbot, open_window, demo_factory, photos)
    viewer, canvas = driver.viewer, driver.viewer.canvas
    # the caption says whose result it is, with what
    person, garment = Path(job.source_name or "").stem, job.params["garment_name"]
    assert viewer.caption.text().startswith(f"{person} with {Path(garment).stem}")
    # A spot the try-on clearly changed (the middle of the most changed 16-pixel block).
    with Image.open(job.folder / "person.jpg") as p, Image.open(job.result_paths[0]) as r:
        person, result = p.convert("RGB"), r.convert("RGB")
        blocks = ImageChops.difference(person, result).convert("L").reduce(16)
        # Away from the edges, where the demo's badge sits.
        middle = [
            (blocks.getpixel((i, j)), (i, j))
            for i in range(blocks.width // 5, blocks.width * 4 // 5)
            for j in range(blocks.height // 5, blocks.height * 4 // 5)
        ]
        _most, (bx, by) = max(middle)
        x, y = bx * 16 + 8, by * 16 + 8
        before, after = person.getpixel((x, y)), result.getpixel((x, y))
    assert distance(QColor(*before), after) > 60
    spot = (x / person.width, y / person.height)
    assert distance(colour_at(canvas, spot), after) < distance(colour_at(canvas, spot), before)

    viewer.compare_button.click()
    qtbot.waitUntil(lambda: canvas.before is not None and canvas.comparing)
    rect = canvas.image_rect()

    def at(fraction: float) -> QPointF:
        return QPointF(rect.left() + rect.width() * fraction, rect.center().y())

    stroke(canvas, [at(0.5), at(0.7), at(spot[0] + 0.1)])  # the divider, dragged right
    assert abs(canvas.divider - (spot[0] + 0.1)) < 0.01
    assert distance(colour_at(canvas, spot), before) < distance(colour_at(canvas, spot), after)
    stroke(canvas, [at(canvas.divider), at(spot[0] - 0.1)])  # and back left of the spot
    assert abs(canvas.divider - (spot[0] - 0.1)) < 0.01
    assert distance(colour_at(canvas, spot), after) < distance(colour_at(canvas, spot), before)
    viewer.compare_button.click()
    assert not canvas.comparing


def test_zoom_with_buttons_and_wheel_pan_and_fit(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver, _job = finished(qtbot, open_window, demo_factory, photos)
    canvas = driver.viewer.canvas
    fitted = canvas.zoom_percent()
    canvas.zoom_by(1.25)
    assert canvas.zoom_percent() == pytest.approx(fitted * 1.25)
    centre = QPointF(canvas.width() / 2, canvas.height() / 2)
    wheel = QWheelEvent(
        centre,
        canvas.mapToGlobal(centre),
        QPointF(0, 0).toPoint(),
        QPointF(0, 120).toPoint(),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas, wheel)
    assert canvas.zoom_percent() == pytest.approx(fitted * 1.25 * 1.15)
    offset = QPointF(canvas.offset)  # a copy: panning moves the canvas's own point
    stroke(canvas, [centre, centre + QPointF(40, 25)])  # a left drag pans the result
    assert canvas.offset == offset + QPointF(40, 25)
    canvas.fit()
    assert canvas.zoom_percent() == pytest.approx(fitted) and canvas.fitted


def test_save_as_png_and_jpeg_and_explain_a_failure(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
    tmp_path: Path,
) -> None:
    driver, job = finished(qtbot, open_window, demo_factory, photos)
    viewer = driver.viewer
    with Image.open(job.result_paths[0]) as result:
        size = result.size
    for name, kind in (("look.png", "PNG"), ("look.jpg", "JPEG")):
        with qtbot.waitSignal(viewer.message, timeout=10000) as said:
            viewer.save_to(tmp_path / "saved" / name)
        assert said.args == [f"Saved {name}."]
        with Image.open(tmp_path / "saved" / name) as saved:
            assert (saved.format, saved.size) == (kind, size)
    (tmp_path / "a file").write_text("not a folder")
    with qtbot.waitSignal(viewer.message, timeout=10000) as said:
        viewer.save_to(tmp_path / "a file" / "look.png")
    assert said.args[0].startswith("“look.png” could not be saved in")


def test_copy_puts_the_full_result_on_the_clipboard(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver, job = finished(qtbot, open_window, demo_factory, photos)
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(driver.viewer.message) as said:
        driver.viewer.copy()
    assert said.args == ["The result is on the clipboard."]
    copied = QGuiApplication.clipboard().image()
    with Image.open(job.result_paths[0]) as result:
        assert (copied.width(), copied.height()) == result.size


def test_a_job_that_finishes_before_its_sent_callback_still_shows(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    """The runner's events can overtake the "sent" callback on a busy machine: the
    list must not fall back to the stale "preparing" snapshot, and the result must
    still be shown (the callback is held back here to make that happen every time)."""
    driver = open_window(demo_factory(task_seconds=0.2))
    load_both(qtbot, driver, photos)
    held: list[BatchSent] = []
    driver.try_on.batchSent.disconnect()
    driver.try_on.batchSent.connect(held.append)
    driver.try_on.submit()
    qtbot.waitUntil(lambda: len(held) == 1, timeout=10000)
    (sent,) = held
    (job_id,) = sent.job_ids
    runner = driver.session.runner
    assert runner is not None
    (done,) = runner.wait([job_id], timeout=20)
    assert done.status is JobStatus.COMPLETED
    qtbot.waitUntil(lambda: driver.jobs()[0].status is JobStatus.COMPLETED)
    driver.announcer.batch_sent(sent)  # the late callback
    assert driver.jobs()[0].status is JobStatus.COMPLETED
    qtbot.waitUntil(driver.viewer.canvas.has_image, timeout=10000)
    assert driver.viewer.job is not None and driver.viewer.job.id == job_id
