"""Names for results, made from what went in: ``<person>-<garment>-<type>.png`` for a
try-on, ``generated-<first words of the prompt>.png`` for a generation."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from aurax_desktop.jobs.model import Job, JobKind
from aurax_desktop.jobs.params import TryOnParams, decode

_NOT_WORD = re.compile(r"[^a-z0-9]+")
PROMPT_WORDS = 5


def slug(text: str, limit: int = 40) -> str:
    """``text`` as a safe, readable piece of a file name: "Café Crème!" -> "cafe-creme"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NOT_WORD.sub("-", plain).strip("-")[:limit].strip("-")


def result_file_name(job: Job, suffix: str = ".png") -> str:
    if job.kind is JobKind.IMAGE_GENERATION:
        words = " ".join((job.prompt or "").split()[:PROMPT_WORDS])
        return f"generated-{slug(words) or job.id[:8]}{suffix}"
    params = decode(job.kind.value, job.params)
    person = slug(PurePath(job.source_name or "").stem) or "person"
    kind = slug(job.product_type) or "garment"
    if isinstance(params, TryOnParams) and params.garment_name:
        garment = slug(PurePath(params.garment_name).stem) or "garment"
        return f"{person}-{garment}-{kind}{suffix}"
    return f"{person}-{kind}{suffix}"
