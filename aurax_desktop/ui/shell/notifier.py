"""Telling the user a job finished while they were in another window.

Linux: the desktop's notification service (on the session bus); elsewhere, or when
there is none, a balloon from a tray icon where a tray exists. The taskbar entry
is always flagged too (QApplication.alert), so nothing depends on either.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from aurax_desktop.desktop_notify import notify_desktop
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.icons import icon


class Notifier(QObject):
    """``notify(title, text)``; ``delivered`` tells how it was shown: "desktop" (the
    notification service), "tray" (a tray balloon) or "taskbar" (only the alert)."""

    delivered = Signal(str, str, str)

    def __init__(self, window: QWidget, work: BackgroundWork) -> None:
        super().__init__(window)
        self.window, self.work = window, work
        self.tray: QSystemTrayIcon | None = None

    def notify(self, title: str, text: str) -> None:
        QApplication.alert(self.window)
        if sys.platform.startswith("linux"):
            self.work.run(
                lambda: notify_desktop(title, text, icon="image-x-generic"),
                lambda shown: self._after_desktop(bool(shown), title, text),
                lambda _error: self._after_desktop(False, title, text),
            )
        else:
            self._tray_or_taskbar(title, text)

    def close(self) -> None:
        if self.tray is not None:
            self.tray.hide()

    def _after_desktop(self, shown: bool, title: str, text: str) -> None:
        if shown:
            self.delivered.emit(title, text, "desktop")
        else:
            self._tray_or_taskbar(title, text)

    def _tray_or_taskbar(self, title: str, text: str) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            self.delivered.emit(title, text, "taskbar")
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(icon("try-on"), self)
            self.tray.setToolTip("AuraX Desktop")  # the program's name, in every language
            self.tray.activated.connect(self._raise_window)
            self.tray.messageClicked.connect(self._raise_window)
            self.tray.show()
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        self.delivered.emit(title, text, "tray")

    def _raise_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
