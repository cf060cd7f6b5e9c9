"""Dialogs whose texts show whole in every language. Qt sizes a window whose layout holds
wrapped labels without a least size of its own (it may then be as narrow as two thirds
of a small screen, cutting a field a translation made wider), and without always
asking its wrapped labels how many lines they take at the width they get (nested in a
card, in a form): a longer translation (German, Arabic) then loses its last line.

Here the window is never narrower than its layout's least width, and each wrapped
label, once it knows its width, asks for the height its lines take; the window grows
to give it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget


class WholeTexts(QObject):
    """Watches a window (its least width, as it shows) and its wrapped labels (their
    least height, at each resize)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLabel):
            needed = watched.heightForWidth(watched.width()) if watched.text() else 0
            if needed > 0 and needed != watched.minimumHeight():
                watched.setMinimumHeight(needed)
        elif event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            layout = watched.layout()
            if layout is not None:
                watched.setMinimumWidth(layout.totalMinimumSize().width())
        return False


def keep_texts_whole(window: QWidget) -> None:
    """``window`` (as built) shows its fields and every line of its wrapped labels,
    from now on."""
    watcher = WholeTexts(window)
    window.installEventFilter(watcher)
    for label in window.findChildren(QLabel):
        if label.wordWrap():
            label.installEventFilter(watcher)
