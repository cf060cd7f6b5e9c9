"""The window's one job cache: every job the window knows, at its newest revision.

Two things feed it, on the GUI thread: the job book's events (``take``), and reads
of the history made on workers (``absorb``: a filter reloaded, a batch opened in
the Gallery). Both merge by revision, so a read made before the last event never
puts an older state back. A job deleted for good leaves a tombstone (``drop``): a
late event or a read made before the deletion never brings it back. The Jobs list,
its groups, the Gallery, the loupe, the Result pane, the Describe table and the
Trash are views over it: they keep which jobs they show and in what order, and ask
the cache what each job is now. Nothing else keeps job state.

An edit the user makes (a mark, stars) shows at once, before its save ends
(``expect``): a second key press sees the first. It holds until the saves asked
for have ended (``settle``); their events arrive before that, in order, so what
follows is the job as saved. Views that gather the changes they hear of into one
update a frame show such an edit at once (``editing``): it answers a key press.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from aurax_desktop.jobs import Job


class JobCache(QObject):
    changed = Signal(object)
    """A job as it now is (a Job), after an event or a newer read."""
    removed = Signal(str)
    """A job was deleted for good (its id)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[str, Job] = {}
        self._gone: set[str] = set()
        """Jobs deleted for good: never taken back (ids are never used twice)."""
        self._expected: dict[str, tuple[dict[str, Any], int]] = {}
        """Edits shown before their saves end: the fields, and how many saves are going."""
        self.editing = False
        """True while the cache announces an edit of the user's (``expect``, ``settle``)."""

    # Feeding it

    def take(self, job: Job) -> bool:
        """An event: kept and announced when newer than what is known; True if so."""
        if job.id in self._gone:
            return False
        known = self._jobs.get(job.id)
        if known is not None and known.revision >= job.revision:
            return False
        self._jobs[job.id] = job
        self.changed.emit(self.get(job.id))
        return True

    def absorb(self, jobs: Iterable[Job]) -> list[Job]:
        """A read of the history: each job as the cache now has it (the read, unless an
        event brought a newer revision first). A known job the read shows newer is
        announced, so every view hears of it."""
        shown: list[Job] = []
        for job in jobs:
            if job.id in self._gone:
                continue
            known = self._jobs.get(job.id)
            if known is None or job.revision > known.revision:
                self._jobs[job.id] = job
                if known is not None:
                    self.changed.emit(self.get(job.id))
            found = self.get(job.id)
            if found is not None:
                shown.append(found)
        return shown

    def drop(self, job_id: str) -> None:
        """The job was deleted for good: forgotten, and never taken back."""
        self._gone.add(job_id)
        self._expected.pop(job_id, None)
        if self._jobs.pop(job_id, None) is not None:
            self.removed.emit(job_id)

    # The user's edits, shown before they are saved

    def expect(self, job_ids: Iterable[str], **fields: Any) -> None:
        """Show ``fields`` on these jobs now; a ``settle`` for each save asked for."""
        for job_id in job_ids:
            known, going = self._expected.get(job_id, ({}, 0))
            self._expected[job_id] = ({**known, **fields}, going + 1)
            job = self.get(job_id)
            if job is not None:
                self._announce_edit(job)

    def settle(self, job_ids: Iterable[str]) -> None:
        """A save asked for with ``expect`` ended (saved or not)."""
        for job_id in job_ids:
            fields, going = self._expected.get(job_id, ({}, 0))
            if going > 1:
                self._expected[job_id] = (fields, going - 1)
                continue
            self._expected.pop(job_id, None)
            job = self.get(job_id)
            if (
                job is not None
                and fields
                and any(getattr(job, name) != value for name, value in fields.items())
            ):
                self._announce_edit(job)  # the save did not take: shown as it is

    def _announce_edit(self, job: Job) -> None:
        self.editing = True
        try:
            self.changed.emit(job)
        finally:
            self.editing = False

    # Reading

    def get(self, job_id: str) -> Job | None:
        job = self._jobs.get(job_id)
        expected = self._expected.get(job_id)
        if job is None or expected is None:
            return job
        return replace(job, **expected[0])

    def is_gone(self, job_id: str) -> bool:
        """Deleted for good (a view still holding the id shows nothing for it)."""
        return job_id in self._gone

    def __contains__(self, job_id: object) -> bool:
        return job_id in self._jobs

    def __len__(self) -> int:
        return len(self._jobs)
