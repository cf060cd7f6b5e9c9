"""Job events from worker threads, delivered as Qt signals on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from aurax_desktop.jobs import (
    BatchPaused,
    HistoryTrouble,
    JobEvent,
    JobNotice,
    JobProgress,
    JobRemoved,
    JobUpdated,
)


class JobBridge(QObject):
    jobUpdated = Signal(object)  # Job
    jobProgress = Signal(object)  # JobProgress
    jobNotice = Signal(object)  # JobNotice
    jobRemoved = Signal(str)
    historyTrouble = Signal(str)
    batchPaused = Signal(object)  # BatchPaused

    _incoming = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._incoming.connect(self._dispatch)

    def __call__(self, event: JobEvent) -> None:
        """The runner's listener: called on any thread, queued to the GUI thread."""
        self._incoming.emit(event)

    @Slot(object)
    def _dispatch(self, event: JobEvent) -> None:
        if isinstance(event, JobUpdated):
            self.jobUpdated.emit(event.job)
        elif isinstance(event, JobProgress):
            self.jobProgress.emit(event)
        elif isinstance(event, JobNotice):
            self.jobNotice.emit(event)
        elif isinstance(event, JobRemoved):
            self.jobRemoved.emit(event.job_id)
        elif isinstance(event, HistoryTrouble):
            self.historyTrouble.emit(event.message)
        elif isinstance(event, BatchPaused):
            self.batchPaused.emit(event)
