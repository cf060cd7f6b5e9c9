"""What a client receives reads right: in a lookbook and a line sheet no two words
overlap (long names wrap, and past two lines are cut with "…"), and names in Chinese
and Arabic are real text in the PDF. Word boxes come from poppler's ``pdftotext
-bbox``, the text from the PDF library's extraction."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from itertools import combinations
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from aurax_desktop.exports import Lookbook
from aurax_desktop.exports.fonts import clean
from aurax_desktop.exports.linesheet import LineItem, LineSheet, write_linesheet
from aurax_desktop.exports.lookbook import Look, PersonPage, write_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

CHINESE = "真丝连衣裙"
ARABIC = "فستان كتان صيفي"
LONG = "SS27 look 021 oversized double breasted linen blazer in washed sand with horn buttons"
PERSON = "Anna Maria de la Fuente y Villanueva"
NAMES = [
    "Linen midi dress",
    CHINESE,
    ARABIC,
    LONG,
    "Robe d’été à fleurs",
    "Ultra­long­compound­nameofagarmentwithoutanyspacesinitatallwhatsoever",
    "Court sneaker",
]

Box = tuple[float, float, float, float, str]


def words(pdf: Path, tmp_path: Path) -> list[list[Box]]:
    """Every word's box, page by page."""
    out = tmp_path / f"{pdf.stem}.html"
    subprocess.run(["pdftotext", "-bbox", str(pdf), str(out)], check=True)
    pages: list[list[Box]] = []
    for page in out.read_text(encoding="utf-8").split("<page")[1:]:
        found = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
            page,
        )
        pages.append([(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in found])
    return pages


def overlaps(boxes: list[Box]) -> list[tuple[str, str]]:
    found = []
    for a, b in combinations(boxes, 2):
        width = min(a[2], b[2]) - max(a[0], b[0])
        height = min(a[3], b[3]) - max(a[1], b[1])
        if width > 0.5 and height > 0.5:
            found.append((a[4], b[4]))
    return found


def pictures(tmp_path: Path, count: int) -> list[Path]:
    made = []
    for n in range(count):
        path = tmp_path / f"result-{n}.jpg"
        Image.new("RGB", (600, 900), (30 * n, 120, 90)).save(path)
        made.append(path)
    return made


def plain(text: str) -> str:
    """Extracted text without spaces, presentation forms folded (Arabic joined forms
    read back as their letters)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_a_lookbook_s_words_never_overlap_in_any_script(tmp_path: Path) -> None:
    shots = pictures(tmp_path, len(NAMES))
    looks = tuple(
        Look(shot, name, f"SS27-{n:03d}", "Dress")
        for n, (shot, name) in enumerate(zip(shots, NAMES, strict=True))
    )
    book = Lookbook(
        "SS27 — “Summer by the sea” " + CHINESE,
        pages=(
            PersonPage("Anna Maria de la Fuente y Villanueva", looks),
            PersonPage(ARABIC, looks[:2]),
        ),
        subtitle="Atelier Nord · Wholesale preview",
    )
    target, notes = write_pdf(book, tmp_path / "book.pdf")
    assert notes == []
    for page in words(target, tmp_path):
        assert page and overlaps(page) == []
    raw = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    text = plain(raw)
    assert CHINESE in text  # real text, not empty boxes
    assert all(plain(word) in text or plain(word)[::-1] in text for word in ARABIC.split())
    assert "…" in raw  # the long name was cut, past two lines


def test_bold_captions_three_across_keep_to_their_column(tmp_path: Path) -> None:
    """Captions are set bold, so they are measured bold: a name that would fit in the
    regular weight wraps before it reaches the next column."""
    names = [
        "AW26 Wool-blend double-breasted overcoat camel long",
        "AW26 Silk-satin bias-cut slip dress midnight",
        "AW26 Merino ribbed roll-neck jumper ecru",
    ]
    looks = tuple(
        Look(shot, name, f"AW26-{n:03d}", "Outerwear")
        for n, (shot, name) in enumerate(zip(pictures(tmp_path, 3), names, strict=True))
    )
    book = Lookbook("AW26", pages=(PersonPage("Anna-Maria Kowalczyk", looks),))
    target, _notes = write_pdf(book, tmp_path / "three.pdf")
    for page in words(target, tmp_path):
        assert page and overlaps(page) == []


def test_a_line_sheet_s_words_never_overlap_in_any_script(tmp_path: Path) -> None:
    shots = pictures(tmp_path, 4)
    items = tuple(
        LineItem(
            name,
            shots[n % 4],
            sku=f"SS27-{n:03d}",
            category="Dress",
            colour="Sand",
            sizes="XS, S, M, L, XL",
            wholesale="€54.50",
            retail="€129.00",
            description=clean(
                "A relaxed dress in washed linen. " * 8 + ("\u202eevil" if n == 0 else "")
            ),
            described="Made by AuraX: a long description of the dress. " * 4,
            looks=tuple(
                (person, Look(shots[k % 4], name, "", "Dress"))
                for k, person in enumerate((PERSON, ARABIC, CHINESE, "Ben", "Clara"))
            ),
        )
        for n, name in enumerate(NAMES[:4])
    )
    sheet = LineSheet(
        "SS27 line sheet " + CHINESE,
        items=items,
        subtitle="Atelier Nord · Wholesale preview",
        brand="Atelier Nord",
        contact="Anna Berg · sales@ateliernord.com · +33 1 23 45 67 89",
    )
    target, notes = write_linesheet(sheet, tmp_path / "s.pdf")
    assert notes == []
    pages = words(target, tmp_path)
    assert len(pages) == 3  # the cover, then two garments a page
    height = float(PdfReader(target).pages[0].mediabox.height)
    for page in pages:
        assert overlaps(page) == []
    for page in pages[1:]:
        lowest = max(box[3] for box in page)  # y grows downwards in these boxes
        assert height * 0.9 < lowest < height  # two garments fill the page, none past it
    first = " ".join(box[4] for box in pages[1])
    assert all(word in first for word in PERSON.split())  # a long name wraps, whole
    assert "\u202e" not in target.read_bytes().decode("latin-1")


def test_a_page_s_looks_are_as_large_as_the_page_allows() -> None:
    from aurax_desktop.exports.lookbook import _grid  # noqa: PLC0415 - the layout alone
    from aurax_desktop.exports.print_pictures import PrintPicture  # noqa: PLC0415

    def widths(count: int, slots: int = 0) -> tuple[set[float], set[float]]:
        look = Look(Path("look.jpg"), "Linen midi dress", "", "Dress")
        shots = [(look, PrintPicture(Path("look.jpg"), (600, 900)))] * count
        placed = _grid(shots, left=40, right=555, top=760, bottom=40, slots=slots)
        return {round(w, 1) for _l, (_x, _y, w, _h) in placed}, {
            round(x, 1) for _l, (x, _y, _w, _h) in placed
        }

    one, _ = widths(1)
    three, columns = widths(3)
    nine, _ = widths(9)
    assert len(one) == len(three) == len(nine) == 1  # all on a page the same size
    assert one.pop() > 400  # a single look fills the page
    assert len(columns) == 2 and three.pop() > nine.pop()  # three go two and one, larger
    # a person's last page of two looks, after a page of nine: the pictures keep their size
    assert widths(2, slots=9)[0] == widths(9)[0]
