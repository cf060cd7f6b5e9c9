"""Preparing and sending a job: the one POST. ``Sender.run`` is what the scheduler's
workers do with a job whose turn has come.

A POST is sent once. Its outcome decides the job's state: a task id (queued,
and written to the history before anything else), a description (completed),
a refusal that proves nothing was accepted (failed, nothing charged) or no
usable answer (uncertain: it may have been charged). A 429 is a refusal too:
the scheduler hands nothing out for as long as the service asked, and the job
goes back to its place in its queue, to be sent again a few times at most.

"Insufficient credits" (402) for a batch's job pauses the batch at once: the job
goes back to its place, waiting (nothing was charged for it), the rest of the
batch is prepared but not sent, and the pause says why; Resume, once credits are
bought, sends them all. A refusal of the key itself (401, 403) would meet every
other job of the same batch: those queued before it and not sent yet end failed
with its message, without sending them (a job queued after the refusal, a retry
once the key is set right, is sent).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from aurax_desktop.api import AuraxClient, AuraxError, ProgressCallback, RateLimitedError
from aurax_desktop.api.parsing import BUY_CREDITS_URL
from aurax_desktop.imaging import ImageError
from aurax_desktop.jobs.book import JobBook
from aurax_desktop.jobs.events import BatchPaused, JobNotice
from aurax_desktop.jobs.model import Job, JobStatus
from aurax_desktop.jobs.params import (
    DescriptionParams,
    GenerationParams,
    TryOnParams,
    decode,
    generation_request,
    try_on_request,
)
from aurax_desktop.jobs.scheduler import Prepare, Queued, Scheduler
from aurax_desktop.jobs.transitions import NOT_SENT_STOP, STOPPED_MESSAGE, after_send_failed
from aurax_desktop.logs import log_file
from aurax_desktop.translation import _, ngettext

log = logging.getLogger(__name__)

RATE_LIMITED_ATTEMPTS = 5
"""How many times a submission refused with 429 is sent in all."""
MAX_RETRY_AFTER = 60.0
ACCOUNT_REFUSALS = (401, 403)
"""Answers about the key, not about the one request."""
OUT_OF_CREDITS = 402


def out_of_credits(exc: AuraxError) -> str:
    """Why a batch paused when AuraX answered 402, and where credits are bought, as a
    clause without its full stop: what the batch does about it (some of it may well
    have been sent before) and what sends the rest are said where it is shown."""
    said = (exc.server_message or "").strip().rstrip(".")
    if said:
        # Translators: {message} is the service's own sentence, in English; {address}
        # is where credits are bought. A clause: a sentence follows it.
        why = _("AuraX says the account is out of credits (“{message}”); buy more at {address}")
        return why.format(message=said, address=BUY_CREDITS_URL)
    # Translators: {address} is where credits are bought. A clause: a sentence follows.
    why = _("AuraX says the account is out of credits; buy more at {address}")
    return why.format(address=BUY_CREDITS_URL)


@dataclass(frozen=True)
class Outcome:
    """What a submission gave: a task to follow, or (for a description) the text."""

    task_id: str | None = None
    description: str | None = None


def send(client: AuraxClient, job: Job, progress: ProgressCallback) -> Outcome:
    """POST the job's prepared request. Raises the client's errors (``MaybeSentError``
    when the request may have been charged) and ``OSError`` when the prepared files
    cannot be read (then nothing was sent)."""
    folder = job.folder
    params = decode(job.kind.value, job.params)
    if isinstance(params, DescriptionParams):
        text = client.describe_product(
            (folder / params.image).read_bytes(),
            job.product_type,
            filename=job.source_name or "product.jpg",
        )
        return Outcome(description=text)
    if isinstance(params, TryOnParams):
        request = try_on_request(folder, job.product_type, job.prompt, params)
        return Outcome(task_id=client.submit_try_on(request, on_upload_progress=progress))
    if isinstance(params, GenerationParams):
        generation = generation_request(folder, job.product_type, job.prompt, params)
        return Outcome(
            task_id=client.submit_image_generation(generation, on_upload_progress=progress)
        )
    raise OSError(f"the prepared parameters of job {job.id} are missing")


ProgressFor = Callable[[str, str], ProgressCallback]
"""(job id, "upload" or "download") -> a progress report for that job."""


class Sender:
    """Prepares a job handed out by the scheduler, sends it once, and hands its task to
    ``follow``.

    Nothing that goes wrong is lost: every failure ends the job with a message
    (an unexpected one points to the log file, where its traceback is).
    """

    def __init__(
        self,
        client: AuraxClient,
        book: JobBook,
        follow: Callable[[str, str], None],
        progress: ProgressFor,
        *,
        workers: int = 2,
    ) -> None:
        self.client, self.book, self._follow, self._progress = client, book, follow, progress
        self.closed = False
        self._lock = threading.Lock()
        self._cancelled: set[str] = set()
        self._unsent_only: set[str] = set()
        """Cancelled only if not sent yet (a batch's "cancel unsent"): once its request
        has gone, the job is followed to its result (it was charged)."""
        self._at_work: dict[str, Queued] = {}
        """Jobs handed out and not yet sent or ended."""
        self._refused: dict[str, tuple[AuraxError, int]] = {}
        """Batches whose account AuraX refused, with the sequence number given at that
        moment: their jobs queued before it and not sent yet are not sent."""
        self.scheduler = Scheduler(self.run, workers=workers)

    # Queueing

    def queue(self, job_id: str, batch: str | None, prepare: Prepare | None) -> None:
        self.scheduler.put(job_id, batch, prepare)

    def cancel(self, job_id: str, *, unsent_only: bool = False) -> None:
        """Stop the job before it is sent (or, unless ``unsent_only``, before its task is
        followed). A job still waiting in its queue is ended at once."""
        if self.scheduler.remove({job_id}):
            self._not_sent(job_id)
            return
        with self._lock:
            (self._unsent_only if unsent_only else self._cancelled).add(job_id)

    def cancel_unsent(self, batch: str) -> int:
        """End the batch's jobs not sent yet (nothing is charged for them); how many.
        One being prepared now is stopped before its request goes."""
        waiting = self.scheduler.remove_batch(batch)
        for entry in waiting:
            self._not_sent(entry.job_id)
        with self._lock:
            at_work = [e.job_id for e in self._at_work.values() if e.batch == batch]
            self._unsent_only.update(at_work)
        return len(waiting) + len(at_work)

    def is_at_work(self, job_id: str) -> bool:
        """Waiting its turn, being prepared or being sent."""
        with self._lock:
            if job_id in self._at_work:
                return True
        return self.scheduler.holds(job_id)

    def pause(self, batch: str, *, paused: bool, reason: str | None = None) -> None:
        """Pause (``reason``: why, when AuraX did) or resume the batch's sending, and
        announce it when that changed."""
        if self.scheduler.pause(batch, paused=paused, reason=reason):
            self.book.emit(BatchPaused(batch, paused, reason if paused else None))

    def _not_sent(self, job_id: str) -> None:
        self.book.change(
            job_id,
            lambda job: (
                None
                if job.status.is_final
                else job.moved_to(JobStatus.STOPPED, error=str(NOT_SENT_STOP))
            ),
        )

    def _refusal(self, entry: Queued) -> AuraxError | None:
        """The refusal of the job's batch that came after it was queued, if any."""
        with self._lock:
            found = self._refused.get(entry.batch) if entry.batch is not None else None
        return found[0] if found is not None and entry.sequence < found[1] else None

    def take_cancel(self, job_id: str, *, sent: bool = False) -> bool:
        """Whether the job was cancelled (once ``sent``, only a full stop counts)."""
        with self._lock:
            unsent_only = job_id in self._unsent_only
            self._unsent_only.discard(job_id)
            if job_id in self._cancelled or (unsent_only and not sent):
                self._cancelled.discard(job_id)
                return True
            return False

    # On the scheduler's workers

    def run(self, entry: Queued) -> None:
        with self._lock:
            self._at_work[entry.job_id] = entry
        try:
            self._run(entry)
        except Exception as exc:
            log.exception("Job %s failed unexpectedly", entry.job_id)
            self.book.change(entry.job_id, functools.partial(ended_unexpectedly, error=exc))
        finally:
            with self._lock:
                self._at_work.pop(entry.job_id, None)

    def _run(self, entry: Queued) -> None:
        job = self.book.get(entry.job_id)
        if job is None or job.status.is_final:
            return
        if self.take_cancel(job.id):  # cancelled while waiting its turn: not even prepared
            self.book.save(job.moved_to(JobStatus.STOPPED, error=str(NOT_SENT_STOP)))
            return
        if entry.prepare is not None:
            prepared = self._prepare(job, entry.prepare)
            if prepared is None:
                return
            job = prepared
            entry = replace(entry, prepare=None)
        if self.closed:
            return  # left unsent: shutting down marks it so
        if self.scheduler.is_paused(entry.batch):
            self._wait(job, entry)  # its batch is paused: prepared, not sent
            return
        if self.take_cancel(job.id):
            self.book.save(job.moved_to(JobStatus.STOPPED, error=str(NOT_SENT_STOP)))
            return
        refused = self._refusal(entry)
        if refused is not None:
            # A job's error is written in the language spoken now, and kept so.
            # Translators: {message} is AuraX's refusal of the key (an earlier job's).
            error = _("Not sent: AuraX refused this batch's earlier job. {message}").format(
                message=refused.user_message
            )
            self.book.save(
                job.moved_to(JobStatus.FAILED, error=error, error_kind=type(refused).__name__)
            )
            return
        try:
            self._send(job, entry)
        except RateLimitedError as exc:
            self._slow_down(job, entry, exc)

    def _prepare(self, job: Job, prepare: Prepare) -> Job | None:
        """The job with its prepared files' parameters; None when preparing failed (the
        job then ended, with nothing sent)."""
        try:
            params = prepare(job.folder)
        except (ImageError, ValueError) as exc:
            message = getattr(exc, "user_message", str(exc))
            self.book.save(
                job.moved_to(JobStatus.FAILED, error=message, error_kind=type(exc).__name__)
            )
            return None
        except OSError as exc:
            # Translators: {folder} is a folder's path; {reason} is the system's words
            # for what went wrong ("No space left on device").
            error = _("The pictures could not be prepared in {folder}: {reason}. Nothing was sent.")
            self.book.save(
                job.moved_to(
                    JobStatus.FAILED,
                    error=error.format(folder=job.folder, reason=exc.strerror or exc),
                    error_kind="OSError",
                )
            )
            return None
        return self.book.save(job.changed(params={**job.params, **params}))

    def _slow_down(self, job: Job, entry: Queued, exc: RateLimitedError) -> None:
        """A 429: the service refused the request (no task, no charge). Nothing is sent
        for as long as it asked; then this job goes again, a few times at most."""
        self.scheduler.hold_for(min(exc.retry_after or 1.0, MAX_RETRY_AFTER))
        if entry.attempt >= RATE_LIMITED_ATTEMPTS:
            # Translators: {message} is AuraX's request to slow down.
            error = ngettext(
                "{message} It was refused {count} time and not sent; try again later.",
                "{message} It was refused {count} times and not sent; try again later.",
                entry.attempt,
            ).format(message=exc.user_message, count=entry.attempt)
            self.book.save(
                job.moved_to(JobStatus.FAILED, error=error, error_kind=type(exc).__name__)
            )
            return
        # Back to "not sent yet": were the program to end now, the next start would say
        # it was never sent (not that it may have been).
        job = self.book.save(job.moved_to(JobStatus.PREPARING))
        wait = max(1, round(self.scheduler.held_for()))
        # Translators: {seconds} is a whole number of seconds ("s" their symbol).
        notice = _(
            "AuraX asked to slow down; sending again in {seconds} s "
            "(attempt {attempt} of {attempts})."
        ).format(seconds=wait, attempt=entry.attempt + 1, attempts=RATE_LIMITED_ATTEMPTS)
        self.book.emit(JobNotice(job.id, notice))
        self.scheduler.put_back(replace(entry, attempt=entry.attempt + 1))

    def _wait(self, job: Job, entry: Queued, why: str | None = None) -> None:
        """Prepared and not sent: the job waits in its place in its paused batch (``why``:
        what AuraX said, when it paused the batch)."""
        why = why or self.scheduler.paused().get(entry.batch or "")
        if job.status is not JobStatus.WAITING or job.error != why:
            self.book.save(job.moved_to(JobStatus.WAITING, error=why, error_kind=None))
        self.scheduler.put_back(replace(entry, prepare=None))

    def _send(self, job: Job, entry: Queued) -> None:
        """Send the job (raises RateLimitedError when refused; other failures end it)."""
        # Committed before the POST: a crash while sending leaves "submitting",
        # which the next start reports as "may have been sent".
        job = self.book.save(job.moved_to(JobStatus.SUBMITTING))
        try:
            sent = send(self.client, job, self._progress(job.id, "upload"))
        except RateLimitedError:
            raise
        except AuraxError as exc:
            if job.batch is not None and exc.status_code == OUT_OF_CREDITS:
                why = out_of_credits(exc)
                self.pause(job.batch, paused=True, reason=why)
                self._wait(job, entry, why)  # refused: not charged
                return
            if job.batch is not None and exc.status_code in ACCOUNT_REFUSALS:
                moment = self.scheduler.next_sequence()
                with self._lock:
                    self._refused[job.batch] = (exc, moment)
            self.book.save(after_send_failed(job, exc))
            return
        except OSError as exc:
            # Translators: {reason} is the system's words for what went wrong.
            error = _("The prepared files could not be read ({reason}). Nothing was sent.")
            self.book.save(job.moved_to(JobStatus.FAILED, error=error.format(reason=exc)))
            return
        cost = job.kind.cost
        if sent.task_id is None:
            self.book.save(
                job.moved_to(JobStatus.COMPLETED, description=sent.description, cost=cost)
            )
            return
        # The task id is in the history before following starts.
        job = self.book.save(job.moved_to(JobStatus.QUEUED, task_id=sent.task_id, cost=cost))
        if self.take_cancel(job.id, sent=True):
            self.book.save(job.moved_to(JobStatus.STOPPED, error=str(STOPPED_MESSAGE)))
            return
        self._follow(job.id, sent.task_id)

    def close(self) -> list[str]:
        """No more jobs sent: the ids of those still queued (never sent)."""
        self.closed = True
        return [entry.job_id for entry in self.scheduler.close()]


def ended_unexpectedly(job: Job, error: Exception) -> Job | None:
    """A job whose worker met an unexpected error: ended with a message that points to the
    log (uncertain when the error came while sending: it may have been charged)."""
    if job.status.is_final:
        return None
    status = JobStatus.UNCERTAIN if job.status is JobStatus.SUBMITTING else JobStatus.FAILED
    # Translators: {error} is the name of a programming error ("KeyError"); {log_file}
    # is the log file's path.
    text = _(
        "Something unexpected went wrong ({error}); the details are in the log file {log_file}."
    ).format(error=type(error).__name__, log_file=log_file())
    return job.moved_to(status, error=text, error_kind=type(error).__name__)
