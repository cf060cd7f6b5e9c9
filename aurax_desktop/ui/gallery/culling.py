"""Culling: flags, stars and the variant chosen for a cell, handed to the history's
writer as operations, written in the order the user gave them.

An edit shows at once (the cache expects it) and holds until its save has ended; a
window that only views the history says so instead of marking.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal

from aurax_desktop.jobs import Job
from aurax_desktop.session import Session
from aurax_desktop.translation import lazy_gettext
from aurax_desktop.ui.common.history_ops import HistoryOps
from aurax_desktop.ui.common.job_cache import JobCache

READ_ONLY = lazy_gettext(
    "This window shows the history read-only (another AuraX Desktop window runs the jobs "
    "of this data folder): marks cannot be changed here."
)


class Culling(QObject):
    failed = Signal(str)
    """An edit could not be saved; the message says why."""

    def __init__(self, session: Session, cache: JobCache, parent: QObject) -> None:
        super().__init__(parent)
        self.session, self.cache = session, cache
        self.edits = HistoryOps(session.book, self)
        """The user's edits, written by the history's writer in the order they were made."""

    @property
    def saving(self) -> bool:
        """True while an edit asked for is not saved yet."""
        return self.edits.pending > 0

    def stop(self) -> None:
        """The window closes: edits asked for are still saved (the writer runs them
        before the history closes), even just before quitting."""
        self.edits.close()

    def mark(self, jobs: list[Job], mark: str) -> None:
        """Flag ``jobs`` ("favourite", "rejected", or "" to clear)."""
        self._edit(jobs, mark=mark or None)

    def rate(self, jobs: list[Job], stars: int) -> None:
        self._edit(jobs, stars=stars)

    def choose_variant(self, job: Job) -> None:
        """The variant brought up in the loupe stands for its cell from now on: shown,
        exported and put in lookbooks."""
        self._edit([job], chosen_at=time.time())

    def _edit(self, jobs: list[Job], **fields: object) -> None:
        ids = [job.id for job in jobs]
        if not ids:
            return
        if self.session.book.read_only:
            self.failed.emit(str(READ_ONLY))
            return
        self.cache.expect(ids, **fields)

        def settled(_result: object = None) -> None:
            self.cache.settle(ids)

        def refused(error: BaseException) -> None:
            settled()
            self.failed.emit(getattr(error, "user_message", str(error)))

        self.edits.run(lambda book: book.edit(ids, **fields), settled, refused)
