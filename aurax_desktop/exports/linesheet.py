"""A line sheet, the document wholesale buyers receive: a cover (the batch's name, the
date, the brand and whom to contact), then a batch's garments in the season's list's
order, two a page, each with its product photo, name, SKU, category, colour, sizes, its
wholesale and retail prices (with their currency, as the locale writes prices), its
description (the list's own first, then the one AuraX wrote for that photo), then its
looks (the batch's try-ons of it, favourites first, rejects left out). Every page but
the cover is numbered ("2 / 5"). It follows the same choice of looks as the lookbook:
all, favourites only, a least number of stars, or the chosen results; a garment with no
look left is left out then. A4 or Letter by locale unless chosen. Written whole or not
at all.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

from aurax_desktop.atomic import atomic_file
from aurax_desktop.exports.fonts import clean
from aurax_desktop.exports.lookbook import (
    MARGIN,
    Look,
    batch_people,
    category_of,
    date_text,
    heading,
    look_of,
    passes,
    person_of,
)
from aurax_desktop.exports.paper import Paper, locale_paper
from aurax_desktop.exports.print_pictures import PrintShelf, look_name, print_side
from aurax_desktop.exports.progress import Progress
from aurax_desktop.exports.typesetting import Typesetter, new_document
from aurax_desktop.formats import format_number, money_locale
from aurax_desktop.jobs import FAVOURITE, Job, JobKind, JobStatus
from aurax_desktop.jobs.garments import (
    COLOUR,
    CURRENCY,
    DESCRIPTION,
    PRICE,
    SIZES,
    SKU,
    WHOLESALE,
    garment_label,
)
from aurax_desktop.jobs.prices import format_price
from aurax_desktop.jobs.variants import cell_of, chosen_looks
from aurax_desktop.translation import _, ngettext, pgettext

LOOKS_PER_ROW = 4


@dataclass(frozen=True)
class LineItem:
    garment: str
    photo: Path | None
    """The garment's photo as it was sent (None: not kept)."""
    sku: str = ""
    category: str = ""
    colour: str = ""
    sizes: str = ""
    wholesale: str = ""
    """The wholesale price as shown ("€54.50"), or ""."""
    retail: str = ""
    """The retail price as shown, or ""."""
    description: str = ""
    """The season's list's own description."""
    described: str = ""
    """The description AuraX wrote from the garment's photo."""
    looks: tuple[tuple[str, Look], ...] = ()
    """(the person's name, the look), favourites first."""

    def details(self) -> list[str]:
        """Its lines of details, in the order a buyer reads them; the prices on one line
        ("Wholesale: €54.50 · Retail: €129.00"; a retail price alone is "Price")."""
        lines = []
        if self.sku:
            # Translators: a garment's details on a line sheet for wholesale buyers
            lines.append(_("SKU: {sku}").format(sku=self.sku))
        if self.category:
            # Translators: what the garment is ("Dress", "Trousers": the list's own word)
            lines.append(_("Category: {category}").format(category=self.category))
        if self.colour:
            lines.append(_("Colour: {colour}").format(colour=self.colour))
        if self.sizes:
            # Translators: the sizes a garment comes in ("XS-XL", "One size")
            lines.append(_("Sizes: {sizes}").format(sizes=self.sizes))
        prices = []
        if self.wholesale:
            # Translators: the price a shop pays (wholesale), on a line sheet
            prices.append(_("Wholesale: {price}").format(price=self.wholesale))
        if self.retail and self.wholesale:
            # Translators: the recommended retail price, beside the wholesale one
            prices.append(_("Retail: {price}").format(price=self.retail))
        elif self.retail:
            # Translators: a garment's price, when the list gives no wholesale price
            prices.append(_("Price: {price}").format(price=self.retail))
        if prices:
            lines.append(" · ".join(prices))
        return lines


@dataclass(frozen=True)
class LineSheet:
    title: str
    made: float = field(default_factory=time.time)
    items: tuple[LineItem, ...] = ()
    subtitle: str = ""
    logo: Path | None = None
    brand: str = ""
    """The brand or studio named on the cover."""
    contact: str = ""
    """Whom buyers write to (a name, an address, a telephone), on the cover."""

    @property
    def pages(self) -> tuple[LineItem, ...]:
        return self.items


def from_jobs(
    jobs: Iterable[Job],
    descriptions: Iterable[Job] = (),
    *,
    favourites_only: bool = False,
    min_stars: int = 0,
    chosen: frozenset[str] | None = None,
    subtitle: str = "",
    logo: Path | None = None,
    brand: str = "",
    contact: str = "",
    locale: Locale | None = None,
) -> LineSheet:
    """The line sheet of a batch: a garment per column of the grid, in the list's order.
    ``descriptions``: description jobs whose photo may be one of the garments' (the
    newest is used). The looks are those that pass (as in ``lookbook.from_jobs``); with
    any of ``favourites_only``, ``min_stars`` or ``chosen``, a garment none of whose
    looks pass is left out. Prices are shown as ``locale`` writes them (when None, as
    the language spoken writes them, which the document is written in; in the currency
    of the system's country only when the system named one)."""
    shown_in = locale or money_locale()
    all_jobs = [j for j in jobs if j.kind is JobKind.TRY_ON]
    described: dict[str, str] = {}
    for job in sorted(descriptions, key=lambda j: j.created_at):
        if job.status is JobStatus.COMPLETED and job.shown_description and job.source_name:
            described[job.source_name] = job.shown_description
    columns: dict[int, list[Job]] = {}
    for job in sorted(all_jobs, key=lambda j: j.created_at):
        columns.setdefault(cell_of(job)[1], []).append(job)
    picked = {j.id for j in chosen_looks(all_jobs)}
    names = batch_people(all_jobs)
    filtered = favourites_only or min_stars > 0 or chosen is not None
    items = []
    for column in sorted(columns):
        first = columns[column][0]
        looks = [
            j
            for j in columns[column]
            if j.id in picked
            and passes(j, favourites_only=favourites_only, min_stars=min_stars, chosen=chosen)
        ]
        if filtered and not looks:
            continue
        looks.sort(key=lambda j: (j.mark != FAVOURITE, cell_of(j)[0]))
        items.append(_item(first, looks, described, names, shown_in))
    name = next((j.batch_name for j in all_jobs if j.batch_name), "")
    return LineSheet(
        # Translators: the title of a line sheet whose batch has no name
        clean(name) or _("Line sheet"),
        items=tuple(items),
        subtitle=clean(subtitle),
        logo=logo,
        brand=clean(brand),
        contact=clean(contact),
    )


def _item(
    first: Job,
    looks: list[Job],
    described: dict[str, str],
    names: dict[str, str],
    locale: Locale,
) -> LineItem:
    """A garment's entry, from the first of its try-ons (they share its details)."""
    params = first.params

    def detail(key: str) -> str:
        return clean(str(params.get(key) or ""))

    def price(key: str) -> str:
        written = detail(key)
        return clean(format_price(written, detail(CURRENCY), locale)) if written else ""

    return LineItem(
        clean(garment_label(params)),
        first.folder / "garment.jpg",
        sku=detail(SKU),
        category=category_of(first),
        colour=detail(COLOUR),
        sizes=detail(SIZES),
        wholesale=price(WHOLESALE),
        retail=price(PRICE),
        description=detail(DESCRIPTION),
        described=clean(described.get(str(params.get("garment_name") or ""), "")),
        looks=tuple((person_of(j, names), look_of(j)) for j in looks),
    )


ITEMS_PER_PAGE = 2
"""Garments a page: each block its photo and details, then a row of its looks."""
PHOTO_BOX = (48 * mm, 56 * mm)
"""The garment photo's room (width, height): drawn as large as fits, top left."""
CAPTION_SIZE, CAPTION_LINES = 8.0, 2
"""A look's caption: the person's name, wrapped onto two lines at most."""
DESCRIPTION_LINES = 6
"""A garment's descriptions together: the list's first, AuraX's in what is left."""


def page_count(sheet: LineSheet) -> int:
    """The cover and the garments' pages."""
    return 1 + -(-len(sheet.items) // ITEMS_PER_PAGE)


def write_linesheet(
    sheet: LineSheet,
    target: Path,
    *,
    paper: Paper | None = None,
    progress: Progress | None = None,
    claim: bool = False,
) -> tuple[Path, list[str]]:
    """The line sheet as a PDF on ``paper`` (the locale's when None): the cover, then two
    garments a page, each filling half of what the heading leaves; notes on pictures
    left out. ``progress`` is told of each page, and may stop the writing."""
    if not sheet.items:
        raise ValueError(_("There are no garments in this batch to put in a line sheet."))
    width, height = (paper or locale_paper()).size
    progress = progress or Progress()
    pages = page_count(sheet)
    total = pages + 1  # and the saving
    progress.step(0, total)
    with atomic_file(target, claim=claim) as out, PrintShelf() as shelf:
        pdf = new_document(out, (width, height), sheet.title)
        ts = Typesetter(pdf)
        _cover(ts, sheet, (width, height))
        pdf.showPage()
        progress.step(1, total)
        for number, first in enumerate(range(0, len(sheet.items), ITEMS_PER_PAGE), start=2):
            top = heading(ts, width, height, sheet) - 4 * mm
            block = (top - MARGIN) / ITEMS_PER_PAGE
            for item in sheet.items[first : first + ITEMS_PER_PAGE]:
                _item_block(ts, item, _Block(top, block, width), shelf)
                top -= block
            ts.pdf.setFillGray(0.35)
            # Translators: a line sheet's page number: page 2 of 5 is "2 / 5"
            folio = _("{page} / {pages}").format(
                page=format_number(number), pages=format_number(pages)
            )
            ts.draw(width / 2, MARGIN / 2, folio, 8, align="centre")
            ts.pdf.setFillGray(0)
            pdf.showPage()
            progress.step(number, total)
        pdf.save()
    progress.told(total, total)
    return target, shelf.notes


def _cover(ts: Typesetter, sheet: LineSheet, paper: tuple[float, float]) -> None:
    """The first page: the logo, the brand, the batch's name, the date, what is inside,
    and whom to contact."""
    width, height = paper
    room = width - 2 * MARGIN
    y = height * 0.62
    if sheet.logo is not None:
        try:
            logo = ImageReader(str(sheet.logo))
            lw, lh = logo.getSize()
            scale = min(70 * mm / lw, 35 * mm / lh)
            ts.pdf.drawImage(logo, MARGIN, y + 16 * mm, lw * scale, lh * scale, mask="auto")
        except OSError:
            pass  # a logo that cannot be read is left out, as on the other pages
    if sheet.brand:
        for line in ts.wrap(sheet.brand, room, 14, bold=True, lines=1):
            ts.draw(MARGIN, y, line, 14, bold=True, room=room)
        y -= 14 * mm
    for line in ts.wrap(sheet.title, room, 28, bold=True, lines=2):
        ts.draw(MARGIN, y, line, 28, bold=True, room=room)
        y -= 34
    if sheet.subtitle:
        for line in ts.wrap(sheet.subtitle, room, 13, lines=2):
            ts.draw(MARGIN, y, line, 13, room=room)
            y -= 17
    y -= 4 * mm
    count = len(sheet.items)
    # Translators: on a line sheet's cover, what is inside
    inside = ngettext(
        "Line sheet · {count} garment", "Line sheet · {count} garments", count
    ).format(count=format_number(count))
    ts.pdf.setFillGray(0.35)
    ts.draw(MARGIN, y, inside, 11, room=room)
    ts.draw(MARGIN, y - 16, date_text(sheet.made), 11, room=room)
    ts.pdf.setFillGray(0)
    if sheet.contact:
        bottom = MARGIN + 14
        # Translators: above whom buyers write to, on a line sheet's cover
        contact = pgettext("line sheet", "Contact")
        ts.draw(MARGIN, bottom + 14, contact, 9, bold=True, room=room)
        for line in ts.wrap(sheet.contact, room, 10, lines=1):
            ts.draw(MARGIN, bottom, line, 10, room=room)


@dataclass(frozen=True)
class _Block:
    """A garment's room on the page: its top, its height, and the page's width."""

    top: float
    height: float
    width: float


def _item_block(ts: Typesetter, item: LineItem, block: _Block, shelf: PrintShelf) -> None:
    """A garment's block: its photo and details side by side, its looks below whichever
    of the two ends lower."""
    pdf = ts.pdf
    top = block.top
    photo_w, photo_h = PHOTO_BOX
    photo_bottom = top
    if item.photo is not None:
        picture = shelf.take(
            item.photo,
            # Translators: a garment's own photo, named in a note when it is left out
            _("The photo of {garment}").format(garment=item.garment),
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
        ts.draw(x, y, line, 12, bold=True, room=room)
        y -= 15
    for detail in item.details():
        for line in ts.wrap(detail, room, 9, lines=1):
            ts.draw(x, y, line, 9, room=room)
            y -= 12
    y = _descriptions(ts, item, x, y, room)
    text_bottom = y + 12 - 4  # the last line's descenders
    looks_top = min(photo_bottom, text_bottom) - 6 * mm
    _looks(ts, item, _Block(looks_top, looks_top - (block.top - block.height), block.width), shelf)


def _descriptions(ts: Typesetter, item: LineItem, x: float, y: float, room: float) -> float:
    """The list's description, then AuraX's in the lines left; where the text ends."""
    left = DESCRIPTION_LINES
    for text in (item.description, item.described):
        if not text or left <= 0:
            continue
        y -= 3
        lines = ts.wrap(text, room, 8.5, lines=left)
        for line in lines:
            ts.draw(x, y, line, 8.5, room=room)
            y -= 11
        left -= len(lines)
    return y


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
            look.picture, look_name(person, item.garment), side=print_side(max(cell_w, box_h))
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
        # Translators: under a row of a garment's looks, those that did not fit in it
        rest = ngettext("and {count} more look", "and {count} more looks", more).format(
            count=format_number(more)
        )
        y = top - box_h - CAPTION_LINES * line_h - line_h
        ts.draw(width - MARGIN, y, rest, CAPTION_SIZE, align="right")
