"""The page list on the window's left: Try-On, Generate, Describe, Gallery (Ctrl+1 to
Ctrl+4).
On narrow windows it shows icons only, their names in tooltips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from aurax_desktop.ui.common.icons import ICON_SIZE, icon

PAGES = (
    ("Try-On", "try-on"),
    ("Generate", "generate"),
    ("Describe", "describe"),
    ("Gallery", "gallery"),
)
WIDE, COMPACT = 150, 52


class PageList(QListWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.setObjectName("navigation")
        self.setAccessibleName("Pages")
        self.setIconSize(ICON_SIZE)
        for number, (name, glyph) in enumerate(PAGES, start=1):
            item = QListWidgetItem(icon(glyph), name)
            item.setToolTip(f"{name} (Ctrl+{number})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.addItem(item)
            QShortcut(
                QKeySequence(f"Ctrl+{number}"), window, lambda n=number: self.setCurrentRow(n - 1)
            )
        self.setFixedWidth(WIDE)
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        for row in range(self.count()):
            item = self.item(row)
            item.setText("" if compact else str(item.data(Qt.ItemDataRole.UserRole)))
        self.setFixedWidth(COMPACT if compact else WIDE)
