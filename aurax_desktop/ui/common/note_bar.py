"""A note under a pane in one line ("Skipped what is not a picture: notes.txt"): what
does not fit, and any further notes, open in a panel from "Details…"; its close button
dismisses it. A page that shows notes therefore never grows taller, or scrolls, for
them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.elided_label import ElidedLabel
from aurax_desktop.ui.common.icons import tool_button

KINDS = ("muted", "warning", "error")
"""How a note reads: plain, a warning, an error (style sheet names, as labels have)."""
DETAILS_WIDTH = (360, 560)
"""The least and the most width of the panel that shows a note whole."""


class NoteDetails(QFrame):
    """The whole note in a panel under its bar, closed by a click elsewhere or Esc."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("noteDetails")
        self.setProperty("card", True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(_("The whole note"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.text)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def show_under(self, bar: QWidget, text: str, kind: str) -> None:
        self.text.setText(text)
        if self.text.objectName() != kind:
            self.text.setObjectName(kind)
            self.text.style().unpolish(self.text)
            self.text.style().polish(self.text)
        least, most = DETAILS_WIDTH
        width = max(least, min(most, bar.width()))
        self.setFixedWidth(width)
        self.adjustSize()
        place = bar.mapToGlobal(QPoint(0, bar.height()))
        screen = bar.screen().availableGeometry() if bar.screen() is not None else None
        if screen is not None:  # on the screen: above the bar when there is no room below
            if place.y() + self.height() > screen.bottom():
                place.setY(bar.mapToGlobal(QPoint(0, 0)).y() - self.height())
            place.setX(max(screen.left(), min(place.x(), screen.right() - width)))
        self.move(place)
        self.show()


class NoteBar(QWidget):
    """One line of note, with Details… when there is more to read and a close button.
    Hidden while there is no note; ``text()`` is the whole note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("muted")
        self._text = ""
        self.line = ElidedLabel(cut=Qt.TextElideMode.ElideRight)
        self.line.setObjectName("muted")
        self.details_button = QToolButton()
        self.details_button.setObjectName("noteDetailsButton")
        self.details_button.setText(_("Details…"))
        self.details_button.setToolTip(_("Show the whole note"))
        self.details_button.setAccessibleName(_("Show the whole note"))
        self.details_button.clicked.connect(self.show_details)
        self.dismiss_button = tool_button("close", _("Dismiss this note"), parent=self)
        self.dismiss_button.setIconSize(QSize(14, 14))
        self.dismiss_button.clicked.connect(self.dismiss)
        self.details = NoteDetails(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.line, 1)
        row.addWidget(self.details_button)
        row.addWidget(self.dismiss_button)
        self.setVisible(False)

    def text(self) -> str:
        """The whole note ("" when there is none)."""
        return self._text

    def kind(self) -> str:
        return self.objectName()

    def set_note(self, text: str, kind: str = "muted") -> None:
        """Show ``text`` (lines are separate notes; "" hides the bar) as ``kind``."""
        self._text = text.strip()
        kind = kind if kind in KINDS else "muted"
        if kind != self.objectName():
            for widget in (self, self.line):
                widget.setObjectName(kind)
                widget.style().unpolish(widget)  # the style sheet's colour for the new kind
                widget.style().polish(widget)
        lines = self._text.splitlines()
        first = lines[0] if lines else ""
        more = len(lines) - 1
        if more > 0:
            # Translators: the first of several notes, shown in one line.
            first = ngettext("{note} (and {count} more)", "{note} (and {count} more)", more).format(
                note=first, count=more
            )
        self.line.setText(first)
        self.line.setToolTip(self._text)
        self.line.setAccessibleName(self._text)
        self.details.hide()
        self.setVisible(bool(self._text))
        self._offer_details()

    def dismiss(self) -> None:
        self.set_note("")

    def show_details(self) -> None:
        if self._text:
            self.details.show_under(self, self._text, self.objectName())

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._offer_details()

    def _offer_details(self) -> None:
        """Details… shows only when the line does not say the whole note."""
        whole = self.line.text() == self._text
        self.details_button.setVisible(bool(self._text) and not whole)
