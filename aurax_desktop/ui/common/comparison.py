"""A result beside what it was made from: the "before" photo left of a divider the user
drags, or the whole of it while a key is held (``peek``). The Result pane and the
Gallery's loupe both show a try-on so.

The left button drags the divider when it is near it, and pans the picture elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QWidget

from aurax_desktop.translation import pgettext
from aurax_desktop.ui.common.canvas import ImageCanvas
from aurax_desktop.ui.common.theme import accent

GRIP = 14
"""How near the divider (in pixels) a press takes it."""


class ComparisonCanvas(ImageCanvas):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before: QImage | None = None
        self.comparing = False
        """The divider is shown: the before photo left of it, the result right."""
        self.peeking = False
        """The before photo is shown whole (while a key is held)."""
        self.divider = 0.5
        self._dragging = False

    def set_before(self, before: QImage | None) -> None:
        self.before = before
        self.comparing = before is not None and self.comparing
        self.update()

    def set_comparing(self, on: bool) -> None:
        self.comparing = on and self.before is not None
        self.update()

    def peek(self, on: bool) -> None:
        """The before photo whole (``on``), or the result again."""
        if on != self.peeking:
            self.peeking = on
            self.update()

    def paint_overlay(self, painter: QPainter) -> None:
        if self.before is None or not self.has_image():
            return
        rect = self.image_rect()
        if self.peeking:
            painter.drawImage(rect, self.before)
            self._label(painter, pgettext("Comparison", "Before"), rect, left=True)
            return
        if not self.comparing:
            return
        split = rect.left() + rect.width() * self.divider
        painter.save()
        painter.setClipRect(QRectF(rect.left(), rect.top(), split - rect.left(), rect.height()))
        painter.drawImage(rect, self.before)
        painter.restore()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(Qt.GlobalColor.white, 2)
        painter.setPen(pen)
        painter.drawLine(QPointF(split, rect.top()), QPointF(split, rect.bottom()))
        painter.setBrush(accent())
        painter.drawEllipse(QPointF(split, rect.center().y()), 9, 9)
        self._label(painter, pgettext("Comparison", "Before"), rect, left=True)
        self._label(painter, pgettext("Comparison", "After"), rect, left=False)

    @staticmethod
    def _label(painter: QPainter, text: str, rect: QRectF, *, left: bool) -> None:
        """White text on a dark rounded tag, readable on light and dark photos alike."""
        metrics = painter.fontMetrics()
        tag = QRectF(0, 0, metrics.horizontalAdvance(text) + 14, metrics.height() + 6)
        tag.moveTop(rect.top() + 8)
        if left:
            tag.moveLeft(rect.left() + 8)
        else:
            tag.moveRight(rect.right() - 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 150))
        painter.drawRoundedRect(tag, 4, 4)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)

    def divider_x(self) -> float:
        """Where the divider is drawn (widget coordinates)."""
        rect = self.image_rect()
        return rect.left() + rect.width() * self.divider

    def _near_divider(self, point: QPointF) -> bool:
        if not (self.comparing and self.has_image()):
            return False
        return abs(point.x() - self.divider_x()) < GRIP

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._near_divider(event.position()):
            self._dragging = True
            return
        if event.button() == Qt.MouseButton.LeftButton and self.has_image():
            self._pan_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            rect = self.image_rect()
            self.divider = max(0.0, min(1.0, (event.position().x() - rect.left()) / rect.width()))
            self.update()
            return
        if self._near_divider(event.position()):
            self.setCursor(Qt.CursorShape.SplitHCursor)
        elif self._pan_from is None:
            self.unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = False
        super().mouseReleaseEvent(event)
