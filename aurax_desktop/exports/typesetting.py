"""Setting the documents' text: names wrapped onto at most two lines in their cell (a
word never runs into the next; only past two lines is the rest cut with "…"), and
drawn in any script (``fonts``), right-to-left text in its visual order."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
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
    document (the PDF's and the contact sheet's, whatever measures their text)."""
    found: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if fits(candidate):
            current = candidate
            continue
        if current:
            found.append(current)
        current = word
        while not fits(current) and len(current) > 1:  # longer than the cell: broken
            cut = len(current) - 1
            while cut > 1 and not fits(current[:cut]):
                cut -= 1
            found.append(current[:cut])
            current = current[cut:]
    if current:
        found.append(current)
    if len(found) > lines:
        last = found[lines - 1]
        while last and not fits(last + ELLIPSIS):
            last = last[:-1].rstrip()
        found = [*found[: lines - 1], last + ELLIPSIS]
    return found
