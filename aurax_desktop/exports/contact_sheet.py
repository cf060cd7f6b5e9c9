"""A lookbook as one picture (PNG or JPEG, at least 1000 pixels wide): a row of looks per
person, each captioned as in the PDF (the garment's name wrapped onto two lines at most,
then its SKU and type), in any script the system has fonts for."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from aurax_desktop.atomic import write_atomically
from aurax_desktop.exports.fonts import FontBook, visual
from aurax_desktop.exports.lookbook import Look, Lookbook, date_text
from aurax_desktop.exports.print_pictures import LeftOut, left_out_note, look_name, print_image
from aurax_desktop.exports.progress import Progress
from aurax_desktop.exports.typesetting import reads_right_to_left, wrap_words
from aurax_desktop.translation import _

WIDTH = 1600
MARGIN, GAP = 40, 16
CELL = 300
"""Each look's box (pixels): as many per row as fit in ``WIDTH``."""
CAPTION_PX, DETAIL_PX = 17, 15
_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}
DARK, GREY = (20, 20, 28), (90, 90, 100)


class _Writer:
    """Text drawn with the fonts the PDF uses, run by run (Pillow sizes in pixels)."""

    def __init__(self, draw: ImageDraw.ImageDraw) -> None:
        self.fonts = FontBook()
        self.draw = draw
        self._loaded: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}

    def _font(self, name: str, size: int) -> ImageFont.FreeTypeFont:
        key = (name, size)
        if key not in self._loaded:
            path, index = self.fonts.file_of(name)
            # The text comes in the order it is drawn (``visual``: right-to-left runs
            # reversed, Arabic joined): Pillow must not lay it out again, as its complex
            # layout (where libraqm is installed) would reverse it back.
            self._loaded[key] = ImageFont.truetype(
                path, size, index=index, layout_engine=ImageFont.Layout.BASIC
            )
        return self._loaded[key]

    def width(self, text: str, size: int, *, bold: bool = False) -> float:
        return sum(
            self._font(run.font, size).getlength(run.text)
            for run in self.fonts.runs(visual(text), bold=bold)
        )

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: int,
        colour: tuple[int, int, int],
        *,
        bold: bool = False,
        right: bool = False,
        centre: bool = False,
    ) -> None:
        """One line; ``x`` is its left edge, or its right edge, or its centre."""
        width = self.width(text, size, bold=bold)
        left = x - width if right else x - width / 2 if centre else x
        for run in self.fonts.runs(visual(text), bold=bold):
            font = self._font(run.font, size)
            self.draw.text((left, y), run.text, font=font, fill=colour)
            left += font.getlength(run.text)

    def line(
        self,
        x: float,
        y: float,
        text: str,
        size: int,
        colour: tuple[int, int, int],
        *,
        bold: bool = False,
    ) -> None:
        """A line from the sheet's margin ``x``: from the left, or, when it reads right to
        left (Arabic, Hebrew), flush with the right margin, where its reader starts."""
        if reads_right_to_left(text):
            self.text(WIDTH - x, y, text, size, colour, bold=bold, right=True)
        else:
            self.text(x, y, text, size, colour, bold=bold)

    def wrap(self, text: str, width: int, size: int, *, bold: bool, lines: int) -> list[str]:
        return wrap_words(text, lambda line: self.width(line, size, bold=bold) <= width, lines)


def write_contact_sheet(
    book: Lookbook,
    target: Path,
    *,
    progress: Progress | None = None,
    claim: bool = False,
) -> tuple[Path, list[str]]:
    """The contact sheet, written whole or not at all; the notes about looks left out.
    ``progress`` is told of each look, and may stop the writing; ``claim``: the name is
    taken only if no file has it (two exports at once never replace each other)."""
    kind = _FORMATS.get(target.suffix.lower())
    if kind is None:
        raise ValueError(
            _("“{name}”: a contact sheet is a .png or .jpg picture.").format(name=target.name)
        )
    if not book.pages:
        raise ValueError(_("There are no finished try-ons to put on a contact sheet."))
    per_row = max(1, (WIDTH - 2 * MARGIN + GAP) // (CELL + GAP))
    cell_w = (WIDTH - 2 * MARGIN - GAP * (per_row - 1)) // per_row  # the row fills the width
    caption = 2 * (CAPTION_PX + 4) + DETAIL_PX + 12
    lines = sum(-(-len(page.looks) // per_row) for page in book.pages)
    height = MARGIN + 70 + 40 * len(book.pages) + lines * (CELL + caption + GAP) + MARGIN
    sheet = Image.new("RGB", (WIDTH, height), (250, 250, 250))
    writer = _Writer(ImageDraw.Draw(sheet))
    # a title read right to left starts at the right, and the date goes to the left
    mirrored = reads_right_to_left(book.title)
    writer.line(MARGIN, MARGIN, book.title, 34, DARK, bold=True)
    writer.text(
        MARGIN if mirrored else WIDTH - MARGIN,
        MARGIN + 8,
        date_text(book.made),
        16,
        GREY,
        right=not mirrored,
    )
    if book.subtitle:
        writer.line(MARGIN, MARGIN + 42, book.subtitle, 18, GREY)
    notes: list[str] = []
    progress = progress or Progress()
    total, done = book.looks + 1, 0  # and the saving
    progress.step(done, total)
    y = MARGIN + 70
    for page in book.pages:
        writer.line(MARGIN, y, page.person, 22, DARK, bold=True)
        y += 40
        for start in range(0, len(page.looks), per_row):
            for column, look in enumerate(page.looks[start : start + per_row]):
                x = MARGIN + column * (cell_w + GAP)
                progress.step(done, total)
                done += 1
                try:
                    fitted = print_image(look.picture, CELL)
                except LeftOut as left:
                    what = look_name(page.person, look.garment)
                    notes.append(left_out_note(what, left.note))
                    continue
                sheet.paste(fitted, (x + (cell_w - fitted.width) // 2, y + (CELL - fitted.height)))
                _caption(writer, x + cell_w // 2, y + CELL + 6, cell_w, look)
            y += CELL + caption + GAP
    progress.step(done, total)
    out = io.BytesIO()
    sheet.save(out, kind, **({"quality": 90} if kind == "JPEG" else {"optimize": True}))
    written = write_atomically(target, out.getvalue(), claim=claim)
    progress.told(total, total)
    return written, notes


def _caption(writer: _Writer, centre: int, y: int, width: int, look: Look) -> None:
    """A look's caption centred under its picture, as in the line sheet."""
    for line in writer.wrap(look.garment, width, CAPTION_PX, bold=True, lines=2):
        writer.text(centre, y, line, CAPTION_PX, DARK, bold=True, centre=True)
        y += CAPTION_PX + 4
    details = " · ".join(part for part in (look.sku, look.category) if part)
    for line in writer.wrap(details, width, DETAIL_PX, bold=False, lines=1):
        writer.text(centre, y, line, DETAIL_PX, GREY, centre=True)
