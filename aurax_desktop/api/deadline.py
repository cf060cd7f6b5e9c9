"""The user's time limit, carried into every wait, retry and read.

A ``Deadline`` is a moment on the monotonic clock. Waits and timeouts are
clipped to it, so no retry, Retry-After, blocked read or download runs past
it. An ``Alarm`` closes a stream or download at a moment that may move (the
deadline, or a stall window renewed by each status), which unblocks a read
that would otherwise sit in the socket.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import TracebackType

from aurax_desktop.api.errors import TaskDeadlineError

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
        minutes = self.seconds / 60
        limit = f"{minutes:.0f} minutes" if minutes >= 2 else f"{self.seconds:.0f} seconds"
        return TaskDeadlineError(
            f"The task did not finish within the time limit ({limit}). It may still finish "
            "on the server; follow it again later to fetch the result."
        )

    def check(self) -> None:
        if self.expired():
            raise self.error()


class Alarm:
    """Calls ``ring`` once, from its own thread, when the set moment comes.

    ``set(at)`` moves the moment (``inf``: never); ``cancel()`` ends the thread
    without ringing. Use as a context manager around a blocking read.
    """

    def __init__(self, ring: Callable[[], None], at: float, name: str = "aurax-alarm") -> None:
        self._ring = ring
        self._at = at
        self._rang = False
        self._done = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    @property
    def rang(self) -> bool:
        return self._rang

    def start(self) -> Alarm:
        self._thread.start()
        return self

    def set(self, at: float) -> None:
        with self._changed:
            self._at = at
            self._changed.notify_all()

    def cancel(self) -> None:
        with self._changed:
            self._done = True
            self._changed.notify_all()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        with self._changed:
            while not self._done:
                left = self._at - time.monotonic()
                if left <= 0:
                    self._rang = True
                    self._done = True
                    break
                self._changed.wait(min(left, 3600.0))
            else:
                return
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
