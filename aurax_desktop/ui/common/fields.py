"""Text fields that show what to write in them whole: an empty field's placeholder is
its only explanation, so it is never cut."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

TEXT_MARGIN = 2
"""The room a line edit keeps each side of its text (Qt's own horizontal margin)."""


def placeholder_width(field: QLineEdit) -> int:
    """The least width at which ``field`` shows its placeholder whole, in its style."""
    field.ensurePolished()  # the style sheet's padding counts
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    contents = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    around = option.rect.width() - contents.width() + margins.left() + margins.right()
    return field.fontMetrics().horizontalAdvance(field.placeholderText()) + around + 2 * TEXT_MARGIN


def show_placeholder_whole(field: QLineEdit) -> None:
    """``field`` never narrower than its placeholder."""
    field.setMinimumWidth(placeholder_width(field))
