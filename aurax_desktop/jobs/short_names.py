"""Names short enough for a thumbnail and still told apart: a season's photos often share
a long start ("SS27-resort-look-021-…") and end in the same extension, which under a
56-pixel thumbnail leave only "SS27-r…ia.jpg" for every one. What all of them share at
the start is dropped (cut at a separator, so no word is split), and so are the
extensions when the names stay distinct without them. The whole name stays in the
tooltip.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import PurePath

from aurax_desktop.jobs.garments import display_name
from aurax_desktop.jobs.model import Job

_SEPARATOR = re.compile(r"[\s_\-.]")
_KEEP = 3
"""The fewest characters a shortened name keeps (else the shared start stays)."""


def _stem(name: str) -> str:
    stem = PurePath(name).stem if "." in name.strip(".") else name
    return stem or name


def _shared_start(names: list[str]) -> int:
    """How many leading characters all ``names`` share, up to and with a separator
    (never so many that a name keeps fewer than a few characters of its stem)."""
    common = os.path.commonprefix(names)  # noqa: RUF071 - characters, not path parts
    cut = max((m.end() for m in _SEPARATOR.finditer(common)), default=0)
    if any(len(_stem(name)) - cut < _KEEP for name in names):
        return 0
    return cut


def distinct_labels(names: list[str]) -> list[str]:
    """Each of ``names`` shortened for a strip, in the same order."""
    if len(names) < 2:
        return [_stem(name) for name in names]
    stems = [_stem(name) for name in names]
    shown = stems if len(set(stems)) == len(set(names)) else list(names)
    cut = _shared_start(shown)
    labels = [name[cut:].strip(" _-.") or name for name in shown]
    return labels if len(set(labels)) == len(set(names)) else list(names)


def readable_names(files: list[str]) -> dict[str, str]:
    """Each photo's file name to a name people read, among ``files`` (a batch's people,
    or its garments): without what all share and the extension, separators as spaces
    ("SS27-resort-look-anna-maria.jpg" -> "anna maria"), or as written when the name has
    spaces ("SS27 Anna-Maria Kowalska.jpg" -> "Anna-Maria Kowalska")."""
    known = list(dict.fromkeys(name for name in files if name))
    return {
        file: display_name(short, cut_from=file)
        for file, short in zip(known, distinct_labels(known), strict=True)
    }


SHOWN_PERSON = "person_shown"
"""A batch's try-on's parameter: its person's photo's name among the batch's people, as
``readable_names`` made it when the batch was sent (so every view names them alike)."""


def person_label(job: Job, names: Mapping[str, str] | None = None) -> str:
    """A try-on's person as people read it: the name the user gave them (a people list, a
    rename in the Gallery), else their photo's name among the batch's (``names``, from
    ``readable_names``, or as kept when the batch was sent), else made from their photo's
    file name; "" when none is known."""
    if job.person_name:
        return job.person_name
    source = job.source_name or ""
    kept = job.params.get(SHOWN_PERSON)
    return (
        (names or {}).get(source)
        or (kept if isinstance(kept, str) and kept.strip() else "")
        or display_name(source)
    )
