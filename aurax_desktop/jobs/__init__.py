"""A job's life (no Qt): prepare -> submit -> follow -> fetch -> store.

The runner (which talks HTTP) is imported when first asked for, so a window paints
before it is needed; the history, the book and the jobs' model at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aurax_desktop.jobs.batches import BatchSent, TryOnBatchInput
from aurax_desktop.jobs.book import JobBook
from aurax_desktop.jobs.events import (
    BatchPaused,
    EventSink,
    HistoryTrouble,
    JobEvent,
    JobNotice,
    JobProgress,
    JobRemoved,
    JobUpdated,
)
from aurax_desktop.jobs.history_file import OpenedHistory, open_history
from aurax_desktop.jobs.inputs import DescriptionInput, GenerationInput, TryOnInput
from aurax_desktop.jobs.model import (
    FAVOURITE,
    REJECTED,
    Job,
    JobKind,
    JobStatus,
    jobs_dir,
    new_job_id,
)
from aurax_desktop.jobs.naming import result_file_name, slug
from aurax_desktop.jobs.ownership import InstanceLock, OwnerLock
from aurax_desktop.jobs.store import HistoryError, JobQuery, JobStore
from aurax_desktop.lazy_names import later

if TYPE_CHECKING:
    from aurax_desktop.jobs.runner import JobRunner


__getattr__ = later(__name__, {"JobRunner": "runner"}, globals())


__all__ = [
    "FAVOURITE",
    "REJECTED",
    "BatchPaused",
    "BatchSent",
    "DescriptionInput",
    "EventSink",
    "GenerationInput",
    "HistoryError",
    "HistoryTrouble",
    "InstanceLock",
    "Job",
    "JobBook",
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
    "OpenedHistory",
    "OwnerLock",
    "TryOnBatchInput",
    "TryOnInput",
    "jobs_dir",
    "new_job_id",
    "open_history",
    "result_file_name",
    "slug",
]
