"""When an action applies to a job: one rule each, shared by a row's menu and the Jobs
menu (so the two never disagree)."""

from __future__ import annotations

from aurax_desktop.jobs import Job, JobStatus
from aurax_desktop.jobs.model import RETRYABLE_STATUSES


def can_open(job: Job) -> bool:
    return bool(job.results)


def can_stop(job: Job) -> bool:
    return not job.status.is_final


def can_follow_again(job: Job) -> bool:
    """It has a task at AuraX, and following it again may still fetch its result."""
    return (
        bool(job.task_id)
        and job.status in (JobStatus.STOPPED, JobStatus.FAILED, JobStatus.UNCERTAIN)
        and not job.results
    )


def can_look_for(job: Job) -> bool:
    return job.status is JobStatus.UNCERTAIN


def can_retry(job: Job) -> bool:
    return job.status in RETRYABLE_STATUSES


def can_delete(jobs: list[Job]) -> bool:
    """Only ended jobs are deleted (one still sent or followed is stopped first)."""
    return bool(jobs) and all(job.status.is_final for job in jobs)


def can_resume(job: Job) -> bool:
    """Waiting in a paused batch (paused by the user, or for want of credits): Resume
    sends it and the rest of its batch that waits (nothing was charged for them)."""
    return job.status is JobStatus.WAITING and job.batch is not None
