"""The Gallery's headers: people's and garments' names on as many lines as their
section holds. A person's row is as tall as a thumbnail and its header narrow, so a
long name ("Anna-Maria Kowalczyk-Brightwater") wraps rather than being cut after a
dozen letters; a word longer than a line breaks anywhere (a file's name has no
spaces); what still does not fit ends its last line in an ellipsis, the whole name
in the tooltip. A garment's column header holds one line: its name is cut at its
end, as before. Each line keeps its own direction in a right-to-left window (a Latin
name cut there ends in its "…", not begins with it).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from aurax_desktop.ui.common.isolate import isolated


def _utf16(text: str, start: int, length: int | None = None) -> str:
    """The part of ``text`` a text layout names (its positions count UTF-16 units)."""
    units = text.encode("utf-16-le")
    end = len(units) if length is None else 2 * (start + length)
    return units[2 * start : end].decode("utf-16-le", errors="ignore")


def wrapped_lines(
    text: str,
    font: QFont,
    width: int,
    most: int,
    *,
    direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight,
) -> list[str]:
    """``text`` in lines no wider than ``width``, at most ``most`` of them: broken
    between words where it can, anywhere in a word too long for a line; when more
    remains, the last line ends in an ellipsis."""
    if most < 1 or width < 1 or not text:
        return []
    metrics = QFontMetrics(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(direction)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    try:
        while len(lines) < most:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            if len(lines) == most - 1:  # the last line there is room for: the rest
                rest = _utf16(text, line.textStart()).strip()
                lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                break
            lines.append(_utf16(text, line.textStart(), line.textLength()).strip())
    finally:
        layout.endLayout()
    return [line for line in lines if line]


class NameHeader(QHeaderView):
    """A header whose sections' names wrap onto as many lines as a section holds."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # a name keeps its start
        self.setSectionsClickable(True)  # as a table's own headers: a click selects

    def paintSection(self, painter: QPainter | None, rect: QRect, logical_index: int) -> None:
        model = self.model()
        if painter is None or model is None or not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOptionForIndex(option, logical_index)
        option.rect = rect
        name = str(option.text or "")
        option.text = ""  # the style draws the section; its name is drawn below
        style = self.style()
        painter.save()
        style.drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        room = style.subElementRect(QStyle.SubElement.SE_HeaderLabel, option, self)
        metrics = QFontMetrics(painter.font())
        spacing = max(1, metrics.lineSpacing())
        lines = wrapped_lines(
            name,
            painter.font(),
            room.width(),
            max(1, room.height() // spacing),
            direction=self.layoutDirection(),
        )
        painter.setPen(option.palette.color(QPalette.ColorRole.ButtonText))
        top = room.top() + (room.height() - len(lines) * spacing) // 2
        for number, line in enumerate(lines):
            painter.drawText(
                QRect(room.left(), top + number * spacing, room.width(), spacing),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                isolated(line) if self.isRightToLeft() else line,
            )
        painter.restore()
