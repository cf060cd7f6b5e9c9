"""Preparing and sending a job: the one POST, and the gate that holds submissions
after a 429. ``Sender.run`` is what the preparing pool's threads do with a job.

A POST is sent once. Its outcome decides the job's state: a task id (queued,
and written to the history before anything else), a description (completed),
a refusal that proves nothing was accepted (failed, nothing charged) or no
usable answer (uncertain: it may have been charged). A 429 is a refusal too:
the gate closes for as long as the service asked, and the job is sent again
once it opens, a few times at most. A refusal of the account (401, 402: the
credits are used up, 403) would meet every other job of the same batch: those
not sent yet end failed with its message, without sending them (a job made
after the refusal, a retry once credits were bought, is sent).
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aurax_desktop.api import AuraxClient, AuraxError, ProgressCallback, RateLimitedError
from aurax_desktop.imaging import ImageError
from aurax_desktop.jobs.book import JobBook
from aurax_desktop.jobs.events import JobNotice
from aurax_desktop.jobs.model import Job, JobStatus
from aurax_desktop.jobs.params import (
    DescriptionParams,
    GenerationParams,
    TryOnParams,
    decode,
    generation_request,
    try_on_request,
)
from aurax_desktop.jobs.transitions import NOT_SENT_STOP, STOPPED_MESSAGE, after_send_failed
from aurax_desktop.logs import log_file

log = logging.getLogger(__name__)

RATE_LIMITED_ATTEMPTS = 5
"""How many times a submission refused with 429 is sent in all."""
MAX_RETRY_AFTER = 60.0
ACCOUNT_REFUSALS = (401, 402, 403)
"""Answers about the key or its credits, not about the one request."""


class SubmissionGate:
    """No submission passes before the moment the service named (after a 429)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._opens_at = 0.0

    def close_for(self, retry_after: float | None) -> None:
        with self._lock:
            until = time.monotonic() + min(retry_after or 1.0, MAX_RETRY_AFTER)
            self._opens_at = max(self._opens_at, until)

    def seconds_left(self) -> float:
        with self._lock:
            return max(0.0, self._opens_at - time.monotonic())

    def wait(self, give_up: Callable[[], bool]) -> bool:
        """Wait until the gate is open; False as soon as ``give_up()`` says so."""
        while True:
            if give_up():
                return False
            pause = self.seconds_left()
            if pause <= 0:
                return True
            time.sleep(min(pause, 0.2))


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
Prepare = Callable[..., dict[str, Any]]


class Sender:
    """Prepares a queued job, sends it once, and hands its task to ``follow``.

    Nothing that goes wrong is lost: every failure ends the job with a message
    (an unexpected one points to the log file, where its traceback is).
    """

    def __init__(
        self,
        client: AuraxClient,
        book: JobBook,
        follow: Callable[[str, str], None],
        progress: ProgressFor,
    ) -> None:
        self.client, self.book, self._follow, self._progress = client, book, follow, progress
        self.gate = SubmissionGate()
        self.closed = False
        self._lock = threading.Lock()
        self._cancelled: set[str] = set()
        self._unsent_only: set[str] = set()
        """Cancelled only if not sent yet (a batch's "cancel unsent"): once its request
        has gone, the job is followed to its result (it was charged)."""
        self._paused: set[str] = set()
        self._refused: dict[str, tuple[AuraxError, float]] = {}
        """Batches whose account AuraX refused, and when: their jobs made before then and
        not sent yet are not sent."""

    def cancel(self, job_id: str, *, unsent_only: bool = False) -> None:
        """Stop the job before it is sent (or, unless ``unsent_only``, before its task is
        followed)."""
        with self._lock:
            (self._unsent_only if unsent_only else self._cancelled).add(job_id)

    def pause(self, batch: str, *, paused: bool) -> None:
        with self._lock:
            if paused:
                self._paused.add(batch)
            else:
                self._paused.discard(batch)

    def is_paused(self, batch: str | None) -> bool:
        with self._lock:
            return batch is not None and batch in self._paused

    def _refusal(self, job: Job) -> AuraxError | None:
        """The refusal of ``job``'s batch that came after the job was made, if any."""
        with self._lock:
            found = self._refused.get(job.batch) if job.batch is not None else None
        return found[0] if found is not None and job.created_at <= found[1] else None

    def take_cancel(self, job_id: str, *, sent: bool = False) -> bool:
        """Whether the job was cancelled (once ``sent``, only a full stop counts)."""
        with self._lock:
            unsent_only = job_id in self._unsent_only
            self._unsent_only.discard(job_id)
            if job_id in self._cancelled or (unsent_only and not sent):
                self._cancelled.discard(job_id)
                return True
            return False

    def run(self, job_id: str, prepare: Prepare | None) -> None:
        try:
            self._run(job_id, prepare)
        except Exception as exc:
            log.exception("Job %s failed unexpectedly", job_id)
            self.book.change(job_id, functools.partial(ended_unexpectedly, error=exc))

    def _run(self, job_id: str, prepare: Prepare | None) -> None:
        job = self.book.get(job_id)
        if job is None:
            return
        if self.take_cancel(job_id):  # cancelled while waiting its turn: not even prepared
            self.book.save(job.moved_to(JobStatus.STOPPED, error=NOT_SENT_STOP))
            return
        if prepare is not None:
            try:
                params = prepare(job.folder)
            except (ImageError, ValueError) as exc:
                message = getattr(exc, "user_message", str(exc))
                self.book.save(
                    job.moved_to(JobStatus.FAILED, error=message, error_kind=type(exc).__name__)
                )
                return
            except OSError as exc:
                self.book.save(
                    job.moved_to(
                        JobStatus.FAILED,
                        error=f"The pictures could not be prepared in {job.folder}: "
                        f"{exc.strerror or exc}. Nothing was sent.",
                        error_kind="OSError",
                    )
                )
                return
            job = self.book.save(job.changed(params={**job.params, **params}))
        self._submit(job)

    def _submit(self, job: Job) -> None:
        # A 429 means the service refused the request (no task, no charge): it is sent
        # again once the service's wait is over, a few times at most.
        job_id = job.id
        for attempt in range(1, RATE_LIMITED_ATTEMPTS + 1):
            if not self._wait_turn(job) or not self.gate.wait(
                lambda: self.take_cancel(job_id) or self.closed
            ):
                if not self.closed:  # closing leaves it unsent; the next start says so
                    self.book.save(job.moved_to(JobStatus.STOPPED, error=NOT_SENT_STOP))
                return
            refused = self._refusal(job)
            if refused is not None:
                self.book.save(
                    job.moved_to(
                        JobStatus.FAILED,
                        error=f"Not sent: AuraX refused this batch's earlier job. "
                        f"{refused.user_message}",
                        error_kind=type(refused).__name__,
                    )
                )
                return
            try:
                self._send(job)
                return
            except RateLimitedError as exc:
                self.gate.close_for(exc.retry_after)
                if attempt == RATE_LIMITED_ATTEMPTS:
                    self.book.save(
                        job.moved_to(
                            JobStatus.FAILED,
                            error=f"{exc.user_message} It was refused {attempt} times and not "
                            "sent; try again later.",
                            error_kind=type(exc).__name__,
                        )
                    )
                    return
                # Back to "not sent yet": were the program to end now, the next start
                # would say it was never sent (not that it may have been).
                job = self.book.save(job.moved_to(JobStatus.PREPARING))
                wait = max(1, round(self.gate.seconds_left()))
                self.book.emit(
                    JobNotice(
                        job.id,
                        f"AuraX asked to slow down; sending again in {wait} s "
                        f"(attempt {attempt + 1} of {RATE_LIMITED_ATTEMPTS}).",
                    )
                )

    def _wait_turn(self, job: Job) -> bool:
        """While its batch is paused the job waits; False when it was cancelled meanwhile."""
        while self.is_paused(job.batch):
            if self.closed:
                return False
            with self._lock:
                if job.id in self._cancelled or job.id in self._unsent_only:
                    return False
            time.sleep(0.1)
        return True

    def _send(self, job: Job) -> None:
        """Send the job (raises RateLimitedError when refused; other failures end it)."""
        # Committed before the POST: a crash while sending leaves "submitting",
        # which the next start reports as "may have been sent".
        job = self.book.save(job.moved_to(JobStatus.SUBMITTING))
        try:
            sent = send(self.client, job, self._progress(job.id, "upload"))
        except RateLimitedError:
            raise
        except AuraxError as exc:
            if job.batch is not None and exc.status_code in ACCOUNT_REFUSALS:
                with self._lock:
                    self._refused[job.batch] = (exc, time.time())
            self.book.save(after_send_failed(job, exc))
            return
        except OSError as exc:
            self.book.save(
                job.moved_to(
                    JobStatus.FAILED,
                    error=f"The prepared files could not be read ({exc}). Nothing was sent.",
                )
            )
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
            self.book.save(job.moved_to(JobStatus.STOPPED, error=STOPPED_MESSAGE))
            return
        self._follow(job.id, sent.task_id)


def ended_unexpectedly(job: Job, error: Exception) -> Job | None:
    """A job whose worker met an unexpected error: ended with a message that points to the
    log (uncertain when the error came while sending: it may have been charged)."""
    if job.status.is_final:
        return None
    status = JobStatus.UNCERTAIN if job.status is JobStatus.SUBMITTING else JobStatus.FAILED
    return job.moved_to(
        status,
        error=f"Something unexpected went wrong ({type(error).__name__}); the details are in "
        f"the log file {log_file()}.",
        error_kind=type(error).__name__,
    )
