"""Season lists someone else made, to hurt: workbooks written part by part (so a part
can say what it likes about itself), CSVs with what a spreadsheet never writes. Used by
the tests and by ``benchmarks/hostile_lists.py``."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_ROOT_RELS = (
    f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" Type="{RELATIONS}/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONS}"><sheets><sheet name="List" '
    'sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" Type="{RELATIONS}/worksheet" '
    'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="'
    f'{RELATIONS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def cell(ref: str, text: str) -> bytes:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{escaped}</t></is></c>'.encode()


def sheet(rows: Iterable[bytes], dimension: str = "A1:B2") -> Iterator[bytes]:
    """A worksheet part: its stated dimension, then the rows given (each ``<row>``)."""
    yield f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/><sheetData>'.encode()
    yield from rows
    yield b"</sheetData></worksheet>"


def rows_of(values: Iterable[list[str]]) -> Iterator[bytes]:
    for number, row in enumerate(values, start=1):
        cells = b"".join(cell(f"{chr(65 + i)}{number}", text) for i, text in enumerate(row))
        yield f'<row r="{number}">'.encode() + cells + b"</row>"


def workbook(path: Path, worksheet: Iterable[bytes], shared_strings: Iterable[bytes] = ()) -> Path:
    """An XLSX whose sheet (and shared strings) are the bytes given, written as they
    come: a part may be far larger than memory would hold."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        for name, chunks in (
            ("xl/worksheets/sheet1.xml", worksheet),
            ("xl/sharedStrings.xml", shared_strings or [f'<sst xmlns="{MAIN}"/>'.encode()]),
        ):
            with archive.open(name, "w", force_zip64=True) as part:
                for chunk in chunks:
                    part.write(chunk)
    return path


def repeated(piece: bytes, total: int) -> Iterator[bytes]:
    """``piece`` over and over, ``total`` bytes in all, a megabyte at a time."""
    block = piece * max(1, (1 << 20) // len(piece))
    left = total
    while left > 0:
        yield block[:left]
        left -= len(block)


def one_huge_cell(path: Path, characters: int) -> Path:
    """A list whose second row names a garment with ``characters`` letters."""
    head = b'<row r="1">' + cell("A1", "file") + cell("B1", "name") + b"</row>"
    start = b'<row r="2">' + cell("A2", "dress.jpg") + b'<c r="B2" t="inlineStr"><is><t>'
    body = repeated(b"a", characters)
    return workbook(path, sheet([head, start, *body, b"</t></is></c></row>"]))


def reaching_xfd(path: Path, rows: int, *, stated: str) -> Path:
    """Rows that each reach the sheet's last column (XFD, 16,384), every cell written."""

    def lines() -> Iterator[bytes]:
        yield b'<row r="1">' + cell("A1", "file") + b"</row>"
        for number in range(2, rows + 2):
            yield f'<row r="{number}">'.encode()
            yield b"".join(f'<c r="{_column(i)}{number}"/>'.encode() for i in range(16_384))
            yield b"</row>"

    return workbook(path, sheet(lines(), dimension=stated))


def shared_strings_bomb(path: Path, strings: int, *, stated: int) -> Path:
    """``strings`` different shared strings (saying there are ``stated``), packed no
    tighter than a real list's, the sheet using one."""
    head = f'<sst xmlns="{MAIN}" count="{stated}" uniqueCount="{stated}">'.encode()

    def body() -> Iterator[bytes]:
        for first in range(0, strings, 10_000):
            numbers = range(first, min(first + 10_000, strings))
            yield b"".join(f"<si><t>SS27-{n * 7919 % 1_000_003}</t></si>".encode() for n in numbers)

    rows = [b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>']
    return workbook(path, sheet(rows, dimension="A1"), [head, *body(), b"</sst>"])


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
