"""Following many tasks with a bounded number of threads, all by the one follow routine.

Each task has an ``api.TaskFollower`` (its deadline, backoff and state). Up to
``max_streams`` of them run live on threads of their own (``run()``: the stream,
stall detection, reconnecting); the others wait their turn with one poller
thread that calls each one's ``check_once()`` when it is due. When a live
follower ends, the task that has waited longest takes its thread. Completed
tasks are handed to a small pool that downloads their results; a task counts as
followed until its download is over, so stopping and quitting reach downloads
too. No exception on these threads is lost: an unexpected one ends its job with
a message and goes to the log with its traceback.
"""

from __future__ import annotations

import functools
import itertools
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from aurax_desktop.api import (
    AuraxClient,
    AuraxError,
    Deadline,
    FollowNotice,
    FollowRules,
    FollowStoppedError,
    StopSignal,
    TaskEvent,
    TaskFollower,
    TaskState,
    TaskUpdate,
)
from aurax_desktop.translation import _
from aurax_desktop.workers import background_pool, lower_priority

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FollowCallbacks:
    on_state: Callable[[str, TaskState], None]
    """A non-final state (queued, processing)."""
    on_completed: Callable[[str, TaskState, Deadline, StopSignal], None]
    """Runs on the download pool: fetch the results within the deadline."""
    on_failed: Callable[[str, AuraxError], None]
    on_stopped: Callable[[str], None]
    on_notice: Callable[[str, str], None]


@dataclass(eq=False)
class _Entry:
    job_id: str
    follower: TaskFollower
    order: int
    stop: StopSignal = field(default_factory=StopSignal)
    thread: threading.Thread | None = None


def unexpected(error: BaseException) -> AuraxError:
    """An unexpected failure as a job's plain message (the traceback is in the log)."""
    # Translators: “Follow again” is the command of the Jobs list of that name.
    message = _(
        "Something unexpected went wrong while following this job; the details are in the "
        "log file. Use “Follow again” to try once more (it sends nothing new)."
    )
    return AuraxError(message, detail=repr(error))


class FollowPool:
    def __init__(
        self,
        client: AuraxClient,
        callbacks: FollowCallbacks,
        *,
        max_streams: int = 8,
        max_downloads: int = 3,
        deadline_s: float = 600.0,
        rules: FollowRules | None = None,
    ) -> None:
        self.client = client
        self.callbacks = callbacks
        self.max_streams = max_streams
        self.deadline_s = deadline_s
        self.rules = rules or FollowRules()
        self._lock = threading.Lock()
        self._live: dict[str, _Entry] = {}
        self._waiting: dict[str, _Entry] = {}
        self._fetching: dict[str, _Entry] = {}
        self._order = itertools.count()
        self._names = itertools.count(1)
        self._closing = False
        self._wake = threading.Event()
        self._downloads: ThreadPoolExecutor = background_pool(max_downloads, "aurax-download")
        self._poller = threading.Thread(target=self._poll_loop, name="aurax-poller", daemon=True)
        self._poller.start()

    def follow(self, job_id: str, task_id: str) -> None:
        stop = StopSignal()
        entry = _Entry(job_id, self._follower(job_id, task_id, stop), next(self._order), stop)
        with self._lock:
            if self._closing or self._known(job_id):
                return
            if len(self._live) < self.max_streams:
                self._start_live(entry)
                return
            self._waiting[job_id] = entry
        self._wake.set()

    def stop(self, job_id: str) -> bool:
        """Stop following (or downloading); True when the job was being followed."""
        with self._lock:
            waiting = self._waiting.pop(job_id, None)
            entry = waiting or self._live.get(job_id) or self._fetching.get(job_id)
        if entry is None:
            return False
        entry.stop.set()
        if waiting is not None:
            self.callbacks.on_stopped(job_id)  # no thread of its own to say so
        return True

    def is_following(self, job_id: str) -> bool:
        with self._lock:
            return self._known(job_id)

    @property
    def counts(self) -> tuple[int, int]:
        """(followed live on a stream, waiting for one and checked by the poller)."""
        with self._lock:
            return len(self._live), len(self._waiting)

    def shutdown(self) -> None:
        """End every stream, check and download; jobs keep their state for the next start."""
        with self._lock:
            self._closing = True
            entries = [*self._live.values(), *self._waiting.values(), *self._fetching.values()]
        for entry in entries:
            entry.stop.set()
        self._wake.set()
        for entry in entries:
            if entry.thread is not None and entry.thread.is_alive():
                entry.thread.join(timeout=10)
        self._poller.join(timeout=10)
        self._downloads.shutdown(wait=True, cancel_futures=True)

    def _known(self, job_id: str) -> bool:
        return any(job_id in d for d in (self._live, self._waiting, self._fetching))

    def _follower(self, job_id: str, task_id: str, stop: StopSignal) -> TaskFollower:
        return TaskFollower(
            self.client,
            task_id,
            deadline=Deadline(self.deadline_s),
            on_event=lambda event: self._on_event(job_id, event),
            stop=stop,
            rules=self.rules,
        )

    def _start_live(self, entry: _Entry) -> None:
        """(Under the lock.) ``entry`` gets a thread of its own."""
        entry.thread = threading.Thread(
            target=self._run_live,
            args=(entry,),
            name=f"aurax-follow-{next(self._names)}",
            daemon=True,
        )
        self._live[entry.job_id] = entry
        entry.thread.start()

    # Live followers, a thread each

    def _run_live(self, first: _Entry) -> None:
        """Follow ``first`` live; then, on the same thread, the task that has waited
        longest, until none waits."""
        lower_priority()
        entry: _Entry | None = first
        while entry is not None:
            try:
                self._ended(entry, entry.follower.run)
            finally:
                with self._lock:
                    if self._live.get(entry.job_id) is entry:
                        del self._live[entry.job_id]
                    entry = None
                    waiting = sorted(self._waiting.values(), key=lambda e: e.order)
                    if waiting and not self._closing:
                        entry = waiting[0]
                        del self._waiting[entry.job_id]
                        entry.thread = threading.current_thread()
                        self._live[entry.job_id] = entry

    # The poller, for the tasks waiting for a thread

    def _poll_loop(self) -> None:
        lower_priority()
        while not self._closing:
            with self._lock:
                due = [
                    e for e in self._waiting.values() if e.follower.next_check <= time.monotonic()
                ]
            for entry in sorted(due, key=lambda e: e.order):
                with self._lock:
                    if self._waiting.get(entry.job_id) is not entry or self._closing:
                        continue
                check = functools.partial(entry.follower.check_once, waiting_turn=True)
                self._ended(entry, check, polled=True)
            with self._lock:
                soonest = min((e.follower.next_check for e in self._waiting.values()), default=None)
            pause = 1.0 if soonest is None else max(0.0, min(1.0, soonest - time.monotonic()))
            self._wake.wait(pause)
            self._wake.clear()

    # Endings, wherever they happen

    def _ended(
        self, entry: _Entry, follow: Callable[[], TaskState | None], *, polled: bool = False
    ) -> None:
        """Run one follow step; hand a completed task to the downloads, report the rest."""
        try:
            state = follow()
            if state is None:
                return  # checked, not over yet
        except FollowStoppedError:
            self._forget(entry)
            if not self._closing and not polled:
                self.callbacks.on_stopped(entry.job_id)
            return
        except AuraxError as exc:
            self._forget(entry)
            self.callbacks.on_failed(entry.job_id, exc)
            return
        except Exception as exc:
            log.exception("Following the task of job %s failed unexpectedly", entry.job_id)
            self._forget(entry)
            self.callbacks.on_failed(entry.job_id, unexpected(exc))
            return
        with self._lock:
            if self._closing:
                return
            self._waiting.pop(entry.job_id, None)
            self._fetching[entry.job_id] = entry
            self._downloads.submit(self._download, entry, state)

    def _download(self, entry: _Entry, state: TaskState) -> None:
        try:
            self.callbacks.on_completed(entry.job_id, state, entry.follower.deadline, entry.stop)
        except FollowStoppedError:
            self.fetched(entry.job_id)
            if not self._closing:
                self.callbacks.on_stopped(entry.job_id)
        except Exception as exc:
            log.exception("Fetching the result of job %s failed unexpectedly", entry.job_id)
            self.fetched(entry.job_id)
            self.callbacks.on_failed(entry.job_id, unexpected(exc))
        finally:
            self.fetched(entry.job_id)

    def fetched(self, job_id: str) -> None:
        """The job's results are fetched (or given up): it is no longer followed. Said
        before its end is reported, so whoever hears of the end and asks to follow the
        task again at once (a damaged result fetched again) is not told it is followed."""
        with self._lock:
            self._fetching.pop(job_id, None)

    def _forget(self, entry: _Entry) -> None:
        """No longer followed, before its end is reported: whoever hears of the end (and
        asks to follow the task again at once) finds it not followed."""
        with self._lock:
            for followed in (self._waiting, self._live):
                if followed.get(entry.job_id) is entry:
                    del followed[entry.job_id]

    def _on_event(self, job_id: str, event: TaskEvent) -> None:
        if isinstance(event, TaskUpdate):
            if not event.state.status.is_terminal:
                self.callbacks.on_state(job_id, event.state)
        elif isinstance(event, FollowNotice):
            self.callbacks.on_notice(job_id, event.message)
