"""What the window and the command ask of the history: a query (newest first, filtered,
a page at a time), matched the same in SQL and in Python, so a live update is placed
as a reload would place it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aurax_desktop.jobs.model import Job, JobKind, JobStatus

SEARCHED = ("prompt", "description", "source_name", "task_id")
"""The fields a history search looks in."""


def contains_text(value: str | None, needle: str) -> bool:
    """Case-insensitive "contains", the same in SQL (registered below) and in Python."""
    return bool(value) and needle.casefold() in str(value).casefold()


UNMARKED = ""
"""Among ``JobQuery.marks``: a job with no mark."""


@dataclass(frozen=True)
class JobQuery:
    """What the window asks for: newest first, filtered, a page at a time."""

    kinds: frozenset[JobKind] = frozenset()
    statuses: frozenset[JobStatus] = frozenset()
    product_types: frozenset[str] = frozenset()
    text: str = ""
    batch: str | None = None
    created_before: float | None = None
    """Only jobs made before this moment (seconds since the epoch)."""
    marks: frozenset[str] = frozenset()
    """Only jobs with one of these marks ("favourite", "rejected", ``UNMARKED``)."""
    min_stars: int = 0
    trashed: bool | None = False
    """False: jobs not deleted; True: only those in the Trash; None: both."""
    limit: int = 100
    offset: int = 0

    def matches(self, job: Job) -> bool:
        """True when ``job`` is one this query finds (paging aside)."""
        needle = self.text.strip()
        return (
            (not self.kinds or job.kind in self.kinds)
            and (not self.statuses or job.status in self.statuses)
            and (not self.product_types or job.product_type in self.product_types)
            and (self.batch is None or job.batch == self.batch)
            and (self.created_before is None or job.created_at < self.created_before)
            and (not self.marks or (job.mark or UNMARKED) in self.marks)
            and job.stars >= self.min_stars
            and (self.trashed is None or job.in_trash == self.trashed)
            and (not needle or any(contains_text(getattr(job, f), needle) for f in SEARCHED))
        )


def marks(values: Sequence[object]) -> str:
    """As many SQL placeholders as ``values``."""
    return ", ".join("?" for _ in values)


def sql_where(query: JobQuery) -> tuple[str, list[Any]]:
    """The WHERE clause that finds what ``query`` matches, and its values."""
    clauses: list[str] = []
    args: list[Any] = []
    for column, values in (
        ("kind", query.kinds),
        ("status", query.statuses),
        ("product_type", query.product_types),
    ):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
            args.extend(str(v) for v in sorted(values))
    needle = query.text.strip()
    if needle:
        clauses.append("(" + " OR ".join(f"contains_text({f}, ?)" for f in SEARCHED) + ")")
        args.extend([needle] * len(SEARCHED))
    if query.batch is not None:
        clauses.append("batch = ?")
        args.append(query.batch)
    if query.created_before is not None:
        clauses.append("created_at < ?")
        args.append(query.created_before)
    if query.marks:
        chosen = sorted(m for m in query.marks if m != UNMARKED)
        either = [f"mark IN ({marks(chosen)})"] if chosen else []
        if UNMARKED in query.marks:
            either.append("mark IS NULL")
        clauses.append("(" + " OR ".join(either) + ")")
        args.extend(chosen)
    if query.min_stars > 0:
        clauses.append("stars >= ?")
        args.append(query.min_stars)
    if query.trashed is not None:
        clauses.append("trashed_at IS NOT NULL" if query.trashed else "trashed_at IS NULL")
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", args
