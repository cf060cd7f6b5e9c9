"""Help → Keyboard shortcuts lists exactly the keys the window answers to."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.ui.shell.dialogs.shortcuts import SHORTCUTS, ShortcutsDialog
from tests.ui.conftest import WindowFactory, when_modal
from tests.ui.window_driver import WindowDriver

ALTERNATES = {"Ctrl+Return"}
"""Second keys for a listed action (Return and the keypad's Enter both send)."""


def listed() -> set[str]:
    found = set()
    for _group, entries in SHORTCUTS:
        for keys, _meaning in entries:
            if not isinstance(keys, str):  # a mouse gesture, in words
                continue
            found |= {QKeySequence(part).toString() for part in keys.split(", ")}
    return found


def bound(driver: WindowDriver) -> set[str]:
    keys = {a.shortcut().toString() for a in driver.window.findChildren(QAction)}
    keys |= {s.key().toString() for s in driver.window.findChildren(QShortcut)}
    return {k for k in keys if k} - ALTERNATES


def test_the_list_and_the_window_agree(
    open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    driver = open_window(demo_factory())
    assert listed() == bound(driver)


def test_f1_opens_the_list(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    driver = open_window(demo_factory())
    driver.window.activateWindow()
    qtbot.waitUntil(driver.window.isActiveWindow)
    seen: list[list[str]] = []

    def read_and_close(dialog: ShortcutsDialog) -> None:
        seen.append([label.text() for label in dialog.findChildren(QLabel)])
        dialog.reject()

    when_modal(ShortcutsDialog, read_and_close)
    qtbot.keyClick(driver.window, Qt.Key.Key_F1)
    assert (
        seen
        and "Keyboard shortcuts" in seen[0]
        and "Undo the last stroke (or the last deletion)" in seen[0]
    )
