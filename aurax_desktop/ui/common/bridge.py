"""Job events from worker threads, delivered as Qt signals on the GUI thread.

Events wait in a queue of their own: the first one queued wakes the GUI thread, which
then takes every event queued by then in one go. A busy batch (hundreds of events a
second) costs the event loop one call per wake-up, not one per event. A wake-up
hands on events for at most ``SLICE_S``, then lets the event loop turn before the
rest: sending a batch of 10,000 looks (10,000 events at once) never holds the window
still.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Qt, Signal, Slot

from aurax_desktop.jobs import (
    BatchPaused,
    HistoryTrouble,
    JobEvent,
    JobNotice,
    JobProgress,
    JobRemoved,
    JobUpdated,
)

SLICE_S = 0.008
"""The longest a wake-up hands on events before the event loop turns (half a frame)."""


class JobBridge(QObject):
    jobUpdated = Signal(object)  # Job
    jobProgress = Signal(object)  # JobProgress
    jobNotice = Signal(object)  # JobNotice
    jobRemoved = Signal(str)
    historyTrouble = Signal(str)
    batchPaused = Signal(object)  # BatchPaused

    _wake = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._queued: list[JobEvent] = []
        # queued from the GUI thread too: the rest of a long queue waits for the next turn
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        self.wakeups = 0
        """How many times the GUI thread took the queue (what coalescing tests count)."""

    def __call__(self, event: JobEvent) -> None:
        """The runner's listener: called on any thread, delivered on the GUI thread in
        the order called."""
        with self._lock:
            self._queued.append(event)
            first = len(self._queued) == 1
        if first:
            self._wake.emit()

    @Slot()
    def _drain(self) -> None:
        with self._lock:
            events, self._queued = self._queued, []
        if not events:
            return
        self.wakeups += 1
        until = time.monotonic() + SLICE_S
        for done, event in enumerate(events, start=1):
            self._dispatch(event)
            if done < len(events) and time.monotonic() > until:
                with self._lock:  # the rest first, before what came meanwhile
                    self._queued[:0] = events[done:]
                self._wake.emit()
                return

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
