"""Work off the GUI thread, results back on it (the window never blocks on files or Pillow)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from aurax_desktop.ui.common.handing_back import Handed, HandingBack
from aurax_desktop.workers import background_pool

log = logging.getLogger(__name__)


class BackgroundWork(QObject):
    """``run(work, on_done, on_error)``: ``work`` runs on a worker; the callbacks run on
    the GUI thread, handed back as ``handing_back`` says (everything held on the GUI
    side until then)."""

    def __init__(self, parent: QObject | None = None, workers: int = 2) -> None:
        super().__init__(parent)
        self._pool = background_pool(workers, "aurax-ui")
        self._back = HandingBack("Background work failed", self)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        if self._back.closed:
            return
        ticket = self._back.hold(Handed(work, on_done, on_error))
        self._pool.submit(self._call, ticket)

    def _call(self, ticket: int) -> None:
        """On the worker: run the work and hand back what came of it."""
        handed = self._back.handed(ticket)
        if handed is None:
            return
        try:
            handed.result = handed.work()
        except BaseException as exc:  # handed to on_error on the GUI thread
            handed.error = exc
        del handed  # the GUI side's entry is now the only reference
        self._back.finished(ticket)

    @property
    def pending(self) -> int:
        """How many pieces of work are asked for and not yet delivered."""
        return self._back.pending

    def shutdown(self, *, finish: bool = False) -> None:
        """No more callbacks; work not started yet is dropped, unless ``finish`` (then
        it is done first, its callbacks left out)."""
        self._back.closed = True
        self._pool.shutdown(wait=True, cancel_futures=not finish)
        self._back.clear()  # dropped here, on the GUI thread


def warm_up() -> None:
    """Load, on a worker, what the first job would otherwise load while it runs:
    Pillow's format plugins (imports hold locks the window may need)."""
    from PIL import Image  # noqa: PLC0415 - already imported; init() loads the plugins

    Image.init()
