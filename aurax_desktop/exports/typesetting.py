"""Setting the documents' text: names wrapped onto at most two lines in their cell (a
word never runs into the next; only past two lines is the rest cut with "…"), and
drawn in any script (``fonts``), right-to-left text in its visual order."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from itertools import islice
from typing import BinaryIO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from aurax_desktop.exports.fonts import FontBook, visual

ELLIPSIS = "…"

# Binary streams: reportlab's default (ASCII85) makes a document a quarter larger and,
# without reportlab's optional C accelerator, is written out byte by byte in Python.
rl_config.useA85 = 0


def new_document(out: BinaryIO, paper: tuple[float, float], title: str) -> Canvas:
    """A PDF canvas writing into ``out``, titled, its pages compressed."""
    pdf = Canvas(out, pagesize=paper, pageCompression=1)
    pdf.setTitle(title)
    pdf.setAuthor("AuraX Desktop")
    return pdf


class Typesetter:
    """Text on a PDF canvas, with the fonts its scripts need."""

    def __init__(self, pdf: Canvas, fonts: FontBook | None = None) -> None:
        self.pdf = pdf
        self.fonts = fonts or FontBook()

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        return self.fonts.width(visual(text), size, bold=bold)

    def wrap(
        self, text: str, width: float, size: float, *, bold: bool = False, lines: int = 2
    ) -> list[str]:
        """``text`` (in logical order) in lines that each fit ``width``; at most
        ``lines``, the last cut with "…" when there is more."""

        return wrap_words(text, lambda line: self.width(line, size, bold=bold) <= width, lines)

    def draw(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: str = "left",
        room: float | None = None,
    ) -> float:
        """Draw one line of ``text`` (logical order) at baseline ``y``; ``x`` is its left
        edge, right edge or centre as ``align`` says. Given the ``room`` the line has from
        ``x``, a left-aligned line that reads right to left (Arabic, Hebrew) is set flush
        with the room's right end, where its reader starts. Its width."""
        if room is not None and align == "left" and reads_right_to_left(text):
            x, align = x + room, "right"
        shown = visual(text)
        width = self.fonts.width(shown, size, bold=bold)
        left = {"left": x, "right": x - width, "centre": x - width / 2}[align]
        for run in self.fonts.runs(shown, bold=bold):
            self.pdf.setFont(run.font, size)
            self.pdf.drawString(left, y, run.text)
            left += self.pdf.stringWidth(run.text, run.font, size)
        return width


def reads_right_to_left(text: str) -> bool:
    """Whether ``text`` starts, as the Unicode bidirectional algorithm reads it, right to
    left: its first letter of a strong direction is Arabic or Hebrew."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def wrap_words(text: str, fits: Callable[[str], bool], lines: int) -> list[str]:
    """``text`` in lines that each ``fits``; a word longer than a line is broken; at
    most ``lines``, the last cut with "…" when there is more. The one wrapping of every
    document (the PDF's and the contact sheet's, whatever measures their text).

    Its time grows with the text, not its square: lines are made only until one more
    than ``lines`` is known to be there (a name of 10,000 characters is not wrapped
    whole to show two lines of it), and a long word's cut is found by doubling and
    halving the piece measured, not by taking off a character at a time."""
    found = list(islice(_lines(text, fits), lines + 1))
    if len(found) > lines:
        last = found[lines - 1]
        while last and not fits(last + ELLIPSIS):
            last = last[:-1].rstrip()
        found = [*found[: lines - 1], last + ELLIPSIS]
    return found


def _lines(text: str, fits: Callable[[str], bool]) -> Iterator[str]:
    """``text``'s lines, one at a time, as they are made."""
    current = ""
    for match in _WORD.finditer(text):
        word = match.group()
        candidate = f"{current} {word}" if current else word
        if _fits_whole(candidate, fits):
            current = candidate
            continue
        if current:
            yield current
        current = word
        while len(current) > 1:  # longer than a line: broken where the line is full
            cut = _longest_start(current, fits)
            if cut == len(current):
                break  # the rest fits: it starts the next line
            yield current[:cut]
            current = current[cut:]
    if current:
        yield current


_WORD = re.compile(r"\S+")
LONGEST_LINE = 1000
"""More characters than any line of a document holds: a longer text is measured only as
far as a line could reach."""


def _fits_whole(text: str, fits: Callable[[str], bool]) -> bool:
    if len(text) <= LONGEST_LINE:
        return fits(text)
    return _longest_start(text, fits) == len(text)


def _longest_start(text: str, fits: Callable[[str], bool]) -> int:
    """How many of ``text``'s first characters fit (all of them when it fits whole; at
    least one, so that a line always takes something). The pieces measured double in
    length until one does not fit, then halve the gap: the text beyond twice a line's
    reach is never measured."""
    good, probe = 0, 1
    while probe < len(text) and fits(text[:probe]):
        good, probe = probe, probe * 2
    if probe >= len(text):
        if fits(text):
            return len(text)
        probe = len(text)
    bad = probe  # the shortest start known not to fit
    while bad - good > 1:
        middle = (good + bad) // 2
        if fits(text[:middle]):
            good = middle
        else:
            bad = middle
    return max(good, 1)
