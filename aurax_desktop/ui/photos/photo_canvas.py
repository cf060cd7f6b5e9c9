"""A pane's picture that shows where the keyboard is: a ring in the accent colour while
it has the focus from the keyboard (Tab), so a user who does not use a mouse sees
which picture the keys go to (Space and drag, Ctrl+V, and on the person, B, E, [ and ]).
A click gives it the focus without the ring, as buttons do."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from aurax_desktop.ui.common.canvas import ImageCanvas
from aurax_desktop.ui.common.theme import accent

KEYBOARD = frozenset(
    {
        Qt.FocusReason.TabFocusReason,
        Qt.FocusReason.BacktabFocusReason,
        Qt.FocusReason.ShortcutFocusReason,
    }
)
"""The ways the focus comes from the keyboard."""
RING = 2.0
"""The ring's width, in pixels."""


class PhotoCanvas(ImageCanvas):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.focus_ring = False
        """The ring shows: the focus came from the keyboard."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_ring(event.reason() in KEYBOARD)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_ring(False)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:  # painting or panning: no ring
            self._show_ring(False)
        return super().event(event)

    def _show_ring(self, shown: bool) -> None:
        if shown != self.focus_ring:
            self.focus_ring = shown
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.focus_ring:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(accent())
        pen.setWidthF(RING)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = RING / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 6, 6)
        painter.end()
