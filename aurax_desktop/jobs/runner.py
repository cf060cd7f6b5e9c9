"""``JobRunner``: a job's life, prepare -> submit -> follow -> fetch -> store, on workers.

The task id is committed to the history as soon as the POST answers, before
anything else happens: a crash after that loses nothing, and ``resume()`` at
the next start follows the task again. Nothing is POSTed again by itself;
``retry()`` sends a new job only when asked (it costs credits again).
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from aurax_desktop.api import (
    COST_IMAGE_GENERATION,
    COST_PRODUCT_DESCRIPTION,
    COST_TRY_ON,
    AuraxClient,
    AuraxError,
    RateLimitedError,
    TaskDeadlineError,
    TaskFailedError,
    TaskState,
    TaskStatus,
)
from aurax_desktop.api.transport import is_loopback_host
from aurax_desktop.imaging import ImageError, load_image, save_thumbnail
from aurax_desktop.jobs.events import (
    EventSink,
    JobEvent,
    JobNotice,
    JobProgress,
    JobRemoved,
    JobUpdated,
)
from aurax_desktop.jobs.files import image_extension, write_atomically
from aurax_desktop.jobs.follow_pool import FollowCallbacks, FollowPool
from aurax_desktop.jobs.inputs import (
    DescriptionInput,
    GenerationInput,
    TryOnInput,
    generation_request,
    try_on_request,
)
from aurax_desktop.jobs.model import (
    RETRYABLE_STATUSES,
    Job,
    JobKind,
    JobStatus,
    new_job_id,
)
from aurax_desktop.jobs.store import JobStore
from aurax_desktop.workers import background_pool


def is_loopback_url(url: str) -> bool:
    return is_loopback_host(urlsplit(url).hostname or "")


log = logging.getLogger(__name__)

RATE_LIMITED_ATTEMPTS = 5
"""How many times a submission refused with 429 is sent in all."""
STOPPED_MESSAGE = "Stopped following this task. AuraX may still finish it and charge for it."
NOT_SENT_STOP = "Stopped before sending; nothing was charged."
INTERRUPTED_MESSAGE = (
    "The program ended while preparing this job. It was not sent and nothing was charged; "
    "retry it to send it."
)
UNCERTAIN_MESSAGE = (
    "The program ended while sending this job. It may have reached AuraX and been charged; "
    "check your account before retrying it."
)
_COSTS = {
    JobKind.TRY_ON: COST_TRY_ON,
    JobKind.IMAGE_GENERATION: COST_IMAGE_GENERATION,
    JobKind.PRODUCT_DESCRIPTION: COST_PRODUCT_DESCRIPTION,
}


class JobRunner:
    """Runs jobs on worker threads and reports typed events to its listeners.

    Listeners are called from worker threads: they must hand the event over to
    their own thread (the window does so through Qt signals).
    """

    def __init__(
        self,
        client: AuraxClient,
        store: JobStore,
        on_event: EventSink | None = None,
        *,
        upload_side: int | None = 2048,
        deadline_s: float = 600.0,
        max_prepare: int = 2,
        max_streams: int = 8,
        max_downloads: int = 3,
        poll_interval: float = 2.0,
    ) -> None:
        self.client = client
        self.store = store
        self.upload_side = upload_side
        self._listeners: list[EventSink] = [on_event] if on_event else []
        self._lock = threading.Condition()
        self._changing = threading.RLock()
        """Held while a job's state is read, changed and saved (see ``_change``)."""
        self._jobs: dict[str, Job] = {}
        self._cancelled: set[str] = set()
        self._resumed = False
        self._gate = 0.0
        """No submission before this moment (after the server asked us to slow down)."""
        self._closed = False
        self._prepare = background_pool(max_prepare, "aurax-prepare")
        self._concurrency = max_prepare
        self._old_pools: list[ThreadPoolExecutor] = []
        """Pools replaced by new settings, finishing what they already held."""
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
            poll_interval=poll_interval,
        )

    # Listening

    def add_listener(self, sink: EventSink) -> None:
        with self._lock:
            self._listeners.append(sink)

    def remove_listener(self, sink: EventSink) -> None:
        with self._lock:
            if sink in self._listeners:
                self._listeners.remove(sink)

    def _emit(self, event: JobEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("A job listener failed")

    def _save(self, job: Job) -> Job:
        """Commit ``job`` to the history, then announce it (in the order of saving)."""
        with self._changing:
            self.store.save(job)
            with self._lock:
                self._jobs[job.id] = job
                self._lock.notify_all()
            self._emit(JobUpdated(job))
        return job

    def _change(self, job_id: str, change: Callable[[Job], Job | None]) -> Job | None:
        """Save ``change(job)`` (None: no change), reading and writing as one step, so
        that two threads (a stream's late event, a finished download) never undo each
        other's state."""
        with self._changing:
            job = self.get(job_id)
            changed = change(job) if job is not None else None
            return self._save(changed) if changed is not None else None

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            job = self._jobs.get(job_id)
        return job or self.store.get(job_id)

    # Submitting

    def submit_try_on(self, request: TryOnInput) -> Job:
        """Start a try-on; returns at once with the job in "preparing"."""
        request.check()
        job = self._new(
            JobKind.TRY_ON, str(request.product_type), request.prompt, request.source_name
        )
        self._queue(job.id, lambda folder: request.prepare(folder, self.upload_side))
        return job

    def submit_generation(self, request: GenerationInput) -> Job:
        checked = request.check()
        job = self._new(JobKind.IMAGE_GENERATION, str(checked.product_type), checked.prompt, None)
        self._queue(job.id, request.prepare)
        return job

    def submit_description(self, request: DescriptionInput) -> Job:
        kind = request.check()
        job = self._new(
            JobKind.PRODUCT_DESCRIPTION, str(kind), None, request.source_name, batch=request.batch
        )
        self._queue(job.id, request.prepare)
        return job

    def set_limits(self, *, concurrency: int, deadline_s: float) -> None:
        """New settings, from now on: ``concurrency`` jobs prepared and sent at once, and
        tasks followed from now on given up after ``deadline_s``."""
        with self._lock:
            old, self._prepare = self._prepare, background_pool(concurrency, "aurax-prepare")
            self._concurrency = concurrency
            self._old_pools.append(old)
        old.shutdown(wait=False)  # what it holds still runs, then its threads end
        self._follow.deadline_s = deadline_s

    @property
    def deadline_s(self) -> float:
        """How long a task is followed before giving up."""
        return self._follow.deadline_s

    @property
    def concurrency(self) -> int:
        """How many jobs are prepared and sent at once."""
        return self._concurrency

    def _queue(self, job_id: str, prepare: Callable[..., dict[str, Any]] | None) -> None:
        with self._lock:
            self._prepare.submit(self._run, job_id, prepare)

    def _new(
        self,
        kind: JobKind,
        product_type: str,
        prompt: str | None,
        source_name: str | None,
        **extra: Any,
    ) -> Job:
        if self._closed:
            raise RuntimeError("the job runner has been shut down")
        params = {**extra.pop("params", {}), "server": self.client.base_url}
        job = Job(
            id=new_job_id(),
            kind=kind,
            status=JobStatus.PREPARING,
            params=params,
            product_type=product_type,
            prompt=prompt,
            source_name=source_name,
            **extra,
        )
        job = job.moved_to(JobStatus.PREPARING)
        job.folder.mkdir(parents=True, exist_ok=True)
        return self._save(job)

    def _run(self, job_id: str, prepare: Callable[..., dict[str, Any]] | None) -> None:
        job = self.get(job_id)
        if job is None:
            return
        if prepare is not None:
            try:
                params = prepare(job.folder)
            except (ImageError, ValueError) as exc:
                message = getattr(exc, "user_message", str(exc))
                self._save(
                    job.moved_to(JobStatus.FAILED, error=message, error_kind=type(exc).__name__)
                )
                return
            except Exception as exc:
                log.exception("Preparing job %s failed", job_id)
                self._save(
                    job.moved_to(
                        JobStatus.FAILED, error=f"The pictures could not be prepared ({exc})."
                    )
                )
                return
            job = self._save(job.changed(params={**job.params, **params}))
        if self._take_cancel(job_id):
            self._save(job.moved_to(JobStatus.STOPPED, error=NOT_SENT_STOP))
            return
        self._submit(job)

    def _submit(self, job: Job) -> None:
        # A 429 means the service refused the request (no task, no charge): it is sent
        # again once the service's wait is over, a few times at most.
        for attempt in range(1, RATE_LIMITED_ATTEMPTS + 1):
            if not self._wait_for_gate(job.id):
                if not self._closed:  # closing leaves it unsent; the next start says so
                    self._save(job.moved_to(JobStatus.STOPPED, error=NOT_SENT_STOP))
                return
            try:
                self._send(job)
                return
            except RateLimitedError as exc:
                self._close_gate(exc.retry_after)
                job = self.get(job.id) or job
                if attempt == RATE_LIMITED_ATTEMPTS:
                    self._save(
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
                job = self._save(job.changed(status=JobStatus.PREPARING))
                wait = max(1, round(self._gate_left()))
                self._emit(
                    JobNotice(
                        job.id,
                        f"AuraX asked to slow down; sending again in {wait} s "
                        f"(attempt {attempt + 1} of {RATE_LIMITED_ATTEMPTS}).",
                    )
                )

    def _send(self, job: Job) -> None:
        """Send the job (raises RateLimitedError when refused; other failures end it)."""
        # Committed before the POST: a crash while sending leaves "submitting",
        # which the next start reports as "may have been sent".
        job = self._save(job.moved_to(JobStatus.SUBMITTING))
        progress = self._progress(job.id, "upload")
        try:
            if job.kind is JobKind.PRODUCT_DESCRIPTION:
                text = self.client.describe_product(
                    (job.folder / job.params["image"]).read_bytes(),
                    job.product_type,
                    filename=job.source_name or "product.jpg",
                )
                self._save(
                    job.moved_to(JobStatus.COMPLETED, description=text, cost=_COSTS[job.kind])
                )
                return
            if job.kind is JobKind.TRY_ON:
                request = try_on_request(job.folder, job.product_type, job.prompt, job.params)
                task_id = self.client.submit_try_on(request, on_upload_progress=progress)
            else:
                generation = generation_request(
                    job.folder, job.product_type, job.prompt, job.params
                )
                task_id = self.client.submit_image_generation(
                    generation, on_upload_progress=progress
                )
        except RateLimitedError:
            raise
        except AuraxError as exc:
            self._save(
                job.moved_to(
                    JobStatus.FAILED, error=exc.user_message, error_kind=type(exc).__name__
                )
            )
            return
        except OSError as exc:
            self._save(
                job.moved_to(
                    JobStatus.FAILED, error=f"The prepared files could not be read ({exc})."
                )
            )
            return
        # The task id is in the history before following starts.
        job = self._save(job.moved_to(JobStatus.QUEUED, task_id=task_id, cost=_COSTS[job.kind]))
        if self._take_cancel(job.id):
            self._save(job.moved_to(JobStatus.STOPPED, error=STOPPED_MESSAGE))
            return
        self._follow.follow(job.id, task_id)

    def _close_gate(self, retry_after: float | None) -> None:
        with self._lock:
            self._gate = max(self._gate, time.monotonic() + min(retry_after or 1.0, 60.0))

    def _gate_left(self) -> float:
        with self._lock:
            return max(0.0, self._gate - time.monotonic())

    def _wait_for_gate(self, job_id: str) -> bool:
        """After a 429, submissions wait as long as the server asked. False when the
        job was stopped meanwhile (or the runner closed): then it is not sent."""
        while True:
            if self._take_cancel(job_id) or self._closed:
                return False
            pause = self._gate_left()
            if pause <= 0:
                return True
            time.sleep(min(pause, 0.2))

    def _progress(self, job_id: str, phase: str) -> Callable[[int, int], None]:
        last = [0.0]

        def report(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= 0.1 or (total and done >= total):
                last[0] = now
                self._emit(JobProgress(job_id, phase, done, total))

        return report

    def _take_cancel(self, job_id: str) -> bool:
        with self._lock:
            if job_id in self._cancelled:
                self._cancelled.discard(job_id)
                return True
            return False

    # Following (callbacks from the follow pool, on its threads)

    def _on_state(self, job_id: str, state: TaskState) -> None:
        def change(job: Job) -> Job | None:
            if job.status.is_final or job.status is JobStatus.DOWNLOADING:
                return None  # a late report: the task has moved on
            status = (
                JobStatus.PROCESSING if state.status is TaskStatus.PROCESSING else JobStatus.QUEUED
            )
            if state.status is TaskStatus.UNKNOWN:
                status = job.status
            if status is job.status and state.messages == job.messages:
                return None
            return job.moved_to(status, raw=state.raw, messages=state.messages)

        self._change(job_id, change)

    def _on_notice(self, job_id: str, message: str) -> None:
        self._emit(JobNotice(job_id, message))

    def _on_stopped(self, job_id: str) -> None:
        self._change(
            job_id,
            lambda job: (
                None
                if job.status.is_final
                else job.moved_to(JobStatus.STOPPED, error=STOPPED_MESSAGE)
            ),
        )

    def _on_failed(self, job_id: str, error: AuraxError) -> None:
        text = error.user_message
        if isinstance(error, TaskDeadlineError):
            text = f"{text} Use “Follow again” to keep waiting; retrying would send it again."

        def change(job: Job) -> Job | None:
            if job.status.is_final or job.status is JobStatus.DOWNLOADING:
                return None  # it ended otherwise meanwhile, or its result is coming
            messages = error.messages if isinstance(error, TaskFailedError) else job.messages
            return job.moved_to(
                JobStatus.FAILED, error=text, messages=messages, error_kind=type(error).__name__
            )

        self._change(job_id, change)

    def _on_completed(self, job_id: str, state: TaskState) -> None:
        downloading = self._change(
            job_id,
            lambda job: (
                None
                if job.status in (JobStatus.DOWNLOADING, JobStatus.COMPLETED)  # told twice
                else job.moved_to(JobStatus.DOWNLOADING, raw=state.raw, messages=state.messages)
            ),
        )
        if downloading is None:
            return
        job = downloading
        if not state.image_ids:
            self._save(
                job.moved_to(
                    JobStatus.FAILED,
                    error="AuraX finished the task, but its answer holds no image this program "
                    "can find. The answer is kept with the job.",
                )
            )
            return
        results: list[str] = []
        try:
            for index, image_id in enumerate(state.image_ids):
                data = self.client.get_image(
                    image_id, on_progress=self._progress(job_id, "download")
                )
                picture = load_image(data, name="The result")
                name = f"result{'' if index == 0 else f'-{index + 1}'}{image_extension(data)}"
                write_atomically(job.folder / name, data)
                results.append(name)
                if index == 0:
                    save_thumbnail(picture, job.folder / "thumbnail.jpg")
        except AuraxError as exc:
            self._save(
                job.moved_to(
                    JobStatus.FAILED,
                    results=tuple(results),
                    error=f"The result could not be downloaded: "
                    f"{exc.user_message} Use “Follow again” to fetch it.",
                )
            )
            return
        except ImageError:
            self._save(
                job.moved_to(
                    JobStatus.FAILED,
                    error="AuraX sent a result that is not "
                    "a picture. The answer is kept with the job.",
                )
            )
            return
        except OSError as exc:
            self._save(
                job.moved_to(
                    JobStatus.FAILED,
                    error=f"The result could not be saved ({exc.strerror or exc}).",
                )
            )
            return
        self._save(job.moved_to(JobStatus.COMPLETED, results=tuple(results), error=None))

    # What the user can do

    def stop(self, job_id: str) -> Job | None:
        """Stop a job: before sending nothing is charged; after, the server may still
        finish the task and charge for it (the job's message says so)."""
        job = self.get(job_id)
        if job is None or job.status.is_final:
            return job
        if job.status in (JobStatus.PREPARING, JobStatus.SUBMITTING):
            with self._lock:
                self._cancelled.add(job_id)
            return job
        if not self._follow.stop(job_id):
            self._on_stopped(job_id)
        return self.get(job_id)

    def retry(self, job_id: str) -> Job:
        """A new job with the same prepared inputs (it costs credits again)."""
        old = self.get(job_id)
        if old is None:
            raise KeyError(job_id)
        if old.status not in RETRYABLE_STATUSES:
            raise ValueError(f"A {old.status.label.lower()} job cannot be retried.")
        job = self._new(
            old.kind,
            old.product_type,
            old.prompt,
            old.source_name,
            params=dict(old.params),
            batch=old.batch,
            retry_of=old.id,
        )
        try:
            for path in old.folder.iterdir():
                if path.is_file() and not path.name.startswith(("result", "thumbnail", ".")):
                    shutil.copy2(path, job.folder / path.name)
        except OSError as exc:
            self._save(
                job.moved_to(JobStatus.FAILED, error=f"The inputs of the old job are gone ({exc}).")
            )
            return job
        self._queue(job.id, None)
        return job

    def follow(self, job_id: str) -> Job:
        """Follow a job's task again (no new request, no charge): after a stop, a
        deadline, a failed download or a restart."""
        job = self.get(job_id)
        if job is None or not job.task_id:
            raise ValueError("This job has no task at AuraX to follow.")
        if self._follow.is_following(job_id):
            return job
        status = JobStatus.QUEUED if job.status.is_final else job.status
        job = self._save(job.changed(status=status, error=None))
        self._follow.follow(job.id, job.task_id or "")
        return job

    def delete(self, job_id: str) -> None:
        self._follow.stop(job_id)
        with self._lock:
            self._jobs.pop(job_id, None)
            self._cancelled.add(job_id)
        self.store.delete(job_id)
        self._emit(JobRemoved(job_id))

    def resume(self) -> list[Job]:
        """At start: follow unfinished tasks again; mark what died before or while sending.

        Only jobs of earlier runs are touched (jobs this runner started are its own),
        and only on the first call.
        """
        with self._lock:
            if self._resumed:
                return []
            self._resumed = True
        touched = []
        for found in self.store.with_status(
            [
                JobStatus.PREPARING,
                JobStatus.SUBMITTING,
                JobStatus.QUEUED,
                JobStatus.PROCESSING,
                JobStatus.DOWNLOADING,
            ]
        ):
            # Decided under the change lock: a job this run submits while the history
            # is read is saved (and known as ours) before we look, never after.
            with self._changing:
                with self._lock:
                    if found.id in self._jobs:
                        continue  # this run's own job
                job = self.store.get(found.id) or found
                if job.status.is_final:
                    continue
                resumed = self._resume_one(job)
            if resumed is not None:
                touched.append(resumed)
        return touched

    def _resume_one(self, job: Job) -> Job | None:
        """An unfinished job of an earlier run: followed again, or marked as what it is."""
        server = job.params.get("server")
        if server and server != self.client.base_url:
            if is_loopback_url(server) and job.status.is_following:
                return self._save(
                    job.moved_to(
                        JobStatus.FAILED,
                        error=(
                            "The demo server that ran this task has stopped, so its result "
                            "cannot be fetched."
                        ),
                    )
                )
            return None  # another server's job: left for a session connected to it
        if job.status is JobStatus.PREPARING:
            return self._save(job.moved_to(JobStatus.INTERRUPTED, error=INTERRUPTED_MESSAGE))
        if job.status is JobStatus.SUBMITTING or not job.task_id:
            return self._save(job.moved_to(JobStatus.UNCERTAIN, error=UNCERTAIN_MESSAGE))
        with self._lock:
            self._jobs[job.id] = job
        self._follow.follow(job.id, job.task_id)
        return job

    def wait(self, job_ids: Iterable[str], timeout: float | None = None) -> list[Job]:
        """Block until every job is final (or the timeout); their latest snapshots."""
        wanted = list(job_ids)
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while True:
                jobs = [self._jobs.get(i) for i in wanted]
                if all(j is not None and j.status.is_final for j in jobs):
                    break
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    break
                self._lock.wait(remaining if remaining is None else min(remaining, 1.0))
        return [j for j in (self.get(i) for i in wanted) if j is not None]

    @property
    def following_counts(self) -> tuple[int, int]:
        return self._follow.counts

    def shutdown(self) -> None:
        """Quit cleanly: jobs not yet sent are marked as such; tasks being followed keep
        their state, so the next start follows them again."""
        self._closed = True
        with self._lock:
            pools = [*self._old_pools, self._prepare]
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)
        self._follow.shutdown()
        for job in self.store.with_status([JobStatus.PREPARING]):
            self._save(job.moved_to(JobStatus.INTERRUPTED, error=INTERRUPTED_MESSAGE))
