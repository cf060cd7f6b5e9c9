"""Following many tasks at once: one thread per task, each running the one follow routine.

Every task is followed by ``api.TaskFollower``: live over its stream while one
of ``max_streams`` stream slots is free, by polling with backoff otherwise.
Completed tasks are handed to a small pool that downloads their results; a
task counts as followed until its download is over, so stopping and quitting
reach downloads too. No exception on these threads is lost: an unexpected one
ends its job with a message and goes to the log with its traceback.
"""

from __future__ import annotations

import itertools
import logging
import threading
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
    StreamSlots,
    TaskEvent,
    TaskFollower,
    TaskState,
    TaskUpdate,
)
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
    task_id: str
    deadline: Deadline
    stop: StopSignal = field(default_factory=StopSignal)
    thread: threading.Thread | None = None


def unexpected(error: BaseException) -> AuraxError:
    """An unexpected failure as a job's plain message (the traceback is in the log)."""
    return AuraxError(
        "Something unexpected went wrong while following this job; the details are in the "
        "log file. Use “Follow again” to try once more (it sends nothing new).",
        detail=repr(error),
    )


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
        self.deadline_s = deadline_s
        self.rules = rules or FollowRules()
        self.slots = StreamSlots(max_streams)
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}
        self._closing = False
        self._names = itertools.count(1)
        self._downloads: ThreadPoolExecutor = background_pool(max_downloads, "aurax-download")

    def follow(self, job_id: str, task_id: str) -> None:
        entry = _Entry(job_id, task_id, Deadline(self.deadline_s))
        thread = threading.Thread(
            target=self._follow,
            args=(entry,),
            name=f"aurax-follow-{next(self._names)}",
            daemon=True,
        )
        entry.thread = thread
        with self._lock:
            if self._closing or job_id in self._entries:
                return
            self._entries[job_id] = entry
        thread.start()

    def stop(self, job_id: str) -> bool:
        """Stop following (or downloading); True when the job was being followed."""
        with self._lock:
            entry = self._entries.get(job_id)
        if entry is None:
            return False
        entry.stop.set()
        return True

    def is_following(self, job_id: str) -> bool:
        with self._lock:
            return job_id in self._entries

    @property
    def counts(self) -> tuple[int, int]:
        """(live streams, tasks followed) right now."""
        with self._lock:
            return self.slots.used, len(self._entries)

    def shutdown(self) -> None:
        """End every stream, poll and download; jobs keep their state for the next start."""
        with self._lock:
            self._closing = True
            entries = list(self._entries.values())
        for entry in entries:
            entry.stop.set()
        for entry in entries:
            if entry.thread is not None and entry.thread.is_alive():
                entry.thread.join(timeout=10)
        self._downloads.shutdown(wait=True, cancel_futures=True)

    # On each task's thread

    def _follow(self, entry: _Entry) -> None:
        lower_priority()
        handed_over = False
        try:
            follower = TaskFollower(
                self.client,
                entry.task_id,
                deadline=entry.deadline,
                on_event=lambda event: self._on_event(entry, event),
                stop=entry.stop,
                rules=self.rules,
                slots=self.slots,
            )
            state = follower.run()
            with self._lock:
                if self._closing:
                    return
                self._downloads.submit(self._download, entry, state)
                handed_over = True
        except FollowStoppedError:
            if not self._closing:
                self.callbacks.on_stopped(entry.job_id)
        except AuraxError as exc:
            self.callbacks.on_failed(entry.job_id, exc)
        except Exception as exc:
            log.exception("Following task %s failed unexpectedly", entry.task_id)
            self.callbacks.on_failed(entry.job_id, unexpected(exc))
        finally:
            if not handed_over:
                self._release(entry)

    def _download(self, entry: _Entry, state: TaskState) -> None:
        try:
            self.callbacks.on_completed(entry.job_id, state, entry.deadline, entry.stop)
        except FollowStoppedError:
            if not self._closing:
                self.callbacks.on_stopped(entry.job_id)
        except Exception as exc:
            log.exception("Fetching the result of task %s failed unexpectedly", entry.task_id)
            self.callbacks.on_failed(entry.job_id, unexpected(exc))
        finally:
            self._release(entry)

    def _on_event(self, entry: _Entry, event: TaskEvent) -> None:
        if isinstance(event, TaskUpdate):
            if not event.state.status.is_terminal:
                self.callbacks.on_state(entry.job_id, event.state)
        elif isinstance(event, FollowNotice):
            self.callbacks.on_notice(entry.job_id, event.message)

    def _release(self, entry: _Entry) -> None:
        with self._lock:
            if self._entries.get(entry.job_id) is entry:
                del self._entries[entry.job_id]
