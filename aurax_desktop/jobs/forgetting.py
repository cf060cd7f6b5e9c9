"""Forgetting on request: deleting the finished jobs older than the user chose, or all
of them, with every file kept for them (see ``kept_files``). Jobs still being sent or
followed are never deleted from under their owner."""

from __future__ import annotations

import time
from dataclasses import dataclass

from aurax_desktop.jobs.model import FINAL_STATUSES, jobs_dir
from aurax_desktop.jobs.store import JobQuery, JobStore

DAY_S = 86_400.0
_ALL = 1_000_000


@dataclass(frozen=True)
class KeptHistory:
    """What "Delete all history" would delete, said before it is done."""

    finished: int
    running: int
    files: int
    bytes: int


def finished_before(store: JobStore, moment: float | None = None) -> list[str]:
    """The ids of finished jobs (made before ``moment`` when given)."""
    query = JobQuery(statuses=FINAL_STATUSES, created_before=moment, limit=_ALL)
    return [job.id for job in store.query(query)]


def delete_jobs(store: JobStore, job_ids: list[str]) -> int:
    for job_id in job_ids:
        store.delete(job_id)
    return len(job_ids)


def purge_older_than(store: JobStore, days: int, *, now: float | None = None) -> int:
    """Delete the finished jobs older than ``days`` days; how many."""
    if days < 1:
        raise ValueError("Jobs are kept for at least one day before they can be purged.")
    moment = (time.time() if now is None else now) - days * DAY_S
    return delete_jobs(store, finished_before(store, moment))


def kept_history(store: JobStore) -> KeptHistory:
    finished = finished_before(store)
    files = size = 0
    for job_id in finished:
        folder = jobs_dir() / job_id
        for path in folder.rglob("*") if folder.is_dir() else ():
            if path.is_file():
                files += 1
                size += path.stat().st_size
    return KeptHistory(len(finished), store.count() - len(finished), files, size)
