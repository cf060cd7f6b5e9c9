"""A batch's results as a lookbook a client can receive: one page per person, their looks
in a grid of equal cells, each captioned with the garment's name, its SKU and its
category (the season's list's word, "Trousers", else its product type). As a PDF
(reportlab) or one contact sheet picture (Pillow); the window and the ``aurax`` command
share both. A page of two or three looks is turned (landscape) when that makes them
larger, so it uses the paper as well as a page of one look does.

Nothing internal reaches the document: no marks, no ids, no file extensions. Names
are made for people (a list's names, else file names without their extension and with
separators as spaces), wrapped onto two lines at most in their cell, in any script
(``fonts``). Each look is the chosen variant of its cell; rejects never go in.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

from aurax_desktop.api import ProductType
from aurax_desktop.atomic import atomic_file
from aurax_desktop.exports.fonts import clean
from aurax_desktop.exports.paper import Paper, locale_paper
from aurax_desktop.exports.print_pictures import PrintPicture, PrintShelf, look_name, print_side
from aurax_desktop.exports.progress import Progress
from aurax_desktop.exports.typesetting import Typesetter, new_document, reads_right_to_left
from aurax_desktop.formats import format_date
from aurax_desktop.jobs import FAVOURITE, REJECTED, Job, JobKind, JobStatus
from aurax_desktop.jobs.garments import CATEGORY, SKU, garment_label
from aurax_desktop.jobs.short_names import person_label, readable_names
from aurax_desktop.jobs.variants import cell_of, chosen_looks
from aurax_desktop.translation import _


@dataclass(frozen=True)
class Look:
    picture: Path
    garment: str
    """The garment's name for people."""
    sku: str = ""
    category: str = ""
    """What the garment is: the list's word ("Trousers"), else its type's label ("Dress")."""


@dataclass(frozen=True)
class PersonPage:
    person: str
    looks: tuple[Look, ...]


@dataclass(frozen=True)
class Lookbook:
    title: str
    made: float = field(default_factory=time.time)
    pages: tuple[PersonPage, ...] = ()
    subtitle: str = ""
    logo: Path | None = None
    """A PNG or JPEG shown at the top of every page."""

    @property
    def looks(self) -> int:
        return sum(len(page.looks) for page in self.pages)


def passes(
    job: Job,
    *,
    favourites_only: bool = False,
    min_stars: int = 0,
    chosen: frozenset[str] | None = None,
) -> bool:
    """A finished try-on fit for a client: not rejected, and as flagged and rated as
    asked; among the ``chosen`` jobs' ids when they are given."""
    return (
        job.kind is JobKind.TRY_ON
        and job.status is JobStatus.COMPLETED
        and bool(job.result_paths)
        and job.mark != REJECTED
        and (not favourites_only or job.mark == FAVOURITE)
        and job.stars >= min_stars
        and (chosen is None or job.id in chosen)
    )


def type_label(product_type: str) -> str:
    try:
        return ProductType.parse(product_type).label
    except Exception:
        return clean(product_type).capitalize()


def category_of(job: Job) -> str:
    """What a try-on's garment is, for people: its list's category, else its type."""
    return clean(str(job.params.get(CATEGORY) or "")) or type_label(job.product_type)


def look_of(job: Job) -> Look:
    return Look(
        job.result_paths[0],
        clean(garment_label(job.params)),
        clean(str(job.params.get(SKU) or "")),
        category_of(job),
    )


def person_of(job: Job, names: Mapping[str, str] | None = None) -> str:
    """A try-on's person for people: the name the user gave them, else in ``names`` (the
    batch's people, without what all their files' names share), else from their photo's
    file name."""
    # Translators: a person with no name, as a lookbook's page names them
    return clean(person_label(job, names)) or _("Person")


def batch_people(jobs: Iterable[Job]) -> dict[str, str]:
    """The names of a batch's people ("anna maria", not "SS27 resort look anna maria"):
    of its try-ons only (a described garment's photo is no person)."""
    return readable_names([job.source_name or "" for job in jobs if job.kind is JobKind.TRY_ON])


def from_jobs(
    jobs: Iterable[Job],
    *,
    favourites_only: bool = False,
    min_stars: int = 0,
    chosen: frozenset[str] | None = None,
    title: str = "",
    subtitle: str = "",
    logo: Path | None = None,
) -> Lookbook:
    """A lookbook of a batch: each cell's chosen look that passes (rejects never; only
    the ``chosen`` jobs when given), one page per person in the batch's order (people
    in rows, garments in columns)."""
    all_jobs = list(jobs)
    names = batch_people(all_jobs)
    rows: dict[int, list[tuple[int, Look]]] = {}
    people: dict[int, str] = {}
    for job in chosen_looks(all_jobs):
        if not passes(job, favourites_only=favourites_only, min_stars=min_stars, chosen=chosen):
            continue
        row, column = cell_of(job)
        people.setdefault(row, person_of(job, names))
        rows.setdefault(row, []).append((column, look_of(job)))
    name = title or next((j.batch_name for j in all_jobs if j.batch_name), "")
    pages = tuple(
        PersonPage(people[row], tuple(look for _c, look in sorted(rows[row], key=lambda x: x[0])))
        for row in sorted(rows)
    )
    # Translators: the title of a lookbook whose batch has no name
    title = clean(name) or _("Lookbook")
    return Lookbook(title, pages=pages, subtitle=clean(subtitle), logo=logo)


def date_text(moment: float) -> str:
    """The day a document was made, as the language it is written in writes dates, in
    its country's way ("7 December 2026" in British English, "December 7, 2026" in
    American, "7. Dezember 2026")."""
    return format_date(date.fromtimestamp(moment), "long")


MARGIN = 15 * mm
CAPTION_SIZE, DETAIL_SIZE = 8.5, 8.0
"""A look's caption: the garment's name, then its SKU and category (never under 8 pt)."""
CAPTION_LINES = 2
GAP = 5 * mm


class Titled(Protocol):
    """What a document's heading shows."""

    @property
    def title(self) -> str: ...
    @property
    def made(self) -> float: ...
    @property
    def subtitle(self) -> str: ...
    @property
    def logo(self) -> Path | None: ...


def heading_room(book: Titled) -> float:
    """How far below the top margin the heading reaches (for a page laid out before its
    heading is drawn)."""
    return float((15 * mm if book.logo is not None else 10 * mm) + (6 * mm if book.subtitle else 0))


def heading(ts: Typesetter, width: float, height: float, book: Titled) -> float:
    """The page's heading (title, date, subtitle, logo); the height left below it."""
    pdf = ts.pdf
    top = height - MARGIN
    logo_width = 0.0
    if book.logo is not None:
        try:
            logo = ImageReader(str(book.logo))
            lw, lh = logo.getSize()
            scale = min(40 * mm / lw, 14 * mm / lh)
            logo_width = lw * scale
            pdf.drawImage(
                logo,
                width - MARGIN - logo_width,
                top - lh * scale,
                lw * scale,
                lh * scale,
                mask="auto",
            )
        except OSError:
            logo_width = 0.0
    title_room = width - 2 * MARGIN - (logo_width + 4 * mm if logo_width else 45 * mm)
    title_lines = ts.wrap(book.title, title_room, 16, bold=True, lines=1)
    title = title_lines[0] if title_lines else ""
    stamp = date_text(book.made)
    if logo_width:
        ts.draw(MARGIN, top - 6 * mm, title, 16, bold=True, room=title_room)
        ts.draw(MARGIN, top - 11 * mm, stamp, 9, room=title_room)
        below = top - 15 * mm
    else:
        # a title read right to left starts at the right, and the date goes to the left
        mirrored = reads_right_to_left(title)
        ts.draw(
            width - MARGIN if mirrored else MARGIN,
            top - 6 * mm,
            title,
            16,
            bold=True,
            align="right" if mirrored else "left",
        )
        ts.draw(
            MARGIN if mirrored else width - MARGIN,
            top - 6 * mm,
            stamp,
            9,
            align="left" if mirrored else "right",
        )
        below = top - 10 * mm
    if book.subtitle:
        for line in ts.wrap(book.subtitle, width - 2 * MARGIN, 10, lines=1):
            ts.draw(MARGIN, below, line, 10, room=width - 2 * MARGIN)
        below -= 6 * mm
    return float(below)


def caption_height() -> float:
    return float((CAPTION_SIZE + 2) * CAPTION_LINES + DETAIL_SIZE + 6)


def draw_caption(ts: Typesetter, x: float, top: float, width: float, look: Look) -> None:
    """The garment's name (two lines at most), then its SKU and category, under a
    picture."""
    y = top - CAPTION_SIZE - 2
    for line in ts.wrap(look.garment, width, CAPTION_SIZE, bold=True, lines=CAPTION_LINES):
        ts.draw(x, y, line, CAPTION_SIZE, bold=True, room=width)
        y -= CAPTION_SIZE + 2
    details = " · ".join(part for part in (look.sku, look.category) if part)
    for line in ts.wrap(details, width, DETAIL_SIZE, lines=1):
        ts.pdf.setFillGray(0.35)
        ts.draw(x, y, line, DETAIL_SIZE, room=width)
        ts.pdf.setFillGray(0)


LOOKS_PER_PAGE = 9
"""A page holds a 3 by 3 grid at most; a person with more looks goes on over more
pages."""


TURN_GAIN = 1.15
"""A person's pages are turned (landscape) when that makes their looks this much larger
(by area): a page of two or three portrait looks, not one of one or of nine."""


def write_pdf(
    book: Lookbook,
    target: Path,
    *,
    paper: Paper | None = None,
    progress: Progress | None = None,
    claim: bool = False,
) -> tuple[Path, list[str]]:
    """The lookbook as a PDF on ``paper`` (the locale's when None), written whole or not
    at all; the notes about looks left out (a result that is damaged or larger than a
    picture may be). Each picture goes in as a JPEG made for the room it has on the page
    (at print resolution), so the document's size and the memory it takes grow with its
    pages, not its pixels. ``progress`` is told of each page, and may stop the writing."""
    if not book.pages:
        raise ValueError(_("There are no finished try-ons to put in a lookbook."))
    size = (paper or locale_paper()).size
    progress = progress or Progress()
    parts = [
        (
            page.person,
            [
                page.looks[start : start + LOOKS_PER_PAGE]
                for start in range(0, len(page.looks), LOOKS_PER_PAGE)
            ]
            or [()],
        )
        for page in book.pages
    ]
    total = sum(len(pieces) for _person, pieces in parts) + 1  # and the saving
    done = 0
    progress.step(done, total)
    with atomic_file(target, claim=claim) as out, PrintShelf() as shelf:
        pdf = new_document(out, size, book.title)
        pages = _Pages(Typesetter(pdf), book, shelf)
        for person, pieces in parts:
            slots = len(pieces[0])
            turned = pages.paper_for(person, pieces[0], size, slots)
            for number, looks in enumerate(pieces):
                pdf.setPageSize(turned)
                pages.draw(person, looks, turned, continued=number > 0, slots=slots)
                pdf.showPage()
                done += 1
                progress.step(done, total)
        pdf.save()
    progress.told(total, total)
    return target, shelf.notes


class _Pages:
    """A lookbook's pages, drawn one at a time."""

    def __init__(self, ts: Typesetter, book: Lookbook, shelf: PrintShelf) -> None:
        self.ts, self.book, self.shelf = ts, book, shelf

    def _pictures(self, person: str, looks: tuple[Look, ...]) -> list[tuple[Look, PrintPicture]]:
        shown = []
        for look in looks:
            picture = self.shelf.take(look.picture, look_name(person, look.garment))
            if picture is not None:
                shown.append((look, picture))
        return shown

    def _placed(
        self,
        shown: list[tuple[Look, PrintPicture]],
        paper: tuple[float, float],
        slots: int,
    ) -> list[tuple[Look, tuple[float, float, float, float]]]:
        width, height = paper
        top = height - MARGIN - heading_room(self.book)
        return _grid(
            shown,
            left=MARGIN,
            right=width - MARGIN,
            top=top - 10 * mm,
            bottom=MARGIN,
            slots=slots,
        )

    def paper_for(
        self, person: str, looks: tuple[Look, ...], paper: tuple[float, float], slots: int
    ) -> tuple[float, float]:
        """The page, upright or turned, that shows ``person``'s looks larger."""
        shown = self._pictures(person, looks)
        if not shown:
            return paper
        turned = (max(paper), min(paper))
        upright = (min(paper), max(paper))

        def area(size: tuple[float, float]) -> float:
            placed = self._placed(shown, size, slots)
            return placed[0][1][2] * placed[0][1][3] if placed else 0.0

        return turned if area(turned) > area(upright) * TURN_GAIN else upright

    def draw(
        self,
        person: str,
        looks: tuple[Look, ...],
        paper: tuple[float, float],
        *,
        continued: bool,
        slots: int,
    ) -> None:
        """A page of ``person``'s looks: the heading, their name, the looks in a grid
        laid out for ``slots`` looks (their first page's), so the pictures keep their
        size from one of their pages to the next."""
        ts, (width, height) = self.ts, paper
        top = heading(ts, width, height, self.book)
        # Translators: the name of a person whose looks go on from the page before
        name = _("{person} (continued)").format(person=person) if continued else person
        room = width - 2 * MARGIN
        name_lines = ts.wrap(name, room, 13, bold=True, lines=1)
        ts.draw(MARGIN, top - 4 * mm, name_lines[0] if name_lines else "", 13, bold=True, room=room)
        for look, (x, y, w, h) in self._placed(self._pictures(person, looks), paper, slots):
            made = self.shelf.take(
                look.picture, look_name(person, look.garment), side=print_side(max(w, h))
            )
            if made is not None:
                ts.pdf.drawImage(str(made.path), x, y, w, h, preserveAspectRatio=True, anchor="c")
                draw_caption(ts, x, y - 1, w, look)


def _grid(
    pictures: list[tuple[Look, PrintPicture]],
    *,
    left: float,
    right: float,
    top: float,
    bottom: float,
    slots: int = 0,
) -> list[tuple[Look, tuple[float, float, float, float]]]:
    """Where each look goes (x, y, width, height) in equal cells: every picture fitted
    in the same box, so all on a page are the same size. The columns are those that
    make the pictures largest on the page (one look fills it; three go two and one),
    for ``slots`` looks when more than are given (a person's last, shorter page)."""
    if not pictures:
        return []
    caption = caption_height()
    ratios = [round(p.size[0] / p.size[1], 2) for _look, p in pictures]
    ratio = max(set(ratios), key=ratios.count)  # the batch's usual shape

    count = max(slots, len(pictures))

    def layout(columns: int) -> tuple[float, float, float]:
        """The picture's width, the cell's width and height, in ``columns``."""
        rows = -(-count // columns)
        cell_w = (right - left - GAP * (columns - 1)) / columns
        cell_h = min((top - bottom - GAP * (rows - 1)) / rows, cell_w * 1.5 + caption)
        return min(cell_w, (cell_h - caption) * ratio), cell_w, cell_h

    columns = max(range(1, min(3, count) + 1), key=lambda c: (layout(c)[0], c))
    pic_w, cell_w, cell_h = layout(columns)
    pic_h = pic_w / ratio
    placed = []
    for index, (look, _picture) in enumerate(pictures):
        row, column = divmod(index, columns)
        x = left + column * (cell_w + GAP)
        y_top = top - row * (cell_h + GAP)
        placed.append((look, (x + (cell_w - pic_w) / 2, y_top - pic_h, pic_w, pic_h)))
    return placed
