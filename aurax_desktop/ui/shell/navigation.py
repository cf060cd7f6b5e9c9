"""The page list on the window's left: Try-On, Generate, Describe, Gallery (Ctrl+1 to
Ctrl+4).
On narrow windows it shows icons only, their names in tooltips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from aurax_desktop.translation import _, lazy_pgettext
from aurax_desktop.ui.common.icons import ICON_SIZE, icon

PAGES = (
    (lazy_pgettext("Page", "Try-On"), "try-on"),
    (lazy_pgettext("Page", "Generate"), "generate"),
    (lazy_pgettext("Page", "Describe"), "describe"),
    (lazy_pgettext("Page", "Gallery"), "gallery"),
)
"""The pages' names (in the context "Page", for translators: a page's name, not a
command) and their icons."""
WIDE, COMPACT = 150, 52


class PageList(QListWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.setObjectName("navigation")
        self.setAccessibleName(_("Pages"))
        self.setIconSize(ICON_SIZE)
        for number, (title, glyph) in enumerate(PAGES, start=1):
            name = str(title)
            keys = QKeySequence(f"Ctrl+{number}").toString(QKeySequence.SequenceFormat.NativeText)
            item = QListWidgetItem(icon(glyph), name)
            # Translators: a page's name and the keys that show it, "Gallery (Ctrl+4)".
            item.setToolTip(_("{page} ({keys})").format(page=name, keys=keys))
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
