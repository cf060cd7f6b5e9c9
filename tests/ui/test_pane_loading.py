"""Opening a photo keeps the GUI thread free: the worker hands over pixels ready to show."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.ui.common import canvas as canvas_module
from aurax_desktop.ui.photos import mask_canvas as mask_module
from aurax_desktop.ui.photos import photo_loading as pane_module
from tests.factories import person_jpeg
from tests.ui.conftest import WindowFactory, drop_file


def test_a_big_photo_is_scaled_and_its_masks_made_off_the_gui_thread(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    photo = tmp_path / "tall person.jpg"
    photo.write_bytes(person_jpeg((2400, 3600)))
    driver = open_window(demo_factory())
    pane = driver.try_on.person_pane
    scaled_by: list[str] = []
    masks_by: list[str] = []
    for module in (canvas_module, pane_module):
        monkeypatch.setattr(
            module, "scaled_smoothly", _recording(canvas_module.scaled_smoothly, scaled_by)
        )
    for module in (mask_module, pane_module):
        monkeypatch.setattr(module, "blank_masks", _recording(mask_module.blank_masks, masks_by))

    drop_file(pane, photo)
    assert pane.canvas.busy_note == "Opening tall person.jpg…"
    assert not pane.message.isVisibleTo(pane)  # the canvas keeps its size while loading
    qtbot.waitUntil(lambda: pane.source is not None, timeout=10000)
    assert pane.canvas.busy_note == ""
    pane.canvas.grab()  # the first paint of the new photo
    main = threading.main_thread().name
    assert scaled_by and main not in scaled_by
    assert masks_by and main not in masks_by
    canvas = driver.try_on.mask_canvas
    assert canvas.full_mask.size() == QSize(2400, 3600)
    assert canvas.preview_mask.size() == canvas.display.size()  # type: ignore[union-attr]


def _recording(real: Callable[..., QImage | tuple[QImage, ...]], into: list[str]) -> Any:
    def spy(*args: Any) -> Any:
        into.append(threading.current_thread().name)
        return real(*args)

    return spy


def test_the_pipeline_s_warnings_show_under_the_photo_and_go_with_it(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    small = tmp_path / "small landscape.jpg"
    small.write_bytes(person_jpeg((480, 320)))
    good = tmp_path / "good.jpg"
    good.write_bytes(person_jpeg((800, 1200)))
    driver = open_window(demo_factory())
    pane = driver.try_on.person_pane
    drop_file(pane, small)
    qtbot.waitUntil(lambda: pane.source is not None, timeout=10000)
    assert pane.message.isVisibleTo(pane) and pane.message.objectName() == "warning"
    assert "The person photo is small (480 x 320 pixels)" in pane.message_text()
    assert "landscape" in pane.message_text()
    assert driver.try_on.garment_pane.message_text() == ""
    drop_file(pane, good)
    qtbot.waitUntil(lambda: pane.size_label.text() == "800 × 1200 px", timeout=10000)
    assert not pane.message.isVisibleTo(pane) and pane.message_text() == ""


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(1366, 700), (1280, 740)])
def test_a_heading_gives_the_name_its_room_before_the_size(
    qtbot: QtBot,
    open_window: WindowFactory,
    tmp_path: Path,
    width: int,
    height: int,
    theme: str,
) -> None:
    """The Shape pane on a laptop: the photo's pixel size gives way before its name is
    cut (and is said in the name's tooltip), measured once the heading holds both."""
    driver = open_window(demo=True)
    driver.set_theme(theme)
    driver.window.setGeometry(0, 0, width, height)
    driver.page("generate")
    pane = driver.generate.shape_pane
    bag = tmp_path / "bag-leather.png"
    Image.new("RGB", (800, 800), (140, 86, 48)).save(bag)
    pane.load_path(bag)
    qtbot.waitUntil(lambda: pane.source is not None, timeout=10_000)
    QApplication.processEvents()
    if pane.name_label.text() != "bag-leather.png":  # cut: the size made room first
        assert pane.size_label.isHidden()
        assert pane.name_label.toolTip() == "bag-leather.png · 800 × 800 px"
    driver.set_theme("")
