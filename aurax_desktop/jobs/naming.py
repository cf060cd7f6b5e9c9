"""Names for results, made from what went in: ``<person>-<garment>-<type>.png`` for a
try-on, ``generated-<first words of the prompt>.png`` for a generation; and any name
made from inputs made safe (``safe_stem``), short enough for the file system
(``fitted``: 255 bytes) and unique in its folder (``free_file_name``)."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path, PurePath

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


NAME_BYTES = 255
"""The longest file name the usual file systems allow, in bytes (UTF-8)."""
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u202a-\u202e\u2066-\u2069]+')
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10)}
)
"""Names Windows keeps for devices, whatever the extension."""


def safe_stem(text: str, fallback: str = "result") -> str:
    """``text`` fit to be part of a file name on any system, readable as written:
    separators, control characters and characters Windows refuses become "-"."""
    stem = _UNSAFE.sub("-", text)
    stem = " ".join(stem.split()).strip(" .-")
    if not stem:
        return fallback
    if stem.split(".")[0].lower() in _RESERVED:
        stem = f"_{stem}"
    return stem


def fitted(stem: str, ending: str, limit: int = NAME_BYTES) -> str:
    """``stem + ending`` within ``limit`` bytes: a long stem keeps its start and its end,
    with "…" between them, so names that differ at the end stay apart."""
    name = stem + ending
    if len(name.encode("utf-8")) <= limit:
        return name
    room = limit - len(ending.encode("utf-8")) - len("…".encode())
    head, tail = "", ""
    for char in stem:  # about two thirds from the start, the rest from the end
        if len((head + char).encode("utf-8")) > room * 2 // 3:
            break
        head += char
    for char in reversed(stem[len(head) :]):
        if len((head + char + tail).encode("utf-8")) > room:
            break
        tail = char + tail
    return f"{head}…{tail}{ending}"


def free_file_name(folder: Path, stem: str, suffix: str, taken: set[str] | None = None) -> Path:
    """A name in ``folder`` that is safe, within the file system's limit and not taken
    (by a file there, or among ``taken``): ``stem``, else ``stem-2`` and on."""
    base = safe_stem(stem)
    number = 1
    while True:
        ending = suffix if number == 1 else f"-{number}{suffix}"
        name = fitted(base, ending)
        candidate = folder / name
        if name.casefold() not in (taken or set()) and not os.path.lexists(candidate):
            if taken is not None:
                taken.add(name.casefold())
            return candidate
        number += 1
