"""How the writing of a document goes, told as it goes (to a progress dialog, to a line on
the terminal), and the flag that stops it. The writers have no Qt: after each page (or
picture) they call ``step``, which ends the writing with ``ExportStopped`` once a stop
is asked for; a document is written whole or not at all, so a stopped one leaves no
file behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from aurax_desktop.translation import _


class ExportStopped(Exception):  # noqa: N818 - what happened, said as it is
    """The user stopped the export before it was written: no file was made."""

    def __init__(self) -> None:
        super().__init__(_("The export was stopped: no file was written."))


def _untold(_done: int, _total: int) -> None:
    """Progress nobody waits for."""


@dataclass(frozen=True)
class Progress:
    told: Callable[[int, int], None] = _untold
    """Called with the steps done and the steps in all, from the writing thread."""
    stop: threading.Event = field(default_factory=threading.Event)
    """Set (from any thread) to stop the writing at its next step."""

    def step(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps are made; ``ExportStopped`` if a stop was asked."""
        if self.stop.is_set():
            raise ExportStopped
        self.told(done, total)
