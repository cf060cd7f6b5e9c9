"""Work done on another thread, handed back to its callbacks on the GUI thread.

The callbacks, the work's result and its error are held here, on the GUI side, under a
ticket, from the moment the work is asked for until its callbacks have run: another
thread never drops the last reference to them. (Closures often hold widgets; a
widget's last reference dropped on another thread has its deletion deferred to the
GUI thread, which can free it twice.) ``BackgroundWork`` (reads, files, Pillow) and
``HistoryOps`` (changes on the history's writer) hand back through it.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


@dataclass
class Handed:
    """What one piece of work asked for, and what came of it."""

    work: Callable[[], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    result: Any = None
    error: BaseException | None = None


class HandingBack(QObject):
    """Tickets for work done elsewhere; ``ended`` (any thread) hands one back, and its
    callbacks run on the GUI thread (this object lives there: the signal is queued)."""

    _finished = Signal(int)

    def __init__(self, failing: str, parent: QObject | None = None) -> None:
        """``failing``: what the log says when work without ``on_error`` fails."""
        super().__init__(parent)
        self._failing = failing
        self._lock = threading.Lock()
        self._tickets = itertools.count(1)
        self._held: dict[int, Handed] = {}
        self.closed = False
        self._finished.connect(self._deliver)

    def hold(self, handed: Handed) -> int:
        ticket = next(self._tickets)
        with self._lock:
            self._held[ticket] = handed
        return ticket

    def handed(self, ticket: int) -> Handed | None:
        """What is held under ``ticket`` (None once it was dropped): the other thread
        sets its result or error there, lets go of it, then says ``finished``."""
        with self._lock:
            return self._held.get(ticket)

    def finished(self, ticket: int) -> None:
        """On any thread, the work under ``ticket`` having let go of what it made: its
        callbacks are to run on the GUI thread."""
        if self.closed:
            return
        try:
            self._finished.emit(ticket)
        except RuntimeError:  # the window has gone meanwhile: nobody to tell
            log.debug("Work ended after the window closed")

    def drop(self, ticket: int) -> None:
        with self._lock:
            self._held.pop(ticket, None)

    def clear(self) -> None:
        """Nothing more is handed back; what is held is dropped (on the GUI thread)."""
        self.closed = True
        with self._lock:
            self._held.clear()

    @property
    def pending(self) -> int:
        """How many pieces of work are asked for and not yet handed back."""
        with self._lock:
            return len(self._held)

    @Slot(int)
    def _deliver(self, ticket: int) -> None:
        with self._lock:
            handed = self._held.pop(ticket, None)
        if self.closed or handed is None:
            return
        if handed.error is not None:
            if handed.on_error is None:
                log.error(self._failing, exc_info=handed.error)
            else:
                handed.on_error(handed.error)
        elif handed.on_done is not None:
            handed.on_done(handed.result)
