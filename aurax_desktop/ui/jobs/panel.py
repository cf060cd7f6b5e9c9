"""The Jobs panel: the history as a list, filtered by state, searched, loaded a page at a
time as it scrolls, thumbnails loaded as rows are first shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from aurax_desktop.jobs import Job, JobQuery, JobStatus, JobStore
from aurax_desktop.translation import LazyText, _, lazy_gettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.choices import combo_box
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.jobs.model import JobListModel
from aurax_desktop.ui.jobs.row_pictures import row_picture
from aurax_desktop.ui.jobs.view import JobListView

HISTORY_PAGE = 200
JOB_FILTERS: tuple[tuple[LazyText, frozenset[JobStatus]], ...] = (
    (lazy_gettext("All jobs"), frozenset()),
    # Translators: a choice of the Jobs list's filter: the jobs not finished yet.
    (lazy_gettext("Running"), frozenset(s for s in JobStatus if not s.is_final)),
    # Translators: a choice of the Jobs list's filter: the jobs that completed.
    (lazy_gettext("Completed"), frozenset({JobStatus.COMPLETED})),
    (
        lazy_gettext("Failed or stopped"),
        frozenset(s for s in JobStatus if s.is_final) - {JobStatus.COMPLETED},
    ),
)

FILTER_LETTERS = 13
"""The filter's width in letters, in every language: as its longest choice it would widen
the whole column in German ("Fehlgeschlagen oder angehalten"), and every page beside it
would lose that room. Its list shows every choice whole."""

CLEAR_ACTION = "_q_qlineeditclearaction"
"""Qt's name for a line edit's clear button's action (``setClearButtonEnabled``)."""


class HistoryPanel(QWidget):
    failed = Signal(str)
    """Reading the history failed; the message says why."""

    def __init__(
        self,
        work: BackgroundWork,
        cache: JobCache,
        store: Callable[[], JobStore],
        parent: QWidget | None = None,
    ) -> None:
        """``cache``: the window's job cache, which the list is a view over; ``store``:
        the history, read a page at a time."""
        super().__init__(parent)
        self.setProperty("card", True)
        self.work, self._store = work, store
        model = self.model = JobListModel(
            cache, self, fetcher=self._load_older, query=JobQuery(limit=HISTORY_PAGE)
        )
        self._ticket = 0
        self.job_list = JobListView(model)
        # Translators: the heading of the list of jobs (the glossary's "Jobs").
        heading = QLabel(_("Jobs"))
        heading.setObjectName("sectionTitle")
        self.job_filter = combo_box()
        self.job_filter.setObjectName("jobFilter")
        self.job_filter.setAccessibleName(_("Show jobs"))
        for text, statuses in JOB_FILTERS:
            self.job_filter.addItem(str(text), statuses)
        self.job_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.job_filter.setMinimumContentsLength(FILTER_LETTERS)
        choices = self.job_filter.view()
        choices.setMinimumWidth(choices.sizeHintForColumn(0) + 2 * choices.frameWidth() + 8)
        # the choice whole, where a long one is cut
        self.job_filter.currentTextChanged.connect(self.job_filter.setToolTip)
        self.job_filter.setToolTip(self.job_filter.currentText())
        self.job_search = QLineEdit()
        self.job_search.setObjectName("jobSearch")
        self.job_search.setAccessibleName(_("Search jobs"))
        self.job_search.setPlaceholderText(_("Search"))
        self.job_search.setMinimumWidth(90)
        self.job_search.setClearButtonEnabled(True)
        self.job_search.setToolTip(_("Search the history (Ctrl+F)"))
        searching = self.job_search.addAction(
            icon("search"), QLineEdit.ActionPosition.LeadingPosition
        )
        # The field's two buttons, named for screen readers (Qt names neither).
        searching.setText(_("Search"))
        clear = self.job_search.findChild(QAction, CLEAR_ACTION)
        if clear is not None:
            clear.setText(_("Clear the search"))
        self._search_delay = QTimer(self)
        self._search_delay.setSingleShot(True)
        self._search_delay.setInterval(250)
        self._search_delay.timeout.connect(self.apply_filter)
        self.job_search.textChanged.connect(self._search_delay.start)
        self.job_filter.currentIndexChanged.connect(self.apply_filter)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        self.find_shortcut = find
        model.thumbnailWanted.connect(self._load_thumbnail)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(heading)
        top.addWidget(self.job_search, 1)
        top.addWidget(self.job_filter)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 10)
        column.setSpacing(6)
        column.addLayout(top)
        column.addWidget(self.job_list, 1)
        # the keyboard's order is the reading order: the search, the filter, the list
        QWidget.setTabOrder(self.job_search, self.job_filter)
        QWidget.setTabOrder(self.job_filter, self.job_list)

    def load_first_page(self, then: Callable[[list[Job]], None]) -> None:
        first = self.model.query
        store = self._store()

        def loaded(jobs: list[Job]) -> None:
            self.model.older_loaded(jobs, more=len(jobs) == HISTORY_PAGE)
            then(jobs)

        self.work.run(lambda: store.query(first), loaded, self._failed)

    def show_all(self) -> None:
        for widget in (self.job_filter, self.job_search):
            widget.blockSignals(True)
        self.job_filter.setCurrentIndex(0)
        self.job_search.clear()
        for widget in (self.job_filter, self.job_search):
            widget.blockSignals(False)
        self.model.query = JobQuery(limit=HISTORY_PAGE)  # new jobs show from now on
        self.apply_filter()

    def select(self, job_id: str) -> None:
        """Select the row that shows the job (a closed group's entry for one of its jobs),
        when the list holds it (its result then shows)."""
        self.model.flush()
        row = self.model.row_of(job_id)
        if row is not None:
            self.job_list.setCurrentIndex(self.model.index(row))

    def focus_search(self) -> None:
        self.job_search.setFocus()
        self.job_search.selectAll()

    def apply_filter(self) -> None:
        """Ask the history for the first page of what the filter and search allow."""
        self._search_delay.stop()
        statuses = self.job_filter.currentData() or frozenset()
        query = JobQuery(statuses=statuses, text=self.job_search.text(), limit=HISTORY_PAGE)
        self._ticket += 1
        ticket = self._ticket
        store = self._store()
        self.model.flush()
        self.work.run(
            lambda: store.query(query),
            lambda jobs: self._filtered(ticket, query, jobs),
            self._failed,
        )

    def _filtered(self, ticket: int, query: JobQuery, jobs: list[Job]) -> None:
        if ticket != self._ticket:
            return  # the user typed on meanwhile
        self.model.show_query(query, jobs, more=len(jobs) == query.limit)

    def _load_older(self, query: JobQuery) -> None:
        ticket = self._ticket
        store = self._store()

        def loaded(jobs: list[Job]) -> None:
            if ticket == self._ticket:
                self.model.older_loaded(jobs, more=len(jobs) == query.limit)

        self.work.run(lambda: store.query(query), loaded, self._failed)

    def _load_thumbnail(self, job: Job) -> None:
        def show(image: QImage) -> None:
            if not image.isNull():
                self.model.set_thumbnail(job.id, image)

        self.work.run(lambda: row_picture(job), show)  # looks at the disk: on the worker

    def _failed(self, error: BaseException) -> None:
        self.model.answered = True  # the list says what it holds: nothing read
        self.job_list.viewport().update()
        self.failed.emit(getattr(error, "user_message", str(error)))
