"""A result handed on as a photo for the Try-On page: the next person to dress, or a
garment to try on (the history keeps which job it came from). The Gallery, its loupe
and the Jobs list hand results on through the same two functions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aurax_desktop.jobs import Job, JobKind
from aurax_desktop.translation import _


@dataclass(frozen=True)
class HandedOn:
    path: Path
    """The result's file."""
    name: str
    """The photo's name in its pane."""
    job_id: str
    """The job it came from."""
    made_from: str | None = None
    """The photo it was made from: replaced by it when that photo is in the pane."""
    product_type: str | None = None
    """A garment's product type."""


def as_person(job: Job) -> HandedOn | None:
    """A try-on's result as the next person photo, in place of the photo it was made
    from when that is in the pane; None without a result."""
    if not job.result_paths:
        return None
    return HandedOn(job.result_paths[0], photo_name(job), job.id, job.source_name)


def as_garment(job: Job) -> HandedOn | None:
    """A result as a garment photo, with its product type: a whole look tried on
    someone else, or a generated product image; None without a result."""
    if not job.result_paths:
        return None
    return HandedOn(job.result_paths[0], photo_name(job), job.id, None, job.product_type)


def photo_name(job: Job) -> str:
    """A result's name as a photo: a try-on's person and garment ("anna + linen-dress.png"),
    a generated image's prompt."""
    suffix = job.result_paths[0].suffix if job.result_paths else ""
    if job.kind is JobKind.IMAGE_GENERATION:
        # Translators: the name of a generated image without a prompt, as a garment photo.
        words = job.prompt or _("generated product")
        return f"{words[:40].strip()}{suffix}"
    person = Path(job.source_name or "person").stem
    garment = Path(str(job.params.get("garment_name") or "garment")).stem
    return f"{person} + {garment}{suffix}"
