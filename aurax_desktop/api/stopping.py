"""A stop flag that also unblocks whatever is waiting on the network."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class StopSignal:
    """Set from any thread to stop a wait: sleeping waits wake at once and
    registered closers (open streams) are closed, unblocking a blocked read."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._closers: list[Callable[[], None]] = []

    def set(self) -> None:
        with self._lock:
            self._event.set()
            closers = list(self._closers)
        for close in closers:
            close()

    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds; True if the signal was set meanwhile."""
        return self._event.wait(max(0.0, timeout))

    @contextmanager
    def closing(self, close: Callable[[], None]) -> Iterator[None]:
        """Call ``close`` if the signal is set while the block runs (or already is)."""
        with self._lock:
            already = self._event.is_set()
            if not already:
                self._closers.append(close)
        if already:
            close()
        try:
            yield
        finally:
            with self._lock:
                if close in self._closers:
                    self._closers.remove(close)
