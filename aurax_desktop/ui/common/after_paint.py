"""Work that the window's first look does not need, run once that look is on screen.

A start is judged by how soon the window shows: connecting with a key (building
the HTTP client), reading the history and asking the keyring wait until the
window has painted once. A window that is never painted (started minimised, on a
desktop that shows it later) gets the work after ``LATEST_MS`` all the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LATEST_MS = 1000
"""The work waits for the first paint at most this long."""


class FirstPaintWork(QObject):
    """Work waiting for a widget's first paint (``cancel()``: it will not run)."""

    def __init__(self, widget: QWidget, work: list[Callable[[], None]], latest_ms: int) -> None:
        super().__init__(widget)  # the widget owns it (and no reference back: no cycle)
        self.work = work
        self.fallback = QTimer(self)
        self.fallback.setSingleShot(True)
        self.fallback.timeout.connect(self.run)
        self.fallback.start(latest_ms)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Paint:
            # After this paint is done and shown, not inside it.
            QTimer.singleShot(0, self, self.run)
        return False

    def cancel(self) -> None:
        """The widget goes away first (a window closed at once): the work is dropped."""
        self.fallback.stop()
        self.work = []

    def run(self) -> None:
        if not self.work:
            return
        self.fallback.stop()
        widget = self.parent()
        if widget is not None:
            widget.removeEventFilter(self)
        work, self.work = self.work, []
        for step in work:
            step()
        self.deleteLater()


def after_first_paint(
    widget: QWidget, *work: Callable[[], None], latest_ms: int = LATEST_MS
) -> FirstPaintWork:
    """Run ``work`` in order once ``widget`` has painted for the first time (or after
    ``latest_ms`` if it is not painted by then)."""
    return FirstPaintWork(widget, list(work), latest_ms)
