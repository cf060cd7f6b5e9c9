"""A job's life (no Qt): prepare -> submit -> follow -> fetch -> store."""

from aurax_desktop.jobs.events import (
    EventSink,
    JobEvent,
    JobNotice,
    JobProgress,
    JobRemoved,
    JobUpdated,
)
from aurax_desktop.jobs.inputs import DescriptionInput, GenerationInput, TryOnInput
from aurax_desktop.jobs.model import Job, JobKind, JobStatus, jobs_dir
from aurax_desktop.jobs.runner import JobRunner
from aurax_desktop.jobs.store import HistoryError, JobQuery, JobStore

__all__ = [
    "DescriptionInput",
    "EventSink",
    "GenerationInput",
    "HistoryError",
    "Job",
    "JobEvent",
    "JobKind",
    "JobNotice",
    "JobProgress",
    "JobQuery",
    "JobRemoved",
    "JobRunner",
    "JobStatus",
    "JobStore",
    "JobUpdated",
    "TryOnInput",
    "jobs_dir",
]
