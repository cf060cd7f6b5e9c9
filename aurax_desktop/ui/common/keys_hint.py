"""A line naming a view's keys, each with what it does: as many as fit, each whole (a
key cut in the middle, "F favouri…ace loupe", names none), all of them in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy

from aurax_desktop.translation import LazyText
from aurax_desktop.ui.common.elided_label import SEPARATOR


class KeysHint(QLabel):
    def __init__(self, parts: tuple[str | LazyText, ...]) -> None:
        """``parts``: the keys with what they do, the most wanted first."""
        super().__init__()
        self.parts = tuple(str(part) for part in parts)
        self.setToolTip(SEPARATOR.join(self.parts))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        metrics, room = self.fontMetrics(), self.contentsRect().width()
        shown = ""
        for count in range(len(self.parts), 0, -1):
            text = SEPARATOR.join(self.parts[:count])
            if metrics.horizontalAdvance(text) <= room:
                shown = text
                break
        self.setText(shown)
