"""A page held in its room: it fills the room, and scrolls only where the window is
smaller than the page can be."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class _PageHolder(QWidget):
    """Holds a page at its holder's size, never below the page's minimum. (A scroll
    area asks a page with wrapped labels for its preferred height at that width, and
    would scroll pages that fit.)"""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        page.setParent(self)

    def minimumSizeHint(self) -> QSize:
        return self.page.minimumSizeHint()

    def sizeHint(self) -> QSize:
        return self.page.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.page.setGeometry(self.rect())


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` filling its room, and scrolling only where the window is smaller than
    the page can be (small laptop screens, large text scaling)."""
    area = QScrollArea()
    area.setObjectName("pageScroller")
    area.setWidget(_PageHolder(page))
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
