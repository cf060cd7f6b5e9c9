"""A list file (a season's garments, a people list: CSV or XLSX) read within bounds,
whatever someone put in it.

The file must be a regular one (not a device, a pipe, or a link to one: it is opened
without waiting and looked at before anything is read) of at most 20 MB. A workbook is
checked before it is parsed, from what its zip says of itself and from quick scans of
its parts: no more than so many parts, none larger than 64 MB unpacked or packed more
than 100 times, the sheet's stated size and its cells, and the shared strings, within
the limits below. Then at most 10,000 rows of at most 100 columns are read. A list
over a limit is refused with the limit named, never cut short without a word.

What is wrong with a single cell (a NUL character, more than 10,000 characters, text
that is not UTF-8) is for the reader of the rows to name by row: ``cell_problem``.

Every refusal is said in the language spoken when the list is read, its numbers written
as that language writes them ("10.000" in German).
"""

from __future__ import annotations

import csv
import io
import logging
import os
import posixpath
import re
import stat
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from aurax_desktop.formats import format_number
from aurax_desktop.translation import _

log = logging.getLogger(__name__)

MAX_LIST_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
"""Rows of a list below its header."""
MAX_COLUMNS = 100
MAX_CELL = 10_000
"""Characters in one cell."""
MAX_PARTS = 1_000
MAX_PART_BYTES = 64 * 1024 * 1024
"""A workbook's part (its sheet, its shared strings) unpacked."""
MAX_RATIO = 100
"""How much more a part may unpack to than it takes packed (past a megabyte)."""
MAX_SHARED_STRINGS = 250_000
MAX_CELLS = 500_000
"""Cells written in the sheet, values or not."""
MAX_SHEET_ROW = 100_000
"""The furthest row a sheet may reach, empty rows on the way counted."""

_SCAN_CHUNK = 1024 * 1024
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_SHARED_STRING = re.compile(rb"<(?:\w+:)?si[\s>/]")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Za-z]*)(\d*)(?::([A-Za-z]+)(\d+))?\"")
_STATED_STRINGS = re.compile(rb"<(?:\w+:)?sst\b[^>]*?uniqueCount=\"(\d+)\"")
_NOT_UTF8 = re.compile("[\udc80-\udcff]")
"""Bytes that were not UTF-8, as decoding with ``surrogateescape`` keeps them."""


class ListFileError(Exception):
    """The list cannot be read at all; ``user_message`` says why, in plain words."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


Row = list[object]
NumberedRow = tuple[int, Row]
"""A row that holds something, with its number as the spreadsheet numbers it."""


def read_rows(path: Path) -> list[NumberedRow]:
    """The rows of the list at ``path`` that hold something (the header first), each
    with its number and at most ``MAX_COLUMNS`` cells. ``ListFileError`` for a file
    that cannot be a list or is over a limit."""
    data = _read_regular(path)
    if path.suffix.lower() in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        rows = _workbook_rows(path, data)
    else:
        rows = _text_rows(path, data)
    found: list[NumberedRow] = []
    for number, row in enumerate(rows, start=1):
        if number > MAX_SHEET_ROW:
            message = _(
                "“{name}” goes on past row {row}; a list may have at most {rows} rows. "
                "Delete the empty rows below the list, or split it."
            )
            raise ListFileError(
                message.format(
                    name=path.name,
                    row=format_number(MAX_SHEET_ROW),
                    rows=format_number(MAX_ROWS),
                )
            )
        if not any(_filled(cell) for cell in row):
            continue
        if len(found) > MAX_ROWS:  # the header and as many rows as may be, and one more
            message = _(
                "“{name}” has more than {rows} rows; a list may have at most {rows} below its "
                "header. Split it into several lists."
            )
            raise ListFileError(message.format(name=path.name, rows=format_number(MAX_ROWS)))
        found.append((number, list(row[:MAX_COLUMNS])))
    return found


def cell_problem(value: object, column: str) -> str | None:
    """What makes a cell of ``column`` unusable, as a row's refusal says it ("the “name”
    cell holds a NUL character..."); None for a usable cell."""
    if not isinstance(value, str):
        return None
    if "\x00" in value:
        # Translators: {column} is a column's name as the list's header writes it
        # ("sku", "name"), kept as it is; so in the two messages below.
        return _("the “{column}” cell holds a NUL character (the file may be damaged)").format(
            column=column
        )
    if len(value) > MAX_CELL:
        message = _("the “{column}” cell holds {count} characters; a cell may hold at most {most}")
        return message.format(
            column=column, count=format_number(len(value)), most=format_number(MAX_CELL)
        )
    if _NOT_UTF8.search(value):
        message = _(
            "the “{column}” cell is not UTF-8 text: save the list as “CSV UTF-8” from the "
            "spreadsheet"
        )
        return message.format(column=column)
    return None


def _filled(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""


def _read_regular(path: Path) -> bytes:
    """The file's bytes: a regular file's, never more than the limit. It is opened
    without waiting (a named pipe with no writer would block for ever) and looked at
    before anything is read (``/dev/zero`` never ends)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        log.info("list %s not opened: %r", path, exc)
        raise ListFileError(_unopened(path, exc)) from None
    try:
        refusal = _not_a_list(path, os.fstat(handle))
    except OSError as exc:
        refusal = _unopened(path, exc)
    if refusal is not None:
        os.close(handle)  # looked at before it becomes a file object (a folder cannot)
        raise ListFileError(refusal)
    with os.fdopen(handle, "rb", buffering=0) as stream:
        try:
            data = stream.read(MAX_LIST_BYTES + 1)  # never more, whatever it said
        except OSError as exc:
            log.info("list %s not read: %r", path, exc)
            raise ListFileError(_unopened(path, exc)) from None
    if data is None or len(data) > MAX_LIST_BYTES:
        raise ListFileError(_too_large(path))
    return data


def _not_a_list(path: Path, found: os.stat_result) -> str | None:
    """Why what ``path`` opened cannot be a list (a folder, a device, a pipe, a file
    over the limit); None when it may be one."""
    if stat.S_ISDIR(found.st_mode):
        return _folder(path)
    if not stat.S_ISREG(found.st_mode):
        message = _("“{name}” is not a file but a device or a pipe, so it is not read as a list.")
        return message.format(name=path.name)
    if found.st_size > MAX_LIST_BYTES:
        return _too_large(path)
    return None


def _too_large(path: Path) -> str:
    # Translators: {megabytes} is a whole number of megabytes ("MB" their symbol).
    message = _(
        "“{name}” is larger than a list may be ({megabytes} MB). Split it into several lists."
    )
    return message.format(name=path.name, megabytes=format_number(MAX_LIST_BYTES // (1024 * 1024)))


def _folder(path: Path) -> str:
    return _("“{name}” is a folder: open the list inside it.").format(name=path.name)


def _unopened(path: Path, exc: OSError) -> str:
    """Why the list's file could not be read, in the user's words."""
    if isinstance(exc, FileNotFoundError):
        message = _("“{name}” could not be found: it may have been moved or renamed.")
    elif isinstance(exc, IsADirectoryError):
        return _folder(path)
    elif isinstance(exc, PermissionError):
        message = _("“{name}” cannot be opened: this account is not allowed to read it.")
    elif exc.strerror:
        # Translators: {reason} is the system's words for what went wrong.
        return _("“{name}” cannot be read ({reason}).").format(name=path.name, reason=exc.strerror)
    else:
        message = _("“{name}” cannot be read (the system refused).")
    return message.format(name=path.name)


def _text_rows(path: Path, data: bytes) -> Iterator[Sequence[object]]:
    """A CSV's rows (UTF-8, with or without a byte-order mark; commas or semicolons).
    Bytes that are not UTF-8 are kept as such, for the row they are in to be named."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8", "surrogateescape")
    first = text.split("\n", 1)[0]
    if _NOT_UTF8.search(first):
        message = _("“{name}” is not UTF-8 text. Save it as “CSV UTF-8” from the spreadsheet.")
        raise ListFileError(message.format(name=path.name))
    delimiter = ";" if first.count(";") > first.count(",") else ","
    # The file is at most MAX_LIST_BYTES: no field can be longer, and a longer one than
    # a cell may be is named by its row, not refused by the csv module with the others.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_LIST_BYTES + 1))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        yield from reader
    except csv.Error as exc:
        # Translators: {reason} is the CSV reader's words for what is wrong, in English.
        message = _("“{name}” cannot be read as CSV ({reason}).")
        raise ListFileError(message.format(name=path.name, reason=exc)) from None
    finally:
        csv.field_size_limit(limit)


def _workbook_rows(path: Path, data: bytes) -> Iterator[Sequence[object]]:
    from openpyxl import load_workbook  # noqa: PLC0415 - only for spreadsheets

    _check_workbook(path, data)
    # A damaged or foreign file fails in many ways inside openpyxl (not a zip, a zip
    # without a workbook, broken XML found only while the rows are read): each is the
    # same news to the user, with the detail in the log.
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        log.info("list %s is not a readable workbook: %r", path, exc)
        raise ListFileError(_not_a_workbook(path)) from None
    try:
        yield from book.worksheets[0].iter_rows(max_col=MAX_COLUMNS, values_only=True)
    except ListFileError:
        raise
    except Exception as exc:
        log.info("list %s is not a readable workbook: %r", path, exc)
        raise ListFileError(_not_a_workbook(path)) from None
    finally:
        book.close()


def _not_a_workbook(path: Path) -> str:
    message = _(
        "“{name}” is not a spreadsheet this program can read: save it as an Excel "
        "workbook (.xlsx) or as CSV."
    )
    return message.format(name=path.name)


def _check_workbook(path: Path, data: bytes) -> None:
    """Refuse a workbook that would take too long or too much memory to parse, from its
    zip's directory and quick scans of its parts (nothing is parsed as XML but two
    small parts that say which sheet is the first)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        log.info("list %s is not a zip: %r", path, exc)
        raise ListFileError(_not_a_workbook(path)) from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            message = _(
                "“{name}” has {count} parts inside; a workbook may have at most {most}. "
                "Save it again as a plain workbook (.xlsx) or as CSV."
            )
            raise ListFileError(
                message.format(
                    name=path.name, count=format_number(len(parts)), most=format_number(MAX_PARTS)
                )
            )
        for part in parts:
            _check_part(path, part)
        try:
            for part in parts:
                if part.filename.lower().endswith("sharedstrings.xml"):
                    _check_shared_strings(path, archive, part)
            for sheet in _sheets_to_check(archive):
                _check_sheet(path, archive, sheet)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            log.info("list %s has a damaged part: %r", path, exc)
            raise ListFileError(_not_a_workbook(path)) from None


def _check_part(path: Path, part: zipfile.ZipInfo) -> None:
    unpacked, packed = part.file_size, max(part.compress_size, 1)
    if unpacked > MAX_PART_BYTES or (unpacked > 1024 * 1024 and unpacked / packed > MAX_RATIO):
        # Translators: {part} is the name of a file inside the workbook; {megabytes}
        # and {most} are whole numbers of megabytes.
        message = _(
            "“{name}” holds a part that unpacks to {megabytes} MB (“{part}”); a list's parts "
            "may take at most {most} MB, packed no more than {ratio} times. Save it again as "
            "a plain workbook (.xlsx) or as CSV."
        )
        raise ListFileError(
            message.format(
                name=path.name,
                megabytes=format_number(unpacked / 1e6, decimals=0),
                part=part.filename[:60],
                most=format_number(MAX_PART_BYTES // (1024 * 1024)),
                ratio=format_number(MAX_RATIO),
            )
        )


def _count(archive: zipfile.ZipFile, name: str, pattern: re.Pattern[bytes], limit: int) -> int:
    """How many times ``pattern`` is in the part, read in chunks; counting stops past
    ``limit``."""
    found = 0
    tail = b""
    with archive.open(name) as stream:
        while chunk := stream.read(_SCAN_CHUNK):
            window = tail + chunk
            found += len(pattern.findall(window)) - len(pattern.findall(tail))
            if found > limit:
                break
            tail = window[-32:]
    return found


def _check_shared_strings(path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    with archive.open(part) as stream:
        head = stream.read(4096)
    stated = _STATED_STRINGS.search(head)
    count = int(stated.group(1)) if stated else 0
    if count <= MAX_SHARED_STRINGS:
        count = _count(archive, part.filename, _SHARED_STRING, MAX_SHARED_STRINGS)
    if count > MAX_SHARED_STRINGS:
        message = _(
            "“{name}” holds more than {most} different texts; a list may hold at most "
            "{most}. Save it again with only the list in it, or as CSV."
        )
        raise ListFileError(message.format(name=path.name, most=format_number(MAX_SHARED_STRINGS)))


def _sheets_to_check(archive: zipfile.ZipFile) -> list[str]:
    """The first sheet's part, as the workbook names it; every sheet's when the
    workbook cannot say. (Read with patterns, not parsed: only these two attributes
    are wanted from two small parts.)"""
    names = set(archive.namelist())
    try:
        book = _small_part(archive, "xl/workbook.xml")
        links = _small_part(archive, "xl/_rels/workbook.xml.rels")
        first = _FIRST_SHEET.search(book)
        if first is not None:
            for link in _RELATIONSHIP.finditer(links):
                attributes = dict(_ATTRIBUTE.findall(link.group(1)))
                if attributes.get(b"Id") == first.group(1):
                    target = attributes.get(b"Target", b"").decode("utf-8", "replace")
                    part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                    part = posixpath.normpath(part)
                    if part in names:
                        return [part]
    except (KeyError, ValueError) as exc:
        log.info("the workbook does not say its first sheet: %r", exc)
    return sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))


_FIRST_SHEET = re.compile(rb"<(?:\w+:)?sheet\s[^>]*?\s(?:\w+:)?id=\"([^\"]+)\"")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\s([^>]*)>")
_ATTRIBUTE = re.compile(rb"(\w+)=\"([^\"]*)\"")


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > 1024 * 1024:
        raise ValueError(f"{name} is larger than a workbook's index may be")
    return archive.read(name)


def _check_sheet(path: Path, archive: zipfile.ZipFile, name: str) -> None:
    with archive.open(name) as stream:
        head = stream.read(64 * 1024)
    stated = _DIMENSION.search(head)
    if stated and stated.group(3):
        rows = int(stated.group(4)) - int(stated.group(2) or 1) + 1
        last, first = stated.group(3).decode(), stated.group(1).decode() or "A"
        columns = _column_number(last) - _column_number(first) + 1
        if rows > MAX_SHEET_ROW or columns > MAX_COLUMNS:
            message = _(
                "“{name}” says its sheet is {rows} rows by {columns} columns; a list may have "
                "at most {most_rows} rows of {most_columns} columns. Delete what is beside "
                "or below the list, or save it as CSV."
            )
            raise ListFileError(
                message.format(
                    name=path.name,
                    rows=format_number(rows),
                    columns=format_number(columns),
                    most_rows=format_number(MAX_ROWS),
                    most_columns=format_number(MAX_COLUMNS),
                )
            )
    if _count(archive, name, _CELL, MAX_CELLS) > MAX_CELLS:
        message = _(
            "“{name}” has more than {cells} cells in its sheet; a list may have at most "
            "{most_rows} rows of {most_columns} columns. Delete what is beside or below the "
            "list, or save it as CSV."
        )
        raise ListFileError(
            message.format(
                name=path.name,
                cells=format_number(MAX_CELLS),
                most_rows=format_number(MAX_ROWS),
                most_columns=format_number(MAX_COLUMNS),
            )
        )


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
