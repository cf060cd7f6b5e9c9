"""What a job row says in words: when it ran, what went in, how long it has taken, its
product type."""

from __future__ import annotations

import time
from datetime import datetime

from aurax_desktop.api import ProductType
from aurax_desktop.formats import format_date, format_day, format_time
from aurax_desktop.jobs import Job
from aurax_desktop.jobs.garments import garment_label
from aurax_desktop.jobs.params import TryOnParams, decode
from aurax_desktop.jobs.short_names import person_label
from aurax_desktop.translation import LazyText, _, lazy_pgettext, pgettext

TYPE_WORDS: dict[ProductType, LazyText] = {
    # Translators: the product types as said within a sentence, after a job's kind
    # ("Try-on, garment, Completed").
    ProductType.GARMENT: lazy_pgettext("product type, within a sentence", "garment"),
    ProductType.DRESS: lazy_pgettext("product type, within a sentence", "dress"),
    ProductType.OUTFIT: lazy_pgettext("product type, within a sentence", "outfit"),
    ProductType.FOOTWEAR: lazy_pgettext("product type, within a sentence", "footwear"),
    ProductType.BAG: lazy_pgettext("product type, within a sentence", "bag"),
    ProductType.JEWELLERY: lazy_pgettext("product type, within a sentence", "jewellery"),
    ProductType.EYEWEAR: lazy_pgettext("product type, within a sentence", "eyewear"),
    ProductType.BEAUTY: lazy_pgettext("product type, within a sentence", "beauty"),
    ProductType.OTHER: lazy_pgettext("product type, within a sentence", "other"),
}
"""The product types as a screen reader says them after the job's kind ("Try-on,
garment, Completed")."""


def when_text(stamp: float, now: float | None = None) -> str:
    """When a job ran, as a person says it (in the user's language): 14:32, Yesterday
    14:32, 27 Nov, 27 Nov 2025."""
    moment = time.localtime(stamp)
    today = time.localtime(now if now is not None else time.time())
    day = datetime.fromtimestamp(stamp)
    clock = format_time(day)
    if moment.tm_year == today.tm_year and moment.tm_yday == today.tm_yday:
        return clock
    yesterday = time.localtime((now if now is not None else time.time()) - 86400)
    if moment.tm_year == yesterday.tm_year and moment.tm_yday == yesterday.tm_yday:
        return _("Yesterday {time}").format(time=clock)
    if moment.tm_year == today.tm_year:
        return format_day(day)
    return format_date(day, "medium")


def inputs_text(job: Job) -> str:
    """What went into the job: the photos' names, or the prompt."""
    params = decode(job.kind.value, job.params)
    if isinstance(params, TryOnParams):
        names = [job.source_name or "", params.garment_name]
        return " + ".join(n for n in names if n)
    return job.prompt or job.source_name or ""


def elapsed_text(seconds: float) -> str:
    """How long a job has taken: 42 s, 3 min 05 s, 1 h 02 min."""
    seconds = int(seconds)
    if seconds < 60:
        # Translators: a duration in seconds, as short as a job's row can hold.
        return _("{seconds} s").format(seconds=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=f"{seconds:02d}")
    return _("{hours} h {minutes} min").format(hours=minutes // 60, minutes=f"{minutes % 60:02d}")


def _product_type(product_type: str) -> ProductType | None:
    try:
        return ProductType(product_type.strip().upper())
    except ValueError:
        return None


def type_label(product_type: str) -> str:
    """A job's product type as a row's title names it ("Dress")."""
    known = _product_type(product_type)
    return known.label if known is not None else product_type.capitalize()


def type_word(product_type: str) -> str:
    """A job's product type within a sentence ("dress")."""
    known = _product_type(product_type)
    return str(TYPE_WORDS[known]) if known is not None else product_type.lower()


def list_of(parts: list[str]) -> str:
    """Short facts said one after another: "Try-on, garment, Completed"."""
    # Translators: what separates the items of a short list ("Completed, favourite, 3
    # stars"): a comma and a space in English, "、" in Japanese.
    return pgettext("list separator", ", ").join(part for part in parts if part)


SPOKEN_LENGTH = 160
"""The most of a job's text (a description, a prompt) a screen reader is given with its
row: the start says what it is; the Result pane shows it whole."""


def spoken_detail(job: Job) -> str:
    """What went in and when, as a screen reader says it after the row's name: "anna
    with linen dress, 14:32" (a try-on), the prompt or the description (their start),
    and when it ran or how long it has taken."""
    params = decode(job.kind.value, job.params)
    if isinstance(params, TryOnParams):
        what = _("{person} with {garment}").format(
            person=person_label(job) or _("Person"), garment=garment_label(job.params)
        )
    else:
        what = job.shown_description or job.prompt or job.source_name or ""
        if len(what) > SPOKEN_LENGTH:
            what = what[: SPOKEN_LENGTH - 1].rstrip() + "…"
    when = when_text(job.created_at) if job.status.is_final else elapsed_text(job.elapsed)
    return list_of([what, when])
