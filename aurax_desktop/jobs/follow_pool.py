"""Following many tasks with a bounded number of threads.

The newest tasks (up to ``max_streams``) are followed live over their event
streams; when more arrive, the oldest streamed task moves to a single poller
thread that asks for every remaining task's status in turn. When a stream
ends, the newest polled task takes its place. Completions are handed to a
small pool that downloads the results.
"""

from __future__ import annotations

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
    AuthenticationError,
    FollowNotice,
    FollowStoppedError,
    NotFoundError,
    StopSignal,
    TaskDeadlineError,
    TaskEvent,
    TaskFailedError,
    TaskState,
    TaskStatus,
    TaskUpdate,
)
from aurax_desktop.workers import background_pool

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FollowCallbacks:
    on_state: Callable[[str, TaskState], None]
    """A non-final state (queued, processing)."""
    on_completed: Callable[[str, TaskState], None]
    """Runs on the download pool."""
    on_failed: Callable[[str, AuraxError], None]
    on_stopped: Callable[[str], None]
    on_notice: Callable[[str, str], None]


@dataclass(eq=False)
class _Entry:
    job_id: str
    task_id: str
    deadline: float
    order: int
    stop: StopSignal = field(default_factory=StopSignal)
    demoted: bool = False
    stopped_by_user: bool = False
    last_status: TaskStatus | None = None


class FollowPool:
    def __init__(
        self,
        client: AuraxClient,
        callbacks: FollowCallbacks,
        *,
        max_streams: int = 8,
        max_downloads: int = 3,
        deadline_s: float = 600.0,
        poll_interval: float = 2.0,
    ) -> None:
        self.client = client
        self.callbacks = callbacks
        self.max_streams = max_streams
        self.deadline_s = deadline_s
        self.poll_interval = poll_interval
        self._lock = threading.Lock()
        self._streaming: dict[str, _Entry] = {}
        self._polling: dict[str, _Entry] = {}
        self._moving: dict[str, _Entry] = {}
        """Demoted from a stream, not yet with the poller."""
        self._order = itertools.count()
        self._closing = StopSignal()
        self._streams = ThreadPoolExecutor(max(1, max_streams), thread_name_prefix="aurax-stream")
        self._downloads = background_pool(max_downloads, "aurax-download")
        self._wake = threading.Event()
        self._poller = threading.Thread(target=self._poll_loop, name="aurax-poller", daemon=True)
        self._poller.start()

    def follow(self, job_id: str, task_id: str) -> None:
        entry = _Entry(job_id, task_id, time.monotonic() + self.deadline_s, next(self._order))
        with self._lock:
            if self._closing.is_set():
                return
            if self.max_streams == 0:  # polling only
                self._polling[job_id] = entry
                self._wake.set()
                return
            if len(self._streaming) >= self.max_streams:
                oldest = min(self._streaming.values(), key=lambda e: e.order)
                del self._streaming[oldest.job_id]
                self._moving[oldest.job_id] = oldest
                oldest.demoted = True
                oldest.stop.set()  # its stream ends; the task moves to the poller
            self._streaming[job_id] = entry
        self._streams.submit(self._stream, entry)

    def stop(self, job_id: str) -> bool:
        """Stop following; True when the job was being followed."""
        with self._lock:
            polled = self._polling.pop(job_id, None)
            entry = polled or self._streaming.get(job_id) or self._moving.get(job_id)
            if entry is None:
                return False
            entry.stopped_by_user = True
        entry.stop.set()
        if polled is not None:
            self.callbacks.on_stopped(job_id)  # no worker of its own to say so
        return True

    def is_following(self, job_id: str) -> bool:
        with self._lock:
            return any(job_id in d for d in (self._streaming, self._polling, self._moving))

    @property
    def counts(self) -> tuple[int, int]:
        """(streamed, polled) tasks right now."""
        with self._lock:
            return len(self._streaming), len(self._polling)

    def shutdown(self) -> None:
        """End every stream and thread; jobs keep their state for the next start."""
        self._closing.set()
        with self._lock:
            entries = list(self._streaming.values()) + list(self._polling.values())
        for entry in entries:
            entry.stop.set()
        self._wake.set()
        self._streams.shutdown(wait=True, cancel_futures=True)
        self._poller.join(timeout=10)
        self._downloads.shutdown(wait=True)

    # Streams for the newest tasks

    def _stream(self, entry: _Entry) -> None:
        try:
            state = self.client.wait_for_task(
                entry.task_id,
                deadline_s=max(0.0, entry.deadline - time.monotonic()),
                on_event=lambda event: self._on_event(entry, event),
                stop=entry.stop,
                poll_interval=self.poll_interval,
            )
        except FollowStoppedError:
            if self._closing.is_set():
                return
            with self._lock:
                self._moving.pop(entry.job_id, None)
                to_poller = entry.demoted and not entry.stopped_by_user
                if to_poller:
                    entry.stop = StopSignal()
                    self._polling[entry.job_id] = entry
            if to_poller:
                self._wake.set()
            else:
                self._release(entry)
                self.callbacks.on_stopped(entry.job_id)
            return
        except AuraxError as exc:
            self._release(entry)
            self.callbacks.on_failed(entry.job_id, exc)
            return
        except Exception as exc:
            log.exception("Following task %s failed unexpectedly", entry.task_id)
            self._release(entry)
            self.callbacks.on_failed(entry.job_id, AuraxError(detail=repr(exc)))
            return
        self._release(entry)
        self._downloads.submit(self.callbacks.on_completed, entry.job_id, state)

    def _on_event(self, entry: _Entry, event: TaskEvent) -> None:
        if isinstance(event, TaskUpdate):
            status = event.state.status
            if not status.is_terminal and status is not entry.last_status:
                entry.last_status = status
                self.callbacks.on_state(entry.job_id, event.state)
        elif isinstance(event, FollowNotice):
            self.callbacks.on_notice(entry.job_id, event.message)

    def _release(self, entry: _Entry) -> None:
        """A stream slot is free: the newest polled task takes it."""
        with self._lock:
            if self._streaming.get(entry.job_id) is entry:
                del self._streaming[entry.job_id]
            promoted = None
            if (
                self._polling
                and len(self._streaming) < self.max_streams
                and not self._closing.is_set()
            ):
                promoted = max(self._polling.values(), key=lambda e: e.order)
                del self._polling[promoted.job_id]
                self._streaming[promoted.job_id] = promoted
        if promoted is not None:
            self._streams.submit(self._stream, promoted)

    # One poller for the rest

    def _poll_loop(self) -> None:
        while not self._closing.is_set():
            with self._lock:
                entries = sorted(self._polling.values(), key=lambda e: e.order)
            for entry in entries:
                if self._closing.is_set():
                    return
                self._poll(entry)
            self._wake.wait(self.poll_interval)
            self._wake.clear()

    def _poll(self, entry: _Entry) -> None:
        with self._lock:
            if self._polling.get(entry.job_id) is not entry:
                return
        if time.monotonic() >= entry.deadline:
            self._drop(entry)
            self.callbacks.on_failed(entry.job_id, TaskDeadlineError())
            return
        try:
            state = self.client.get_task(entry.task_id, stop=self._closing)
        except (AuthenticationError, NotFoundError) as exc:
            self._drop(entry)
            self.callbacks.on_failed(entry.job_id, exc)
            return
        except AuraxError as exc:
            log.info("Status check of %s failed: %s", entry.task_id, exc)
            return
        if state.status is TaskStatus.COMPLETED:
            if self._drop(entry):
                self._downloads.submit(self.callbacks.on_completed, entry.job_id, state)
        elif state.status.is_terminal:
            if self._drop(entry):
                self.callbacks.on_failed(
                    entry.job_id,
                    TaskFailedError(
                        state.messages,
                        task_id=entry.task_id,
                        cancelled=state.status is TaskStatus.CANCELLED,
                    ),
                )
        elif state.status is not entry.last_status:
            entry.last_status = state.status
            self.callbacks.on_state(entry.job_id, state)

    def _drop(self, entry: _Entry) -> bool:
        with self._lock:
            if self._polling.get(entry.job_id) is entry:
                del self._polling[entry.job_id]
                return True
            return False
