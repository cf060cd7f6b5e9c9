"""The progress list (shared by every page): its rows (drawn by ``job_delegate``) and
their actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QListView, QMenu, QWidget

from aurax_desktop.jobs import Job, JobKind
from aurax_desktop.translation import _
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.jobs.delegate import LEAST_ROWS, ROW_HEIGHT, THUMB, VISIBLE_ROWS, JobDelegate
from aurax_desktop.ui.jobs.group_controls import GroupControls
from aurax_desktop.ui.jobs.groups import group_contents
from aurax_desktop.ui.jobs.model import JobListModel, JobRole
from aurax_desktop.ui.jobs.rules import (
    can_delete,
    can_follow_again,
    can_look_for,
    can_open,
    can_resume,
    can_retry,
    can_stop,
)

__all__ = ["ROW_HEIGHT", "THUMB", "VISIBLE_ROWS", "JobListView"]


class JobListView(QListView):
    """Row actions come from the context menu, the Enter key and double-clicks."""

    openResult = Signal(object)
    showInFolder = Signal(object)
    copyTaskId = Signal(object)
    stopJob = Signal(object)
    retryJob = Signal(object)
    followJob = Signal(object)
    resumeJob = Signal(object)
    """A job waiting in a paused batch: send its batch's waiting jobs (Resume)."""
    lookForResult = Signal(object)
    """A job that may have been sent: how to find out whether it was (and charged)."""
    deleteJob = Signal(object)
    deleteJobs = Signal(list)
    """Delete pressed on selected rows (finished jobs only)."""
    jobSelected = Signal(object)
    useAsPerson = Signal(object)
    """A try-on's result, to try the next garment on (a ``Job``)."""
    useAsGarment = Signal(object)
    """A generated product image, to try on (into the Garment pane, with its type)."""
    describeJob = Signal(object)
    """A result's picture, to describe (into the Describe table)."""

    def __init__(self, model: JobListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobList")
        self.setAccessibleName(_("Jobs in progress and history"))
        self.setAccessibleDescription(
            _(
                "Newest first. Enter or a double-click opens a result; Right and Left open "
                "and close a group; the menu key shows what can be done."
            )
        )
        self.setModel(model)
        self.setItemDelegate(JobDelegate(self))
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.setMinimumHeight(self.height_for_rows(LEAST_ROWS))
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.doubleClicked.connect(lambda index: self._emit(self.openResult, index))
        self.selectionModel().currentChanged.connect(
            lambda current, _previous: self._emit(self.jobSelected, current)
        )
        self.groups = GroupControls(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() > 0:
            return
        if isinstance(model, JobListModel) and not model.answered:
            return  # the history is being read: nothing to say yet
        filtered = isinstance(model, JobListModel) and model.is_filtered()
        text = (
            _("No jobs match. Change the search or show all jobs.")
            if filtered
            else _("No jobs yet. What you send appears here, with its progress.")
        )
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            self.viewport().rect().adjusted(16, 16, -16, -16),
            int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            ),
            text,
        )
        painter.end()

    def height_for_rows(self, rows: int) -> int:
        return rows * ROW_HEIGHT + 2 * self.frameWidth() + 2

    def selected_jobs(self) -> list[Job]:
        """The selected rows' jobs, top to bottom (several with Shift or Ctrl); a closed
        group's entry stands for all its variations."""
        rows = sorted(
            index.row()
            for index in self.selectionModel().selectedRows()
            if not self.isRowHidden(index.row())
        )
        model = self.groups.model
        chosen: list[Job] = []
        for job in (model.index(row, 0).data(JobRole) for row in rows):
            if isinstance(job, Job):
                chosen.extend(j for j in model.entry_jobs(job) if j not in chosen)
        return chosen

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.groups.clicked(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.groups.key(event):
            event.accept()
            return
        job = self.current_job()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and job is not None:
            if can_open(job):  # as a double-click does
                self.openResult.emit(job)
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            chosen = [job for job in self.selected_jobs() if job.status.is_final]
            if chosen:
                self.deleteJobs.emit(chosen)
                event.accept()
                return
        super().keyPressEvent(event)

    def entry_jobs(self, job: Job) -> list[Job]:
        """What ``job``'s row stands for: a closed group's entry, all its variations."""
        return self.groups.model.entry_jobs(job)

    def current_job(self) -> Job | None:
        index = self.currentIndex()
        return index.data(JobRole) if index.isValid() else None

    def _emit(self, signal: SignalInstance, index: QModelIndex) -> None:
        job = index.data(JobRole) if index.isValid() else None
        if job is not None:
            signal.emit(job)

    def actions_for(self, job: Job) -> list[QAction]:
        """The row's actions, enabled as the job's state allows."""

        def make(text: str, name: str, signal: SignalInstance, enabled: bool) -> QAction:
            action = QAction(icon(name), text, self)
            action.setEnabled(enabled)
            action.triggered.connect(lambda: signal.emit(job))
            return action

        return [
            make(_("Open result"), "external", self.openResult, can_open(job)),
            make(_("Show in folder"), "folder", self.showInFolder, True),
            make(_("Copy task id"), "copy", self.copyTaskId, bool(job.task_id)),
            make(_("Stop following"), "stop", self.stopJob, can_stop(job)),
            make(_("Follow again"), "retry", self.followJob, can_follow_again(job)),
            make(_("Send what waits"), "play", self.resumeJob, can_resume(job)),
            make(_("Look for the result…"), "search", self.lookForResult, can_look_for(job)),
            make(_("Retry as a new job…"), "retry", self.retryJob, can_retry(job)),
            *self._hand_over(job, make),
            self._delete_action(job),
        ]

    def _hand_over(self, job: Job, make: Callable[..., QAction]) -> list[QAction]:
        """What a finished picture can go on to: the Try-On page (a try-on's result as
        the next person, or as a whole look to try on someone else; a generated image as
        a garment), or a description."""
        if not can_open(job) or job.kind is JobKind.PRODUCT_DESCRIPTION:
            return []
        found = []
        if job.kind is JobKind.TRY_ON:
            found.append(make(_("Use as person photo"), "use-as-person", self.useAsPerson, True))
        found.append(make(_("Use as garment photo"), "garment", self.useAsGarment, True))
        found.append(make(_("Describe it…"), "describe", self.describeJob, True))
        return found

    def _delete_action(self, job: Job) -> QAction:
        """Delete the row's job, or a closed group's every variation."""
        entry = self.entry_jobs(job)
        several = len(entry) > 1
        text = (
            # Translators: {jobs} is what the group holds ("4 try-ons and 2 descriptions").
            _("Delete the {jobs}").format(jobs=group_contents(entry)) if several else _("Delete")
        )
        action = QAction(icon("trash"), text, self)
        action.setObjectName("deleteJobAction")
        action.setToolTip(_("Move to the Trash (Edit → Undo brings it back)"))
        action.setEnabled(can_delete(entry))
        if several:
            action.triggered.connect(lambda: self.deleteJobs.emit(entry))
        else:
            action.triggered.connect(lambda: self.deleteJob.emit(job))
        return action

    def _menu(self, point: QPoint) -> None:
        index = self.indexAt(point)
        job = index.data(JobRole) if index.isValid() else None
        if job is None:
            return
        menu = QMenu(self)
        for action in self.groups.actions_for(index):
            menu.addAction(action)
            menu.addSeparator()
        for action in self.actions_for(job):
            menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(point))
