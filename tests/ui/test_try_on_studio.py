"""The Try-On studio driven through its real widgets against the demo server."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QGuiApplication, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListView,
    QPushButton,
    QSlider,
)
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobStatus
from aurax_desktop.ui.common.canvas import ImageCanvas
from aurax_desktop.ui.photos.image_pane import ImagePane
from aurax_desktop.ui.photos.mask_canvas import MaskCanvas
from tests.api.scripted_server import ScriptedServer, answer
from tests.ui.conftest import WindowFactory, drop, drop_file, load_both, stroke

NAMES = {
    "personPane": ImagePane,
    "garmentPane": ImagePane,
    "maskCanvas": MaskCanvas,
    "productTypeCombo": QComboBox,
    "garmentStrength": QSlider,
    "promptEdit": QLineEdit,
    "runWithPromptCheck": QCheckBox,
    "submitButton": QPushButton,
    "jobList": QListView,
    "resultView": ImageCanvas,
}


def test_widgets_carry_their_names(
    open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    driver = open_window(demo_factory())
    for name, kind in NAMES.items():
        widget = driver.window.findChild(kind, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_drop_paint_undo_redo_submit_and_see_the_result(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    server = demo_factory(task_seconds=0.5)
    driver = open_window(server)
    page = driver.try_on
    load_both(qtbot, driver, photos)
    assert page.person_pane.size_label.text() == "600 × 900 px"
    canvas = page.mask_canvas
    rect = canvas.image_rect()

    def at(x: float, y: float) -> QPointF:
        return QPointF(rect.left() + rect.width() * x, rect.top() + rect.height() * y)

    canvas.set_brush_size(30)
    stroke(canvas, [at(0.3, 0.4), at(0.5, 0.4), at(0.7, 0.4)])
    assert canvas.is_painted()
    painted = canvas.mask_image()
    assert painted is not None and painted.size == (600, 900)  # the photo's own resolution
    canvas.undo_stack.undo()
    assert not canvas.is_painted()
    canvas.undo_stack.redo()
    assert canvas.is_painted()
    after_redo = canvas.mask_image()
    assert after_redo is not None and after_redo.tobytes() == painted.tobytes()

    page.product_type.setCurrentIndex(page.product_type.findData("DRESS"))
    assert page.submit_button.isEnabled()
    assert page.submit_button.text() == "Try on · 3 credits"
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(j.status is JobStatus.COMPLETED for j in driver.jobs()), timeout=20000
    )
    qtbot.waitUntil(driver.viewer.canvas.has_image, timeout=10000)
    (job,) = driver.jobs()
    assert driver.viewer.job is not None and driver.viewer.job.id == job.id
    record = server.task(job.task_id or "")
    received = record["received"]
    assert received["mask"]["size"] == received["personImage"]["size"] == [600, 900]
    coverage = painted.histogram()[255] / (600 * 900)
    assert received["mask"]["coverage"] == pytest.approx(coverage, rel=0.02)
    assert received["productType"] == "DRESS"
    result = Image.open(io.BytesIO(job.result_paths[0].read_bytes()))
    assert result.size == (600, 900)


def test_no_mask_painted_sends_none(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    server = demo_factory(task_seconds=0.3)
    driver = open_window(server)
    load_both(qtbot, driver, photos)
    driver.try_on.submit()
    qtbot.waitUntil(lambda: any(j.task_id for j in driver.jobs()), timeout=10000)
    (task,) = server.tasks()
    assert task["received"]["mask"] is None
    qtbot.waitUntil(lambda: all(j.status.is_final for j in driver.jobs()), timeout=10000)


def test_bad_drops_are_explained_and_keep_the_photo(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory())
    pane = driver.try_on.person_pane
    drop_file(pane, photos["notes.jpg"])
    qtbot.waitUntil(lambda: "is not a picture" in pane.message_text(), timeout=10000)
    assert pane.source is None
    drop_file(pane, photos["person.jpg"])
    qtbot.waitUntil(lambda: pane.source is not None, timeout=10000)
    drop_file(pane, photos["broken.jpg"])
    qtbot.waitUntil(lambda: "damaged or incomplete" in pane.message_text(), timeout=10000)
    assert "The photo you had is still here" in pane.message_text()
    assert pane.source is not None and pane.source.name == "person.jpg"
    mime = QMimeData()
    mime.setText("just some words")
    drop(pane, mime)
    assert "not a picture" in pane.message_text()


def test_a_link_dragged_from_a_browser_is_downloaded(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
) -> None:
    driver = open_window(demo_factory())
    pane = driver.try_on.garment_pane
    picture = io.BytesIO()
    Image.new("RGB", (320, 240), (10, 120, 30)).save(picture, "PNG")
    with ScriptedServer() as web:
        web.on("/shop/jacket.png", answer(picture.getvalue(), content_type="image/png"))
        mime = QMimeData()
        mime.setUrls([QUrl(web.url + "/shop/jacket.png")])
        drop(pane, mime)
        qtbot.waitUntil(lambda: pane.source is not None, timeout=10000)
    assert pane.source is not None and pane.source.name == "jacket.png"
    assert pane.source.size == (320, 240)


def test_paste_from_the_clipboard(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    driver = open_window(demo_factory())
    pane = driver.try_on.garment_pane
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.blue)
    QGuiApplication.clipboard().setImage(image)
    driver.window.windowHandle().requestActivate()  # shortcuts go to the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is driver.window, timeout=5000)
    pane.canvas.setFocus()
    qtbot.keyClick(pane.canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.source is not None, timeout=10000)
    assert pane.source is not None and pane.source.size == (200, 100)
    QGuiApplication.clipboard().setText("not a picture")
    pane.paste()
    assert "holds no picture" in pane.message_text()
    assert pane.source is not None  # the pasted photo stays


def test_submit_is_disabled_with_the_reason(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory())
    driver.window.resize(1366, 700)  # a laptop's room: the reason is read whole, never cut
    page = driver.try_on
    assert not page.submit_button.isEnabled()
    assert page.reason.text() == "Add a person and a garment photo."
    qtbot.waitUntil(lambda: page.reason.heightForWidth(page.reason.width()) <= page.reason.height())
    drop_file(page.person_pane, photos["person.jpg"])
    qtbot.waitUntil(lambda: page.person_pane.source is not None, timeout=10000)
    assert page.reason.text() == "Add a garment photo."
    drop_file(page.garment_pane, photos["garment.jpg"])
    qtbot.waitUntil(page.submit_button.isEnabled, timeout=10000)
    page.run_with_prompt.setChecked(True)
    assert not page.submit_button.isEnabled()
    assert "Write a prompt" in page.reason.text()
    qtbot.waitUntil(lambda: page.reason.heightForWidth(page.reason.width()) <= page.reason.height())
    qtbot.keyClicks(page.prompt_edit, "sleeves rolled up")
    assert page.submit_button.isEnabled() and page.reason.text() == ""
    page.person_pane.clear()
    assert page.reason.text() == "Add a person photo."


def test_brush_keys_and_ctrl_enter(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    server = demo_factory(task_seconds=0.3)
    driver = open_window(server)
    load_both(qtbot, driver, photos)
    canvas = driver.try_on.mask_canvas
    canvas.setFocus()
    size = canvas.brush_size
    qtbot.keyClick(canvas, Qt.Key.Key_BracketRight)
    assert canvas.brush_size > size
    assert driver.try_on.brush_size.value() == canvas.brush_size
    qtbot.keyClick(canvas, Qt.Key.Key_BracketLeft)
    qtbot.keyClick(canvas, Qt.Key.Key_BracketLeft)
    assert canvas.brush_size < size
    qtbot.keyClick(
        driver.try_on.prompt_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: len(driver.jobs()) == 1, timeout=10000)
    qtbot.waitUntil(lambda: all(j.status.is_final for j in driver.jobs()), timeout=10000)


def test_a_failing_server_shows_the_error_and_keeps_the_inputs(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory(fail_rate=1.0, task_seconds=0.3))
    load_both(qtbot, driver, photos)
    driver.try_on.prompt_edit.setText("keep me")
    driver.try_on.submit()
    qtbot.waitUntil(lambda: any(j.status is JobStatus.FAILED for j in driver.jobs()), timeout=15000)
    (job,) = driver.jobs()
    index = driver.job_model.index(0)
    assert "Simulated failure" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Simulated failure" in (job.error or "")
    page = driver.try_on
    assert page.person_pane.source is not None and page.garment_pane.source is not None
    assert page.prompt_edit.text() == "keep me"
    actions = {a.text(): a.isEnabled() for a in driver.job_list.actions_for(job)}
    assert actions["Retry as a new job…"] and not actions["Open result"]


def test_a_pane_is_outlined_while_a_file_is_dragged_over_it(
    open_window: WindowFactory, demo_factory: Callable[..., DemoServer], photos: dict[str, Path]
) -> None:
    driver = open_window(demo_factory())
    pane = driver.try_on.garment_pane
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photos["garment.jpg"]))])
    enter = QDragEnterEvent(
        QPoint(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(pane, enter)
    assert enter.isAccepted() and pane.property("dropTarget") is True
    QApplication.sendEvent(pane, QDragLeaveEvent())
    assert pane.property("dropTarget") is False
    drop_file(pane, photos["garment.jpg"])  # enter, then drop
    assert pane.property("dropTarget") is False
