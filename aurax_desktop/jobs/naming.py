"""Names for results, made from what went in: ``<person>-<garment>-<type>.png`` for a
try-on, ``generated-<first words of the prompt>.png`` for a generation; and any name
made from inputs made safe on every system (``safe_stem``: no separators or control
characters, no device name Windows keeps, NFC as macOS and Windows compare them),
short enough for the file system (``fitted``: 255 bytes) and unique in its folder
ignoring case and composition (``free_file_name``, ``caseless``), as a folder copied
to a Mac or a Windows computer needs them."""

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
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{d}{n}" for d in ("com", "lpt") for n in ("0123456789" + "\u00b9\u00b2\u00b3")}
)
"""Names Windows keeps for devices, whatever the extension: COM0 to COM9 and LPT0 to
LPT9 with their superscript forms (COM¹, LPT²) among them."""


def safe_stem(text: str, fallback: str = "result") -> str:
    """``text`` fit to be part of a file name on any system, readable as written:
    separators, control characters and characters Windows refuses become "-"; composed
    as NFC (the "é" of a Mac's file name and of a PC's are then one name); a name that
    Windows keeps for a device gets "_" before it."""
    stem = _UNSAFE.sub("-", unicodedata.normalize("NFC", text))
    stem = " ".join(stem.split()).strip(" .-")
    if not stem:
        return fallback
    if stem.split(".")[0].rstrip(" ").casefold() in _RESERVED:
        stem = f"_{stem}"
    return stem


def caseless(name: str) -> str:
    """``name`` as macOS and Windows compare names: case and composition ignored
    ("Café" in NFC and in NFD, "CAFÉ" and "café" are one name)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


def folder_names(folder: Path) -> dict[str, str]:
    """What ``folder`` holds, each name by its ``caseless`` form (empty when it cannot
    be listed: not there yet)."""
    try:
        with os.scandir(folder) as entries:
            return {caseless(entry.name): entry.name for entry in entries}
    except OSError:
        return {}


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
    """A name in ``folder`` that is safe, within the file system's limit and not taken,
    case and composition ignored (by a file there, or among ``taken``, which holds
    ``caseless`` names and gets the one chosen): ``stem``, else ``stem-2`` and on.

    Only a name's choice: a writer that must not replace a file made meanwhile (by
    another program) claims it as it writes (``atomic.atomic_file(claim=True)``)."""
    base = safe_stem(stem)
    present = folder_names(folder)
    number = 1
    while True:
        ending = suffix if number == 1 else f"-{number}{suffix}"
        name = fitted(base, ending)
        candidate = folder / name
        key = caseless(name)
        if key not in (taken or set()) and key not in present and not os.path.lexists(candidate):
            if taken is not None:
                taken.add(key)
            return candidate
        number += 1
