"""A line naming a view's keys, each with what it does: as many as fit, each whole (a
key cut in the middle, "F favouri…ace loupe", names none), all of them in the tooltip.
In a right-to-left window the first key is at the right, each before what it does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy

from aurax_desktop.translation import LazyText
from aurax_desktop.ui.common.elided_label import SEPARATOR
from aurax_desktop.ui.common.isolate import key_and_word, right_to_left_line


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
                if self.isRightToLeft():  # the first key at the right, each before its word
                    parts = [key_and_word(part) for part in self.parts[:count]]
                    shown = right_to_left_line(parts, SEPARATOR)
                break
        self.setText(shown)
