"""Forgetting on request: the finished jobs older than the user chose, all of them, or
what has waited in the Trash long enough, deleted for good with every file kept for
them (see ``kept_files``), through the job book. Jobs still being sent or followed are
never deleted from under their owner; the money spent stays in the ledger."""

from __future__ import annotations

import time
from dataclasses import dataclass

from aurax_desktop.jobs.book import DAY_S, JobBook
from aurax_desktop.jobs.model import jobs_dir
from aurax_desktop.jobs.store import JobQuery
from aurax_desktop.translation import _

__all__ = ["DAY_S", "KeptHistory", "kept_history", "purge", "purge_older_than"]


@dataclass(frozen=True)
class KeptHistory:
    """What "Delete all history" would delete, said before it is done."""

    finished: int
    running: int
    files: int
    bytes: int


def purge_older_than(book: JobBook, days: int, *, now: float | None = None) -> list[str]:
    """Delete the finished jobs older than ``days`` days (the Trash's among them); the
    ids deleted."""
    if days < 1:
        raise ValueError(_("Jobs are kept for at least one day before they can be purged."))
    moment = (time.time() if now is None else now) - days * DAY_S
    return book.forget(book.finished_before(moment))


def purge(book: JobBook, *, trash_days: float, older_than_days: int = 0) -> list[str]:
    """What the settings say goes: jobs in the Trash for longer than ``trash_days`` and,
    when ``older_than_days`` is set, finished jobs older than that; the ids deleted."""
    gone = book.forget(book.trash_to_purge(trash_days))
    if older_than_days > 0:
        gone += purge_older_than(book, older_than_days)
    return gone


def kept_history(book: JobBook) -> KeptHistory:
    finished = book.finished_before()
    files = size = 0
    for job_id in finished:
        folder = jobs_dir() / job_id
        for path in folder.rglob("*") if folder.is_dir() else ():
            if path.is_file() and not path.is_symlink():
                files += 1
                size += path.stat().st_size
    total = book.store.count(JobQuery(trashed=None))
    return KeptHistory(len(finished), total - len(finished), files, size)
