"""A one-line label that, short of room, cuts its text in the middle ("SS27-lo…-navy.jpg")
(or, for a sentence, at its end) and shows it whole in its tooltip. A start that must
stay whole ("Mask for Dress · ") can be kept: only what follows it is cut."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        cut: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle,
    ) -> None:
        """``cut``: where a text too long is cut (a name in the middle, where names that
        share a start and an end still differ; a sentence at its end)."""
        super().__init__(parent)
        self._full = ""
        self._kept = ""
        self._cut = cut
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self.set_parts("", text)

    def set_parts(self, kept: str, rest: str) -> None:
        """Show ``kept`` whole and ``rest`` after it, cut in the middle when short of
        room."""
        self._kept, self._full = kept, kept + rest
        self.setToolTip(self._full)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance(self._kept + "M…M") + 4,
            super().minimumSizeHint().height(),
        )

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self._full) + 4
        return QSize(width, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        room = max(0, self.contentsRect().width() - metrics.horizontalAdvance(self._kept))
        rest = self._full[len(self._kept) :]
        cut = metrics.elidedText(rest, self._cut, room)
        if self.isRightToLeft() and cut:
            # its own direction: a file name cut in a right-to-left window keeps its "…"
            # where it was cut ("Wool-blend…", not "…Wool-blend"), a first-strong isolate
            cut = f"\u2068{cut}\u2069"
        super().setText(self._kept + cut)
