"""A one-line label that, short of room, cuts its text in the middle ("SS27-lo…-navy.jpg")
(or, for a sentence, at its end) and shows it whole in its tooltip. A start that must
stay whole ("Mask for Dress · ") can be kept: only what follows it is cut. A line of
fields ("person · garment · type") cuts the longest of its names first, each at its end,
so every field keeps its start."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from aurax_desktop.ui.common.isolate import isolated, right_to_left_line

SEPARATOR = " · "
"""Between the fields of a line."""


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
        self._fields: tuple[list[str], int] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self.set_parts("", text)

    def set_parts(self, kept: str, rest: str) -> None:
        """Show ``kept`` whole and ``rest`` after it, cut in the middle when short of
        room."""
        self._kept, self._full, self._fields = kept, kept + rest, None
        self.setToolTip(self._full)
        self._elide()

    def set_fields(self, fields: Sequence[str], cuttable: int) -> None:
        """Show ``fields`` joined by " · "; short of room, the first ``cuttable`` of them
        are cut at their ends, the longest first, and the others stay whole."""
        shown = [field for field in fields if field]
        cut = min(cuttable, sum(1 for field in fields[:cuttable] if field))
        self._kept, self._full, self._fields = "", SEPARATOR.join(shown), (shown, cut)
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
        if self._fields is not None:
            cut = fit_fields(metrics, *self._fields, room)
        else:
            cut = metrics.elidedText(rest, self._cut, room)
        if self.isRightToLeft() and cut:
            # its own direction: a file name cut in a right-to-left window keeps its "…"
            # where it was cut ("Wool-blend…", not "…Wool-blend"), a first-strong isolate;
            # a line of fields keeps each in its own, and reads right to left
            if self._fields is not None:
                fields = [isolated(field) for field in cut.split(SEPARATOR)]
                super().setText(right_to_left_line(fields, SEPARATOR))
                return
            cut = isolated(cut)
        super().setText(self._kept + cut)


def fit_fields(metrics: QFontMetrics, fields: list[str], cuttable: int, room: int) -> str:
    """``fields`` joined in at most ``room`` pixels: the first ``cuttable`` are cut at
    their ends to one width, the widest that fits (a short name stays whole while a long
    one is cut), the others kept whole; when even that does not fit, the whole line is
    cut at its end."""
    joined = SEPARATOR.join(fields)
    if metrics.horizontalAdvance(joined) <= room or cuttable == 0:
        return metrics.elidedText(joined, Qt.TextElideMode.ElideRight, room)
    widths = [metrics.horizontalAdvance(field) for field in fields[:cuttable]]

    def line(width: int) -> str:
        return SEPARATOR.join(
            [metrics.elidedText(f, Qt.TextElideMode.ElideRight, width) for f in fields[:cuttable]]
            + fields[cuttable:]
        )

    low, high = metrics.horizontalAdvance("M…"), max(widths)
    if metrics.horizontalAdvance(line(low)) > room:
        return metrics.elidedText(joined, Qt.TextElideMode.ElideRight, room)
    while low < high:  # the widest cut at which the line fits
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(line(middle)) <= room:
            low = middle
        else:
            high = middle - 1
    return line(low)
