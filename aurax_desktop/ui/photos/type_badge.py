"""A garment's product type in the photo strip, on a dark badge across the foot of its
thumbnail. The badge is as wide as its word, up to the item's width: a thumbnail is 56
pixels across, a portrait's picture narrower still, and "Kleidungsstück" or
"قطعة ملابس" written inside the picture was cut to "idungsst". Drawn in the window's
font at the screen's own resolution (it was painted into the thumbnail and shrunk with
it), in the language spoken when it is drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from aurax_desktop.api import ProductType

TYPE_ROLE = Qt.ItemDataRole.UserRole + 1
"""An item's product type (its value, "GARMENT"), None when it has none."""
MARGIN = 2
"""Room kept between the badge and its item's edges."""
PADDING = 4
"""Room either side of the word, inside the badge."""
BACKGROUND = QColor(0, 0, 0, 185)
"""Dark enough that white words read on any picture (and in either theme)."""
SCALE = 0.85
"""The badge's words, against the window's."""


class TypeBadge(QStyledItemDelegate):
    """The strip's item as the style draws it, and its type's badge over its foot."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        value = index.data(TYPE_ROLE)
        if not value:
            return
        label = str(ProductType(value).label)
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        picture = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, shown, widget)
        cell: QRect = option.rect
        font = QFont(option.font)
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(6.0, font.pointSizeF() * SCALE))
        else:  # a font given in pixels (a style sheet's)
            font.setPixelSize(max(8, round(font.pixelSize() * SCALE)))
        metrics = QFontMetrics(font)
        room = cell.width() - 2 * MARGIN - 2 * PADDING
        text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
        width = metrics.horizontalAdvance(text) + 2 * PADDING
        height = metrics.height() + 2
        badge = QRect(0, 0, width, height)
        badge.moveCenter(picture.center())
        badge.moveBottom(picture.bottom() - MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BACKGROUND)
        painter.drawRoundedRect(badge, 3, 3)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()
