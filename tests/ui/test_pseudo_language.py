"""The window in the pseudo-language (``x-pseudo``: every marked text bracketed, accented
and a third longer) at a laptop's size: what is marked for translation so far shows
marked, and nothing of it is cut. The texts marked so far are the menus' titles, the
View and Help menus, the keyboard shortcuts and the status bar's spend; as the rest is
marked, these checks widen to every page and dialog."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.pseudo import unmarked
from aurax_desktop.ui.shell.dialogs.shortcuts import ShortcutsDialog
from aurax_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.fit_check import load_samples, problems
from tests.ui.pseudo_check import clipped_texts, unmarked_in_menus, unmarked_texts
from tests.ui.window_driver import WindowDriver

LAPTOP = (1366, 700)
"""A 1366 x 768 laptop's room for a window (less the desktop's panel and title bar)."""


@pytest.fixture
def window(
    qapp: QApplication,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    monkeypatch: pytest.MonkeyPatch,
) -> MainWindow:
    monkeypatch.setenv("LANGUAGE", "x-pseudo")
    shown = open_window(demo_factory()).window
    shown.setGeometry(0, 0, *LAPTOP)
    for _ in range(10):
        qapp.processEvents()
    return shown


def test_the_marked_menus_show_marked(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert all(text.startswith("[") for text in titles) and not any(map(unmarked, titles))
    assert unmarked_in_menus([window.menus["View"], window.menus["Help"]]) == []
    # the File menu's items of the Try-On, Generate and Describe pages show marked
    for name in ("openPerson", "openGarment", "openGarmentList", "openShape", "exportShopify"):
        action = window.commands[name]
        assert unmarked(action.text()) is None and unmarked(action.toolTip()) is None, name


def test_the_menu_bar_fits_a_laptop(window: MainWindow) -> None:
    assert window.menuBar().sizeHint().width() <= LAPTOP[0]


def test_the_keyboard_shortcuts_are_all_marked_and_fit_a_laptop(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()  # sized as it is when opened
    qtbot.waitExposed(dialog)
    assert dialog.width() <= LAPTOP[0] and dialog.height() <= LAPTOP[1]
    assert unmarked_texts(dialog) == []
    assert clipped_texts(dialog) == []
    # the helper sees an unmarked text, and a cut one
    label = next(label for label in dialog.findChildren(QLabel) if not label.objectName())
    label.setText("Zoom the result in")
    assert unmarked_texts(dialog) == ["QLabel label: 'Zoom the result in' ('Zoom' is not marked)"]
    label.setText(label.text() * 30)
    assert clipped_texts(dialog)


def test_the_spend_fits_the_status_bar_at_a_laptops_size(
    qapp: QApplication, qtbot: QtBot, window: MainWindow
) -> None:
    load_samples(qapp, WindowDriver(window))
    label = window.spending.label
    qtbot.waitUntil(lambda: unmarked(label.text()) is None and "3" in label.text(), timeout=10000)
    assert unmarked_texts(label) == []
    assert problems(window) == []
