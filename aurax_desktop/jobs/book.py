"""The job book: the one writer of the history, and the one source of job events.

Every change to a job is an operation run on the book's ``HistoryWriter``: one
thread, one operation after another, in the order they were asked for, whoever
asked (the runner's workers, the window, the command line). Each operation
writes, then announces what it wrote to the listeners, so listeners see a job's
revisions in the order they were made, and a newer snapshot always has a larger
revision (the history counts revisions, so this holds across processes too).

A job's fields have owners (``model.WORK_FIELDS``, ``model.USER_FIELDS``). The
work's changes (``create``, ``save``, ``change``) write only the work's fields,
the user's (``edit`` and the verbs built on it) only the user's, each as an
UPDATE of those columns on the job as the history holds it at that moment,
never as a whole job read earlier. So a job marked, renamed or moved to the
Trash while it is being sent or downloaded, here or by another process, stays
so when its result lands, and a job forgotten meanwhile is not made again.

A history that cannot be written (a full disk) does not stop a running job: its
snapshot is still kept and announced (with the user's fields as last known), and
the trouble is announced too. A book opened ``read_only`` (a second window beside
the one owning the data folder) refuses every change with ``HistoryError``.

Money is not job state: when a job's cost first appears, the charge is appended
to the history's ledger in the same transaction, and deleting the job later
leaves the ledger as it is.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from typing import Any, TypeVar

from aurax_desktop.jobs.events import (
    EventSink,
    HistoryTrouble,
    JobEvent,
    JobProgress,
    JobRemoved,
    JobUpdated,
)
from aurax_desktop.jobs.model import FINAL_STATUSES, MARKS, MAX_STARS, USER_FIELDS, Job
from aurax_desktop.jobs.store import READ_ONLY_MESSAGE, HistoryError, JobQuery, JobStore
from aurax_desktop.jobs.writer import HistoryWriter
from aurax_desktop.translation import _

log = logging.getLogger(__name__)

TRASH_KEPT_DAYS = 30
"""How long deleted jobs wait in the Trash before they are purged (a setting)."""
DAY_S = 86_400.0
_ALL = 1_000_000
T = TypeVar("T")


def _check_user_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(USER_FIELDS)
    if unknown:
        raise ValueError(f"not the user's to change: {sorted(unknown)}")
    if "mark" in fields and fields["mark"] not in (*MARKS, None):
        raise ValueError(f"unknown mark: {fields['mark']!r}")
    if "stars" in fields and not 0 <= int(fields["stars"]) <= MAX_STARS:
        raise ValueError(f"stars go from 0 to {MAX_STARS}")


def _one_line(text: str) -> str:
    return " ".join(text.split())


class JobBook:
    def __init__(
        self,
        store: JobStore,
        *,
        read_only: bool | None = None,
        writer: HistoryWriter | None = None,
    ) -> None:
        self.store = store
        self.read_only = store.read_only if read_only is None else read_only
        self.writer = writer or HistoryWriter()
        """Where every change runs, in order (see ``jobs.writer``)."""
        self._jobs: dict[str, Job] = {}
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

    # Operations: every change runs on the writer, in the order asked

    def run(self, operation: Callable[[], T]) -> Future[T]:
        """Run ``operation`` on the writer after every change asked for before it (the
        window's way: it never waits; its future result)."""
        return self.writer.submit(operation)

    def close(self, timeout: float | None = None) -> None:
        """Run the changes asked for, then take no more."""
        self.writer.close(timeout)

    # The work's changes: its own fields only

    def create(self, jobs: Sequence[Job], *, names_from: str | None = None) -> list[Job]:
        """New jobs, in the history before anything is done with them (in one
        transaction: a batch exists whole or not at all); each announced. With
        ``names_from`` (a retry, a variant), they take that job's batch and person names
        as the history holds them when they are made, so a rename is never missed."""
        self._writable()
        return self.writer.call(lambda: self._create(list(jobs), names_from))

    def _create(self, jobs: list[Job], names_from: str | None = None) -> list[Job]:
        source = self._read(names_from) if names_from is not None else None
        if source is not None:
            jobs = [
                replace(job, batch_name=source.batch_name, person_name=source.person_name)
                for job in jobs
            ]
        try:
            made = self.store.insert(jobs)
        except HistoryError as exc:
            self._history_failed(exc)
            made = [replace(job, revision=max(1, job.revision)) for job in jobs]
        for job in made:
            self._keep(job)
            self.emit(JobUpdated(job))
        return made

    def save(self, job: Job) -> Job:
        """Write the work's fields of ``job`` onto the job as the history holds it, then
        announce it; the job as it now is (the user's fields as the history has them).
        A job forgotten meanwhile is not made again: ``job`` is returned, unannounced."""
        self._writable()
        return self.writer.call(lambda: self._save(job))

    def _save(self, job: Job) -> Job:
        try:
            saved = self.store.save_work(job)
        except HistoryError as exc:
            self._history_failed(exc)
            saved = self._kept_in_memory(job)
        if saved is None:
            log.info("Job %s was forgotten meanwhile: its change is not kept", job.id)
            with self._changed:
                self._jobs.pop(job.id, None)
            return job
        self._keep(saved)
        self.emit(JobUpdated(saved))
        return saved

    def _kept_in_memory(self, job: Job) -> Job:
        """The work's change to ``job`` while the history cannot be written: the user's
        fields as last known, the next revision."""
        with self._changed:
            known = self._jobs.get(job.id)
        if known is None:
            return replace(job, revision=job.revision + 1)
        mine = {name: getattr(known, name) for name in USER_FIELDS}
        return replace(job, revision=known.revision + 1, **mine)

    def change(self, job_id: str, change: Callable[[Job], Job | None]) -> Job | None:
        """Save ``change(job)`` (None: no change), reading and writing in one operation,
        so two threads (a stream's late event, a finished download) never undo each
        other's state."""
        self._writable()

        def operation() -> Job | None:
            job = self.get(job_id)
            changed = change(job) if job is not None else None
            return self._save(changed) if changed is not None else None

        return self.writer.call(operation)

    def adopt(self, job: Job) -> None:
        """Know ``job`` as it is in the history, without saving or announcing it."""
        with self._changed:
            self._jobs.setdefault(job.id, job)

    # The user's changes: only the fields named, for any job in the history

    def edit(self, job_ids: Sequence[str], **fields: Any) -> list[Job]:
        """Change these user's fields of these jobs (``USER_FIELDS``); the jobs as they
        now are, each announced."""
        _check_user_fields(fields)
        self._writable()
        ids = list(job_ids)
        return self.writer.call(lambda: self._announce(self.store.update(ids, **fields)))

    def _announce(self, jobs: list[Job]) -> list[Job]:
        for job in jobs:
            self._keep(job)
            self.emit(JobUpdated(job))
        return jobs

    def mark(self, job_ids: Sequence[str], mark: str | None) -> list[Job]:
        return self.edit(job_ids, mark=mark)

    def rate(self, job_ids: Sequence[str], stars: int) -> list[Job]:
        return self.edit(job_ids, stars=stars)

    def choose(self, job_ids: Sequence[str]) -> list[Job]:
        """Chosen now among their cells' variants (the one shown and exported)."""
        return self.edit(job_ids, chosen_at=time.time())

    def describe(self, job_id: str, text: str) -> list[Job]:
        """The user's own words for a description (kept in place of AuraX's)."""
        return self.edit([job_id], own_description=text)

    def rename_batch(self, batch: str, name: str) -> list[Job]:
        """A batch's name, on every one of its jobs as the history holds them now (the
        Gallery, lookbooks, line sheets and ``history --json`` show it)."""
        name = _one_line(name)
        if not name:
            raise ValueError(_("A batch needs a name."))
        self._writable()
        return self.writer.call(
            lambda: self._announce(self.store.update_batch(batch, batch_name=name))
        )

    def name_person(self, batch: str, person_row: int, name: str) -> list[Job]:
        """The name of a batch's person (its row in the batch), on every one of their
        jobs; an empty name gives them back the name made from their file's."""
        name = _one_line(name)
        self._writable()
        return self.writer.call(
            lambda: self._announce(
                self.store.update_batch(batch, person_row=person_row, person_name=name or None)
            )
        )

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
        ids = list(job_ids)
        return self.writer.call(lambda: [self._forget(job_id) for job_id in ids])

    def _forget(self, job_id: str) -> str:
        self.store.delete(job_id)
        with self._changed:
            self._jobs.pop(job_id, None)
            self._changed.notify_all()
        self.emit(JobRemoved(job_id))
        return job_id

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
            raise HistoryError(str(READ_ONLY_MESSAGE))

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

    def wait(
        self,
        job_ids: Iterable[str],
        timeout: float | None = None,
        *,
        settled: Callable[[Job], bool] | None = None,
    ) -> list[Job]:
        """Block until every job is final (or ``settled``, when given), or the timeout;
        their latest snapshots."""
        wanted = list(job_ids)
        done = settled or (lambda job: job.status.is_final)
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._changed:
            while True:
                jobs = [self._jobs.get(i) for i in wanted]
                if all(j is not None and done(j) for j in jobs):
                    break
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    break
                self._changed.wait(1.0 if remaining is None else min(remaining, 1.0))
        return [j for j in (self.get(i) for i in wanted) if j is not None]
