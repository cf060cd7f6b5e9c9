"""What goes to a wholesale buyer, from a season's list as a merchandiser writes it: the
list's own words as categories, wholesale and retail prices with their currency as the
locale writes them, sizes, colours and descriptions, a cover and numbered pages, the
garments in the list's order, and the same choice of looks as the lookbook. The real
command against the demo server; the documents read back with poppler's ``pdftotext``."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.dates import get_month_names
from openpyxl import Workbook

from aurax_desktop.account import Settings, SettingsStore
from aurax_desktop.demo import DemoServer
from aurax_desktop.exports.lookbook import date_text
from aurax_desktop.jobs import FAVOURITE, JobBook, JobKind, JobQuery, JobStore
from aurax_desktop.languages import choose, system_preferences
from aurax_desktop.translation import use_language
from tests.command_line import run
from tests.factories import jpeg_bytes, person_jpeg
from tests.test_document_layout import Box, words

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

SEASON = [
    # as a merchandiser keeps it: their own headings and words, not the program's
    [
        "File",
        "SKU",
        "Name",
        "Type",
        "Wholesale price",
        "RRP",
        "Currency",
        "Sizes",
        "Colour",
        "Description",
    ],
    [
        "wool-scarf.jpg",
        "SS27-101",
        "Wool scarf",
        "Scarf",
        24.5,
        59,
        "EUR",
        "One size",
        "Oat",
        "Brushed merino, fringed ends.",
    ],
    [
        "linen-dress.jpg",
        "SS27-102",
        "Linen midi dress",
        "dress",
        "54,50",
        "129,00",
        "eur",
        "XS–XL",
        "Sand",
        "Washed linen, wrap front.",
    ],
    ["striped-top.jpg", "SS27-103", "Breton top", "Tops", 19, 45, "EUR", "S–L", "Navy", ""],
    ["item-007.jpg", "SS27-104", "Kaftan dress", "Kaftan", 39, 95, "EUR", "S–M", "Ochre", ""],
]


def pdf_text(pdf: Path) -> list[str]:
    """Each page's text, its lines' spaces made single, as poppler reads it."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)
    pages = out.stdout.decode("utf-8").split("\f")[:-1]
    return [" ".join(page.split()) for page in pages]


@pytest.fixture
def season(tmp_path: Path) -> Path:
    folder = tmp_path / "SS27"
    (folder / "people").mkdir(parents=True)
    for name in ("anna", "ben"):
        (folder / "people" / f"{name}.jpg").write_bytes(person_jpeg())
    for n, row in enumerate(SEASON[1:]):
        (folder / str(row[0])).write_bytes(jpeg_bytes((400, 400), (40 * n, 90, 160)))
    book = Workbook()
    sheet = book.active
    for row in SEASON:
        sheet.append(row)
    book.save(folder / "SS27 resort.xlsx")
    return folder


@pytest.fixture
def sent(
    server: DemoServer, season: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Path:
    """The season sent as a batch with its descriptions; the brand and contact set."""
    code = run(
        server,
        "batch",
        "--people",
        str(season / "people"),
        "--manifest",
        str(season / "SS27 resort.xlsx"),
        "--name",
        "SS27 Resort",
        "--describe",
        "-o",
        str(tmp_path / "out"),
        "--yes",
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert (
        "aurax: Row 5: “Kaftan” is not one of AuraX's product types, so it is sent as Other; "
        "documents call it “Kaftan”." in err
    )
    SettingsStore().save(
        Settings(
            lookbook_brand="Atelier Nord",
            lookbook_contact="Anna Berg · sales@ateliernord.com · +33 1 23 45 67 89",
        )
    )
    return season


@dataclass(frozen=True)
class Buyers:
    """What a line sheet for buyers says, in the language of a system's locale."""

    cover: str
    contact: str
    details: tuple[str, ...]
    """Lines of the garments' details, with prices as the locale writes them."""
    months: str
    """The locale whose names of months the cover's date uses."""
    type_word: str
    """The label of a product type, which a line sheet with the list's words never shows."""


ENGLISH_BUYERS = Buyers(
    "Line sheet · 4 garments",
    "Contact",
    (
        "SKU: SS27-101 Category: Scarf Colour: Oat Sizes: One size Wholesale: €24.50 · Retail: "
        "€59.00",
        "SKU: SS27-102 Category: Dress Colour: Sand Sizes: XS–XL Wholesale: €54.50 · Retail: "
        "€129.00",
        "Category: Tops",
        "Category: Kaftan",
    ),
    "en_IE",
    "Type:",
)
GERMAN_BUYERS = Buyers(
    "Linesheet · 4 Kleidungsstücke",
    "Kontakt",
    (
        "Artikelnummer (SKU): SS27-101 Kategorie: Scarf Farbe: Oat Größen: One size "
        "Großhandelspreis: 24,50 € · UVP: 59,00 €",
        "Artikelnummer (SKU): SS27-102",
        "Farbe: Sand Größen: XS–XL Großhandelspreis: 54,50 € · UVP: 129,00 €",
        "Kategorie: Tops",
        "Kategorie: Kaftan",
    ),
    "de_DE",
    "Typ:",
)


def dated(cover: str, locale: str) -> bool:
    """Whether ``cover`` has a day written in ``locale``'s long form ("6 December 2026",
    "6. Dezember 2026")."""
    months = "|".join(get_month_names("wide", locale=locale).values())
    day = {"de_DE": r"\d{1,2}\. (%s) \d{4}", "en_IE": r"\d{1,2} (%s) \d{4}"}[locale]
    return re.search(day % months, cover) is not None


@pytest.mark.usefixtures("sent")
@pytest.mark.parametrize(
    ("locale", "buyers"), [("en_IE.UTF-8", ENGLISH_BUYERS), ("de_DE.UTF-8", GERMAN_BUYERS)]
)
def test_a_line_sheet_for_buyers_from_a_merchandisers_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locale: str, buyers: Buyers
) -> None:
    """In the system's language (English in Ireland, German in Germany): its words, its
    prices and its date as that locale writes them."""
    monkeypatch.setenv("LC_ALL", locale)
    target = tmp_path / "buyers.pdf"
    assert run(None, "linesheet", str(target)) == 0
    cover, *pages = pdf_text(target)
    # the cover: whose collection, which, when, and whom to write to
    for expected in (
        "Atelier Nord",
        "SS27 Resort",
        buyers.cover,
        f"{buyers.contact} Anna Berg · sales@ateliernord.com · +33 1 23 45 67 89",
    ):
        assert expected in cover
    assert dated(cover, buyers.months)
    # numbered pages, two garments each
    assert len(pages) == 2
    # ("2 / 3": poppler joins its short words)
    assert re.search(r"2 ?/ ?3$", pages[0]) and re.search(r"3 ?/ ?3$", pages[1])
    text = " ".join(pages)
    # the list's order, not the alphabet's
    names = ["Wool scarf", "Linen midi dress", "Breton top", "Kaftan dress"]
    assert [text.index(name) for name in names] == sorted(text.index(name) for name in names)
    # the list's own words, prices with their currency as the locale writes them
    for expected in buyers.details:
        assert expected in text
    assert buyers.type_word not in text and "Garment" not in text and "Other" not in text
    # the list's description first, then the one AuraX wrote for that photo
    store = JobStore()
    described = {
        str(job.source_name): " ".join((job.description or "").split())
        for job in store.query(JobQuery(kinds=frozenset({JobKind.PRODUCT_DESCRIPTION})))
    }
    store.close()
    ours, theirs = "Brushed merino, fringed ends.", described["wool-scarf.jpg"][:30]
    assert theirs and text.index(ours) < text.index(theirs) < text.index("Linen midi dress")
    assert described["striped-top.jpg"][:30] in text  # no list description: AuraX's alone
    # both people's looks, by name
    assert text.count("anna") == 4 and text.count("ben") == 4


@pytest.mark.usefixtures("sent")
def test_the_line_sheet_follows_the_same_choice_of_looks_as_the_lookbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "en_IE.UTF-8")
    store = JobStore()
    looks = {
        (str(job.source_name), str(job.params.get("sku"))): job.id
        for job in store.query(JobQuery(kinds=frozenset({JobKind.TRY_ON})))
    }
    JobBook(store).edit([looks["anna.jpg", "SS27-102"]], mark=FAVOURITE)
    JobBook(store).edit([looks["ben.jpg", "SS27-104"]], mark=FAVOURITE)
    JobBook(store).edit([looks["ben.jpg", "SS27-104"]], stars=4)
    store.close()
    target = tmp_path / "favourites.pdf"
    assert run(None, "linesheet", str(target), "--favourites") == 0
    cover, page = pdf_text(target)
    assert "Line sheet · 2 garments" in cover
    assert "Linen midi dress" in page and "Kaftan dress" in page
    assert "Wool scarf" not in page and "Breton top" not in page
    assert page.count("anna") == 1 and page.count("ben") == 1  # only the favourite looks
    rated = tmp_path / "rated.pdf"
    assert run(None, "linesheet", str(rated), "--min-stars", "4") == 0
    _cover, page = pdf_text(rated)
    assert "Kaftan dress" in page and "Linen midi dress" not in page
    capsys.readouterr()
    assert run(None, "linesheet", str(tmp_path / "none.pdf"), "--min-stars", "5") == 2
    assert (
        "the batch “SS27 Resort” has no garments with finished try-ons rated 5+ stars for a "
        "line sheet." in capsys.readouterr().err
    )
    assert not (tmp_path / "none.pdf").exists()
    # the lookbook's captions name the list's category too
    book = tmp_path / "book.pdf"
    assert run(None, "lookbook", str(book), "--favourites") == 0
    text = " ".join(pdf_text(book))
    assert "SS27-102 · Dress" in text and "SS27-104 · Kaftan" in text


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        ("en_GB.UTF-8", "7 December 2026"),
        ("en_US.UTF-8", "December 7, 2026"),
        ("de_DE", "7. Dezember 2026"),
    ],
)
def test_a_document_s_date_is_written_as_the_locale_writes_dates(
    locale: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", locale)
    use_language(choose(system_preferences()))  # as the program speaks, from the system's
    noon = datetime(2026, 12, 7, 12, tzinfo=UTC).timestamp()  # the 7th from UTC-11 to UTC+11
    assert date_text(noon) == shown


@pytest.mark.usefixtures("sent")
def test_a_line_sheet_in_the_language_chosen(tmp_path: Path) -> None:
    """``--language`` decides a line sheet's words, and its prices and date are written
    as that language writes them, whatever the system speaks (English here)."""
    target = tmp_path / "de.pdf"
    assert run(None, "--language", "de", "linesheet", str(target)) == 0
    cover, *pages = pdf_text(target)
    assert "Linesheet · 4 Kleidungsstücke" in cover
    assert "Kontakt Anna Berg · sales@ateliernord.com" in cover
    assert dated(cover, "de_DE")  # "7. Dezember 2026"
    assert re.search(r"2 ?/ ?3$", pages[0]) and re.search(r"3 ?/ ?3$", pages[1])
    text = " ".join(pages)
    for expected in (
        "Artikelnummer (SKU): SS27-101 Kategorie: Scarf Farbe: Oat Größen: One size",
        "Großhandelspreis: 54,50 € · UVP: 129,00 €",
        "Kategorie: Kaftan",
    ):
        assert expected in text
    assert "Wholesale" not in text and "Colour" not in text
    chinese = tmp_path / "zh.pdf"
    assert run(None, "--language", "zh_CN", "linesheet", str(chinese)) == 0
    cover, *pages = ["".join(page.split()) for page in pdf_text(chinese)]
    assert "订货目录·4款服装" in cover and "联系方式" in cover
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", cover)
    assert "SKU：SS27-102品类：Dress颜色：Sand" in pages[0]
    assert "批发价：€54.50·零售价：€129.00" in pages[0]
    # and the lookbook of the same batch, dated in the language chosen
    german_book, chinese_book = tmp_path / "book-de.pdf", tmp_path / "book-zh.pdf"
    assert run(None, "--language", "de", "lookbook", str(german_book)) == 0
    assert dated(pdf_text(german_book)[0], "de_DE")
    assert run(None, "--language", "zh_CN", "lookbook", str(chinese_book)) == 0
    first = "".join(pdf_text(chinese_book)[0].split())
    assert "SS27Resort" in first and re.search(r"\d{4}年\d{1,2}月\d{1,2}日", first)


@pytest.mark.usefixtures("sent")
def test_an_arabic_line_sheet_reads_from_the_right(tmp_path: Path) -> None:
    """In Arabic the line sheet's own words are set right to left and flush with the
    right margin, where their reader starts; the list's Latin names stay flush left."""
    target = tmp_path / "ar.pdf"
    assert run(None, "--language", "ar", "linesheet", str(target)) == 0
    pages = words(target, tmp_path)
    right = 595.2756 - 15 * 72 / 25.4  # A4, less the margin
    cover, first = (_lines(page) for page in pages[:2])
    arabic = {text: ends for text, ends in cover.items() if reads_arabic(text)}
    # "كتالوج البيع بالجملة · 4 قطع ملابس", the date, "جهة الاتصال"
    assert len(arabic) == 3
    assert all(end == pytest.approx(right, abs=0.5) for _start, end in arabic.values())
    assert any("ديسمبر" in shaped(text) for text in arabic)  # a date in Arabic words
    details = [text for text in first if reads_arabic(text)]
    # the date, and each garment's SKU, category, colour, sizes and prices, labelled in
    # Arabic
    assert len(details) == 11
    assert all(first[text][1] == pytest.approx(right, abs=0.5) for text in details)
    assert any("رمز المنتج" in shaped(text) and "SS27-101" in text for text in details)
    # the price as Arabic writes it ("54.50 €", its sign drawn left of the amount)
    assert any("سعر الجملة" in shaped(text) and "€ 54.50" in text for text in details)
    latin = [ends for text, ends in first.items() if text.startswith("Wool scarf")]
    assert latin and latin[0][0] == pytest.approx(195.59, abs=0.5)  # beside the photo


def _lines(page: list[Box]) -> dict[str, tuple[float, float]]:
    """A page's lines of text, as drawn (left to right), and where each starts and ends."""
    rows: dict[float, list[Box]] = {}
    for box in page:
        rows.setdefault(round(box[3], 1), []).append(box)
    return {
        " ".join(box[4] for box in sorted(row)): (min(b[0] for b in row), max(b[2] for b in row))
        for row in rows.values()
    }


def reads_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" or "\ufb50" <= char <= "\ufeff" for char in text)


def shaped(drawn: str) -> str:
    """Arabic drawn text read back as letters in reading order (joined forms folded)."""
    return unicodedata.normalize("NFKC", drawn[::-1])  # a ligature unfolds in reading order
