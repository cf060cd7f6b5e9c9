"""A document's writing shown on stderr once it has taken half a second: a live line on a
terminal ("Writing the lookbook: 40% (page 5 of 12)"), else a line at every tenth.
Ctrl+C stops it; the document is written whole or not at all."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from aurax_desktop.cli.terminal import write_raw
from aurax_desktop.formats import format_number, format_percent
from aurax_desktop.translation import LazyText, lazy_gettext

DELAY_S = 0.5
"""Quicker documents show no progress."""


@dataclass(frozen=True)
class DocumentWords:
    """What is said of a document as it is written, and when it is stopped."""

    step: LazyText
    """At each step: {percent} done, {step} of {steps} (pages, or looks)."""
    saving: LazyText
    """At the last step, the saving: {percent} done."""
    stopped: LazyText
    """Ctrl+C stopped it."""


DOCUMENTS = {
    "lookbook": DocumentWords(
        lazy_gettext("Writing the lookbook: {percent} (page {step} of {steps})"),
        lazy_gettext("Writing the lookbook: {percent} (saving)"),
        lazy_gettext("stopped: the lookbook was not written."),
    ),
    "contact sheet": DocumentWords(
        lazy_gettext("Writing the contact sheet: {percent} (look {step} of {steps})"),
        lazy_gettext("Writing the contact sheet: {percent} (saving)"),
        lazy_gettext("stopped: the contact sheet was not written."),
    ),
    "line sheet": DocumentWords(
        lazy_gettext("Writing the line sheet: {percent} (page {step} of {steps})"),
        lazy_gettext("Writing the line sheet: {percent} (saving)"),
        lazy_gettext("stopped: the line sheet was not written."),
    ),
}
"""The documents the command writes, by name, and their words."""


class DocumentProgress:
    """``told(done, total)`` for a writer's ``Progress``; ``end()`` once it is over.
    ``what`` is one of ``DOCUMENTS``."""

    def __init__(
        self,
        what: str,
        *,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        delay_s: float = DELAY_S,
    ) -> None:
        self.words = DOCUMENTS[what]
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
        percent = format_percent(share)
        if done >= steps:
            text = self.words.saving.format(percent=percent)
        else:
            text = self.words.step.format(
                percent=percent,
                step=format_number(min(done + 1, steps)),
                steps=format_number(steps),
            )
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
