"""A line sheet, the document wholesale buyers receive: a batch's garments, each with its
product photo, name, SKU, colour and price (as written in the season's list), its
description when one was made for that photo, then its looks (the batch's try-ons of
it, favourites first, rejects left out). A heading with the batch's name and the date;
A4 or Letter by locale. Written whole or not at all."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm

from aurax_desktop.atomic import atomic_file
from aurax_desktop.exports.fonts import clean
from aurax_desktop.exports.lookbook import (
    MARGIN,
    Look,
    batch_people,
    heading,
    look_of,
    paper_for_locale,
    passes,
    person_of,
    type_label,
)
from aurax_desktop.exports.print_pictures import PrintShelf, print_side
from aurax_desktop.exports.typesetting import Typesetter, new_document
from aurax_desktop.jobs import FAVOURITE, Job, JobKind, JobStatus
from aurax_desktop.jobs.garments import COLOUR, PRICE, SKU, garment_label
from aurax_desktop.jobs.params import batch_name
from aurax_desktop.jobs.variants import cell_of, chosen_looks

LOOKS_PER_ROW = 4


@dataclass(frozen=True)
class LineItem:
    garment: str
    photo: Path | None
    """The garment's photo as it was sent (None: not kept)."""
    sku: str = ""
    colour: str = ""
    price: str = ""
    product_type: str = ""
    description: str = ""
    looks: tuple[tuple[str, Look], ...] = ()
    """(the person's name, the look), favourites first."""


@dataclass(frozen=True)
class LineSheet:
    title: str
    made: float = field(default_factory=time.time)
    items: tuple[LineItem, ...] = ()
    subtitle: str = ""
    logo: Path | None = None

    @property
    def pages(self) -> tuple[LineItem, ...]:
        return self.items


def from_jobs(
    jobs: Iterable[Job],
    descriptions: Iterable[Job] = (),
    *,
    subtitle: str = "",
    logo: Path | None = None,
) -> LineSheet:
    """The line sheet of a batch: a garment per column of the grid. ``descriptions``:
    description jobs whose photo may be one of the garments' (the newest is used)."""
    all_jobs = [j for j in jobs if j.kind is JobKind.TRY_ON]
    described: dict[str, str] = {}
    for job in sorted(descriptions, key=lambda j: j.created_at):
        if job.status is JobStatus.COMPLETED and job.description and job.source_name:
            described[job.source_name] = job.description
    columns: dict[int, list[Job]] = {}
    for job in sorted(all_jobs, key=lambda j: j.created_at):
        columns.setdefault(cell_of(job)[1], []).append(job)
    chosen = {j.id for j in chosen_looks(all_jobs)}
    names = batch_people(all_jobs)
    items = []
    for column in sorted(columns):
        first = columns[column][0]
        looks = [j for j in columns[column] if j.id in chosen and passes(j)]
        looks.sort(key=lambda j: (j.mark != FAVOURITE, cell_of(j)[0]))
        photo = first.folder / "garment.jpg"
        file_name = str(first.params.get("garment_name") or "")
        items.append(
            LineItem(
                clean(garment_label(first.params)),
                photo,
                clean(str(first.params.get(SKU) or "")),
                clean(str(first.params.get(COLOUR) or "")),
                clean(str(first.params.get(PRICE) or "")),
                type_label(first.product_type),
                clean(described.get(file_name, "")),
                tuple((person_of(j, names), look_of(j)) for j in looks),
            )
        )
    name = next((batch_name(j.params) for j in all_jobs if batch_name(j.params)), "")
    return LineSheet(
        clean(name) or "Line sheet", items=tuple(items), subtitle=clean(subtitle), logo=logo
    )


ITEMS_PER_PAGE = 2
"""Garments a page: each block its photo and details, then a row of its looks."""
PHOTO_BOX = (48 * mm, 56 * mm)
"""The garment photo's room (width, height): drawn as large as fits, top left."""
CAPTION_SIZE, CAPTION_LINES = 8.0, 2
"""A look's caption: the person's name, wrapped onto two lines at most."""


def write_linesheet(
    sheet: LineSheet,
    target: Path,
    *,
    paper: tuple[float, float] | None = None,
    claim: bool = False,
) -> tuple[Path, list[str]]:
    """The line sheet as a PDF (two garments a page, each filling half of what the
    heading leaves); notes on pictures left out."""
    if not sheet.items:
        raise ValueError("There are no garments in this batch to put in a line sheet.")
    width, height = paper or paper_for_locale()
    with atomic_file(target, claim=claim) as out, PrintShelf() as shelf:
        pdf = new_document(out, (width, height), sheet.title)
        ts = Typesetter(pdf)
        for first in range(0, len(sheet.items), ITEMS_PER_PAGE):
            if first:
                pdf.showPage()
            top = heading(ts, width, height, sheet) - 4 * mm
            block = (top - MARGIN) / ITEMS_PER_PAGE
            for item in sheet.items[first : first + ITEMS_PER_PAGE]:
                _item(ts, item, _Block(top, block, width), shelf)
                top -= block
        pdf.showPage()
        pdf.save()
    return target, shelf.notes


@dataclass(frozen=True)
class _Block:
    """A garment's room on the page: its top, its height, and the page's width."""

    top: float
    height: float
    width: float


def _item(ts: Typesetter, item: LineItem, block: _Block, shelf: PrintShelf) -> None:
    """A garment's block: its photo and details side by side, its looks below whichever
    of the two ends lower."""
    pdf = ts.pdf
    top = block.top
    photo_w, photo_h = PHOTO_BOX
    photo_bottom = top
    if item.photo is not None:
        picture = shelf.take(
            item.photo,
            f"The photo of {item.garment}",
            side=print_side(max(photo_w, photo_h)),
            preview=False,
        )
        if picture is not None:
            pw, ph = picture.size
            scale = min(photo_w / pw, photo_h / ph)
            photo_bottom = top - ph * scale
            pdf.drawImage(str(picture.path), MARGIN, photo_bottom, pw * scale, ph * scale)
    x = MARGIN + photo_w + 6 * mm
    room = block.width - MARGIN - x
    y = top - 12
    for line in ts.wrap(item.garment, room, 12, bold=True, lines=2):
        ts.draw(x, y, line, 12, bold=True)
        y -= 15
    for label, value in (
        ("SKU", item.sku),
        ("Colour", item.colour),
        ("Price", item.price),
        ("Type", item.product_type),
    ):
        for line in ts.wrap(f"{label}: {value}" if value else "", room, 9, lines=1):
            ts.draw(x, y, line, 9)
            y -= 12
    if item.description:
        y -= 3
        for line in ts.wrap(item.description, room, 8.5, lines=6):
            ts.draw(x, y, line, 8.5)
            y -= 11
    text_bottom = y + 12 - 4  # the last line's descenders
    looks_top = min(photo_bottom, text_bottom) - 6 * mm
    _looks(ts, item, _Block(looks_top, looks_top - (block.top - block.height), block.width), shelf)


def _looks(ts: Typesetter, item: LineItem, block: _Block, shelf: PrintShelf) -> None:
    """The garment's looks in a row, as tall as the block leaves, each captioned with
    its person's name (centred, on two lines at most)."""
    if not item.looks:
        return
    top, width = block.top, block.width
    gap = 4 * mm
    cell_w = (width - 2 * MARGIN - gap * (LOOKS_PER_ROW - 1)) / LOOKS_PER_ROW
    line_h = CAPTION_SIZE + 2
    more = len(item.looks) - LOOKS_PER_ROW
    below = CAPTION_LINES * line_h + 4 + (line_h if more > 0 else 0) + 4 * mm
    box_h = max(20 * mm, block.height - below)
    for index, (person, look) in enumerate(item.looks[:LOOKS_PER_ROW]):
        x = MARGIN + index * (cell_w + gap)
        picture = shelf.take(
            look.picture, f"{person} with {item.garment}", side=print_side(max(cell_w, box_h))
        )
        if picture is None:
            continue
        pw, ph = picture.size
        scale = min(cell_w / pw, box_h / ph)
        w, h = pw * scale, ph * scale
        ts.pdf.drawImage(str(picture.path), x + (cell_w - w) / 2, top - h, w, h)
        y = top - h - CAPTION_SIZE - 3
        for line in ts.wrap(person, cell_w, CAPTION_SIZE, lines=CAPTION_LINES):
            ts.draw(x + cell_w / 2, y, line, CAPTION_SIZE, align="centre")
            y -= line_h
    if more > 0:
        looks = "look" if more == 1 else "looks"
        y = top - box_h - CAPTION_LINES * line_h - line_h
        ts.draw(width - MARGIN, y, f"and {more} more {looks}", CAPTION_SIZE, align="right")
