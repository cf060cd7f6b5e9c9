"""Follow a task to its end: the SSE stream first, reconnecting, then polling.

The stream gives results within milliseconds of the server finishing; when it
breaks, one status request checks whether the task finished meanwhile and the
stream is opened again. After repeated breaks the task is polled every two
seconds, backing off, until a terminal status or the deadline.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from aurax_desktop.api.errors import (
    AuraxError,
    AuthenticationError,
    FollowStoppedError,
    InvalidRequestError,
    NotFoundError,
    TaskDeadlineError,
    TaskFailedError,
)
from aurax_desktop.api.events import FollowNotice, Heartbeat, TaskEvent, TaskUpdate
from aurax_desktop.api.models import TaskState, TaskStatus
from aurax_desktop.api.stopping import StopSignal

if TYPE_CHECKING:
    from aurax_desktop.api.client import AuraxClient

log = logging.getLogger(__name__)

EventCallback = Callable[[TaskEvent], None]

# Outcomes and errors that following again cannot change.
_FATAL = (
    AuthenticationError,
    NotFoundError,
    InvalidRequestError,
    FollowStoppedError,
    TaskFailedError,
    TaskDeadlineError,
)


class TaskFollower:
    """One task followed until it ends; see ``AuraxClient.wait_for_task``."""

    def __init__(
        self,
        client: AuraxClient,
        task_id: str,
        *,
        deadline_s: float,
        on_event: EventCallback | None,
        stop: StopSignal | None,
        poll_interval: float,
        max_poll_interval: float,
        stream_attempts: int,
        silent_check_s: float,
    ) -> None:
        self.client = client
        self.task_id = task_id
        self.deadline = time.monotonic() + deadline_s
        self.deadline_s = deadline_s
        self.on_event = on_event
        self.stop = stop or StopSignal()
        self.poll_interval = poll_interval
        self.max_poll_interval = max_poll_interval
        self.stream_attempts = stream_attempts
        self.silent_check_s = silent_check_s
        self.last: TaskState | None = None

    def run(self) -> TaskState:
        failures = 0
        while failures < self.stream_attempts:
            self._check_time()
            try:
                done = self._follow_stream()
            except _FATAL:
                raise
            except AuraxError as exc:
                log.info("Task %s: the stream failed (%s)", self.task_id, exc)
                done = None
            if done is not None:
                return done
            failures += 1
            # The stream ended or broke: the task may have finished meanwhile.
            state = self._try_poll()
            if state is not None and state.status.is_terminal:
                return self._finish(state)
            if failures < self.stream_attempts:
                self._emit(FollowNotice("reconnecting", "Connection interrupted; reconnecting."))
                self._sleep(min(0.25 * 2**failures, 4.0))
        self._emit(
            FollowNotice("polling", "Live updates are unavailable; checking every few seconds.")
        )
        return self._poll_until_done()

    def _follow_stream(self) -> TaskState | None:
        remaining = self.deadline - time.monotonic()
        stream = self.client.stream_task(self.task_id, read_timeout=remaining + 1.0)
        last_check = time.monotonic()
        with stream, self.stop.closing(stream.close):
            for event in stream:
                self._check_time()
                if isinstance(event, TaskUpdate):
                    last_check = time.monotonic()
                    if event.state.status.is_terminal:
                        return self._finish(event.state)
                    self._update(event.state)
                elif isinstance(event, Heartbeat):
                    self._emit(event)
                    if time.monotonic() - last_check > self.silent_check_s:
                        # A long silence: make sure no state change was missed.
                        last_check = time.monotonic()
                        state = self._poll_once()
                        if state.status.is_terminal:
                            return self._finish(state)
        self._check_time()
        return None

    def _poll_once(self) -> TaskState:
        self._check_time()
        state = self.client.get_task(self.task_id, stop=self.stop)
        if not state.status.is_terminal:
            self._update(state)
        return state

    def _try_poll(self) -> TaskState | None:
        """One status check; None when it failed in a way worth riding out."""
        try:
            return self._poll_once()
        except _FATAL:
            raise
        except AuraxError as exc:
            log.info("Task %s: a status check failed (%s)", self.task_id, exc)
            return None

    def _poll_until_done(self) -> TaskState:
        interval = self.poll_interval
        while True:
            state = self._try_poll()
            if state is not None and state.status.is_terminal:
                return self._finish(state)
            self._sleep(min(interval, max(0.0, self.deadline - time.monotonic())))
            interval = min(self.max_poll_interval, interval * 1.5)

    def _update(self, state: TaskState) -> None:
        changed = self.last is None or (
            (state.status, state.raw_status, state.image_ids)
            != (self.last.status, self.last.raw_status, self.last.image_ids)
        )
        self.last = state
        if changed:
            self._emit(TaskUpdate(state))

    def _finish(self, state: TaskState) -> TaskState:
        self.last = state
        self._emit(TaskUpdate(state))
        if state.status is TaskStatus.COMPLETED:
            return state
        raise TaskFailedError(
            state.messages,
            task_id=self.task_id,
            cancelled=state.status is TaskStatus.CANCELLED,
        )

    def _emit(self, event: TaskEvent) -> None:
        if self.on_event is not None:
            self.on_event(event)

    def _sleep(self, seconds: float) -> None:
        if self.stop.wait(seconds):
            raise FollowStoppedError()
        self._check_time()

    def _check_time(self) -> None:
        if self.stop.is_set():
            raise FollowStoppedError()
        if time.monotonic() >= self.deadline:
            minutes = self.deadline_s / 60
            limit = f"{minutes:.0f} minutes" if minutes >= 2 else f"{self.deadline_s:.0f} seconds"
            raise TaskDeadlineError(
                f"The task did not finish within {limit}. It may still finish on the "
                "server; follow it again later to fetch the result."
            )
