"""How a job's state changes, as pure functions: snapshot + what happened -> new snapshot.

Each returns None when what happened changes nothing (a late report about a
job that has moved on). The ``JobBook`` applies them as one step each.

A job's ``error`` is written here in the language spoken at that moment and kept so in
the history: a job that failed while the program spoke German says so in German after
a switch to French (its status label, never stored in words, follows the switch).
"""

from __future__ import annotations

from aurax_desktop.api import (
    AuraxError,
    MaybeSentError,
    NetworkError,
    TaskDeadlineError,
    TaskFailedError,
    TaskState,
    TaskStatus,
)
from aurax_desktop.jobs.model import Job, JobStatus
from aurax_desktop.translation import _, lazy_gettext

STOPPED_MESSAGE = lazy_gettext(
    "Stopped following this task. AuraX may still finish it and charge for it."
)
NOT_SENT_STOP = lazy_gettext("Stopped before sending; nothing was charged.")
INTERRUPTED_MESSAGE = lazy_gettext(
    "The program ended while preparing this job. It was not sent and nothing was charged; "
    "retry it to send it."
)
UNCERTAIN_MESSAGE = lazy_gettext(
    "The program ended while sending this job. It may have reached AuraX and been charged; "
    "look for its result (check your AuraX account) before sending it again."
)
MAYBE_SENT_MESSAGE = lazy_gettext(
    "This job may have been sent and charged, but AuraX's answer never came or could not be "
    "read, so its result cannot be followed from here. Look for it (check your AuraX "
    "account) before sending it again."
)


def after_task_state(job: Job, state: TaskState) -> Job | None:
    """The server reported a non-final state (queued, processing, or one it named oddly)."""
    if job.status.is_final or job.status is JobStatus.DOWNLOADING:
        return None  # a late report: the task has moved on
    status = JobStatus.PROCESSING if state.status is TaskStatus.PROCESSING else JobStatus.QUEUED
    if state.status is TaskStatus.UNKNOWN:
        status = job.status
    if status is job.status and state.messages == job.messages:
        return None
    return job.moved_to(status, raw=state.raw, messages=state.messages)


def after_follow_failed(job: Job, error: AuraxError) -> Job | None:
    """Following ended without a result: the task failed, or following gave up."""
    if job.status.is_final or job.status is JobStatus.DOWNLOADING:
        return None  # it ended otherwise meanwhile, or its result is coming
    text = error.user_message
    if isinstance(error, TaskDeadlineError):
        # Translators: {message} says how long AuraX was waited for; “Follow again” is
        # the command of the Jobs list of that name.
        text = _(
            "{message} Use “Follow again” to keep waiting; retrying would send it again."
        ).format(message=text)
    messages = error.messages if isinstance(error, TaskFailedError) else job.messages
    return job.moved_to(
        JobStatus.FAILED, error=text, messages=messages, error_kind=type(error).__name__
    )


def after_stop(job: Job) -> Job | None:
    if job.status.is_final:
        return None
    return job.moved_to(JobStatus.STOPPED, error=str(STOPPED_MESSAGE))


def to_downloading(job: Job, state: TaskState) -> Job | None:
    if job.status in (JobStatus.DOWNLOADING, JobStatus.COMPLETED):
        return None  # told twice
    return job.moved_to(JobStatus.DOWNLOADING, raw=state.raw, messages=state.messages)


def after_send_failed(job: Job, error: AuraxError) -> Job:
    """A submission that did not give a task: refused (failed, nothing charged), or
    perhaps sent (uncertain: it may have been charged, never to be sent again by itself)."""
    if isinstance(error, MaybeSentError):
        detail = error.user_message
        text = str(MAYBE_SENT_MESSAGE) if detail == MaybeSentError.default_message else detail
        return job.moved_to(
            JobStatus.UNCERTAIN, error=text, error_kind=type(error).__name__, raw=_raw(error)
        )
    text = error.user_message
    if isinstance(error, NetworkError):
        # Translators: {message} says why AuraX could not be reached.
        text = _("{message} Nothing was sent, so nothing was charged.").format(message=text)
    return job.moved_to(JobStatus.FAILED, error=text, error_kind=type(error).__name__)


def _raw(error: AuraxError) -> dict[str, object]:
    """What is known of a doubtful answer, kept with the job."""
    return {
        "answer_status": error.status_code,
        "server_message": error.server_message,
        "detail": error.detail,
    }


def after_crash(job: Job) -> Job | None:
    """An unfinished job whose process died before it had a task to follow."""
    if job.status is JobStatus.PREPARING:
        return job.moved_to(JobStatus.INTERRUPTED, error=str(INTERRUPTED_MESSAGE))
    if job.status is JobStatus.SUBMITTING or not job.task_id:
        return job.moved_to(JobStatus.UNCERTAIN, error=str(UNCERTAIN_MESSAGE))
    return None


def for_following_again(job: Job) -> Job:
    """A job about to be followed again: back to queued, its old failure cleared."""
    status = job.status if job.status.is_following else JobStatus.QUEUED
    if status is JobStatus.DOWNLOADING:
        status = JobStatus.QUEUED  # the download starts again once the task says so
    return job.moved_to(status, error=None, error_kind=None)
