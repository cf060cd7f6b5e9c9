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

from aurax_desktop.translation import LazyText, _, lazy_gettext

Keys = str | LazyText
"""Keys in Qt's portable names (several joined by ", "), or a mouse gesture in words."""

SHORTCUTS: tuple[tuple[LazyText, tuple[tuple[Keys, LazyText], ...]], ...] = (
    (
        lazy_gettext("Everywhere"),
        (
            ("Ctrl+1, Ctrl+2, Ctrl+3, Ctrl+4", lazy_gettext("Try-On, Generate, Describe, Gallery")),
            ("Ctrl+Enter", lazy_gettext("Send (try on, generate)")),
            ("Ctrl+F", lazy_gettext("Search the jobs")),
            ("Ctrl+S", lazy_gettext("Save the result as…")),
            ("Ctrl+Shift+E", lazy_gettext("Export the Gallery's batch as a lookbook…")),
            ("Ctrl+Shift+C", lazy_gettext("Copy the result")),
            (
                "Ctrl+=, Ctrl+-, Ctrl+0",
                lazy_gettext("Zoom the result in, out, to fit (the Gallery's thumbnails)"),
            ),
            ("Ctrl+,", lazy_gettext("Settings")),
            ("F11", lazy_gettext("Full screen (again: back)")),
            ("F1", lazy_gettext("Keyboard shortcuts")),
            ("Ctrl+Q", lazy_gettext("Quit")),
        ),
    ),
    (
        lazy_gettext("Photos"),
        (
            ("Ctrl+O", lazy_gettext("Open a person photo")),
            ("Ctrl+Shift+O", lazy_gettext("Open a garment photo")),
            ("Ctrl+Shift+L", lazy_gettext("Open a garment list (CSV or XLSX)")),
            ("Ctrl+V", lazy_gettext("Paste a photo: into the empty pane, or the one last used")),
        ),
    ),
    (
        lazy_gettext("Mask"),
        (
            ("B", lazy_gettext("Brush")),
            ("E", lazy_gettext("Eraser (or paint with the right button)")),
            ("[, ]", lazy_gettext("Smaller or larger brush")),
            ("Ctrl+Z", lazy_gettext("Undo the last stroke (or the last deletion)")),
            ("Ctrl+Shift+Z", lazy_gettext("Redo")),
        ),
    ),
    (
        lazy_gettext("Gallery"),
        (
            ("F", lazy_gettext("Mark the selected results favourite (again: unmark)")),
            ("X", lazy_gettext("Reject them (again: unmark)")),
            ("1, 2, 3, 4, 5", lazy_gettext("Rate them one to five stars")),
            ("0", lazy_gettext("Clear their rating")),
            ("Space", lazy_gettext("Loupe: the result large (Space or Esc: back to the grid)")),
            ("Tab", lazy_gettext("Hide or show the result and jobs column")),
            ("C", lazy_gettext("Compare the two to four selected")),
            ("F2", lazy_gettext("Name the person of the current row (or double-click the name)")),
        ),
    ),
    (
        lazy_gettext("Loupe"),
        (
            ("Left, Right", lazy_gettext("The previous or next result")),
            ("Up, Down", lazy_gettext("The cell's variants (the one shown is exported)")),
            ("Z", lazy_gettext("100 %: the result's own pixels, around the pointer (again: fit)")),
            ("D", lazy_gettext("Before and after: the person photo left of a divider")),
            ("B", lazy_gettext("Held down: the person photo whole")),
            ("Esc", lazy_gettext("Back to the grid, on the same cell")),
        ),
    ),
    (
        lazy_gettext("Lists"),
        (
            (
                "Del",
                lazy_gettext("Move the selected jobs to the Trash, or take a photo out of a list"),
            ),
        ),
    ),
    (
        lazy_gettext("Pictures"),
        (
            (lazy_gettext("Wheel"), lazy_gettext("Zoom")),
            (lazy_gettext("Space+drag, middle drag"), lazy_gettext("Pan")),
            (lazy_gettext("Double-click"), lazy_gettext("Fit in view")),
        ),
    ),
)
"""(group, ((keys, what they do), ...))."""


def native(keys: Keys) -> str:
    """Keys as this system writes them, in its language (⌘ on macOS, "Strg" in German);
    mouse gestures in words."""
    if isinstance(keys, LazyText):
        return str(keys)
    return ", ".join(
        QKeySequence(part.strip()).toString(QKeySequence.SequenceFormat.NativeText)
        for part in keys.split(", ")
    )


class ShortcutsDialog(QDialog):
    """The groups in two columns, split where the two are nearest the same height (as
    the words of the language spoken make them), so the list fits a laptop's screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        groups = [_group(str(group), entries) for group, entries in SHORTCUTS]
        heights = [group.sizeHint().height() for group in groups]
        split = min(
            range(1, len(groups)),
            key=lambda at: max(sum(heights[:at]), sum(heights[at:])),
        )
        columns = QHBoxLayout()
        columns.setSpacing(36)
        for part in (groups[:split], groups[split:]):
            keys = [label for group in part for label in group.findChildren(QLabel, "shortcutKeys")]
            widest = max(label.sizeHint().width() for label in keys)
            for label in keys:  # what the keys do starts at one edge down the column
                label.setMinimumWidth(widest)
            column = QVBoxLayout()
            column.setSpacing(8)
            for group in part:
                column.addWidget(group)
            column.addStretch(1)
            columns.addLayout(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.addLayout(columns)
        layout.addWidget(buttons)


def _group(title: str, entries: tuple[tuple[Keys, LazyText], ...]) -> QWidget:
    """A group's title, then its keys beside what they do."""
    group = QWidget()
    grid = QGridLayout(group)
    grid.setContentsMargins(0, 0, 0, 0)
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    grid.addWidget(heading, 0, 0, 1, 2)
    for row, (keys, meaning) in enumerate(entries, start=1):
        key_label = QLabel(native(keys))
        key_label.setObjectName("shortcutKeys")
        key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(_meaning(str(meaning)), row, 1)
    grid.setHorizontalSpacing(20)
    grid.setVerticalSpacing(3)
    grid.setColumnStretch(1, 1)
    return group


def _meaning(text: str) -> QLabel:
    """What keys do, on one line when it is short, wrapped at about 40 characters when
    longer (translations are: German's made the list wider than a laptop)."""
    label = QLabel(text)
    metrics = label.fontMetrics()
    width = min(metrics.horizontalAdvance(text) + 1, metrics.averageCharWidth() * 40)
    label.setWordWrap(True)
    label.setMinimumWidth(width)
    # the lines it takes at that width, known before the dialog is sized (a dialog
    # sizes itself without asking wrapped labels their height)
    label.setMinimumHeight(label.heightForWidth(width))
    return label
