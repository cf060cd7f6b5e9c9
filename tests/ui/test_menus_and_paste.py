"""The menus a desktop user expects, and Ctrl+V on the Try-On page with no pane clicked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from aurax_desktop import __version__, paths
from aurax_desktop.demo import DemoServer
from aurax_desktop.ui.shell.menus import about_text
from tests.ui.conftest import WindowFactory, drop_file, when_modal


def test_the_menus_are_there(
    open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    driver = open_window(demo_factory())
    menus = {
        a.text().replace("&", ""): [x.text() for x in a.menu().actions() if x.text()]
        for a in driver.window.menuBar().actions()
        if a.menu() is not None
    }
    assert list(menus) == ["File", "Edit", "View", "Jobs", "Account", "Help"]
    assert {"Open person photo…", "Open garment photo…", "Save result as…", "Quit"} <= set(
        menus["File"]
    )
    assert {"Undo", "Redo", "Copy result", "Paste photo"} <= set(menus["Edit"])
    assert {"Zoom in", "Zoom out", "Fit result in view", "Theme"} <= set(menus["View"])
    assert menus["Jobs"] == [
        "Retry as a new job…",
        "Follow again",
        "Send what waits",
        "Stop following",
        "Delete…",
    ]
    assert {"Keyboard shortcuts", "Open the log folder", "Open the data folder"} <= set(
        menus["Help"]
    )


def test_about_names_the_version_qt_and_the_data_folder(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    driver = open_window(demo_factory())
    text = about_text()
    assert __version__ in text and qVersion() in text and pyside_version in text
    assert str(paths.data_dir()) in text
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    when_modal(QMessageBox, read)
    help_menu = next(a.menu() for a in driver.window.menuBar().actions() if "Help" in a.text())
    next(a for a in help_menu.actions() if a.text() == "About AuraX Desktop").trigger()
    assert seen == [text]


def test_ctrl_v_fills_the_empty_pane_then_the_one_last_used(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory())
    page = driver.try_on
    driver.window.activateWindow()
    qtbot.waitUntil(driver.window.isActiveWindow)
    driver.page_list.setFocus()  # no pane has the focus
    clipboard = QGuiApplication.clipboard()
    clipboard.setImage(QImage(str(photos["person.jpg"])))
    qtbot.keyClick(driver.page_list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.person_pane.source is not None, timeout=10000)
    assert page.garment_pane.source is None
    clipboard.setImage(QImage(str(photos["garment.jpg"])))
    qtbot.keyClick(driver.page_list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.garment_pane.source is not None, timeout=10000)
    assert page.person_pane.source.size == (600, 900)  # type: ignore[union-attr]
    # Both full: the pane last used takes the next one.
    drop_file(page.person_pane, photos["garment.jpg"])
    qtbot.waitUntil(lambda: page.person_pane.source.size != (600, 900), timeout=10000)  # type: ignore[union-attr]
    assert page.paste_target() is page.person_pane
