"""A season in the real window against the demo server: garments dropped together go
each as its own type (with the mask painted for that type only), a season's list fills
the Garment pane (a bad one is refused row by row), and the batch's lookbook and line
sheet are written for the client."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from aurax_desktop.account import Settings
from aurax_desktop.demo import DemoServer
from aurax_desktop.exports import Lookbook, write_pdf
from aurax_desktop.exports.lookbook import Look, PersonPage
from aurax_desktop.jobs import JobKind, JobQuery
from aurax_desktop.jobs.garments import LABEL, SKU
from aurax_desktop.ui.shell.dialogs.settings import SettingsDialog
from aurax_desktop.ui.studio.batch import BatchQuestion, Pairs
from tests.factories import jpeg_bytes, person_jpeg
from tests.ui.conftest import (
    WindowFactory,
    answer_batch_question,
    answer_export_options,
    answer_next_dialog,
    drop,
    stroke,
)


@pytest.fixture
def season(tmp_path: Path) -> Path:
    folder = tmp_path / "SS27 Resort"
    folder.mkdir()
    (folder / "anna.jpg").write_bytes(person_jpeg())
    for name, colour in (
        ("linen-dress", (200, 40, 20)),
        ("white-sneakers", (240, 240, 240)),
        ("striped-top", (20, 40, 200)),
    ):
        (folder / f"{name}.jpg").write_bytes(jpeg_bytes((400, 400), colour))
    return folder


def drop_files(widget: object, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    drop(widget, mime)  # type: ignore[arg-type]


def test_garments_dropped_together_go_each_as_its_own_type(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    season: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = demo_factory(task_seconds=0.1)
    driver = open_window(server)
    page = driver.try_on
    page.person_pane.load_path(season / "anna.jpg")
    garments = [season / f"{n}.jpg" for n in ("linen-dress", "white-sneakers", "striped-top")]
    drop_files(page.garment_pane, garments)
    qtbot.waitUntil(lambda: len(page.garment_pane.photos()) == 3 and page.blocker() == "")
    strip = page.garment_pane.strip
    assert [p.product_type for p in page.garment_pane.photos()] == [
        "DRESS",
        "FOOTWEAR",
        "GARMENT",
    ]
    # the type field follows the garment shown; a mask painted for the dress is the dress's
    strip.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.garment_pane.shown is page.garment_pane.photos()[0])
    assert page.product_type.currentData() == "DRESS"
    assert page.mask_label.full_text() == "Mask for Dress · anna.jpg"
    canvas = page.mask_canvas
    qtbot.waitUntil(canvas.has_image)
    rect = canvas.image_rect()
    stroke(canvas, [QPointF(rect.center()), QPointF(rect.center()) + QPointF(20, 30)])
    strip.setCurrentRow(1)
    qtbot.waitUntil(lambda: page.product_type.currentData() == "FOOTWEAR")
    assert page.mask_label.full_text() == "Mask for Footwear · anna.jpg"
    assert not canvas.is_painted()  # the shoes have no mask of their own
    assert page.garment_pane.name_label.full_text() == "white-sneakers.jpg"
    # one garment retyped from the field; the question states the mix and asks a name
    strip.setCurrentRow(2)
    qtbot.waitUntil(lambda: page.product_type.currentData() == "GARMENT")
    page.product_type.setCurrentIndex(page.product_type.findData("OUTFIT"))
    assert page.garment_pane.photos()[2].product_type == "OUTFIT"
    said = answer_batch_question(name="SS27 Resort", describe=True)
    page.submit()
    assert said[0] == "3 try-ons: 1 dress, 1 pair of shoes, 1 outfit × 1 person, 9 credits"
    assert said[1] == "Send 3 try-ons"
    assert said[2].endswith("9.75 credits")
    assert said[3] == "Send 3 try-ons and 3 descriptions"
    store = driver.session.store

    def ended() -> bool:
        jobs = store.query(JobQuery(limit=20))
        return len(jobs) == 6 and all(j.status.is_final for j in jobs)

    qtbot.waitUntil(ended, timeout=30_000)
    chooser = driver.gallery.page.batch_combo  # by the name given, its descriptions aside
    qtbot.waitUntil(lambda: chooser.itemText(0) == "SS27 Resort · 3", timeout=5000)
    sent = {str(t["received"]["productType"]): t["received"] for t in server.tasks()}
    assert sorted(sent) == ["DRESS", "FOOTWEAR", "OUTFIT"]
    assert sent["DRESS"]["mask"] is not None
    assert sent["FOOTWEAR"]["mask"] is None and sent["OUTFIT"]["mask"] is None
    described = store.query(JobQuery(kinds=frozenset({JobKind.PRODUCT_DESCRIPTION})))
    assert len(described) == 3
    # the lookbook and the line sheet, from the Gallery
    model = driver.gallery.model
    qtbot.waitUntil(lambda: model.counts()["done"] == 3, timeout=10_000)
    # the grid's headers name people and garments for people; the files are in tooltips
    across, down = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    assert sorted(model.headerData(c, across) for c in range(3)) == [
        "linen dress",
        "striped top",
        "white sneakers",
    ]  # (with no season's list: the files' names, for people)
    assert model.headerData(0, down) == "anna"
    assert model.headerData(0, down, Qt.ItemDataRole.ToolTipRole) == "anna.jpg"
    tips = {model.headerData(c, across, Qt.ItemDataRole.ToolTipRole) for c in range(3)}
    assert "white sneakers · white-sneakers.jpg" in tips
    lookbook, sheet = tmp_path / "resort.pdf", tmp_path / "resort-sheet.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(lookbook), "PDF lookbook (*.pdf)")
    )
    answer_export_options()
    driver.command("exportLookbook").trigger()
    qtbot.waitUntil(lookbook.exists, timeout=10_000)
    text = PdfReader(lookbook).pages[0].extract_text()
    for expected in ("SS27 Resort", "anna", "linen dress", "Dress", "Footwear", "Outfit"):
        assert expected in text
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(sheet), "PDF line sheet (*.pdf)")
    )
    answer_export_options()
    driver.command("exportLineSheet").trigger()
    qtbot.waitUntil(sheet.exists, timeout=10_000)
    text = "\n".join(p.extract_text() for p in PdfReader(sheet).pages)
    assert "white sneakers" in text and "Category: Footwear" in text
    flat = " ".join(text.split())
    for job in described:  # each garment's description, as made for its photo
        assert " ".join((job.description or "").split())[:40] in flat


def list_file(path: Path, rows: list[list[str]]) -> Path:
    text = io.StringIO(newline="")
    csv.writer(text).writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


def test_a_season_list_fills_the_garment_pane_and_a_bad_one_is_refused_row_by_row(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    season: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    driver = open_window(demo_factory())
    page = driver.try_on
    listed = list_file(
        season / "resort.csv",
        [
            ["file", "sku", "name", "type", "price"],
            ["linen-dress.jpg", "R-001", "Linen midi dress", "", "129"],
            ["striped-top.jpg", "R-002", "Breton top", "garment", "59"],
        ],
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(listed), "Garment lists")
    )
    driver.command("openGarmentList").trigger()
    qtbot.waitUntil(lambda: len(page.garment_pane.photos()) == 2, timeout=10_000)
    photos = page.garment_pane.photos()
    assert [p.product_type for p in photos] == ["DRESS", "GARMENT"]
    assert photos[0].details[SKU] == "R-001" and photos[0].details[LABEL] == "Linen midi dress"
    tip = page.garment_pane.strip.item(0).toolTip()
    assert tip == "Linen midi dress · R-001\nlinen-dress.jpg\nDress"  # whole, as listed
    assert "2 garments from “resort.csv”" in driver.status()
    question = BatchQuestion(driver.window, Pairs.of(page.person_pane, page.garment_pane))
    said = [label.text() for label in question.findChildren(QLabel)]
    assert "Garments: Linen midi dress, Breton top" in said  # as the list names them
    question.deleteLater()
    bad = list_file(
        season / "bad.csv",
        [
            ["file", "sku", "type", "currency"],
            ["gone.jpg", "X-1", "dress", ""],
            ["striped-top.jpg", "X-2", "hat", "EURO"],
        ],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    said = answer_next_dialog(QMessageBox.StandardButton.Ok)
    driver.command("openGarmentList").trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "row 2:" in said[0] and "gone.jpg" in said[0]
    assert "row 3: “EURO” is not a currency code: write one such as EUR, USD or GBP" in said[0]
    assert len(page.garment_pane.photos()) == 2  # what was open stays


def test_a_list_refused_on_opening_says_it_was_not_opened_row_by_row(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    season: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Opening a list sends nothing, so its refusal speaks of opening: the list was not
    opened, the Garment pane is as it was, and each bad row says why. Types in everyday
    words open; a file that is no spreadsheet is said so plainly."""
    driver = open_window(demo_factory())
    page = driver.try_on

    def open_list(path: Path) -> list[str]:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
        said = answer_next_dialog(QMessageBox.StandardButton.Ok)
        driver.command("openGarmentList").trigger()
        return said

    drop_files(page.garment_pane, [season / "linen-dress.jpg"])
    qtbot.waitUntil(lambda: len(page.garment_pane.photos()) == 1, timeout=10_000)
    bad = list_file(
        season / "bad.csv",
        [
            ["file", "sku", "type", "price", "currency"],
            ["gone.jpg", "X-1", "dress", "", ""],
            ["linen-dress.jpg", "X-2", "dress", "129", "EUR"],
            ["striped-top.jpg", "X-3", "top", "£59", "EUR"],
            ["white-sneakers.jpg", "X-2", "footwear", "", ""],
        ],
    )
    said = open_list(bad)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    text = said[0]
    assert text.startswith("“bad.csv” was not opened: 3 of its rows cannot be used.")
    assert "The Garment pane was left as it was" in text
    assert "sent" not in text
    assert "• row 2: " in text and "gone.jpg" in text
    assert "• row 4: the price “£59” is not in EUR, the row's currency" in text
    assert "• row 5: SKU “X-2” is also on row 3" in text
    assert "row 3:" not in text
    assert [p.name for p in page.garment_pane.photos()] == ["linen-dress.jpg"]
    everyday = list_file(
        season / "everyday.csv",
        [
            ["file", "type"],
            ["striped-top.jpg", "Tops"],
            ["white-sneakers.jpg", "sneakers"],
            ["linen-dress.jpg", "Kaftan"],
        ],
    )
    said = open_list(everyday)
    qtbot.waitUntil(lambda: bool(said) or len(page.garment_pane.photos()) == 3, timeout=10_000)
    assert [p.product_type for p in page.garment_pane.photos()] == ["GARMENT", "FOOTWEAR", "OTHER"]
    # a word AuraX has no type for opens the list all the same, and is said
    assert driver.window.statusBar().currentMessage() == "3 garments from “everyday.csv”."
    # the row's warning stays under the pane (the status bar's line would cut it off)
    kaftan = (
        "Row 4: “Kaftan” is not one of AuraX's product types, so it is sent as Other; "
        "documents call it “Kaftan”."
    )
    qtbot.waitUntil(lambda: kaftan in page.garment_pane.message_text(), timeout=10_000)
    assert page.garment_pane.message.kind() == "warning"
    # the message box armed for it is the next one: a file that is no spreadsheet
    (season / "not-a-spreadsheet.xlsx").write_bytes(b"file,type\n")
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *_a, **_k: (str(season / "not-a-spreadsheet.xlsx"), ""),
    )
    driver.command("openGarmentList").trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said == [
        "“not-a-spreadsheet.xlsx” is not a spreadsheet this program can read: save it as "
        "an Excel workbook (.xlsx) or as CSV."
    ]
    assert len(page.garment_pane.photos()) == 3


def test_a_logo_and_a_subtitle_head_every_page(qtbot: QtBot, tmp_path: Path) -> None:
    """Settings → Lookbooks: an SVG logo is kept as a picture the documents can print."""
    svg = tmp_path / "atelier.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
        '<rect width="120" height="40" fill="#223344"/></svg>',
        encoding="utf-8",
    )
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.subtitle.setText("  Atelier   Nord · Resort 2027 ")
    dialog.logo.setText(str(svg))
    dialog.brand.setText(" Atelier Nord ")
    dialog.contact.setText("Anna Berg ·  sales@ateliernord.com")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    chosen = dialog.result_settings
    assert chosen is not None and chosen.lookbook_subtitle == "Atelier Nord · Resort 2027"
    assert chosen.lookbook_brand == "Atelier Nord"  # for a line sheet's cover
    assert chosen.lookbook_contact == "Anna Berg · sales@ateliernord.com"
    logo = Path(chosen.lookbook_logo)
    assert logo.suffix == ".png" and Image.open(logo).size == (600, 200)
    picture = tmp_path / "look.jpg"
    Image.new("RGB", (600, 900), (90, 120, 150)).save(picture)
    book = Lookbook(
        "Resort",
        pages=(PersonPage("Anna", (Look(picture, "Linen dress", "R-1", "Dress"),)),),
        subtitle=chosen.lookbook_subtitle,
        logo=logo,
    )
    target, _notes = write_pdf(book, tmp_path / "resort.pdf")
    page = PdfReader(target).pages[0]
    assert "Atelier Nord · Resort 2027" in page.extract_text()
    assert len(page.images) == 2  # the look and the logo
    bad = tmp_path / "notes.png"
    bad.write_text("not a picture")
    dialog.logo.setText(str(bad))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert "not a picture" in dialog.error.text()
