"""The user's time limit, carried into every wait, retry and read.

A ``Deadline`` is a moment on the monotonic clock. Waits and timeouts are
clipped to it, so no retry, Retry-After, blocked read or download runs past
it. An ``Alarm`` closes a stream or download at a moment that may move (the
deadline, or a stall window renewed by each status), which unblocks a read
that would otherwise sit in the socket.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from types import TracebackType

from aurax_desktop.api.errors import TaskDeadlineError
from aurax_desktop.formats import format_number
from aurax_desktop.translation import ngettext

log = logging.getLogger(__name__)

MIN_TIMEOUT = 0.05
"""The shortest socket timeout used (a zero timeout would mean "never block")."""


class Deadline:
    """A moment after which nothing more is waited for."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.at = float("inf") if seconds is None else time.monotonic() + max(0.0, seconds)

    @classmethod
    def never(cls) -> Deadline:
        return cls(None)

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())

    def expired(self) -> bool:
        return time.monotonic() >= self.at

    def clip(self, seconds: float) -> float:
        """``seconds``, or less if the deadline comes sooner."""
        return max(0.0, min(seconds, self.remaining()))

    def timeout(self, timeout: tuple[float, float]) -> tuple[float, float]:
        """A (connect, read) timeout that ends by the deadline."""
        connect, read = timeout
        return (
            max(MIN_TIMEOUT, self.clip(connect)),
            max(MIN_TIMEOUT, self.clip(read)),
        )

    def error(self) -> TaskDeadlineError:
        """The error for a deadline reached, naming the limit in plain words."""
        if self.seconds is None:
            return TaskDeadlineError()
        minutes = round(self.seconds / 60)
        if self.seconds >= 120:
            text = ngettext(
                "The task did not finish within the time limit ({count} minute). It may still "
                "finish on the server; follow it again later to fetch the result.",
                "The task did not finish within the time limit ({count} minutes). It may still "
                "finish on the server; follow it again later to fetch the result.",
                minutes,
            ).format(count=format_number(minutes))
        else:
            seconds = round(self.seconds)
            text = ngettext(
                "The task did not finish within the time limit ({count} second). It may still "
                "finish on the server; follow it again later to fetch the result.",
                "The task did not finish within the time limit ({count} seconds). It may still "
                "finish on the server; follow it again later to fetch the result.",
                seconds,
            ).format(count=format_number(seconds))
        return TaskDeadlineError(text)

    def check(self) -> None:
        if self.expired():
            raise self.error()


class Alarm:
    """Calls ``ring`` once, from the shared alarm thread, when the set moment comes.

    ``set(at)`` moves the moment (``inf``: never); ``cancel()`` takes it back. Use as
    a context manager around a blocking read. All alarms share one thread, which
    runs only while some alarm is set, so many streams cost one thread, not many.
    """

    def __init__(self, ring: Callable[[], None], at: float, name: str = "") -> None:
        self._ring = ring
        self.at = at
        self.name = name
        self._rang = False
        self._active = False

    @property
    def rang(self) -> bool:
        return self._rang

    def start(self) -> Alarm:
        self._active = True
        _CLOCK.add(self)
        return self

    def set(self, at: float) -> None:
        _CLOCK.move(self, at)

    def cancel(self) -> None:
        self._active = False
        _CLOCK.remove(self)

    def _fire(self) -> None:
        self._rang = True
        self._ring()

    def __enter__(self) -> Alarm:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.cancel()


IDLE_S = 0.5
"""How long the alarm thread waits for a new alarm before it ends."""


class _AlarmClock:
    """The one thread that rings every alarm; it ends when no alarm is set."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._alarms: set[Alarm] = set()
        self._thread: threading.Thread | None = None

    def add(self, alarm: Alarm) -> None:
        with self._changed:
            self._alarms.add(alarm)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="aurax-alarms", daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def move(self, alarm: Alarm, at: float) -> None:
        with self._changed:
            alarm.at = at
            self._changed.notify_all()

    def remove(self, alarm: Alarm) -> None:
        with self._changed:
            self._alarms.discard(alarm)
            self._changed.notify_all()

    def _run(self) -> None:
        while True:
            with self._changed:
                if not self._alarms:
                    self._changed.wait(IDLE_S)  # a new stream often follows at once
                if not self._alarms:
                    self._thread = None
                    return
                now = time.monotonic()
                due = [a for a in self._alarms if a.at <= now]
                if not due:
                    soonest = min(a.at for a in self._alarms)
                    self._changed.wait(min(soonest - now, 60.0))
                    continue
                self._alarms.difference_update(due)
            for alarm in due:
                try:
                    alarm._fire()
                except Exception:
                    log.exception("An alarm failed")


_CLOCK = _AlarmClock()
