"""``JobRunner``: a job's life, prepare -> submit -> follow -> fetch -> store, on workers.

The task id is committed to the history as soon as the POST answers, before
anything else happens: a crash after that loses nothing, and the next start
follows the task again. Nothing is POSTed again by itself; ``retry()`` sends a
new job only when asked (it costs credits again). Every change reaches the
listeners as a ``JobUpdated`` event carrying the whole snapshot and its
revision: that is the one route by which a job's state leaves the runner.

Its parts: ``book``, ``transitions``, ``sending``, ``followers``, ``results``,
``recovery``, ``ownership`` and ``batches`` (see the README's map).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from aurax_desktop.api import (
    AuraxClient,
    AuraxError,
    Deadline,
    FollowRules,
    ProgressCallback,
    StopSignal,
    TaskState,
)
from aurax_desktop.jobs.batches import BatchSent, TryOnBatchInput
from aurax_desktop.jobs.book import JobBook
from aurax_desktop.jobs.events import EventSink, JobNotice
from aurax_desktop.jobs.files import copy_inputs
from aurax_desktop.jobs.followers import FollowCallbacks, FollowPool
from aurax_desktop.jobs.inputs import DescriptionInput, GenerationInput, TryOnInput
from aurax_desktop.jobs.model import RETRYABLE_STATUSES, Job, JobKind, JobStatus, new_job_id
from aurax_desktop.jobs.ownership import OwnerLock
from aurax_desktop.jobs.params import Sent, encode
from aurax_desktop.jobs.recovery import take_over
from aurax_desktop.jobs.results import fetch_results
from aurax_desktop.jobs.scheduler import Prepare
from aurax_desktop.jobs.sending import Sender
from aurax_desktop.jobs.short_names import SHOWN_PERSON, readable_names
from aurax_desktop.jobs.store import HistoryError, JobStore
from aurax_desktop.jobs.transitions import (
    INTERRUPTED_MESSAGE,
    after_follow_failed,
    after_stop,
    after_task_state,
    for_following_again,
    to_downloading,
)
from aurax_desktop.privacy import refuse_link
from aurax_desktop.translation import _, lazy_gettext

log = logging.getLogger(__name__)

UNSENT = (JobStatus.PREPARING, JobStatus.WAITING, JobStatus.SUBMITTING)
"""Not sent yet (or being sent): stopping one means it is not sent."""
LEFT_WAITING = lazy_gettext(
    "These try-ons were left waiting, not sent, when AuraX Desktop last closed (their "
    "batch was paused, or AuraX said the account was out of credits). Resume sends them."
)


class JobRunner:
    """Runs jobs on worker threads and reports typed events to its listeners.

    Listeners are called from worker threads: they must hand the event over to
    their own thread (the window does so through Qt signals).
    """

    def __init__(
        self,
        client: AuraxClient,
        history: JobStore | JobBook,
        on_event: EventSink | None = None,
        *,
        upload_side: int | None = 2048,
        deadline_s: float = 600.0,
        max_prepare: int = 2,
        max_streams: int = 8,
        max_downloads: int = 3,
        poll_interval: float = 2.0,
        owner: OwnerLock | None = None,
    ) -> None:
        self.client = client
        self.book = history if isinstance(history, JobBook) else JobBook(history)
        self.store = self.book.store
        self.upload_side = upload_side
        self._listener = on_event
        if on_event is not None:
            self.book.add_listener(on_event)
        self.owner = owner or OwnerLock(self.store.path.parent)
        self._own_lock = owner is None
        self._closed = False
        self._concurrency = max_prepare
        self._follow = FollowPool(
            client,
            FollowCallbacks(
                self._on_state,
                self._on_completed,
                self._on_failed,
                self._on_stopped,
                self._on_notice,
            ),
            max_streams=max_streams,
            max_downloads=max_downloads,
            deadline_s=deadline_s,
            rules=FollowRules(poll_interval=poll_interval),
        )
        self._sender = Sender(
            client, self.book, self._follow.follow, self._progress, workers=max_prepare
        )

    def add_listener(self, sink: EventSink) -> None:
        self.book.add_listener(sink)

    def get(self, job_id: str) -> Job | None:
        return self.book.get(job_id)

    # Submitting: each returns the new job's id at once; its states arrive as events.

    def submit_try_on(
        self, request: TryOnInput, *, batch: str | None = None, job_id: str | None = None
    ) -> str:
        request.check()
        job = self._new(
            JobKind.TRY_ON,
            str(request.product_type),
            request.prompt,
            request.source_name,
            batch,
            job_id=job_id,
        )
        [job] = self._make([job])
        self._queue(job, lambda folder: request.prepare(folder, self.upload_side))
        return job.id

    def submit_try_on_batch(self, batch: TryOnBatchInput) -> BatchSent:
        """Every person with every garment, one job each, as one batch (people in rows,
        garments in columns); the jobs exist, in the history, before any is prepared."""
        batch.check()
        batch_id = new_job_id()
        planned = []
        pairs = list(batch.pairs())
        # each person named as every view will name them: among the batch's people
        shown = readable_names([request.source_name or "" for _r, _c, request in pairs])
        for row, column, request in pairs:
            origin = batch.derived_from[row] if row < len(batch.derived_from) else None
            extra = dict(batch.details_of(column))
            if shown.get(request.source_name or ""):
                extra[SHOWN_PERSON] = shown[request.source_name or ""]
            sent = Sent(batch_row=row, batch_column=column, derived_from=origin, extra=extra)
            job = self._new(
                JobKind.TRY_ON,
                str(request.product_type),
                request.prompt,
                request.source_name,
                batch_id,
                sent=sent,
                batch_name=batch.name,
                person_name=batch.person_name(row),
            )
            planned.append((job, request))
        made = self._make([job for job, _request in planned])
        for job, (_planned, request) in zip(made, planned, strict=True):
            self._queue(job, functools.partial(request.prepare, max_side=self.upload_side))
        described = tuple(
            self.submit_description(
                DescriptionInput(garment, batch.type_of(column), batch=batch_id)
            )
            for column, garment in enumerate(batch.garments)
            if batch.describe_garments
        )
        return BatchSent(batch_id, tuple(job.id for job in made), described)

    def pause_batch(self, batch: str, *, paused: bool = True) -> None:
        """Paused: no more of the batch's jobs are sent (those sent are followed; those
        not prepared yet are, to wait ready); resumed: they go. Announced as an event."""
        self._sender.pause(batch, paused=paused)

    def paused_batches(self) -> dict[str, str | None]:
        """The batches paused now, each with what AuraX said when it paused it (None:
        the user paused it)."""
        return self._sender.scheduler.paused()

    def cancel_unsent(self, batch: str) -> int:
        """Cancel the batch's jobs not yet sent (nothing charged); how many. One already
        on its way is followed to its end, not stopped."""
        count = self._sender.cancel_unsent(batch)
        self._sender.pause(batch, paused=False)
        return count

    def submit_generation(
        self, request: GenerationInput, *, batch: str | None = None, job_id: str | None = None
    ) -> str:
        checked = request.check()
        job = self._new(
            JobKind.IMAGE_GENERATION,
            str(checked.product_type),
            checked.prompt,
            None,
            batch,
            job_id=job_id,
        )
        [job] = self._make([job])
        self._queue(job, request.prepare)
        return job.id

    def submit_description(self, request: DescriptionInput, *, job_id: str | None = None) -> str:
        """A description job; ``job_id`` (from ``new_job_id``) lets the caller know the
        job by its id before it exists."""
        kind = request.check()
        job = self._new(
            JobKind.PRODUCT_DESCRIPTION,
            str(kind),
            None,
            request.source_name,
            request.batch,
            job_id=job_id,
        )
        [job] = self._make([job])
        self._queue(job, request.prepare)
        return job.id

    def set_limits(self, *, concurrency: int, deadline_s: float) -> None:
        """New settings, from now on: ``concurrency`` jobs prepared and sent at once, and
        tasks followed from now on given up after ``deadline_s``."""
        self._concurrency = concurrency
        self._sender.scheduler.set_workers(concurrency)
        self._follow.deadline_s = deadline_s

    @property
    def deadline_s(self) -> float:
        """How long a task is followed before giving up."""
        return self._follow.deadline_s

    @property
    def concurrency(self) -> int:
        """How many jobs are prepared and sent at once."""
        return self._concurrency

    def _queue(self, job: Job, prepare: Prepare | None) -> None:
        """The job waits its turn in its batch's queue (see ``scheduler``)."""
        self._sender.queue(job.id, job.batch, prepare)

    def _new(
        self,
        kind: JobKind,
        product_type: str,
        prompt: str | None,
        source_name: str | None,
        batch: str | None,
        *,
        job_id: str | None = None,
        sent: Sent | None = None,
        **extra: Any,
    ) -> Job:
        if self._closed:
            raise RuntimeError("the job runner has been shut down")
        if job_id is not None and self.book.get(job_id) is not None:
            raise ValueError(f"job {job_id} exists already")  # never sent twice
        where = replace(sent or Sent(), server=self.client.base_url)
        params = {**extra.pop("params", {}), **encode(sent=where)}
        job = Job(
            id=job_id or new_job_id(),
            kind=kind,
            status=JobStatus.PREPARING,
            params=params,
            product_type=product_type,
            prompt=prompt,
            source_name=source_name,
            batch=batch,
            owner=self.owner.id,
            **extra,
        ).moved_to(JobStatus.PREPARING)
        return job

    def _make(self, jobs: list[Job], *, names_from: str | None = None) -> list[Job]:
        """The jobs' folders made, then the jobs in the history (all or none); with
        ``names_from``, named as that job is now (its batch's and person's names)."""
        for job in jobs:
            try:
                # Translators: the start of a sentence, followed by the folder's path:
                # "The folder for jobs /home/… is a link to another place, …".
                refuse_link(job.folder.parent, _("The folder for jobs"))
                job.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                # Translators: {folder} is a folder's path; {reason} is the system's
                # words for what went wrong.
                message = _(
                    "The folder for jobs, {folder}, cannot be written ({reason}). Nothing "
                    "was sent. Check the folder's permissions and free space."
                )
                raise HistoryError(
                    message.format(folder=job.folder.parent, reason=exc.strerror or exc)
                ) from exc
        return self.book.create(jobs, names_from=names_from)

    # On the preparing workers

    def _progress(self, job_id: str, phase: str) -> ProgressCallback:
        return self.book.progress(job_id, phase)

    # Following (callbacks from the follow pool, on its threads)

    def _on_state(self, job_id: str, state: TaskState) -> None:
        self.book.change(job_id, lambda job: after_task_state(job, state))

    def _on_notice(self, job_id: str, message: str) -> None:
        self.book.emit(JobNotice(job_id, message))

    def _on_stopped(self, job_id: str) -> None:
        self.book.change(job_id, after_stop)

    def _on_failed(self, job_id: str, error: AuraxError) -> None:
        self.book.change(job_id, lambda job: after_follow_failed(job, error))

    def _on_completed(
        self, job_id: str, state: TaskState, deadline: Deadline, stop: StopSignal
    ) -> None:
        job = self.book.change(job_id, lambda job: to_downloading(job, state))
        if job is not None:
            fetched = fetch_results(
                self.client,
                job,
                state,
                deadline=deadline,
                stop=stop,
                progress=self._progress(job_id, "download"),
            )
            self._follow.fetched(job_id)  # no longer followed, before that is announced
            self.book.save(replace(fetched, owner=None))

    # What the user can do

    def stop(self, job_id: str) -> Job | None:
        """Stop a job: before sending nothing is charged; after, the server may still
        finish the task and charge for it (the job's message says so)."""
        job = self.book.get(job_id)
        if job is None or job.status.is_final:
            return job
        if job.status in UNSENT:
            self._sender.cancel(job_id)
            return job
        if not self._follow.stop(job_id):
            self._on_stopped(job_id)
        return self.book.get(job_id)

    def retry(self, job_id: str) -> str:
        """A new job with the same prepared inputs (it costs credits again); its id."""
        old = self.book.get(job_id)
        if old is None:
            raise KeyError(job_id)
        if old.status not in RETRYABLE_STATUSES:
            # Translators: {status} is the job's status as the Jobs list shows it.
            message = _("A job whose status is “{status}” cannot be retried.")
            raise ValueError(message.format(status=old.status.label))
        return self._again(old, dict(old.params), old.prompt)

    def try_again(
        self,
        job_id: str,
        *,
        garment_strength: int | None = None,
        prompt: str | None = None,
        run_with_prompt: bool | None = None,
    ) -> str:
        """The same pair once more, as a new variant of its cell (it costs credits again):
        the inputs as they were prepared, optionally another strength or prompt."""
        old = self.book.get(job_id)
        if old is None:
            raise KeyError(job_id)
        if old.kind is not JobKind.TRY_ON:
            raise ValueError(_("Only a try-on can be tried again."))
        params = dict(old.params)
        if garment_strength is not None:
            params["garment_strength"] = int(garment_strength)
        if run_with_prompt is not None:
            params["run_with_prompt"] = bool(run_with_prompt)
        return self._again(old, params, prompt if prompt is not None else old.prompt)

    def _again(self, old: Job, params: dict[str, Any], prompt: str | None) -> str:
        """A new job sent with ``old``'s prepared inputs (never ``old`` again); its id."""
        job = self._new(
            old.kind,
            old.product_type,
            prompt,
            old.source_name,
            old.batch,
            params=params,
            retry_of=old.id,
        )
        [job] = self._make([job], names_from=old.id)
        try:
            copy_inputs(old.folder, job.folder)
        except OSError as exc:
            # Translators: {reason} is the system's words for what went wrong.
            error = _("The inputs of the old job are gone ({reason}).").format(reason=exc)
            self.book.save(job.moved_to(JobStatus.FAILED, error=error))
            return job.id
        self._queue(job, None)
        return job.id

    def follow(self, job_id: str) -> Job:
        """Follow a job's task again (no new request, no charge): after a stop, a
        deadline, a failed download or a restart."""
        job = self.book.get(job_id)
        if job is None or not job.task_id:
            raise ValueError(_("This job has no task at AuraX to follow."))
        if self._follow.is_following(job_id):
            return job
        job = self.book.save(replace(for_following_again(job), owner=self.owner.id))
        self._follow.follow(job.id, job.task_id or "")
        return job

    def trash(self, job_ids: list[str]) -> list[Job]:
        """Deleted by the user, into the Trash: those not sent yet are not sent (nothing
        is charged); those sent are still followed, so a result paid for arrives, to be
        found again if the deletion is undone."""
        for job_id in job_ids:
            job = self.book.get(job_id)
            if job is not None and job.status in UNSENT:
                self._sender.cancel(job_id, unsent_only=True)
        return self.book.trash(job_ids)

    def delete(self, job_id: str) -> None:
        """Forget the job for good, with its files (it is stopped first)."""
        self._follow.stop(job_id)
        self._sender.cancel(job_id)
        self.book.forget([job_id])

    def resume(self, *, send_waiting: bool = False) -> list[Job]:
        """At start: take over what no live process owns (see ``recovery``). Jobs left
        waiting in a paused batch go back to their batch's queue: sent at once with
        ``send_waiting`` (``aurax resume``), else paused, for the user's Resume."""
        waiting: dict[str, list[Job]] = {}

        def queue_again(job: Job) -> None:
            waiting.setdefault(job.batch or "", []).append(job)

        touched = take_over(
            self.book,
            self.owner,
            self.client.base_url,
            lambda job: self._follow.follow(job.id, job.task_id or ""),
            queue_again,
        )
        for batch, jobs in waiting.items():
            if batch and not send_waiting:
                self._sender.pause(batch, paused=True, reason=str(LEFT_WAITING))
            for job in sorted(jobs, key=lambda j: j.created_at):
                self._queue(job, None)
        return touched

    def wait(self, job_ids: Iterable[str], timeout: float | None = None) -> list[Job]:
        """Block until every job is final, or waits in a paused batch (or the timeout);
        their latest snapshots."""
        return self.book.wait(job_ids, timeout, settled=self._settled)

    def _settled(self, job: Job) -> bool:
        return job.status.is_final or (
            job.status is JobStatus.WAITING and self._sender.scheduler.is_paused(job.batch)
        )

    def is_running(self, job_id: str) -> bool:
        """Whether this runner still sends or follows the job (its task, its download)."""
        return self._sender.is_at_work(job_id) or self._follow.is_following(job_id)

    @property
    def following_counts(self) -> tuple[int, int]:
        return self._follow.counts

    def shutdown(self) -> None:
        """Quit cleanly: jobs not yet sent are marked as such; tasks being followed keep
        their state, so the next start follows them again."""
        self._closed = True
        self._sender.close()
        self._follow.shutdown()
        try:
            unsent = self.store.with_status([JobStatus.PREPARING, JobStatus.WAITING])
        except Exception:  # a history that cannot be read: the next start says so
            log.exception("The unsent jobs could not be read at shutdown")
            unsent = []
        for job in unsent:
            if job.owner != self.owner.id:
                continue
            if job.status is JobStatus.WAITING:  # prepared: the next start queues it again
                self.book.save(replace(job, owner=None))
            else:
                self.book.save(
                    job.moved_to(JobStatus.INTERRUPTED, error=str(INTERRUPTED_MESSAGE), owner=None)
                )
        self.book.writer.flush()  # every change asked for is written before the lock goes
        if self._listener is not None:
            self.book.remove_listener(self._listener)
        if self._own_lock:
            self.owner.release()
