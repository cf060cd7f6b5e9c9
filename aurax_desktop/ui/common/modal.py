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

from PySide6.QtWidgets import QDialog, QMessageBox


def run_modal(dialog: QDialog | QMessageBox) -> int:
    """``dialog.exec()``'s answer; the dialog is deleted when the event loop next runs."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
