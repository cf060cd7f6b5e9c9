"""What goes to a wholesale buyer, from a season's list as a merchandiser writes it: the
list's own words as categories, wholesale and retail prices with their currency as the
locale writes them, sizes, colours and descriptions, a cover and numbered pages, the
garments in the list's order, and the same choice of looks as the lookbook. The real
command against the demo server; the documents read back with poppler's ``pdftotext``."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from aurax_desktop.account import Settings, SettingsStore
from aurax_desktop.demo import DemoServer
from aurax_desktop.exports.lookbook import date_text
from aurax_desktop.jobs import FAVOURITE, JobBook, JobKind, JobQuery, JobStore
from tests.command_line import run
from tests.factories import jpeg_bytes, person_jpeg

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


@pytest.mark.usefixtures("sent")
@pytest.mark.parametrize(
    ("locale", "prices"),
    [
        (
            "en_IE.UTF-8",
            ["Wholesale: €24.50 · Retail: €59.00", "Wholesale: €54.50 · Retail: €129.00"],
        ),
        (
            "de_DE.UTF-8",
            ["Wholesale: 24,50 € · Retail: 59,00 €", "Wholesale: 54,50 € · Retail: 129,00 €"],
        ),
    ],
)
def test_a_line_sheet_for_buyers_from_a_merchandisers_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locale: str, prices: list[str]
) -> None:
    monkeypatch.setenv("LC_ALL", locale)
    target = tmp_path / "buyers.pdf"
    assert run(None, "linesheet", str(target)) == 0
    cover, *pages = pdf_text(target)
    # the cover: whose collection, which, when, and whom to write to
    for expected in (
        "Atelier Nord",
        "SS27 Resort",
        "Line sheet · 4 garments",
        "Contact Anna Berg · sales@ateliernord.com · +33 1 23 45 67 89",
    ):
        assert expected in cover
    # numbered pages, two garments each
    assert len(pages) == 2
    # ("2 / 3": poppler joins its short words)
    assert re.search(r"2 ?/ ?3$", pages[0]) and re.search(r"3 ?/ ?3$", pages[1])
    text = " ".join(pages)
    # the list's order, not the alphabet's
    names = ["Wool scarf", "Linen midi dress", "Breton top", "Kaftan dress"]
    assert [text.index(name) for name in names] == sorted(text.index(name) for name in names)
    # the list's own words, prices with their currency as the locale writes them
    for expected in (
        "SKU: SS27-101 Category: Scarf Colour: Oat Sizes: One size " + prices[0],
        "SKU: SS27-102 Category: Dress Colour: Sand Sizes: XS–XL " + prices[1],
        "Category: Tops",
        "Category: Kaftan",
    ):
        assert expected in text
    assert "Type:" not in text and "Garment" not in text and "Other" not in text
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
    noon = datetime(2026, 12, 7, 12, tzinfo=UTC).timestamp()  # the 7th from UTC-11 to UTC+11
    assert date_text(noon) == shown
