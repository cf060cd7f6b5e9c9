"""A batch's results as a lookbook: one page per person, a grid of their try-ons, each
captioned with the garment's file name and product type. As a PDF (reportlab) or as
one contact sheet picture (Pillow); the window and the ``aurax`` command share both.
"""

from __future__ import annotations

import io
import locale
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from aurax_desktop.atomic import write_atomically
from aurax_desktop.jobs import FAVOURITE, REJECTED, Job, JobKind, JobStatus
from aurax_desktop.jobs.params import TryOnParams, batch_name, decode, sent_of

PRINT_SIDE = 1600
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR"})
"""Where paper is Letter; A4 everywhere else."""


@dataclass(frozen=True)
class Look:
    picture: Path
    garment: str
    product_type: str
    favourite: bool = False


@dataclass(frozen=True)
class PersonPage:
    person: str
    looks: tuple[Look, ...]


@dataclass(frozen=True)
class Lookbook:
    title: str
    made: float = field(default_factory=time.time)
    pages: tuple[PersonPage, ...] = ()

    @property
    def looks(self) -> int:
        return sum(len(page.looks) for page in self.pages)


def from_jobs(jobs: Iterable[Job], *, favourites_only: bool = False, title: str = "") -> Lookbook:
    """A lookbook of the completed try-ons among ``jobs`` (rejects left out), one page per
    person photo (in the batch's order: people in rows, garments in columns)."""
    rows: dict[int, list[tuple[int, Look]]] = {}
    people: dict[int, str] = {}
    name = title
    for job in jobs:
        if job.kind is not JobKind.TRY_ON or job.status is not JobStatus.COMPLETED:
            continue
        if not job.result_paths or job.mark == REJECTED:
            continue  # rejects never go in a lookbook
        if favourites_only and job.mark != FAVOURITE:
            continue
        sent = sent_of(job.params)
        params = decode(job.kind.value, job.params)
        garment = params.garment_name if isinstance(params, TryOnParams) else ""
        row = sent.batch_row if sent.batch_row is not None else 0
        column = sent.batch_column if sent.batch_column is not None else len(rows.get(row, []))
        people.setdefault(row, job.source_name or f"Person {row + 1}")
        look = Look(
            job.result_paths[0], garment or "garment", job.product_type, job.mark == FAVOURITE
        )
        rows.setdefault(row, []).append((column, look))
        name = name or batch_name(job.params)
    pages = tuple(
        PersonPage(people[row], tuple(look for _c, look in sorted(rows[row], key=lambda x: x[0])))
        for row in sorted(rows)
    )
    return Lookbook(name or "Lookbook", pages=pages)


def paper_for_locale(name: str | None = None) -> tuple[float, float]:
    """Letter where it is the custom (the Americas' Letter countries), A4 elsewhere."""
    chosen = name or os.environ.get("LC_PAPER") or os.environ.get("LC_ALL") or ""
    if not chosen:
        chosen = locale.getlocale()[0] or ""
    territory = chosen.split(".")[0].split("_")[-1].upper() if "_" in chosen else ""
    chosen_paper: tuple[float, float] = LETTER if territory in LETTER_TERRITORIES else A4
    return chosen_paper


def write_pdf(book: Lookbook, target: Path, *, paper: tuple[float, float] | None = None) -> Path:
    """The lookbook as a PDF: a header with the date and the batch's name, one page per
    person with a grid of their looks, captions under each. Written whole or not at all."""
    if not book.pages:
        raise ValueError("There are no finished try-ons to put in a lookbook.")
    width, height = paper or paper_for_locale()
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=(width, height), pageCompression=1)
    pdf.setTitle(book.title)
    pdf.setAuthor("AuraX Desktop")
    margin = 15 * mm
    stamp = time.strftime("%d %B %Y", time.localtime(book.made))
    for page in book.pages:
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(margin, height - margin - 6 * mm, book.title)
        pdf.setFont("Helvetica", 9)
        pdf.drawRightString(width - margin, height - margin - 6 * mm, stamp)
        pdf.setFont("Helvetica-Bold", 12)
        pdf.drawString(margin, height - margin - 14 * mm, page.person)
        _grid(
            pdf,
            page.looks,
            left=margin,
            right=width - margin,
            top=height - margin - 20 * mm,
            bottom=margin,
        )
        pdf.showPage()
    pdf.save()
    return write_atomically(target, out.getvalue())


def _grid(
    pdf: Canvas, looks: tuple[Look, ...], *, left: float, right: float, top: float, bottom: float
) -> None:
    columns = min(3, len(looks))
    rows = max(1, -(-len(looks) // columns))
    gap, caption = 5 * mm, 9 * mm
    cell_w = (right - left - gap * (columns - 1)) / columns
    cell_h = min((top - bottom - gap * (rows - 1)) / rows, cell_w * 1.6 + caption)
    for index, look in enumerate(looks):
        row, column = divmod(index, columns)
        x = left + column * (cell_w + gap)
        y_top = top - row * (cell_h + gap)
        picture = ImageReader(_for_print(look.picture))
        pw, ph = picture.getSize()
        box_h = cell_h - caption
        scale = min(cell_w / pw, box_h / ph)
        w, h = pw * scale, ph * scale
        left_edge = x + (cell_w - w) / 2
        pdf.drawImage(picture, left_edge, y_top - h, width=w, height=h)
        pdf.setFont("Helvetica", 8)
        label = f"{look.garment} · {look.product_type.capitalize()}"
        favourite = " · favourite" if look.favourite else ""
        pdf.drawString(left_edge, y_top - h - 4 * mm, label[:60] + favourite)


def _for_print(path: Path) -> io.BytesIO:
    """The picture at print size (sharp at 300 dpi in a third of a page): a lookbook of
    full-size results would be too heavy to send."""
    with Image.open(path) as picture:
        picture.draft("RGB", (PRINT_SIDE, PRINT_SIDE))
        small = ImageOps.exif_transpose(picture).convert("RGB")
    small.thumbnail((PRINT_SIDE, PRINT_SIDE))
    out = io.BytesIO()
    small.save(out, "JPEG", quality=88)
    out.seek(0)
    return out
