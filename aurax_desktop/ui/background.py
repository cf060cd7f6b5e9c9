"""Work off the GUI thread, results back on it (the window never blocks on files or Pillow)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from aurax_desktop.workers import background_pool

log = logging.getLogger(__name__)


class BackgroundWork(QObject):
    """``run(work, on_done, on_error)``: ``work`` runs on a worker; the callbacks run on
    the GUI thread (this object lives there, so the signal is queued to it)."""

    _finished = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None, workers: int = 2) -> None:
        super().__init__(parent)
        self._pool = background_pool(workers, "aurax-ui")
        self._closed = False
        self._finished.connect(self._deliver)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        if self._closed:
            return
        future = self._pool.submit(work)
        future.add_done_callback(lambda f: self._emit(f, on_done, on_error))

    def _emit(
        self,
        future: Future[Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        if self._closed or future.cancelled():
            return
        error = future.exception()
        if error is not None:
            self._finished.emit(on_error, None, error)
        else:
            self._finished.emit(on_done, future.result(), None)

    @Slot(object, object, object)
    def _deliver(
        self, callback: Callable[[Any], None] | None, result: Any, error: BaseException | None
    ) -> None:
        if self._closed:
            return
        if error is not None:
            if callback is None:
                log.error("Background work failed", exc_info=error)
            else:
                callback(error)
        elif callback is not None:
            callback(result)

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


def warm_up() -> None:
    """Load, on a worker, what the first job would otherwise load while it runs:
    Pillow's format plugins (imports hold locks the window may need)."""
    from PIL import Image  # noqa: PLC0415 - already imported; init() loads the plugins

    Image.init()
