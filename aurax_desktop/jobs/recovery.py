"""At start: take over what an earlier process left unfinished, and only that.

A job is taken over only when the process stamped on it holds no lock any
more (it quit or was killed): jobs of a live window or command are left to it.
Taken-over jobs that were sent are followed again (no new request, no charge),
including those whose result download broke off; those left waiting in a paused
batch (prepared, never sent) go back to their batch's queue; those that died
before or while sending are marked as what they are: interrupted (not sent) or
uncertain (may have been sent).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from aurax_desktop.api.addresses import is_loopback_url
from aurax_desktop.jobs.book import JobBook
from aurax_desktop.jobs.model import RESUMABLE_ERRORS, UNFINISHED_STATUSES, Job, JobStatus
from aurax_desktop.jobs.ownership import OwnerLock
from aurax_desktop.jobs.params import sent_of
from aurax_desktop.jobs.transitions import after_crash, for_following_again
from aurax_desktop.translation import lazy_gettext

log = logging.getLogger(__name__)

DEMO_GONE = lazy_gettext(
    "The demo server that ran this task has stopped, so its result cannot be fetched."
)


def take_over(
    book: JobBook,
    owner: OwnerLock,
    base_url: str,
    follow: Callable[[Job], None],
    queue_again: Callable[[Job], None],
) -> list[Job]:
    """Claim and act on every job no live process owns; the jobs touched. Those sent are
    followed; those left waiting, prepared and never sent, are queued again."""
    touched: list[Job] = []
    with owner.claiming():
        found = book.store.with_status(UNFINISHED_STATUSES, failed_with=RESUMABLE_ERRORS)
        for candidate in found:
            job = book.change(candidate.id, lambda job: _claim(job, owner, base_url))
            if job is None:
                continue
            touched.append(job)
            if job.status.is_following:
                follow(job)
            elif job.status is JobStatus.WAITING:
                queue_again(job)
    return touched


def _claim(job: Job, owner: OwnerLock, base_url: str) -> Job | None:
    """The job as taken over by ``owner``, or None to leave it alone."""
    if not (job.status in UNFINISHED_STATUSES or job.resumable):
        return None  # it ended meanwhile
    if owner.is_alive(job.owner):
        return None  # a live process (or this one) runs it
    server = sent_of(job.params).server
    if server and server != base_url:
        if is_loopback_url(server) and job.status.is_following:
            return job.moved_to(JobStatus.FAILED, error=str(DEMO_GONE), owner=None)
        return None  # another server's job: left for a session connected to it
    if job.status is JobStatus.WAITING:
        return replace(job, owner=owner.id)  # prepared, never sent: it waits its turn again
    crashed = after_crash(job)
    if crashed is not None:
        return replace(crashed, owner=None)
    return replace(for_following_again(job), owner=owner.id)
