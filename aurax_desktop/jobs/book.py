"""The jobs' latest snapshots: every change is read, made, saved and announced as one step.

Each saved snapshot gets the next revision of its job, is committed to the
history and then announced to the listeners, in that order and under one
lock: listeners see a job's revisions in the order they were made, and a
newer snapshot always has a larger revision. A history that cannot be written
(a full disk) does not stop a job: the snapshot is still kept and announced,
and the trouble is announced too.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import replace

from aurax_desktop.jobs.events import (
    EventSink,
    HistoryTrouble,
    JobEvent,
    JobProgress,
    JobRemoved,
    JobUpdated,
)
from aurax_desktop.jobs.model import Job
from aurax_desktop.jobs.store import HistoryError, JobStore

log = logging.getLogger(__name__)


class JobBook:
    def __init__(self, store: JobStore) -> None:
        self.store = store
        self._jobs: dict[str, Job] = {}
        self._changing = threading.RLock()
        self._changed = threading.Condition()
        self._listeners: list[EventSink] = []
        self.history_error: HistoryError | None = None
        """The last failure to write the history, if any."""

    # Listening

    def add_listener(self, sink: EventSink) -> None:
        with self._changed:
            self._listeners.append(sink)

    def emit(self, event: JobEvent) -> None:
        with self._changed:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("A job listener failed")

    def progress(self, job_id: str, phase: str) -> Callable[[int, int], None]:
        """A report of bytes moved for ``job_id`` (at most ten events a second)."""
        last = [0.0]

        def report(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= 0.1 or (total and done >= total):
                last[0] = now
                self.emit(JobProgress(job_id, phase, done, total))

        return report

    # Changing

    def save(self, job: Job) -> Job:
        """Commit ``job`` as its next revision, then announce it; the saved snapshot."""
        with self._changing:
            known = self._jobs.get(job.id)
            revision = max(job.revision, known.revision if known else 0) + 1
            job = replace(job, revision=revision)
            try:
                self.store.save(job)
            except HistoryError as exc:
                self._history_failed(exc)
            with self._changed:
                self._jobs[job.id] = job
                self._changed.notify_all()
            self.emit(JobUpdated(job))
        return job

    def change(self, job_id: str, change: Callable[[Job], Job | None]) -> Job | None:
        """Save ``change(job)`` (None: no change), reading and writing as one step, so
        two threads (a stream's late event, a finished download) never undo each
        other's state."""
        with self._changing:
            job = self.get(job_id)
            changed = change(job) if job is not None else None
            return self.save(changed) if changed is not None else None

    def adopt(self, job: Job) -> None:
        """Know ``job`` as it is in the history, without saving or announcing it."""
        with self._changed:
            self._jobs.setdefault(job.id, job)

    def forget(self, job_id: str) -> None:
        with self._changed:
            self._jobs.pop(job_id, None)
            self._changed.notify_all()
        self.emit(JobRemoved(job_id))

    def _history_failed(self, exc: HistoryError) -> None:
        first = self.history_error is None
        self.history_error = exc
        log.error("The history could not be written: %s", exc.user_message)
        if first:
            self.emit(HistoryTrouble(exc.user_message))

    # Reading

    def get(self, job_id: str) -> Job | None:
        with self._changed:
            job = self._jobs.get(job_id)
        if job is not None:
            return job
        try:
            return self.store.get(job_id)
        except Exception:  # a damaged or vanished history: nothing known of it
            log.exception("Reading job %s from the history failed", job_id)
            return None

    def is_known(self, job_id: str) -> bool:
        with self._changed:
            return job_id in self._jobs

    def wait(self, job_ids: Iterable[str], timeout: float | None = None) -> list[Job]:
        """Block until every job is final (or the timeout); their latest snapshots."""
        wanted = list(job_ids)
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._changed:
            while True:
                jobs = [self._jobs.get(i) for i in wanted]
                if all(j is not None and j.status.is_final for j in jobs):
                    break
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    break
                self._changed.wait(1.0 if remaining is None else min(remaining, 1.0))
        return [j for j in (self.get(i) for i in wanted) if j is not None]
