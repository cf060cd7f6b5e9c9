"""A season's work from the command: garments each of their own type, a season's list
(CSV and XLSX), bad rows refused with nothing sent, named batches, the line sheet and
the full-size export by a template. The real command against the demo server."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from PIL import Image
from pypdf import PdfReader

from aurax_desktop.demo import DemoServer
from tests.command_line import run
from tests.factories import jpeg_bytes, person_jpeg


@pytest.fixture
def season(tmp_path: Path) -> Path:
    """A season's folder: two people, three garments with telling names, one without."""
    folder = tmp_path / "SS27"
    (folder / "people").mkdir(parents=True)
    for name in ("anna", "ben"):
        (folder / "people" / f"{name}.jpg").write_bytes(person_jpeg())
    for name, colour in (
        ("linen-dress", (200, 40, 20)),
        ("white-sneakers", (240, 240, 240)),
        ("striped-top", (20, 40, 200)),
        ("item-007", (90, 90, 90)),
    ):
        (folder / f"{name}.jpg").write_bytes(jpeg_bytes((400, 400), colour))
    return folder


def posted_types(server: DemoServer) -> list[str]:
    return sorted(str(t["received"]["productType"]) for t in server.tasks())


def test_each_garment_goes_as_its_own_type(
    server: DemoServer, season: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garments = [str(season / f"{n}.jpg") for n in ("linen-dress", "white-sneakers", "striped-top")]
    out = tmp_path / "out"
    code = run(
        server,
        "--json",
        "batch",
        "--people",
        str(season / "people"),
        "--garments",
        *garments,
        "-o",
        str(out),
        "--yes",
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "“SS27”: 6 try-ons: 1 dress, 1 pair of shoes, 1 garment for 2 people" in captured.err
    assert posted_types(server) == ["DRESS", "DRESS", "FOOTWEAR", "FOOTWEAR", "GARMENT", "GARMENT"]
    records = json.loads(captured.out)
    assert {r["product_type"] for r in records} == {"DRESS", "FOOTWEAR", "GARMENT"}
    assert {r["batch_name"] for r in records} == {"SS27"}


def test_a_garment_whose_name_says_no_type_is_refused_before_anything_is_sent(
    server: DemoServer, season: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(
        server,
        "batch",
        "--people",
        str(season / "people"),
        "--garments",
        str(season / "item-007.jpg"),
        str(season / "linen-dress.jpg"),
        "--yes",
    )
    assert code == 2
    assert "item-007.jpg" in capsys.readouterr().err
    assert server.stats()["tasks_created"] == 0
    # --type sets every garment's type
    code = run(
        server,
        "batch",
        "--people",
        str(season / "people" / "anna.jpg"),
        "--garments",
        str(season / "item-007.jpg"),
        "--type",
        "bag",
        "--yes",
        "--name",
        "Bags",
        "--output",
        str(season / "out"),
    )
    assert code == 0
    assert posted_types(server) == ["BAG"]


LIST_ROWS = [
    ["File", "SKU", "Name", "Type", "Price", "Colour", "Notes"],
    ["linen-dress.jpg", "SS27-001", "Linen midi dress", "dress", "€ 129,00", "Sand", "x"],
    ["white-sneakers.jpg", "SS27-002", "Court sneaker", "", "89.90", "White", ""],
    ["item-007.jpg", "SS27-003", "Canvas tote", "BAG", "45", "Natural", ""],
]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=delimiter).writerows(rows)
    path.write_bytes("\ufeff".encode() + text.getvalue().encode())  # with a byte-order mark
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("kind", ["csv", "semicolons", "xlsx"])
def test_a_season_list_is_sent_with_its_details_kept(
    server: DemoServer,
    season: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    if kind == "xlsx":
        listed = write_xlsx(
            season / "SS27 list.xlsx", [*LIST_ROWS[:3], [*LIST_ROWS[3][:4], 45, "Natural"]]
        )
    else:
        listed = write_csv(
            season / "SS27 list.csv", LIST_ROWS, ";" if kind == "semicolons" else ","
        )
    code = run(
        server,
        "--json",
        "batch",
        "--people",
        str(season / "people" / "anna.jpg"),
        "--manifest",
        str(listed),
        "-o",
        str(tmp_path / "out"),
        "--yes",
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert posted_types(server) == ["BAG", "DRESS", "FOOTWEAR"]
    records = {r["sku"]: r for r in json.loads(captured.out)}
    assert records["SS27-001"]["name"] == "Linen midi dress"
    assert records["SS27-001"]["price"] == "€ 129,00" and records["SS27-001"]["colour"] == "Sand"
    assert records["SS27-003"]["price"] == "45"
    assert {r["batch_name"] for r in records.values()} == {"SS27 list"}
    run(None, "--json", "history", "--limit", "3")
    history = json.loads(capsys.readouterr().out)
    assert {h["sku"] for h in history} == {"SS27-001", "SS27-002", "SS27-003"}


def test_every_bad_row_of_a_list_is_named_and_nothing_is_sent(
    server: DemoServer, season: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (season / "notes.jpg").write_text("not a picture")
    photo = io.BytesIO()
    Image.effect_noise((1600, 1600), 60).convert("RGB").save(photo, "JPEG")
    whole = photo.getvalue()
    (season / "cut-short.jpg").write_bytes(whole[: len(whole) // 2])  # a broken download
    rows = [
        LIST_ROWS[0],
        LIST_ROWS[1],
        ["missing.jpg", "SS27-010", "Gone", "dress", "", "", ""],
        ["notes.jpg", "SS27-011", "Notes", "dress", "", "", ""],
        ["striped-top.jpg", "SS27-012", "Top", "kaftan", "", "", ""],
        ["white-sneakers.jpg", "SS27-001", "Again", "", "", "", ""],
        ["item-007.jpg", "SS27-013", "Thing", "", "", "", ""],
        ["cut-short.jpg", "SS27-014", "Half", "dress", "", "", ""],
    ]
    listed = write_csv(season / "bad.csv", rows)
    code = run(
        server, "batch", "--people", str(season / "people"), "--manifest", str(listed), "--yes"
    )
    err = capsys.readouterr().err
    assert code == 2
    for row, why in (
        (3, "could not be found"),
        (4, "not a picture"),
        (6, "SKU “SS27-001” is also on row 2"),
        (7, "does not say one"),
        (8, "damaged or incomplete"),
    ):
        assert f"row {row}: " in err and why in err, (row, why, err)
    assert "row 2:" not in err
    assert "row 5:" not in err  # a word AuraX has no type for goes as Other
    assert server.stats()["tasks_created"] == 0


def test_a_list_types_garments_in_everyday_words_as_file_names_do(
    server: DemoServer, season: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A type column says "top", "Sneakers" or "Scarf" as a merchandiser would; words are
    read whole, so a word only containing one ("topaz") names no type: it goes as Other,
    with a note, and the list is never refused for it. The word is the category."""
    (season / "hat.jpg").write_bytes(jpeg_bytes((400, 400), (10, 10, 10)))
    (season / "ring.jpg").write_bytes(jpeg_bytes((400, 400), (200, 200, 0)))
    listed = write_xlsx(
        season / "everyday.xlsx",
        [
            ["file", "sku", "type", "category"],
            ["striped-top.jpg", "E-1", "Tops", ""],
            ["white-sneakers.jpg", "E-2", "Sneakers", ""],
            ["item-007.jpg", "E-3", "handbag", "Bags"],
            ["linen-dress.jpg", "E-4", "T-shirt", ""],
            ["ring.jpg", "E-5", "topaz ring", ""],
            ["hat.jpg", "E-6", "SUNGLASSES", ""],
            ["people/anna.jpg", "E-7", "hat", ""],
            ["people/ben.jpg", "E-8", "topaz", ""],
        ],
    )
    code = run(
        server,
        "--json",
        "batch",
        "--people",
        str(season / "people" / "anna.jpg"),
        "--manifest",
        str(listed),
        "-o",
        str(tmp_path / "out"),
        "--yes",
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    records = {r["sku"]: r for r in json.loads(captured.out)}
    assert {sku: r["product_type"] for sku, r in records.items()} == {
        "E-1": "GARMENT",
        "E-2": "FOOTWEAR",
        "E-3": "BAG",
        "E-4": "GARMENT",
        "E-5": "JEWELLERY",
        "E-6": "EYEWEAR",
        "E-7": "GARMENT",
        "E-8": "OTHER",
    }
    assert {sku: r["category"] for sku, r in records.items()} == {
        "E-1": "Tops",
        "E-2": "Sneakers",
        "E-3": "Bags",  # the category column says another word than the type
        "E-4": "T-shirt",
        "E-5": "Topaz ring",
        "E-6": "Sunglasses",
        "E-7": "Hat",
        "E-8": "Topaz",
    }
    assert (
        "aurax: Row 9: “topaz” is not one of AuraX's product types, so it is sent as Other; "
        "documents call it “Topaz”." in captured.err
    )
    assert "Row 6:" not in captured.err  # "topaz ring" is a ring
    assert sorted(posted_types(server)).count("OTHER") == 1


def test_a_file_that_is_no_spreadsheet_is_refused_in_plain_words(
    server: DemoServer, season: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not a workbook at all, or one whose sheet is damaged: said without the reader's
    own error names, with what to do."""
    (season / "not-a-spreadsheet.xlsx").write_text("file,sku\nlinen-dress.jpg,1\n")
    book = write_xlsx(season / "damaged.xlsx", LIST_ROWS)
    with zipfile.ZipFile(book) as whole:
        parts = {name: whole.read(name) for name in whole.namelist()}
    with zipfile.ZipFile(book, "w") as damaged:
        for name, data in parts.items():
            damaged.writestr(name, b"<row><c" if name.endswith("sheet1.xml") else data)
    for name in ("not-a-spreadsheet.xlsx", "damaged.xlsx"):
        code = run(
            server,
            "batch",
            "--people",
            str(season / "people"),
            "--manifest",
            str(season / name),
            "--yes",
        )
        err = capsys.readouterr().err
        assert code == 2
        assert (
            f"“{name}” is not a spreadsheet this program can read: save it as an Excel "
            "workbook (.xlsx) or as CSV." in err
        ), err
        assert "BadZipFile" not in err and "ParseError" not in err and "Traceback" not in err
    assert server.stats()["tasks_created"] == 0


def test_a_line_sheet_and_a_full_size_export_by_a_template(
    server: DemoServer,
    season: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    listed = write_csv(season / "SS27.csv", LIST_ROWS)
    code = run(
        server,
        "batch",
        "--people",
        str(season / "people"),
        "--manifest",
        str(listed),
        "--describe",
        "-o",
        str(tmp_path / "out"),
        "--yes",
        "--name",
        "Summer 27",
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert "and 3 descriptions (0.75 credits), 18.75 credits" in err
    monkeypatch.setenv("LC_ALL", "en_IE.UTF-8")  # English, in euros
    sheet = tmp_path / "sheet.pdf"
    assert run(None, "linesheet", str(sheet)) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(sheet).pages)
    for expected in (
        "Summer 27",
        "Linen midi dress",
        "SKU: SS27-001",
        "Price: €129.00",
        "Price: €89.90",
        "Colour: Sand",
        "anna",
        "ben",
    ):
        assert expected in text
    assert ".jpg" not in text
    exported = tmp_path / "export"
    assert run(None, "export", str(exported), "--name", "{sku}_{person}") == 0
    names = sorted(p.stem for p in exported.iterdir())
    assert names == sorted(
        f"{sku}_{person}"
        for sku in ("SS27-001", "SS27-002", "SS27-003")
        for person in ("anna", "ben")
    )
    # an existing file is never replaced without --force
    assert run(None, "export", str(exported), "--name", "{sku}_{person}") == 1
    assert "exists: not replaced (add --force)" in capsys.readouterr().err
    assert run(None, "export", str(exported), "--name", "{sku}_{person}", "--force") == 0
    assert run(None, "export", str(exported), "--name", "{colour}") == 2  # not a field
