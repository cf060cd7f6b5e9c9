"""The window's changes to the history: operations on the job book's one writer.

``HistoryOps.run(operation, on_done, on_error)`` hands ``operation(book)`` to the job
book's writer at once, from the GUI thread, and never waits for it: the writer runs
the window's operations (and the runner's saves) one after another, in the order
they were asked for, so a deletion followed at once by its undo reaches the history
in that order. Its outcome comes back on the GUI thread, to ``on_done`` or, when it
failed (a read-only window, a full disk), to ``on_error``. This is the window's one
way to change the history; reads go to ``BackgroundWork``.

Like ``BackgroundWork``, it keeps the operation and its callbacks on the GUI side
until they are delivered, so a closure holding widgets is never dropped on the
writer's thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from aurax_desktop.jobs import JobBook

log = logging.getLogger(__name__)

Operation = Callable[[JobBook], Any]


class HistoryOps(QObject):
    _finished = Signal(int)

    def __init__(self, book: JobBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self._lock = threading.Lock()
        self._tickets = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._closed = False
        self._finished.connect(self._deliver)

    def run(
        self,
        operation: Operation,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``operation(book)`` after every change asked for before it."""
        ticket = next(self._tickets)
        pending = _Pending(operation, on_done, on_error)
        with self._lock:
            self._pending[ticket] = pending
        book = self.book
        try:
            future = book.run(lambda: operation(book))
        except Exception as exc:  # the writer is closed: the window is going
            with self._lock:
                self._pending.pop(ticket, None)
            if on_error is not None:
                on_error(exc)
            return
        future.add_done_callback(lambda done: self._ended(ticket, done))

    @property
    def pending(self) -> int:
        """How many operations asked for have not yet come back."""
        with self._lock:
            return len(self._pending)

    def close(self) -> None:
        """Deliver nothing more (the operations asked for still run: they are the
        user's changes, written before the program ends)."""
        self._closed = True

    def _ended(self, ticket: int, future: Future[Any]) -> None:
        """On the writer's thread: keep the outcome with its ticket, then hand over."""
        with self._lock:
            pending = self._pending.get(ticket)
        if pending is None:
            return
        error = future.exception()
        if error is not None:
            pending.error = error
        else:
            pending.result = future.result()
        del pending
        if not self._closed:
            try:
                self._finished.emit(ticket)
            except RuntimeError:  # the window has gone meanwhile: nobody to tell
                log.debug("A change to the history ended after the window closed")

    @Slot(int)
    def _deliver(self, ticket: int) -> None:
        with self._lock:
            pending = self._pending.pop(ticket, None)
        if self._closed or pending is None:
            return
        if pending.error is not None:
            if pending.on_error is None:
                log.error("A change to the history failed", exc_info=pending.error)
            else:
                pending.on_error(pending.error)
        elif pending.on_done is not None:
            pending.on_done(pending.result)


@dataclass
class _Pending:
    operation: Operation
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    result: Any = None
    error: BaseException | None = None
