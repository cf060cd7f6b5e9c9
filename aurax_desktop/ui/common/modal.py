"""Asking with a modal dialog, and letting it go afterwards.

A dialog made with the window as its parent stays the window's hidden child after its
``exec()`` returns, until the window goes. Kept alive from Python meanwhile (a
reference in a closure, a test's list), it is deleted twice as the program ends: once
by the Python binding's clean-up and once by its parent, which crashes the process on
the way out. Every modal question goes through ``run_modal``, which hands the dialog
to the event loop for deletion once it is answered (what the caller reads from it
right after, before the loop runs again, is still there).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox, QWidget


def run_modal(dialog: QDialog | QMessageBox) -> int:
    """``dialog.exec()``'s answer; the dialog is deleted when the event loop next runs."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


TEXT_QUESTION_WIDTH = 460
"""The width a question asking for a line of text opens at (its label wraps): a long
file name in the question never makes it wider than a laptop's half screen."""


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text asked for (``text`` offered), or None when cancelled. The label
    wraps, so a long name in it makes the question taller, never wider."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    for shown in dialog.findChildren(QLabel):
        shown.setWordWrap(True)
    dialog.setFixedWidth(TEXT_QUESTION_WIDTH)
    answered = run_modal(dialog) == QDialog.DialogCode.Accepted
    return dialog.textValue() if answered else None
