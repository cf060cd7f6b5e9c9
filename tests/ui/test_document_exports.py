"""Documents from the window: before saving, a dialog chooses which looks go in (every
look the Gallery shows, the favourites, or the selected results) and the paper; the save
dialog starts in the folder of the last export; the writing shows its progress, and its
Stop ends it with nothing written. The real window against the demo server; the
documents read back with poppler's ``pdftotext`` and ``pdfinfo``."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.exports.progress import ExportStopped
from aurax_desktop.jobs import FAVOURITE, JobKind, JobQuery
from aurax_desktop.ui.gallery.export_progress import ExportProgressDialog
from tests.factories import jpeg_bytes
from tests.ui.conftest import (
    WindowFactory,
    answer_batch_question,
    answer_export_options,
    answer_next_dialog,
)
from tests.ui.window_driver import WindowDriver

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdf_pages(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)
    return [" ".join(page.split()) for page in out.stdout.decode("utf-8").split("\f")[:-1]]


def paper_of(pdf: Path) -> str:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return next(line for line in out.stdout.splitlines() if line.startswith("Page size:"))


@pytest.fixture
def season(tmp_path: Path) -> Path:
    """Two people and a season's list of three garments, in its own words and prices."""
    folder = tmp_path / "SS27"
    folder.mkdir()
    for number, name in enumerate(("anna", "ben")):  # two people, two pictures
        (folder / f"{name}.jpg").write_bytes(jpeg_bytes((600, 900), (205 - 20 * number, 180, 160)))
    rows = [
        ["file", "sku", "name", "type", "wholesale", "retail", "currency"],
        ["wool-scarf.jpg", "S-1", "Wool scarf", "Scarf", "24.50", "59", "EUR"],
        ["linen-trousers.jpg", "S-2", "Linen trousers", "Trousers", "39", "95", "EUR"],
        ["court-shoe.jpg", "S-3", "Court shoe", "shoes", "60", "140", "EUR"],
    ]
    for n, row in enumerate(rows[1:]):
        (folder / row[0]).write_bytes(jpeg_bytes((400, 400), (60 * n, 90, 160)))
    text = io.StringIO(newline="")
    csv.writer(text).writerows(rows)
    (folder / "SS27.csv").write_text(text.getvalue(), encoding="utf-8")
    return folder


def sent_season(
    qtbot: QtBot, driver: WindowDriver, season: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = driver.try_on
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(season / "SS27.csv"), "")
    )
    driver.command("openGarmentList").trigger()
    page.person_pane.load_paths([season / "anna.jpg", season / "ben.jpg"])
    qtbot.waitUntil(
        lambda: (
            len(page.garment_pane.photos()) == 3
            and len(page.person_pane.photos()) == 2
            and page.blocker() == ""
        ),
        timeout=10_000,
    )
    answer_batch_question(name="SS27 Resort")
    page.submit()
    model = driver.gallery.model
    qtbot.waitUntil(lambda: model.counts()["done"] == 6, timeout=30_000)


def test_the_looks_and_the_paper_are_chosen_before_saving(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    season: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LC_ALL", "en_IE.UTF-8")  # English, in euros, on A4
    driver = open_window(demo_factory(task_seconds=0.1))
    sent_season(qtbot, driver, season, monkeypatch)
    catalog, model, gallery = driver.gallery, driver.gallery.model, driver.gallery.gallery
    store = driver.session.store
    jobs = {
        (str(j.source_name), str(j.params.get("sku"))): j
        for j in store.query(JobQuery(kinds=frozenset({JobKind.TRY_ON})))
    }
    catalog.culling.mark([jobs["anna.jpg", "S-2"]], FAVOURITE)
    qtbot.waitUntil(driver.edits_saved, timeout=10_000)
    exports = tmp_path / "for buyers"
    exports.mkdir()
    offered: list[str] = []

    def save_as(target: Path) -> Callable[..., tuple[str, str]]:
        def ask(_parent: object, _title: str, suggested: str, _kinds: str) -> tuple[str, str]:
            offered.append(suggested)  # the dialog is the desktop's: what it is offered
            return str(target), ""

        return ask

    # favourites only, on Letter: only the favourite look, its category in its caption
    first_folder = driver.folders.folder("exports")
    chosen = gallery.selectionModel()
    chosen.select(model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    book = exports / "favourites.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as(book))
    choices = answer_export_options(scope="favourites", paper="letter")
    driver.command("exportLookbook").trigger()
    qtbot.waitUntil(book.exists, timeout=10_000)
    assert choices == [
        "a4",  # the locale's paper is offered first
        "Every look of the batch",
        "Favourites only",
        "The selected result",  # the current cell
    ]
    assert paper_of(book) == "Page size:       612 x 792 pts (letter)"
    (page,) = pdf_pages(book)
    assert "anna" in page and "Linen trousers" in page and "S-2 · Trousers" in page
    assert "ben" not in page and "Wool scarf" not in page
    qtbot.waitUntil(
        lambda: "Lookbook saved: favourites.pdf" in driver.window.statusBar().currentMessage()
    )
    # the selected results, on the locale's paper: a line sheet of their garments only
    chosen.select(model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    chosen.select(model.index(0, 2), QItemSelectionModel.SelectionFlag.Select)
    sheet = exports / "selected.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as(sheet))
    choices = answer_export_options(scope="selected")
    driver.command("exportLineSheet").trigger()
    qtbot.waitUntil(sheet.exists, timeout=10_000)
    assert choices[3] == "The 2 selected results"
    assert paper_of(sheet) == "Page size:       595.276 x 841.89 pts (A4)"
    cover, page = pdf_pages(sheet)
    assert "SS27 Resort" in cover and "Line sheet · 2 garments" in cover
    assert "Wool scarf" in page and "Court shoe" in page and "Linen trousers" not in page
    assert "Category: Scarf" in page and "Wholesale: €24.50 · Retail: €59.00" in page
    assert "Category: Shoes" in page and "Wholesale: €60.00 · Retail: €140.00" in page
    assert page.count("ben") == 1 and page.count("anna") == 1  # ben's scarf, anna's shoe
    # the first save dialog opened where exports go; the next, where the last one ended
    assert Path(offered[0]).parent == Path(first_folder) != exports
    assert offered[1] == str(exports / "ss27-resort-line-sheet.pdf")
    # nothing chosen: nothing written
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as(exports / "none.pdf"))
    gallery.clearSelection()
    catalog.page.set_filter(frozenset({"rejected"}))
    answer_export_options(scope="shown")
    said = answer_next_dialog(QMessageBox.StandardButton.Ok)
    driver.command("exportLookbook").trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said == [
        "No finished try-on of this batch passes the Gallery's filter: change the filter, "
        "or flag and rate some results first."
    ]
    assert not (exports / "none.pdf").exists()
    assert driver.window.findChildren(ExportProgressDialog) == []  # each one gone once done
    # the window closing while a lookbook is written: it stops, and its dialog goes
    catalog.page.set_filter(frozenset())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as(exports / "late.pdf"))
    answer_export_options(scope="shown")
    driver.command("exportLookbook").trigger()
    assert len(driver.window.findChildren(ExportProgressDialog)) == 1  # being written
    driver.window.close()
    qtbot.waitUntil(lambda: driver.window.findChildren(ExportProgressDialog) == [], timeout=5000)
    assert not [p.name for p in exports.iterdir() if p.name.endswith(".part")]  # no part left


def test_stop_in_the_progress_dialog_ends_the_writing(qtbot: QtBot, tmp_path: Path) -> None:
    """The dialog shows the page being made and its Stop reaches the writing thread at
    its next page. The writer here is a thread of the test's, told when to go on, so the
    Stop comes between two pages for certain (the writers themselves are shown to stop
    at a set flag, leaving no file, in tests/test_export_progress.py)."""
    dialog = ExportProgressDialog("lookbook", "page", show_after_ms=0)
    qtbot.addWidget(dialog)
    clicked = threading.Event()
    outcome: list[str] = []

    def writer() -> None:
        dialog.progress.step(0, 5)
        dialog.progress.step(1, 5)
        clicked.wait(timeout=30)
        try:
            dialog.progress.step(2, 5)
            outcome.append("went on")
        except ExportStopped:
            outcome.append("stopped")

    thread = threading.Thread(target=writer)
    thread.start()
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() == 1, timeout=10_000)
    assert dialog.labelText() == "Writing the lookbook: page 2 of 4…"
    stop = dialog.findChild(QPushButton)
    assert stop is not None and stop.text() == "Stop"
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    clicked.set()
    thread.join(timeout=30)
    assert outcome == ["stopped"]
    assert dialog.labelText() == "Stopping: the lookbook will not be written…"
    dialog.finish()
    assert not dialog.isVisible()


def test_the_dialog_shows_the_newest_step_when_steps_come_faster_than_it_draws(
    qtbot: QtBot,
) -> None:
    """A modal progress dialog's setValue runs the events waiting, the writer's next steps
    among them: the label must end on the newest step, never on an older one set after
    it (it read "page 2" while page 3 was written)."""
    dialog = ExportProgressDialog("lookbook", "page", show_after_ms=0)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)  # shown by itself, as an export's dialog is
    writer = threading.Thread(target=lambda: [dialog.progress.step(n, 5) for n in (1, 2)])
    writer.start()  # both steps wait in the queue before the dialog hears the first
    writer.join()
    qtbot.waitUntil(lambda: dialog.value() == 2)
    assert dialog.labelText() == "Writing the lookbook: page 3 of 4…"
    dialog.finish()
