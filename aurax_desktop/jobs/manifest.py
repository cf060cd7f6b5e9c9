"""A season's garment list, as merchandisers keep it: a CSV (UTF-8, with or without a
byte-order mark; comma or semicolon) or an XLSX (its first sheet), with a header row.

Columns are matched by name whatever their case: ``file`` (required: relative to the
list's folder, or absolute), and ``type``, ``category``, ``sku``, ``name``, ``colour``,
``sizes``, ``description``, the prices ``wholesale`` and ``retail`` (``price``, ``rrp``
and ``msrp`` are the retail price) and their ``currency`` (ISO 4217); others are
ignored. A type is any word: a product type's name ("footwear"), or an everyday word
for one ("sneakers", "Tops", "Scarf"), or a word AuraX has no type for ("Kaftan"),
which goes as Other with a note. The word is the garment's category in documents,
unless a ``category`` column says another. Every bad row is reported at once (its row
number, as the spreadsheet numbers it, and why): a missing file or one that is not a
picture, no type to be had, a SKU seen before, a currency that is no ISO 4217 code, a
price in another currency than the row's. Nothing is sent from a list with a bad row.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from aurax_desktop.api import InvalidRequestError, ProductType
from aurax_desktop.api.suggest import product_type_in_words, suggest_product_type
from aurax_desktop.imaging import ImageError, load_image
from aurax_desktop.jobs.garments import Garment, display_name
from aurax_desktop.jobs.prices import DOLLAR, agrees, currency_code, read_price

COLUMNS = (
    "file",
    "type",
    "category",
    "sku",
    "name",
    "price",
    "retail",
    "wholesale",
    "currency",
    "colour",
    "sizes",
    "description",
)
ALIASES = {
    "color": "colour",
    "product type": "type",
    "product_type": "type",
    "photo": "file",
    "retail price": "retail",
    "retail_price": "retail",
    "rrp": "retail",
    "msrp": "retail",
    "wholesale price": "wholesale",
    "wholesale_price": "wholesale",
    "size": "sizes",
}
MAX_LIST_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BadRow:
    row: int
    why: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.why}"


class ManifestError(Exception):
    """The list cannot be used; ``user_message`` says why, ``bad_rows`` which rows.

    With bad rows, ``user_message`` is worded for sending a batch from the list (the
    command's use: "nothing was sent"); a window opening the list words its own message
    from ``bad_rows``.
    """

    def __init__(self, user_message: str, bad_rows: tuple[BadRow, ...] = ()) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.bad_rows = bad_rows


@dataclass(frozen=True)
class Manifest:
    path: Path
    garments: tuple[Garment, ...]
    notes: tuple[str, ...] = ()
    """What was read otherwise than written ("row 4: “Kaftan” ... is sent as Other"),
    for the user to know before sending."""

    @property
    def name(self) -> str:
        """A name for the batch, from the list's file name ("SS27.xlsx" -> "SS27")."""
        return display_name(self.path.name)


def read_manifest(path: Path) -> Manifest:
    """The garments of the list at ``path``; ``ManifestError`` naming every bad row."""
    rows = _rows(path)
    if not rows:
        raise ManifestError(f"“{path.name}” is empty: it needs a header row with “file”.")
    header = [_column(cell) for cell in rows[0]]
    if "file" not in header:
        raise ManifestError(
            f"“{path.name}” has no “file” column in its first row (found: "
            f"{', '.join(c for c in header if c) or 'nothing'})."
        )
    garments: list[Garment] = []
    bad: list[BadRow] = []
    notes: list[str] = []
    skus: dict[str, int] = {}
    for number, values in enumerate(rows[1:], start=2):
        cells = {
            name: _text(values[i])
            for i, name in enumerate(header)
            if name and i < len(values) and values[i] is not None
        }
        if not any(cells.values()):
            continue  # an empty row
        found = _garment(path.parent, cells, _Row(number, skus, notes))
        if isinstance(found, BadRow):
            bad.append(found)
        else:
            garments.append(found)
    if bad:
        shown = "\n".join(f"  {row}" for row in bad[:50])
        more = f"\n  and {len(bad) - 50} more" if len(bad) > 50 else ""
        raise ManifestError(
            f"“{path.name}” has {len(bad)} row{'s' if len(bad) > 1 else ''} that cannot be "
            f"used; nothing was sent:\n{shown}{more}",
            tuple(bad),
        )
    if not garments:
        raise ManifestError(f"“{path.name}” lists no garments.")
    return Manifest(path, tuple(garments), tuple(notes))


CHECK_SIDE = 256
"""The size each listed photo is proved to decode at."""


def _text(value: object) -> str:
    """A cell as written: a whole number a spreadsheet keeps as 49.0 is 49."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _column(cell: object) -> str:
    name = " ".join(str(cell or "").strip().lower().split())
    name = ALIASES.get(name, name)
    return name if name in COLUMNS else ""


@dataclass(frozen=True)
class _Row:
    """A row being read: its number, and what the list's rows so far have told."""

    number: int
    skus: dict[str, int]
    """Each SKU seen (case-folded), with its row."""
    notes: list[str]


def _garment(folder: Path, cells: dict[str, str], row: _Row) -> Garment | BadRow:
    number = row.number
    given = cells.get("file", "")
    if not given:
        return BadRow(number, "no file is named")
    photo = Path(given).expanduser()
    photo = photo if photo.is_absolute() else folder / photo
    try:
        # Decoded whole at a small size (a JPEG's own reduced decode, quick even for a
        # large photo): a picture, of a kind that can be sent, and not cut short.
        load_image(photo, check_side=CHECK_SIDE)
    except ImageError as exc:
        return BadRow(number, exc.user_message)
    typed = cells.get("type", "")
    category = cells.get("category", "") or as_category(typed)
    word = typed or category
    if word:
        kind = _product_type(word)
        if kind is None:
            kind = ProductType.OTHER
            row.notes.append(
                f"Row {number}: “{word}” is not one of AuraX's product types, so it is sent "
                f"as Other; documents call it “{as_category(category or word)}”."
            )
    else:
        kind = suggest_product_type(photo.name) or suggest_product_type(cells.get("name", ""))
        if kind is None:
            return BadRow(
                number, f"no type is given, and “{photo.name}” does not say one: add a type"
            )
    sku = cells.get("sku", "")
    if sku:
        if sku.casefold() in row.skus:
            return BadRow(number, f"SKU “{sku}” is also on row {row.skus[sku.casefold()]}")
        row.skus[sku.casefold()] = number
    retail = cells.get("retail", "") or cells.get("price", "")
    wholesale = cells.get("wholesale", "")
    currency = _currency(number, cells.get("currency", ""), (wholesale, retail))
    if isinstance(currency, BadRow):
        return currency
    return Garment(
        photo,
        kind,
        sku=sku,
        name=cells.get("name", ""),
        price=retail,
        colour=cells.get("colour", ""),
        category=as_category(category),
        wholesale=wholesale,
        currency=currency,
        sizes=cells.get("sizes", ""),
        description=cells.get("description", ""),
    )


def _currency(number: int, written: str, prices: tuple[str, ...]) -> str | BadRow:
    """The row's currency code: its ``currency`` cell's, else the one its prices show
    ("€ 54"), else "" (the documents' locale decides). A bad row when the cell is no
    currency code, or a price shows another currency."""
    shown = [(text, price) for text in prices if text and (price := read_price(text))]
    if written:
        code = currency_code(written)
        if code is None:
            return BadRow(
                number,
                f"“{written}” is not a currency code: write one such as EUR, USD or GBP (ISO 4217)",
            )
        for text, price in shown:
            if not agrees(price, code):
                return BadRow(number, f"the price “{text}” is not in {code}, the row's currency")
        return code
    codes = {price.currency for _text, price in shown if price.currency not in (None, DOLLAR)}
    if len(codes) > 1:
        return BadRow(number, "its prices are in two currencies: give the row one currency")
    return str(codes.pop()) if codes else ""


def as_category(word: str) -> str:
    """A list's word as a document's category: "trousers" and "TROUSERS" are "Trousers",
    "T-shirt" and "Ankle Boots" stay as written."""
    word = " ".join(word.split())
    if word.islower() or word.isupper():
        return word[:1].upper() + word[1:].lower()
    return word


def _product_type(typed: str) -> ProductType | None:
    """The type a cell names: a type's own name ("Footwear", "BAG"), else the everyday
    words a file's name is read by ("sneakers", "Tops"); None when it names neither."""
    try:
        return ProductType.parse(typed)
    except InvalidRequestError:
        return product_type_in_words(typed)


def _rows(path: Path) -> list[list[object]]:
    try:
        size = path.stat().st_size
        if size > MAX_LIST_BYTES:
            raise ManifestError(f"“{path.name}” is too large for a garment list.")
        data = path.read_bytes()
    except OSError as exc:
        log.info("garment list %s not read: %r", path, exc)
        raise ManifestError(_unreadable(path, exc)) from None
    if path.suffix.lower() in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(path, data)
    return _csv_rows(path, data)


def _csv_rows(path: Path, data: bytes) -> list[list[object]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ManifestError(
            f"“{path.name}” is not UTF-8 text. Save it as “CSV UTF-8” from the spreadsheet."
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return [list(row) for row in rows[: MAX_ROWS + 1]]


def _unreadable(path: Path, exc: OSError) -> str:
    """Why the list's file could not be read, in the user's words."""
    if isinstance(exc, FileNotFoundError):
        return f"“{path.name}” could not be found: it may have been moved or renamed."
    if isinstance(exc, IsADirectoryError):
        return f"“{path.name}” is a folder: open the garment list inside it."
    if isinstance(exc, PermissionError):
        return f"“{path.name}” cannot be opened: this account is not allowed to read it."
    return f"“{path.name}” cannot be read ({exc.strerror or 'the system refused'})."


def _xlsx_rows(path: Path, data: bytes) -> list[list[object]]:
    from openpyxl import load_workbook  # noqa: PLC0415 - only for spreadsheets

    # A damaged or foreign file fails in many ways inside openpyxl (not a zip, a zip
    # without a workbook, broken XML found only while the rows are read): each is the
    # same news to the user, with the detail in the log.
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            rows: list[list[object]] = []
            for row in sheet.iter_rows(values_only=True):
                rows.append(list(row))
                if len(rows) > MAX_ROWS:
                    break
            return rows
        finally:
            book.close()
    except Exception as exc:
        log.info("garment list %s is not a readable workbook: %r", path, exc)
        raise ManifestError(
            f"“{path.name}” is not a spreadsheet this program can read: save it as an "
            "Excel workbook (.xlsx) or as CSV."
        ) from None
