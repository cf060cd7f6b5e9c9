"""A document's writing shown on stderr once it has taken half a second: a live line on a
terminal ("Writing the lookbook: 40 % (page 5 of 12)"), else a line at every tenth.
Ctrl+C stops it; the document is written whole or not at all."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from aurax_desktop.cli.terminal import write_raw

DELAY_S = 0.5
"""Quicker documents show no progress."""


class DocumentProgress:
    """``told(done, total)`` for a writer's ``Progress``; ``end()`` once it is over."""

    def __init__(
        self,
        what: str,
        unit: str = "page",
        *,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        delay_s: float = DELAY_S,
    ) -> None:
        self.what, self.unit = what, unit
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.clock = clock
        self.started = clock()
        self.delay_s = delay_s
        self._tenth = -1
        self._drawn = False

    def told(self, done: int, total: int) -> None:
        if self.clock() - self.started < self.delay_s or total <= 0:
            return
        share = min(done, total) / total
        steps = total - 1  # the last step is the saving
        where = "saving" if done >= steps else f"{self.unit} {min(done + 1, steps)} of {steps}"
        text = f"Writing the {self.what}: {share:.0%} ({where})"
        if self.live:
            write_raw(self.stream, "\r\x1b[2K")
            self.stream.write(text)
            self.stream.flush()
            self._drawn = True
            return
        tenth = int(share * 10)
        if tenth > self._tenth:
            self._tenth = tenth
            print(text, file=self.stream, flush=True)

    def end(self) -> None:
        """The live line is finished (the next output starts on a line of its own)."""
        if self._drawn:
            write_raw(self.stream, "\r\x1b[2K")
            self.stream.flush()
            self._drawn = False
