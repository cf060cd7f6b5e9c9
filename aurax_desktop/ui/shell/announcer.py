"""What the window says about the jobs it sent: that they went (how many, what they
cost), and that they ended.

A job sent alone (a try-on, a generation, a retry) that completes becomes the current
result; a batch of try-ons is announced once, when its last try-on has ended, with how
many completed and how many failed. Descriptions are shown by the Describe page and
not announced. While the window is in the background each end is also told to the
desktop (``notifier``). Job states arrive only through the job cache.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from aurax_desktop.jobs import BatchSent, Job, JobKind, JobStatus
from aurax_desktop.translation import LazyText, _, lazy_gettext, ngettext
from aurax_desktop.ui.common.choices import credits_text
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.shell.notifier import Notifier

ENDED: dict[tuple[JobKind, JobStatus], LazyText] = {
    (JobKind.TRY_ON, JobStatus.COMPLETED): lazy_gettext("Try-on completed"),
    (JobKind.TRY_ON, JobStatus.FAILED): lazy_gettext("Try-on failed"),
    (JobKind.TRY_ON, JobStatus.STOPPED): lazy_gettext("Try-on stopped"),
    (JobKind.TRY_ON, JobStatus.INTERRUPTED): lazy_gettext("Try-on interrupted, not sent"),
    (JobKind.TRY_ON, JobStatus.UNCERTAIN): lazy_gettext("Try-on may have been sent"),
    (JobKind.IMAGE_GENERATION, JobStatus.COMPLETED): lazy_gettext("Generation completed"),
    (JobKind.IMAGE_GENERATION, JobStatus.FAILED): lazy_gettext("Generation failed"),
    (JobKind.IMAGE_GENERATION, JobStatus.STOPPED): lazy_gettext("Generation stopped"),
    (JobKind.IMAGE_GENERATION, JobStatus.INTERRUPTED): lazy_gettext(
        "Generation interrupted, not sent"
    ),
    (JobKind.IMAGE_GENERATION, JobStatus.UNCERTAIN): lazy_gettext("Generation may have been sent"),
}
"""A desktop notification's title for a job sent alone that ended, by kind and status
(each a whole sentence: languages place the words differently)."""


def ended_title(job: Job) -> str:
    """What the desktop is told of ``job``'s end, in a few words: "Try-on completed"."""
    title = ENDED.get((job.kind, job.status))
    if title is not None:
        return str(title)
    # Translators: a job's kind and its status, when no sentence above fits ("Description: Failed").
    return _("{kind}: {status}").format(kind=job.kind.label, status=job.status.label)


def batch_summary(count: int, failed: int) -> str:
    """How a batch of ``count`` try-ons ended: "3 of 4 try-ons completed, 1 failed."."""
    done = count - failed
    if failed:
        return ngettext(
            "{done} of {count} try-on completed, {failed} failed.",
            "{done} of {count} try-ons completed, {failed} failed.",
            count,
        ).format(done=done, count=count, failed=failed)
    return ngettext(
        "{done} of {count} try-on completed.", "{done} of {count} try-ons completed.", count
    ).format(done=done, count=count)


def sent_text(count: int, cost: str) -> str:
    """What the status bar says of ``count`` jobs just sent, costing ``cost`` (in words,
    or "" when nothing is charged)."""
    if count == 1:
        if cost:
            return _("Sent ({cost}). Follow it in the Jobs list.").format(cost=cost)
        return _("Sent. Follow it in the Jobs list.")
    if cost:
        return ngettext(
            "{count} job sent ({cost}). Follow it in the Jobs list.",
            "{count} jobs sent ({cost}). Follow them in the Jobs list.",
            count,
        ).format(count=count, cost=cost)
    return ngettext(
        "{count} job sent. Follow it in the Jobs list.",
        "{count} jobs sent. Follow them in the Jobs list.",
        count,
    ).format(count=count)


@dataclass
class _Batch:
    """A batch sent from this window: the try-ons not ended yet."""

    left: set[str]
    count: int
    failed: int = 0


class Announcer(QObject):
    message = Signal(str, int)
    """A note for the status bar, and how long it shows (ms)."""
    resultReady = Signal(object)
    """A job sent alone completed (a Job): it becomes the current result."""

    def __init__(
        self, cache: JobCache, notifier: Notifier, in_front: Callable[[], bool], parent: QObject
    ) -> None:
        """``in_front``: whether the user is looking at the window (else the desktop is
        told too)."""
        super().__init__(parent)
        self.cache, self.notifier, self.in_front = cache, notifier, in_front
        self._single: set[str] = set()
        self._batches: dict[str, _Batch] = {}
        cache.changed.connect(self._changed)

    def sent(self, job_ids: list[str]) -> None:
        """Jobs were sent from this window (each for itself): said, and watched until
        they end."""
        self._say_sent(job_ids)
        self._single.update(job_ids)
        self._ended_already(job_ids)

    def batch_sent(self, sent: BatchSent) -> None:
        """The Try-On page sent its pairs: one try-on is watched as any job; more are a
        batch, announced as a whole once the last has ended."""
        if len(sent.job_ids) < 2:
            self.sent(list(sent.job_ids))
            return
        self._say_sent(list(sent.job_ids))
        self._batches[sent.batch] = _Batch(set(sent.job_ids), len(sent.job_ids))
        self._ended_already(list(sent.job_ids))

    def _say_sent(self, job_ids: list[str]) -> None:
        kinds = {job.kind for i in job_ids if (job := self.cache.get(i)) is not None}
        kind = next(iter(kinds)) if len(kinds) == 1 else None
        total = sum(kind.cost for _ in job_ids) if kind is not None else 0.0
        self.message.emit(sent_text(len(job_ids), credits_text(total) if total else ""), 6000)

    def _ended_already(self, job_ids: list[str]) -> None:
        """Jobs that ended before this was told they went (a fast server)."""
        for job_id in job_ids:
            job = self.cache.get(job_id)
            if job is not None and job.status.is_final:
                self._changed(job)

    def _changed(self, job: Job) -> None:
        if not job.status.is_final:
            return
        batch = self._batches.get(job.batch or "")
        if batch is not None and job.id in batch.left:
            self._in_batch_ended(job.batch or "", batch, job)
        elif job.id in self._single:
            self._single.discard(job.id)
            if job.kind is not JobKind.PRODUCT_DESCRIPTION:
                self._ended(job)

    def _ended(self, job: Job) -> None:
        if job.status is JobStatus.COMPLETED:
            self.resultReady.emit(job)
        if not self.in_front():
            self.notifier.notify(
                ended_title(job), job.error or _("The result is ready in AuraX Desktop.")
            )

    def _in_batch_ended(self, key: str, batch: _Batch, job: Job) -> None:
        batch.left.discard(job.id)
        batch.failed += job.status is not JobStatus.COMPLETED
        if batch.left:
            return
        del self._batches[key]
        text = batch_summary(batch.count, batch.failed)
        # Translators: {summary} is a sentence such as "3 of 4 try-ons completed, 1 failed."
        said = _("Batch finished: {summary} See them in the Gallery.").format(summary=text)
        self.message.emit(said, 15000)
        if not self.in_front():
            self.notifier.notify(_("Batch of try-ons finished"), text)
