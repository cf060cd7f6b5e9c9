"""A job: one request to AuraX followed from preparation to its stored result."""

from __future__ import annotations

import enum
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from aurax_desktop import paths
from aurax_desktop.api import CREDITS
from aurax_desktop.translation import LazyText, lazy_pgettext


class JobKind(enum.StrEnum):
    TRY_ON = "try-on"
    IMAGE_GENERATION = "image-generation"
    PRODUCT_DESCRIPTION = "product-description"

    @property
    def cost(self) -> float:
        """What one job of this kind costs, in credits (from the one table of costs)."""
        return CREDITS[self.value]

    @property
    def label(self) -> str:
        """The kind in words, in the language spoken now."""
        return str(_KIND_LABELS[self.value])


class JobStatus(enum.StrEnum):
    PREPARING = "preparing"
    WAITING = "waiting"
    """Prepared, and held back: its batch is paused (by the user, or because AuraX said
    the account is out of credits). Nothing was sent; Resume sends it."""
    SUBMITTING = "submitting"
    QUEUED = "queued"
    PROCESSING = "processing"
    DOWNLOADING = "downloading"
    COMPLETED = "completed"
    FAILED = "failed"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"
    """The program ended while preparing: nothing was sent, nothing charged."""
    UNCERTAIN = "uncertain"
    """The program ended while sending: the request may have reached AuraX."""

    @property
    def label(self) -> str:
        """The status in words, in the language spoken now (translated each time it is
        read: a job's status is never stored in words)."""
        return str(_STATUS_LABELS[self.value])

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATUSES

    @property
    def is_following(self) -> bool:
        """Submitted and not finished: resumed by itself at start."""
        return self in (JobStatus.QUEUED, JobStatus.PROCESSING, JobStatus.DOWNLOADING)


_KIND_LABELS: dict[str, LazyText] = {
    # Translators: the kind of a job, shown before its product type and status in the
    # Jobs list ("Try-on · Dress · Completed").
    "try-on": lazy_pgettext("job kind", "Try-on"),
    "image-generation": lazy_pgettext("job kind", "Generation"),
    "product-description": lazy_pgettext("job kind", "Description"),
}
_STATUS_LABELS: dict[str, LazyText] = {
    # Translators: a job's status, shown alone beside it in the Jobs list and the
    # Gallery (a job is a try-on, a generation or a description sent to AuraX).
    "preparing": lazy_pgettext("job status", "Preparing"),
    "waiting": lazy_pgettext("job status", "Waiting to be sent"),
    "submitting": lazy_pgettext("job status", "Sending"),
    "queued": lazy_pgettext("job status", "Queued"),
    "processing": lazy_pgettext("job status", "Processing"),
    "downloading": lazy_pgettext("job status", "Downloading"),
    "completed": lazy_pgettext("job status", "Completed"),
    "failed": lazy_pgettext("job status", "Failed"),
    "stopped": lazy_pgettext("job status", "Stopped"),
    "interrupted": lazy_pgettext("job status", "Interrupted, not sent"),
    "uncertain": lazy_pgettext("job status", "May have been sent"),
}

FINAL_STATUSES = frozenset(
    {
        JobStatus.COMPLETED,
        JobStatus.FAILED,
        JobStatus.STOPPED,
        JobStatus.INTERRUPTED,
        JobStatus.UNCERTAIN,
    }
)
RETRYABLE_STATUSES = frozenset(
    {JobStatus.FAILED, JobStatus.STOPPED, JobStatus.INTERRUPTED, JobStatus.UNCERTAIN}
)
UNFINISHED_STATUSES = (
    JobStatus.PREPARING,
    JobStatus.WAITING,
    JobStatus.SUBMITTING,
    JobStatus.QUEUED,
    JobStatus.PROCESSING,
    JobStatus.DOWNLOADING,
)
FAVOURITE, REJECTED = "favourite", "rejected"
MARKS = (FAVOURITE, REJECTED)
MAX_STARS = 5

RESUMABLE_ERRORS = frozenset({"DownloadError", "TaskDeadlineError"})
"""Failures of following (not of the task): following the task again may still fetch
its result, at no charge."""


def new_job_id() -> str:
    return uuid.uuid4().hex[:16]


def jobs_dir() -> Path:
    return paths.data_dir() / "jobs"


WORK_FIELDS = (
    "status",
    "product_type",
    "prompt",
    "description",
    "task_id",
    "updated_at",
    "cost",
    "error",
    "error_kind",
    "params",
    "timeline",
    "messages",
    "results",
    "raw",
    "owner",
)
"""The fields the work owns: only the process running the job changes them."""
USER_FIELDS = (
    "mark",
    "stars",
    "trashed_at",
    "batch_name",
    "person_name",
    "chosen_at",
    "own_description",
)
"""The fields the user owns: only the user's edits change them, never the work."""


@dataclass(frozen=True)
class Job:
    """A snapshot of a job. Its fields have owners: the work (``WORK_FIELDS``) and the
    user (``USER_FIELDS``); each side's changes write only its own fields, to the job as
    the history holds it at that moment (see ``book``). The rest are set when the job is
    made and never change."""

    id: str
    kind: JobKind
    status: JobStatus
    product_type: str
    params: dict[str, Any] = field(default_factory=dict)
    """Request parameters; prepared images are files in the job folder named here."""
    prompt: str | None = None
    task_id: str | None = None
    created_at: float = field(default_factory=time.time)
    updated_at: float = field(default_factory=time.time)
    timeline: dict[str, float] = field(default_factory=dict)
    """When each status was reached (seconds since the epoch)."""
    messages: tuple[str, ...] = ()
    """The server's messages about the task."""
    error: str | None = None
    """Why it failed or stopped, in plain words: written when it happened, in the
    language spoken then, and kept so in the history (shown as it was written)."""
    error_kind: str | None = None
    """What kind of failure: the error's class name ("AccountError", "ImageError"...)."""
    cost: float = 0.0
    results: tuple[str, ...] = ()
    """Result file names in the job folder."""
    description: str | None = None
    raw: dict[str, Any] | None = None
    """The server's last raw answer about the task."""
    source_name: str | None = None
    """The file name the user chose (a description's photo, a try-on's person photo)."""
    batch: str | None = None
    retry_of: str | None = None
    owner: str | None = None
    """The process that runs the job (see ``jobs.ownership``); None once it has ended."""
    revision: int = 0
    """Grows by one with every saved change: a newer snapshot has a larger revision."""
    mark: str | None = None
    """The user's verdict on a result: "favourite", "rejected" or None."""
    stars: int = 0
    """The user's rating of a result, 0 (none) to 5."""
    trashed_at: float | None = None
    """When the user deleted it (it waits in the Trash until purged); None: not deleted."""
    batch_name: str | None = None
    """The name of the job's batch, as the user gave it (and renamed it)."""
    person_name: str | None = None
    """The name the user gave the person photo of a try-on (a people list, a rename)."""
    chosen_at: float | None = None
    """When the user last chose this result among its cell's variants (None: never)."""
    own_description: str | None = None
    """The user's own words for a description, kept in place of AuraX's."""

    @property
    def folder(self) -> Path:
        return jobs_dir() / self.id

    @property
    def resumable(self) -> bool:
        """Sent, with a task to follow, and not known to be over at the server (or its
        result not yet fetched): following it again costs nothing."""
        if not self.task_id:
            return False
        return self.status.is_following or (
            self.status is JobStatus.FAILED and self.error_kind in RESUMABLE_ERRORS
        )

    @property
    def result_paths(self) -> list[Path]:
        return [self.folder / name for name in self.results if name]

    @property
    def thumbnail_path(self) -> Path | None:
        path = self.folder / "thumbnail.jpg"
        return path if path.is_file() else None

    def moved_to(self, status: JobStatus, **changes: Any) -> Job:
        now = time.time()
        timeline = dict(self.timeline)
        timeline.setdefault(status.value, now)
        return replace(self, status=status, updated_at=now, timeline=timeline, **changes)

    def changed(self, **changes: Any) -> Job:
        return replace(self, updated_at=time.time(), **changes)

    @property
    def shown_description(self) -> str | None:
        """The description to show and export: the user's own words, else AuraX's."""
        return self.own_description if self.own_description is not None else self.description

    @property
    def in_trash(self) -> bool:
        return self.trashed_at is not None

    @property
    def elapsed(self) -> float:
        """Seconds from creation to the end (or to now, while it runs)."""
        end = self.updated_at if self.status.is_final else time.time()
        return max(0.0, end - self.created_at)
