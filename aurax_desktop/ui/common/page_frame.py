"""A page held in its room: it fills the room, and scrolls only where the window is
smaller than the page can be."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PageHolder(QWidget):
    """Holds a page at its holder's size, never below the page's minimum. (A scroll
    area asks a page with wrapped labels for its preferred height at that width, and
    would scroll pages that fit.)"""

    needsChanged = Signal()
    """The page's minimum size changed (a photo with a wider caption, say)."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        page.setParent(self)
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the page's minimum changed: the scroll area must know
            self.needsChanged.emit()
        return False

    def minimumSizeHint(self) -> QSize:
        return self.page.minimumSizeHint()

    def sizeHint(self) -> QSize:
        return self.page.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.page.setGeometry(self.rect())


def scrolling(page: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``page`` filling its room, and scrolling only where the window is smaller than
    the page can be (small laptop screens, large text scaling)."""
    area = QScrollArea(parent)
    area.setObjectName("pageScroller")
    # Not a stop on the keyboard's way (Tab goes from control to control, scrolling
    # them into view); a stop with nothing to say would only puzzle a screen reader.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(PageHolder(page))
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
