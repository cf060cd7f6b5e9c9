"""Help → Keyboard shortcuts: every key the window answers to, grouped by where."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

SHORTCUTS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("Ctrl+1, Ctrl+2, Ctrl+3, Ctrl+4", "Try-On, Generate, Describe, Gallery"),
            ("Ctrl+Enter", "Send (try on, generate)"),
            ("Ctrl+F", "Search the jobs"),
            ("Ctrl+S", "Save the result as…"),
            ("Ctrl+Shift+E", "Export the Gallery's batch as a lookbook…"),
            ("Ctrl+Shift+C", "Copy the result"),
            (
                "Ctrl+=, Ctrl+-, Ctrl+0",
                "Zoom the result in, out, to fit (the Gallery's thumbnails)",
            ),
            ("Ctrl+,", "Settings"),
            ("F11", "Full screen (again: back)"),
            ("F1", "Keyboard shortcuts"),
            ("Ctrl+Q", "Quit"),
        ),
    ),
    (
        "Photos",
        (
            ("Ctrl+O", "Open a person photo"),
            ("Ctrl+Shift+O", "Open a garment photo"),
            ("Ctrl+Shift+L", "Open a garment list (CSV or XLSX)"),
            ("Ctrl+V", "Paste a photo: into the empty pane, or the one last used"),
        ),
    ),
    (
        "Mask",
        (
            ("B", "Brush"),
            ("E", "Eraser (or paint with the right button)"),
            ("[  ]", "Smaller or larger brush"),
            ("Ctrl+Z", "Undo the last stroke (or the last deletion)"),
            ("Ctrl+Shift+Z", "Redo"),
        ),
    ),
    (
        "Gallery",
        (
            ("F", "Mark the selected results favourite (again: unmark)"),
            ("X", "Reject them (again: unmark)"),
            ("1, 2, 3, 4, 5", "Rate them one to five stars"),
            ("0", "Clear their rating"),
            ("Space", "Loupe: the result large (Space or Esc: back to the grid)"),
            ("Tab", "Hide or show the result and jobs column"),
            ("C", "Compare the two to four selected"),
        ),
    ),
    (
        "Loupe",
        (
            ("Left, Right", "The previous or next result"),
            ("Up, Down", "The cell's variants (the one shown is exported)"),
            ("Z", "100 %: the result's own pixels, around the pointer (again: fit)"),
            ("D", "Before and after: the person photo left of a divider"),
            ("B", "Held down: the person photo whole"),
            ("Esc", "Back to the grid, on the same cell"),
        ),
    ),
    (
        "Lists",
        (("Del", "Move the selected jobs to the Trash, or take a photo out of a list"),),
    ),
    (
        "Pictures",
        (
            ("Wheel", "Zoom"),
            ("Space+drag, middle drag", "Pan"),
            ("Double-click", "Fit in view"),
        ),
    ),
)
"""(group, ((keys, what they do), ...)); keys in Qt's portable names, several joined
by ", "."""


def native(keys: str) -> str:
    """Keys as this system writes them (⌘ on macOS); mouse gestures stay as written."""
    if not any(part in keys for part in ("Ctrl", "F1", "Del")):
        return keys
    return ", ".join(
        QKeySequence(part.strip()).toString(QKeySequence.SequenceFormat.NativeText)
        for part in keys.split(", ")
    )


class ShortcutsDialog(QDialog):
    """The groups in two columns, so the list fits a laptop's screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        columns = QHBoxLayout()
        columns.setSpacing(36)
        total = sum(len(entries) + 2 for _group, entries in SHORTCUTS)
        grid, row, filled = QGridLayout(), 0, 0
        for group, entries in SHORTCUTS:
            if filled and filled + len(entries) / 2 > total / 2 and columns.count() == 0:
                columns.addLayout(_finished(grid))
                grid, row = QGridLayout(), 0
            title = QLabel(group)
            title.setObjectName("sectionTitle")
            grid.addWidget(title, row, 0, 1, 2)
            row += 1
            for keys, meaning in entries:
                key_label = QLabel(native(keys))
                key_label.setObjectName("shortcutKeys")
                key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(QLabel(meaning), row, 1)
                row += 1
            grid.setRowMinimumHeight(row, 10)
            row += 1
            filled += len(entries) + 2
        columns.addLayout(_finished(grid))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.addLayout(columns)
        layout.addWidget(buttons)


def _finished(grid: QGridLayout) -> QGridLayout:
    grid.setHorizontalSpacing(20)
    grid.setVerticalSpacing(6)
    grid.setRowStretch(grid.rowCount(), 1)
    grid.setColumnStretch(1, 1)
    return grid
