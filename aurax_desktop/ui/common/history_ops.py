"""The window's changes to the history: operations on the job book's one writer.

``HistoryOps.run(operation, on_done, on_error)`` hands ``operation(book)`` to the job
book's writer at once, from the GUI thread, and never waits for it: the writer runs
the window's operations (and the runner's saves) one after another, in the order
they were asked for, so a deletion followed at once by its undo reaches the history
in that order. Its outcome comes back on the GUI thread, to ``on_done`` or, when it
failed (a read-only window, a full disk), to ``on_error``. This is the window's one
way to change the history; reads go to ``BackgroundWork``.

Like ``BackgroundWork``, it hands back through ``handing_back``: the operation and its
callbacks stay on the GUI side until they are delivered, so a closure holding widgets
is never dropped on the writer's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject

from aurax_desktop.jobs import JobBook
from aurax_desktop.ui.common.handing_back import Handed, HandingBack

Operation = Callable[[JobBook], Any]


class HistoryOps(QObject):
    def __init__(self, book: JobBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self._back = HandingBack("A change to the history failed", self)

    def run(
        self,
        operation: Operation,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``operation(book)`` after every change asked for before it."""
        book = self.book
        ticket = self._back.hold(Handed(lambda: operation(book), on_done, on_error))
        try:
            future = book.run(lambda: operation(book))
        except Exception as exc:  # the writer is closed: the window is going
            self._back.drop(ticket)
            if on_error is not None:
                on_error(exc)
            return
        future.add_done_callback(lambda done: self._ended(ticket, done))

    @property
    def pending(self) -> int:
        """How many operations asked for have not yet come back."""
        return self._back.pending

    def close(self) -> None:
        """Deliver nothing more (the operations asked for still run: they are the
        user's changes, written before the program ends)."""
        self._back.closed = True

    def _ended(self, ticket: int, future: Future[Any]) -> None:
        """On the writer's thread: hand back what came of the operation."""
        handed = self._back.handed(ticket)
        if handed is None:
            return
        handed.error = future.exception()
        if handed.error is None:
            handed.result = future.result()
        del handed
        self._back.finished(ticket)
