"""The history's one serial writer: every change runs on one thread, in the order asked.

The job book hands each change (the work's and the user's alike) to ``HistoryWriter``
as an operation: a function run on the writer's thread, one after another, first
asked first run. Its result comes back as a ``Future``, so the window never waits
for it (its operations report back through a callback), while the job runner's
workers and the command line wait for theirs (``call``). A trash followed at once
by its undo therefore reaches the history in that order, whatever thread asked.

The thread runs at the program's normal priority: writes are short, and a writer
starved by a busy window would hold every mark and every job's next state back. It
lives only while there is something to run: once its queue is empty it ends, and the
next operation starts it again (so a writer never outlives its work, and a program
that forgets to close one leaves no thread behind).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

REVIVE_AFTER_S = 2.0
"""How often a caller waiting for its operation checks that a thread still serves."""


class WriterClosedError(RuntimeError):
    """The writer was closed: the operation was not run."""


class HistoryWriter:
    """Runs operations one at a time on its own thread, in the order they were given."""

    def __init__(self, name: str = "history-writer") -> None:
        self._name = name
        self._queue: deque[tuple[Callable[[], object], Future[object]]] = deque()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, operation: Callable[[], T]) -> Future[T]:
        """Run ``operation`` after every operation given before it; its future result.
        Called on the writer's own thread (an operation asking for another), it runs at
        once, so an operation never waits for itself."""
        future: Future[T] = Future()
        if self.on_writer_thread():
            _run(operation, future)
            return future
        with self._lock:
            if self._closed:
                raise WriterClosedError("the history's writer has been closed")
            self._queue.append((operation, future))  # type: ignore[arg-type]
            self._serve_soon()
        return future

    def call(self, operation: Callable[[], T]) -> T:
        """Run ``operation`` in its turn and wait for it: its result, or its exception."""
        future = self.submit(operation)
        while True:
            try:
                return future.result(timeout=REVIVE_AFTER_S)
            except TimeoutError:
                if future.done():
                    raise  # the operation's own
                with self._lock:
                    self._serve_soon()  # a writer's thread that died unseen is replaced

    def _serve_soon(self) -> None:
        """(Under the lock.) A thread serves the queue: the one serving, or a new one
        (also when the last one died before it could serve: a thread can die as it
        starts, when the interpreter cannot set it up)."""
        if self._queue and (self._thread is None or not self._thread.is_alive()):
            self._thread = threading.Thread(target=self._serve, name=self._name, daemon=True)
            self._thread.start()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every operation given so far has run; False on the timeout."""
        if self.on_writer_thread():
            return True
        try:
            self.submit(lambda: None).result(timeout)
        except WriterClosedError:
            return True
        except TimeoutError:
            return False
        return True

    def on_writer_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def close(self, timeout: float | None = None) -> None:
        """Run what was given, then take nothing more."""
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None and threading.current_thread() is not thread:
            thread.join(timeout)

    @property
    def closed(self) -> bool:
        return self._closed

    def _serve(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._thread = None
                    return
                operation, future = self._queue.popleft()
            _run(operation, future)


def _run(operation: Callable[[], T], future: Future[T]) -> None:
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = operation()
    except BaseException as exc:
        future.set_exception(exc)
    else:
        future.set_result(result)
