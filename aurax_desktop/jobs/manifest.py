"""A season's garment list, as merchandisers keep it: a CSV (UTF-8, with or without a
byte-order mark; comma or semicolon) or an XLSX (its first sheet), with a header row.

Columns are matched by name whatever their case: ``file`` (required: a file in the
list's folder or below it; ``listed_paths``), and ``type``, ``category``, ``sku``,
``name``, ``colour``, ``sizes``, ``description``, the prices ``wholesale`` and
``retail`` (``price``, ``rrp`` and ``msrp`` are the retail price) and their
``currency`` (ISO 4217); others are ignored. The file is read within bounds
(``list_files``). A type is any word: a product type's name ("footwear"), or an
everyday word for one ("sneakers", "Tops", "Scarf"), or a word AuraX has no type for
("Kaftan"), which goes as Other with a note. The word is the garment's category in
documents, unless a ``category`` column says another. Every bad row is reported at
once (its row number, as the spreadsheet numbers it, and why): a missing file or one
that is not a picture, one outside the list's folder, a cell that cannot be used, no
type to be had, a SKU seen before (whatever its case or composition), a currency that
is no ISO 4217 code, a price in another currency than the row's. Nothing is sent from
a list with a bad row.

Refusals and notes are said in the language spoken when the list is read; the columns'
names stay as the list writes them (in English, or as ``ALIASES`` knows them).
"""

from __future__ import annotations

import logging
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from aurax_desktop.api import InvalidRequestError, ProductType
from aurax_desktop.api.suggest import product_type_in_words, suggest_product_type
from aurax_desktop.formats import format_number
from aurax_desktop.imaging import ImageError, load_image
from aurax_desktop.jobs.garments import Garment, display_name
from aurax_desktop.jobs.list_files import ListFileError, NumberedRow, cell_problem, read_rows
from aurax_desktop.jobs.listed_paths import OutsideTheFolderError, listed_file
from aurax_desktop.jobs.naming import caseless
from aurax_desktop.jobs.prices import DOLLAR, agrees, currency_code, read_price
from aurax_desktop.translation import _, ngettext

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

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BadRow:
    row: int
    why: str

    def __str__(self) -> str:
        # Translators: a refused row of a garment list: its number as the spreadsheet
        # numbers it, and why it cannot be used ("row 4: no file is named").
        return _("row {number}: {why}").format(number=self.row, why=self.why)


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
        # Translators: “file” is the name of a column as a list's header must write it
        # (in English): keep it as it is, here and below.
        message = _("“{name}” is empty: it needs a header row with “file”.")
        raise ManifestError(message.format(name=path.name))
    header = [_column(cell) for cell in rows[0][1]]
    if "file" not in header:
        columns = ", ".join(c for c in header if c)
        if columns:
            # Translators: {columns} are the columns' names the header has ("sku, name").
            message = _("“{name}” has no “file” column in its first row (found: {columns}).")
        else:
            message = _("“{name}” has no “file” column in its first row (found: nothing).")
        raise ManifestError(message.format(name=path.name, columns=columns))
    garments: list[Garment] = []
    bad: list[BadRow] = []
    notes: list[str] = []
    skus: dict[str, int] = {}
    for number, values in rows[1:]:
        unusable = _unusable_cell(header, values, number)
        if unusable is not None:
            bad.append(unusable)
            continue
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
        raise refused_rows(path, bad)
    if not garments:
        raise ManifestError(_("“{name}” lists no garments.").format(name=path.name))
    return Manifest(path, tuple(garments), tuple(notes))


SHOWN_BAD_ROWS = 50
"""The refused rows a message lists (it counts the others)."""


def refused_rows(path: Path, bad: list[BadRow]) -> ManifestError:
    """A list refused for its bad rows, every one named (the first ``SHOWN_BAD_ROWS``
    listed, the others counted)."""
    lines = [f"  {row}" for row in bad[:SHOWN_BAD_ROWS]]
    if len(bad) > SHOWN_BAD_ROWS:
        more = len(bad) - SHOWN_BAD_ROWS
        # Translators: after the refused rows listed, how many more there are.
        others = ngettext("and {count} more", "and {count} more", more)
        lines.append("  " + others.format(count=format_number(more)))
    # Translators: the refused rows follow, one a line.
    head = ngettext(
        "“{name}” has {count} row that cannot be used; nothing was sent:",
        "“{name}” has {count} rows that cannot be used; nothing was sent:",
        len(bad),
    ).format(name=path.name, count=format_number(len(bad)))
    return ManifestError("\n".join([head, *lines]), tuple(bad))


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
    """Each SKU seen (case-folded and NFC), with its row."""
    notes: list[str]


def _garment(folder: Path, cells: dict[str, str], row: _Row) -> Garment | BadRow:
    number = row.number
    given = cells.get("file", "")
    if not given:
        # Translators: a row's refusal, after "row 4: " (so are those below).
        return BadRow(number, _("no file is named"))
    try:
        photo = listed_file(folder, given)  # nothing outside the list's folder is opened
    except OutsideTheFolderError as exc:
        return BadRow(number, exc.user_message)
    unusable = unusable_photo(photo)
    if unusable is not None:
        return BadRow(number, unusable)
    typed = cells.get("type", "")
    category = cells.get("category", "") or as_category(typed)
    word = typed or category
    if word:
        kind = _product_type(word)
        if kind is None:
            kind = ProductType.OTHER
            # Translators: {word} is the type a list's row gives; {other} is the name of
            # AuraX's product type "Other"; {category} the word documents print.
            note = _(
                "Row {number}: “{word}” is not one of AuraX's product types, so it is sent "
                "as {other}; documents call it “{category}”."
            )
            row.notes.append(
                note.format(
                    number=number,
                    word=word,
                    other=ProductType.OTHER.label,
                    category=as_category(category or word),
                )
            )
    else:
        kind = suggest_product_type(photo.name) or suggest_product_type(cells.get("name", ""))
        if kind is None:
            why = _("no type is given, and “{file}” does not say one: add a type")
            return BadRow(number, why.format(file=photo.name))
    sku = cells.get("sku", "")
    if sku:  # the same SKU whatever its case or composition ("É" in NFC or NFD)
        if caseless(sku) in row.skus:
            why = _("SKU “{sku}” is also on row {row}")
            return BadRow(number, why.format(sku=sku, row=row.skus[caseless(sku)]))
        row.skus[caseless(sku)] = number
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
            why = _(
                "“{currency}” is not a currency code: write one such as EUR, USD or GBP (ISO 4217)"
            )
            return BadRow(number, why.format(currency=written))
        for text, price in shown:
            if not agrees(price, code):
                # Translators: {code} is a currency's ISO 4217 code ("EUR").
                why = _("the price “{price}” is not in {code}, the row's currency")
                return BadRow(number, why.format(price=text, code=code))
        return code
    codes = {price.currency for _text, price in shown if price.currency not in (None, DOLLAR)}
    if len(codes) > 1:
        return BadRow(number, _("its prices are in two currencies: give the row one currency"))
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


def unusable_photo(photo: Path) -> str | None:
    """Why the listed photo cannot be sent (None: it can). Decoded whole at a small
    size (a JPEG's own reduced decode, quick even for a large photo): a picture, of a
    kind that can be sent, and not cut short; proved once for all the rows that name
    it, until the file changes."""
    try:
        found = photo.stat()
    except OSError:
        found = None
    if found is None or not stat.S_ISREG(found.st_mode):
        return _unusable_at(photo, 0, -1)  # said in load_image's words
    return _unusable_at(photo, found.st_mtime_ns, found.st_size)


@lru_cache(maxsize=1024)
def _unusable_at(photo: Path, _changed: int, _size: int) -> str | None:
    try:
        load_image(photo, check_side=CHECK_SIDE)
    except ImageError as exc:
        return exc.user_message
    return None


def _unusable_cell(header: list[str], values: list[object], number: int) -> BadRow | None:
    """The first cell of a column the list is read by that cannot be used, named."""
    for i, name in enumerate(header):
        if name and i < len(values):
            problem = cell_problem(values[i], name)
            if problem is not None:
                return BadRow(number, problem)
    return None


def _rows(path: Path) -> list[NumberedRow]:
    try:
        return read_rows(path)
    except ListFileError as exc:
        raise ManifestError(exc.user_message) from None
