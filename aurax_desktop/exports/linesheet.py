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
                tuple((person_of(j), look_of(j)) for j in looks),
            )
        )
    name = next((batch_name(j.params) for j in all_jobs if batch_name(j.params)), "")
    return LineSheet(
        clean(name) or "Line sheet", items=tuple(items), subtitle=clean(subtitle), logo=logo
    )


ITEM_HEIGHT = 102 * mm
"""A garment's block: its photo and details, then a row of its looks (two a page)."""


def write_linesheet(
    sheet: LineSheet, target: Path, *, paper: tuple[float, float] | None = None
) -> tuple[Path, list[str]]:
    """The line sheet as a PDF (two garments a page); notes on pictures left out."""
    if not sheet.items:
        raise ValueError("There are no garments in this batch to put in a line sheet.")
    width, height = paper or paper_for_locale()
    with atomic_file(target) as out, PrintShelf() as shelf:
        pdf = new_document(out, (width, height), sheet.title)
        ts = Typesetter(pdf)
        top = heading(ts, width, height, sheet)
        for item in sheet.items:
            if top - ITEM_HEIGHT < MARGIN:
                pdf.showPage()
                top = heading(ts, width, height, sheet)
            _item(ts, item, (top - 4 * mm, width), shelf)
            top -= ITEM_HEIGHT
        pdf.showPage()
        pdf.save()
    return target, shelf.notes


def _item(ts: Typesetter, item: LineItem, place: tuple[float, float], shelf: PrintShelf) -> None:
    """A garment's block at ``place`` (its top, the page's width)."""
    pdf = ts.pdf
    top, width = place
    photo_w, photo_h = 38 * mm, 50 * mm
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
            pdf.drawImage(str(picture.path), MARGIN, top - ph * scale, pw * scale, ph * scale)
    x = MARGIN + photo_w + 6 * mm
    room = width - MARGIN - x
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
        if value:
            ts.draw(x, y, f"{label}: {value}", 9)
            y -= 12
    if item.description:
        y -= 3
        for line in ts.wrap(item.description, room, 8.5, lines=6):
            ts.draw(x, y, line, 8.5)
            y -= 11
    _looks(ts, item, (top - photo_h - 6 * mm, width), shelf)


def _looks(ts: Typesetter, item: LineItem, place: tuple[float, float], shelf: PrintShelf) -> None:
    """The garment's looks in a row, each captioned with its person."""
    if not item.looks:
        return
    top, width = place
    gap = 4 * mm
    cell_w = (width - 2 * MARGIN - gap * (LOOKS_PER_ROW - 1)) / LOOKS_PER_ROW
    box_h = 36 * mm
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
        for line in ts.wrap(person, cell_w, 8, lines=1):
            ts.draw(x + (cell_w - w) / 2, top - box_h - 10, line, 8)
    more = len(item.looks) - LOOKS_PER_ROW
    if more > 0:
        looks = "look" if more == 1 else "looks"
        ts.draw(width - MARGIN, top - box_h - 22, f"and {more} more {looks}", 8, align="right")
