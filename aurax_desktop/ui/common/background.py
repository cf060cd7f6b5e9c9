"""Work off the GUI thread, results back on it (the window never blocks on files or Pillow)."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from aurax_desktop.workers import background_pool

log = logging.getLogger(__name__)


class BackgroundWork(QObject):
    """``run(work, on_done, on_error)``: ``work`` runs on a worker; the callbacks run on
    the GUI thread (this object lives there, so the signal is queued to it).

    The work, its callbacks, its result and its error are held here, on the GUI side,
    from ``run`` until they are delivered: a worker never drops the last reference to
    them. (Closures often hold widgets; a widget's last reference dropped on a worker
    has its deletion deferred to the GUI thread, which can free it twice.)
    """

    _finished = Signal(int)

    def __init__(self, parent: QObject | None = None, workers: int = 2) -> None:
        super().__init__(parent)
        self._pool = background_pool(workers, "aurax-ui")
        self._closed = False
        self._lock = threading.Lock()
        self._tickets = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._finished.connect(self._deliver)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        if self._closed:
            return
        ticket = next(self._tickets)
        with self._lock:
            self._pending[ticket] = _Pending(work, on_done, on_error)
        self._pool.submit(self._call, ticket)

    def _call(self, ticket: int) -> None:
        """On the worker: run the work and keep what came of it with the ticket."""
        with self._lock:
            pending = self._pending.get(ticket)
        if pending is None:
            return
        try:
            pending.result = pending.work()
        except BaseException as exc:  # delivered to on_error on the GUI thread
            pending.error = exc
        del pending  # the GUI side's entry is now the only reference
        if not self._closed:
            self._finished.emit(ticket)

    @Slot(int)
    def _deliver(self, ticket: int) -> None:
        with self._lock:
            pending = self._pending.pop(ticket, None)
        if self._closed or pending is None:
            return
        if pending.error is not None:
            if pending.on_error is None:
                log.error("Background work failed", exc_info=pending.error)
            else:
                pending.on_error(pending.error)
        else:
            pending.on_done(pending.result)

    @property
    def pending(self) -> int:
        """How many pieces of work are asked for and not yet delivered."""
        with self._lock:
            return len(self._pending)

    def shutdown(self, *, finish: bool = False) -> None:
        """No more callbacks; work not started yet is dropped, unless ``finish`` (then
        it is done first, its callbacks left out)."""
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=not finish)
        with self._lock:
            self._pending.clear()  # dropped here, on the GUI thread


@dataclass
class _Pending:
    work: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    result: Any = None
    error: BaseException | None = None


def warm_up() -> None:
    """Load, on a worker, what the first job would otherwise load while it runs:
    Pillow's format plugins (imports hold locks the window may need)."""
    from PIL import Image  # noqa: PLC0415 - already imported; init() loads the plugins

    Image.init()
