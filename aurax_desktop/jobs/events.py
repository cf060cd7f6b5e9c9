"""What the job runner reports, as small typed events (delivered from worker threads)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aurax_desktop.jobs.model import Job


@dataclass(frozen=True)
class JobUpdated:
    """The job changed (status, task id, messages, results...): ``job`` is the whole new
    snapshot, and ``job.revision`` grows with every change, so an older snapshot arriving
    late is recognised and ignored."""

    job: Job


@dataclass(frozen=True)
class JobProgress:
    """Bytes moved for an upload or a download; ``total`` is 0 when unknown."""

    job_id: str
    phase: str  # "upload" or "download"
    done: int
    total: int

    @property
    def fraction(self) -> float | None:
        return self.done / self.total if self.total else None


@dataclass(frozen=True)
class JobNotice:
    """Something worth telling about a job that does not change its status."""

    job_id: str
    message: str


@dataclass(frozen=True)
class JobRemoved:
    job_id: str


@dataclass(frozen=True)
class HistoryTrouble:
    """The history file could not be written (a full disk, a read-only folder): jobs go
    on, but what happens to them now may not be remembered after a restart."""

    message: str


@dataclass(frozen=True)
class BatchPaused:
    """A batch's sending was paused or resumed (its state lives in the scheduler; this
    is how the window hears of it). ``reason``, when AuraX paused it rather than the
    user: what AuraX said (the account is out of credits)."""

    batch: str
    paused: bool
    reason: str | None = None


JobEvent = JobUpdated | JobProgress | JobNotice | JobRemoved | HistoryTrouble | BatchPaused
EventSink = Callable[[JobEvent], None]
