"""Description tables as files: a plain CSV and a Shopify-style product CSV (no Qt).

Both are UTF-8 with a byte-order mark, so spreadsheet programs read accents right,
and every cell is made safe for them: text from AuraX or from a file name that
starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets
a leading apostrophe, so a spreadsheet shows it instead of running it (OWASP's rule
against CSV injection).
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from aurax_desktop.atomic import write_atomically

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A cell a spreadsheet shows as written and never runs as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class SafeCsvWriter:
    """``csv.writer`` whose every cell goes through ``spreadsheet_safe``."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([spreadsheet_safe(cell) for cell in row])


@contextmanager
def csv_file(path: Path) -> Iterator[SafeCsvWriter]:
    """A CSV gathered in memory, every cell made safe, then written whole (UTF-8 with a
    BOM)."""
    text = io.StringIO(newline="")
    yield SafeCsvWriter(text)
    write_atomically(path, text.getvalue().encode("utf-8-sig"))


@dataclass(frozen=True)
class DescribedProduct:
    file: str
    product_type: str
    description: str
    error: str = ""


def write_descriptions_csv(
    path: Path, rows: Iterable[DescribedProduct], *, with_errors: bool = False
) -> Path:
    """Columns file, product_type, description (and error, when asked)."""
    header = ["file", "product_type", "description"] + (["error"] if with_errors else [])
    with csv_file(path) as writer:
        writer.writerow(header)
        for row in rows:
            values = [row.file, row.product_type, row.description]
            writer.writerow(values + ([row.error] if with_errors else []))
    return path


def handle(name: str) -> str:
    """A Shopify handle from a file name: "Café Crème Dress.jpg" -> "cafe-creme-dress"."""
    stem = Path(name).stem
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug or "product"


def first_sentence(text: str) -> str:
    match = re.match(r"\s*(.+?[.!?])(\s|$)", text)
    return (match.group(1) if match else text).strip()


def write_shopify_csv(path: Path, rows: Iterable[DescribedProduct]) -> Path:
    """Handle from the file name, Title from the first sentence, Body (HTML) from the text."""
    with csv_file(path) as writer:
        writer.writerow(["Handle", "Title", "Body (HTML)"])
        seen: dict[str, int] = {}
        for row in rows:
            if not row.description:
                continue
            base = handle(row.file)
            seen[base] = seen.get(base, 0) + 1
            unique = base if seen[base] == 1 else f"{base}-{seen[base]}"
            body = "".join(
                f"<p>{html.escape(part.strip())}</p>"
                for part in row.description.split("\n")
                if part.strip()
            )
            writer.writerow([unique, first_sentence(row.description), body])
    return path
