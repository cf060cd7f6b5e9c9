"""The job book: the one writer of the history, and the one source of job events.

Every change to a job, whether the runner's (a new status, a result) or the
user's (a mark, stars, a description edited, a batch renamed, a deletion to the
Trash and back, forgetting), is made here: read, changed, committed with the
job's next revision, then announced to the listeners, in that order and under
one lock. Listeners therefore see a job's revisions in the order they were made,
and a newer snapshot always has a larger revision.

The runner saves whole snapshots of the jobs it runs (``save``, ``change``). The
user's edits change only the fields they name (``edit``), so an edit never undoes
what the process running a job wrote meanwhile.

A history that cannot be written (a full disk) does not stop a running job: its
snapshot is still kept and announced, and the trouble is announced too. A book
opened ``read_only`` (a second window beside the one owning the data folder)
refuses every change with ``HistoryError``: it writes nothing.

Money is not job state: when a job's cost first appears, the charge is appended
to the history's ledger in the same transaction, and deleting the job later
leaves the ledger as it is.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from aurax_desktop.jobs.events import (
    EventSink,
    HistoryTrouble,
    JobEvent,
    JobProgress,
    JobRemoved,
    JobUpdated,
)
from aurax_desktop.jobs.model import FINAL_STATUSES, MARKS, MAX_STARS, Job
from aurax_desktop.jobs.params import BATCH_NAME
from aurax_desktop.jobs.store import READ_ONLY_MESSAGE, HistoryError, JobQuery, JobStore

log = logging.getLogger(__name__)

TRASH_KEPT_DAYS = 30
"""How long deleted jobs wait in the Trash before they are purged (a setting)."""
DAY_S = 86_400.0
_ALL = 1_000_000


class JobBook:
    def __init__(self, store: JobStore, *, read_only: bool | None = None) -> None:
        self.store = store
        self.read_only = store.read_only if read_only is None else read_only
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

    def remove_listener(self, sink: EventSink) -> None:
        with self._changed:
            if sink in self._listeners:
                self._listeners.remove(sink)

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

    # The runner's changes: whole snapshots of the jobs it runs

    def save(self, job: Job) -> Job:
        """Commit ``job`` as its next revision, then announce it; the saved snapshot."""
        self._writable()
        with self._changing:
            known = self._jobs.get(job.id)
            if known is None and job.cost > 0:
                known = self._read(job.id)
            revision = max(job.revision, known.revision if known else 0) + 1
            job = replace(job, revision=revision)
            charge = job.cost - (known.cost if known is not None else 0.0)
            try:
                self.store.save(job, charge=max(0.0, charge))
            except HistoryError as exc:
                self._history_failed(exc)
            self._keep(job)
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

    # The user's changes: only the fields named, for any job in the history

    def edit(self, job_ids: Sequence[str], **fields: Any) -> list[Job]:
        """Change these fields of these jobs (``mark``, ``stars``, ``description``,
        ``trashed_at``, ``params``); the jobs as they now are, each announced."""
        if "mark" in fields and fields["mark"] not in (*MARKS, None):
            raise ValueError(f"unknown mark: {fields['mark']!r}")
        if "stars" in fields and not 0 <= int(fields["stars"]) <= MAX_STARS:
            raise ValueError(f"stars go from 0 to {MAX_STARS}")
        self._writable()
        with self._changing:
            jobs = self.store.update(list(job_ids), **fields)
            for job in jobs:
                self._keep(job)
                self.emit(JobUpdated(job))
        return jobs

    def mark(self, job_ids: Sequence[str], mark: str | None) -> list[Job]:
        return self.edit(job_ids, mark=mark)

    def rate(self, job_ids: Sequence[str], stars: int) -> list[Job]:
        return self.edit(job_ids, stars=stars)

    def describe(self, job_id: str, text: str) -> list[Job]:
        """The user's own words for a description (kept in place of AuraX's)."""
        return self.edit([job_id], description=text)

    def rename_batch(self, batch: str, name: str) -> list[Job]:
        """A batch's name, on every one of its jobs (the Gallery, lookbooks, line sheets
        and ``history --json`` show it)."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("A batch needs a name.")
        self._writable()
        with self._changing:
            jobs = self.store.query(JobQuery(batch=batch, trashed=None, limit=_ALL))
            changed: list[Job] = []
            for job in jobs:
                changed += self.store.update([job.id], params={**job.params, BATCH_NAME: name})
            for job in changed:
                self._keep(job)
                self.emit(JobUpdated(job))
        return changed

    def trash(self, job_ids: Sequence[str]) -> list[Job]:
        """Deleted by the user: into the Trash (kept ``TRASH_KEPT_DAYS`` days, files and
        all), from where ``restore`` brings them back."""
        return self.edit(job_ids, trashed_at=time.time())

    def restore(self, job_ids: Sequence[str]) -> list[Job]:
        return self.edit(job_ids, trashed_at=None)

    def forget(self, job_ids: Iterable[str]) -> list[str]:
        """Delete jobs for good, with every file kept for them; the ids deleted. The
        ledger keeps their charges: the money spent does not change."""
        self._writable()
        gone: list[str] = []
        for job_id in job_ids:
            with self._changing:
                self.store.delete(job_id)
                with self._changed:
                    self._jobs.pop(job_id, None)
                    self._changed.notify_all()
            gone.append(job_id)
            self.emit(JobRemoved(job_id))
        return gone

    def trash_to_purge(self, kept_days: float, *, now: float | None = None) -> list[str]:
        """The ids of finished jobs in the Trash for longer than ``kept_days`` (one still
        followed stays until it ends: its folder is being written)."""
        moment = (time.time() if now is None else now) - kept_days * DAY_S
        return [
            job.id
            for job in self.store.query(JobQuery(trashed=True, limit=_ALL))
            if job.trashed_at is not None and job.trashed_at <= moment and job.status.is_final
        ]

    def finished_before(self, moment: float | None = None) -> list[str]:
        """The ids of finished jobs (made before ``moment`` when given), in the Trash or
        not."""
        query = JobQuery(statuses=FINAL_STATUSES, created_before=moment, trashed=None)
        return [job.id for job in self.store.query(replace(query, limit=_ALL))]

    def _writable(self) -> None:
        if self.read_only:
            raise HistoryError(READ_ONLY_MESSAGE)

    def _keep(self, job: Job) -> None:
        with self._changed:
            self._jobs[job.id] = job
            self._changed.notify_all()

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
        return job if job is not None else self._read(job_id)

    def _read(self, job_id: str) -> Job | None:
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
