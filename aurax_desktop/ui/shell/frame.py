"""The window's frame: where the features sit. The page list on the left (Try-On,
Generate, Describe, Gallery), the page in front, the column of the result and the jobs
on the right (hidden for a full-width Gallery), the demo banner above; and a room the
size of the whole window, for what fills it (the Gallery's loupe).

It keeps the studio whole: when the window narrows, the divider moves so the page
fits instead of scrolling; and it lays out a first run's dividers.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.ui.common.page_frame import PageHolder, scrolling
from aurax_desktop.ui.jobs.panel import HistoryPanel
from aurax_desktop.ui.jobs.view import VISIBLE_ROWS
from aurax_desktop.ui.shell.navigation import PageList
from aurax_desktop.ui.shell.window_state import first_split, keep_studio_whole

PAGE_NAMES = ("try-on", "generate", "describe", "gallery")
"""The pages, in the page list's order (Ctrl+1 to Ctrl+4)."""
COMPACT_BELOW = 1500
"""Window widths below which the page list shows icons only."""


class WindowFrame(QStackedWidget):
    """The window's central widget: the body (pages, result, jobs) or a widget that
    fills the window."""

    pageShown = Signal(str)
    """The page in front changed (its name)."""
    sideColumnShown = Signal(bool)

    def __init__(
        self,
        pages: Sequence[QWidget],
        viewer: QWidget,
        jobs: HistoryPanel,
        banner: QWidget,
        shortcuts_in: QWidget,
        *,
        fills: Sequence[QWidget] = (),
    ) -> None:
        """``pages`` in ``PAGE_NAMES`` order; ``shortcuts_in``: the window, where the
        page list's keys (Ctrl+1 to Ctrl+4) work; ``fills``: what may fill the window
        (``fill_with``)."""
        # Built from the outside in, in the window from the start: each widget joins
        # its final place once (with a style sheet, every move of a widget already
        # laid out styles its whole tree again, which made a start slower).
        super().__init__(shortcuts_in)
        self.setObjectName("windowFrame")
        self.jobs = jobs
        self.page_widgets = dict(zip(PAGE_NAMES, pages, strict=True))
        self.body = QWidget(self)
        self.addWidget(self.body)
        for widget in fills:
            self.addWidget(widget)
        stack = QVBoxLayout(self.body)
        stack.setContentsMargins(16, 12, 0, 0)
        stack.setSpacing(0)
        banner_row = QVBoxLayout()
        banner_row.setContentsMargins(0, 0, 16, 0)
        stack.addLayout(banner_row)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        stack.addLayout(row, 1)
        nav_column = QVBoxLayout()
        nav_column.setContentsMargins(0, 16, 12, 16)
        row.addLayout(nav_column)
        main = self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self.body)
        main.setObjectName("mainSplitter")
        row.addWidget(main, 1)
        self.pages = QStackedWidget(main)
        main.addWidget(self.pages)
        self.side_column = QWidget(main)
        main.addWidget(self.side_column)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 2)
        main.setChildrenCollapsible(False)
        wrap = QVBoxLayout(self.side_column)
        wrap.setContentsMargins(0, 16, 16, 16)
        right = self.results_splitter = QSplitter(Qt.Orientation.Vertical, self.side_column)
        right.setObjectName("resultsSplitter")
        wrap.addWidget(right)
        right.addWidget(viewer)
        right.addWidget(jobs)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)
        banner_row.addWidget(banner)
        for page in pages:
            area = scrolling(page, self.pages)
            self.pages.addWidget(area)
            holder = area.widget()
            if isinstance(holder, PageHolder):
                holder.needsChanged.connect(self._keep_studio_whole_soon)
        self.navigation = PageList(shortcuts_in)
        nav_column.addWidget(self.navigation)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.currentRowChanged.connect(self._keep_studio_whole_soon)
        self.navigation.currentRowChanged.connect(
            lambda row: self.pageShown.emit(PAGE_NAMES[row]) if row >= 0 else None
        )
        self.navigation.setCurrentRow(0)
        self._closing = False

    # Pages

    def show_page(self, name: str) -> QWidget:
        """Bring the page named ``name`` (one of ``PAGE_NAMES``) to the front."""
        self.navigation.setCurrentRow(PAGE_NAMES.index(name))
        return self.page_widgets[name]

    def current_page(self) -> str:
        return PAGE_NAMES[max(0, self.navigation.currentRow())]

    # What fills the window

    def fill_with(self, widget: QWidget | None) -> None:
        """``widget`` fills the window (the pages, the result and the jobs hidden), or,
        with None, the body comes back."""
        self.setCurrentWidget(self.body if widget is None else widget)

    @property
    def filled(self) -> bool:
        """True while a widget fills the window."""
        return self.currentWidget() is not self.body

    # The result and jobs column

    def toggle_side_column(self) -> None:
        """The result and jobs column, shown or hidden (a full-width Gallery)."""
        shown = not self.side_column.isVisible()
        self.side_column.setVisible(shown)
        self.sideColumnShown.emit(shown)

    def set_width(self, width: int) -> None:
        """Below ``COMPACT_BELOW`` pixels the page list shows icons only (laptops, 200 %)."""
        self.navigation.set_compact(width < COMPACT_BELOW)
        self._keep_studio_whole_soon()

    def first_split(self) -> None:
        """The dividers as on a first run: the studio whole, four jobs in view (three
        where the result would have less than 300 px)."""
        panel = self.jobs
        chrome = panel.sizeHint().height() - panel.job_list.sizeHint().height()
        heights = [chrome + panel.job_list.height_for_rows(n) for n in (VISIBLE_ROWS, 3)]
        first_split(self.main_splitter, self.page_widgets["try-on"], self.results_splitter, heights)

    def _keep_studio_whole_soon(self) -> None:
        # with this object as the timer's context: dropped if the window goes first
        QTimer.singleShot(0, self, self._keep_studio_whole)

    def _keep_studio_whole(self) -> None:
        if self._closing:
            return
        page = self.pages.currentWidget()
        holder = page.widget() if isinstance(page, QScrollArea) else page
        studio = holder.page if isinstance(holder, PageHolder) else self.page_widgets["try-on"]
        keep_studio_whole(self.main_splitter, studio, self.results_splitter)

    def stop(self) -> None:
        """The window closes: the dividers are left as they are."""
        self._closing = True
