"""Follow a task to its end: the one routine for the window, the command line and scripts.

It owns the whole wait: the SSE stream, stall detection, polling as a fallback,
backoff, and the deadline. ``run()`` follows on the calling thread;
``check_once()`` does one status check by the same rules, for a task that waits
its turn for a stream (one thread checks many such tasks). The stream gives
results within milliseconds; a stream that gives no status for a stall window
(about twice the heartbeat interval, at most 30 s) is closed, the status is
asked for, and the stream is opened again after a pause that grows while
streams keep failing. Events without a usable status trigger a status check.
No wait, retry or read runs past the deadline: an ``Alarm`` closes the stream
at the deadline or the stall, whichever comes first.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from aurax_desktop.api.deadline import Alarm, Deadline
from aurax_desktop.api.errors import (
    AccountError,
    AuraxError,
    AuthenticationError,
    FollowStoppedError,
    InvalidRequestError,
    NotFoundError,
    TaskDeadlineError,
    TaskFailedError,
    UnsafeAnswerError,
)
from aurax_desktop.api.events import (
    FollowNotice,
    Heartbeat,
    TaskEvent,
    TaskUpdate,
    UnclearEvent,
)
from aurax_desktop.api.models import TaskState, TaskStatus
from aurax_desktop.api.stopping import StopSignal
from aurax_desktop.api.streaming import TaskStream
from aurax_desktop.translation import _

log = logging.getLogger(__name__)

EventCallback = Callable[[TaskEvent], None]

# Outcomes and errors that asking again cannot change.
_FATAL = (
    AuthenticationError,
    AccountError,
    NotFoundError,
    InvalidRequestError,
    UnsafeAnswerError,
    FollowStoppedError,
    TaskFailedError,
    TaskDeadlineError,
)


class TaskReader(Protocol):
    """What following needs of a client (``AuraxClient`` is one)."""

    def get_task(
        self, task_id: str, *, stop: StopSignal | None = ..., deadline: Deadline | None = ...
    ) -> TaskState: ...

    def stream_task(
        self,
        task_id: str,
        *,
        deadline: Deadline | None = ...,
        read_timeout: float | None = ...,
        stop: StopSignal | None = ...,
    ) -> TaskStream: ...


@dataclass(frozen=True)
class FollowRules:
    """How patiently a task is followed."""

    poll_interval: float = 2.0
    """The first pause between status checks when there is no live stream."""
    max_poll_interval: float = 10.0
    """The longest pause between status checks (backoff grows up to it)."""
    max_stall_s: float = 30.0
    """The longest a stream may go without a status before it is taken as stalled."""
    min_stall_s: float = 1.0
    reconnect_pause: float = 0.25
    """The first pause before opening a stream again after it ended."""
    stream_attempts: int = 3
    """Streams ended in a row (without the task's end) before following goes on by
    polling alone."""
    healthy_stream_s: float = 10.0
    """A stream open this long that gave statuses was working: its end is no failure."""

    def stall_window(self, heartbeat_interval: float | None) -> float:
        if heartbeat_interval is None:
            return self.max_stall_s
        return max(self.min_stall_s, min(self.max_stall_s, 2.0 * heartbeat_interval))


@dataclass
class _StreamOutcome:
    final: TaskState | None = None
    statuses: int = 0
    opened_at: float = 0.0


class TaskFollower:
    """One task followed until it ends; ``run()`` returns the completed state or raises
    ``TaskFailedError``, ``TaskDeadlineError`` or ``FollowStoppedError`` (and so does
    ``check_once()``, a step at a time)."""

    def __init__(
        self,
        reader: TaskReader,
        task_id: str,
        *,
        deadline: Deadline,
        on_event: EventCallback | None = None,
        stop: StopSignal | None = None,
        rules: FollowRules | None = None,
    ) -> None:
        self.reader = reader
        self.task_id = task_id
        self.deadline = deadline
        self.on_event = on_event
        self.stop = stop or StopSignal()
        self.rules = rules or FollowRules()
        self.last: TaskState | None = None
        self._heartbeat_at: float | None = None
        self._heartbeat_interval: float | None = None
        self._last_check = 0.0
        self._status_at = 0.0
        """When the open stream last gave a status (or was opened)."""
        self._mode = ""
        self._pause = self.rules.poll_interval
        self.next_check = 0.0
        """When ``check_once`` should next be called (monotonic seconds)."""

    def run(self) -> TaskState:
        """Follow live over the stream (reconnecting, checking the status when it stalls
        or breaks); after ``stream_attempts`` streams in a row end without the task's
        end, by status checks alone."""
        rules = self.rules
        failed_streams = 0
        pause = rules.reconnect_pause
        while failed_streams < rules.stream_attempts:
            self._check_time()
            outcome = self._stream_once()
            if outcome.final is not None:
                return self._finish(outcome.final)
            lasted = time.monotonic() - outcome.opened_at
            if outcome.statuses and lasted >= rules.healthy_stream_s:
                failed_streams, pause = 0, rules.reconnect_pause
            else:
                failed_streams += 1
            # The stream ended, stalled or broke: ask for the status.
            state = self._poll()
            if state is not None and state.status.is_terminal:
                return self._finish(state)
            if failed_streams < rules.stream_attempts:
                self._notice("reconnecting", _("Connection interrupted; reconnecting."))
                self._sleep(pause)
                pause = min(rules.poll_interval, pause * 2)
        while True:
            final = self.check_once()
            if final is not None:
                return final
            self._sleep(max(0.0, self.next_check - time.monotonic()))

    def check_once(self, *, waiting_turn: bool = False) -> TaskState | None:
        """One status check by the same rules (deadline, backoff): the completed state,
        or None with ``next_check`` set. For a task followed without a stream of its own
        (many tasks share one thread that calls this in turn). ``waiting_turn``: the task
        only waits its turn for a stream (nothing is wrong, so nothing is said)."""
        if not waiting_turn:
            self._notice("polling", _("Live updates are unavailable; checking every few seconds."))
        state = self._poll()
        if state is not None and state.status.is_terminal:
            return self._finish(state)
        self.next_check = time.monotonic() + self.deadline.clip(self._pause)
        self._pause = min(self.rules.max_poll_interval, self._pause * 1.5)
        self._check_time()
        return None

    # The stream

    def _stream_once(self) -> _StreamOutcome:
        outcome = _StreamOutcome(opened_at=time.monotonic())
        stall = self.rules.stall_window(self._heartbeat_interval)
        try:
            # The alarm below cannot reach a request whose answer has not begun: the
            # answer's head, and then each read, must come within the stall window
            # too (a read never waits longer than the alarm would allow).
            stream = self.reader.stream_task(
                self.task_id, deadline=self.deadline, read_timeout=stall, stop=self.stop
            )
        except _FATAL as exc:
            if isinstance(exc, NotFoundError):
                return outcome  # no stream for it here; the status check decides
            raise
        except AuraxError as exc:
            log.info("Task %s: the stream could not be opened (%s)", self.task_id, exc)
            return outcome
        self._status_at = time.monotonic()
        self._heartbeat_at = None  # intervals are measured within one connection
        alarm = Alarm(stream.close, self._alarm_at(stall), name="aurax-stream-alarm")
        try:
            with stream, alarm, self.stop.closing(stream.close):
                for event in stream:
                    self._check_time()
                    outcome.final = self._on_stream_event(event, outcome, alarm)
                    if outcome.final is not None:
                        return outcome
        except _FATAL:
            raise
        except AuraxError as exc:
            log.info("Task %s: the stream failed (%s)", self.task_id, exc)
        self._check_time()
        if alarm.rang:
            log.info("Task %s: no status for %.1f s; taken as stalled", self.task_id, stall)
        return outcome

    def _on_stream_event(
        self, event: TaskEvent, outcome: _StreamOutcome, alarm: Alarm
    ) -> TaskState | None:
        """Take in one event; the final state when the task has ended."""
        if isinstance(event, TaskUpdate):
            outcome.statuses += 1
            self._status_at = time.monotonic()
            if self._mode != "streaming":
                self._notice("streaming", _("Receiving live updates."))
            alarm.set(self._alarm_at(self.rules.stall_window(self._heartbeat_interval)))
            if event.state.status.is_terminal:
                return event.state
            self._update(event.state)
        elif isinstance(event, Heartbeat):
            if self._heartbeat():  # the stall window is known better now
                stall = self.rules.stall_window(self._heartbeat_interval)
                alarm.set(min(self.deadline.at, self._status_at + stall))
            self._emit(event)
        elif isinstance(event, UnclearEvent):
            log.info("Task %s: an unclear event (%s)", self.task_id, event.reason)
            state = self._poll(at_most_every=self.rules.poll_interval)
            if state is not None and state.status.is_terminal:
                return state
        return None

    def _alarm_at(self, stall: float) -> float:
        return min(self.deadline.at, time.monotonic() + stall)

    def _heartbeat(self) -> bool:
        """Note a heartbeat; True when it taught the heartbeat interval."""
        now = time.monotonic()
        learned = False
        if self._heartbeat_at is not None:
            interval = now - self._heartbeat_at
            previous = self._heartbeat_interval
            self._heartbeat_interval = interval if previous is None else max(previous, interval)
            learned = previous != self._heartbeat_interval
        self._heartbeat_at = now
        return learned

    # Status checks

    def _poll(self, *, at_most_every: float = 0.0) -> TaskState | None:
        """One status check; None when it failed in a way worth riding out (or when
        one was made less than ``at_most_every`` seconds ago)."""
        now = time.monotonic()
        if at_most_every and now - self._last_check < at_most_every:
            return None
        self._last_check = now
        self._check_time()
        try:
            state = self.reader.get_task(self.task_id, stop=self.stop, deadline=self.deadline)
        except _FATAL:
            raise
        except AuraxError as exc:
            log.info("Task %s: a status check failed (%s)", self.task_id, exc)
            return None
        if not state.status.is_terminal:
            self._update(state)
        return state

    # Reporting

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

    def _notice(self, mode: str, message: str) -> None:
        if mode != self._mode:
            self._mode = mode
            if mode != "streaming" or self.last is not None:
                self._emit(FollowNotice(mode, message))

    def _emit(self, event: TaskEvent) -> None:
        if self.on_event is not None:
            self.on_event(event)

    # Time

    def _sleep(self, seconds: float) -> None:
        if self.stop.wait(self.deadline.clip(seconds)):
            raise FollowStoppedError()
        self._check_time()

    def _check_time(self) -> None:
        if self.stop.is_set():
            raise FollowStoppedError()
        self.deadline.check()


def follow_task(
    reader: TaskReader,
    task_id: str,
    *,
    deadline_s: float = 600.0,
    on_event: EventCallback | None = None,
    stop: StopSignal | None = None,
    rules: FollowRules | None = None,
) -> TaskState:
    """Follow ``task_id`` until it ends and return its completed state.

    Raises ``TaskFailedError`` when the service fails or cancels it,
    ``TaskDeadlineError`` after ``deadline_s`` seconds and ``FollowStoppedError``
    when ``stop`` is set.
    """
    return TaskFollower(
        reader,
        task_id,
        deadline=Deadline(deadline_s),
        on_event=on_event,
        stop=stop,
        rules=rules,
    ).run()
