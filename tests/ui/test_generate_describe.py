"""The Generate and Describe pages against the demo server."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QPushButton, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobKind, JobStatus
from aurax_desktop.ui.describe.model import DESCRIPTION
from tests.factories import jpeg_bytes
from tests.ui.conftest import WindowFactory, drop, drop_file

NAMES = {
    "generatePromptEdit": QPlainTextEdit,
    "generateProductTypeCombo": QComboBox,
    "generateWidth": QSpinBox,
    "generateHeight": QSpinBox,
    "generateButton": QPushButton,
    "describeTable": QTableView,
    "describeAllButton": QPushButton,
    "exportCsvButton": QPushButton,
}
COLOURS = {
    "red": (200, 30, 30),
    "green": (40, 150, 60),
    "navy": (20, 30, 80),
    "yellow": (245, 220, 50),
    "pink": (240, 150, 180),
    "purple": (110, 50, 150),
    "orange": (240, 130, 30),
    "teal": (20, 130, 130),
    "black": (20, 20, 20),
}


def test_pages_carry_their_widget_names(
    open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    driver = open_window(demo_factory())
    for name, kind in NAMES.items():
        widget = driver.window.findChild(kind, name)
        assert widget is not None and widget.accessibleName(), name


def test_generation_with_a_preset_a_shape_and_variations(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory(task_seconds=0.3)
    driver = open_window(server)
    driver.page("generate")
    page = driver.generate
    assert not page.button.isEnabled() and "Write a prompt" in page.reason.text()
    qtbot.keyClicks(page.prompt, "A green suede tote, studio light")
    page.product_type.setCurrentIndex(page.product_type.findData("BAG"))
    page.preset.setCurrentText("Portrait 768 × 1024")
    assert (page.width_box.value(), page.height_box.value()) == (768, 1024)
    page.width_box.setValue(10)  # free entry is held to 64..2048
    assert page.width_box.value() == 64 and page.preset.currentText() == "Custom"
    page.preset.setCurrentText("Portrait 768 × 1024")
    shape = tmp_path / "bag-shape.png"
    silhouette = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    silhouette.paste((0, 0, 0, 255), (40, 60, 160, 180))
    silhouette.save(shape)
    drop_file(page.shape_pane, shape)
    qtbot.waitUntil(lambda: page.shape_pane.source is not None, timeout=10000)
    page.variations.setValue(2)
    assert page.button.text() == "Generate 2 · 2 credits"
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: sum(j.status is JobStatus.COMPLETED for j in driver.jobs()) == 2,
        timeout=20000,
    )
    tasks = server.tasks()
    assert len(tasks) == 2
    for task in tasks:
        received = task["received"]
        assert (received["width"], received["height"]) == (768, 1024)
        assert received["shape"]["size"] == [200, 200]
        assert received["productType"] == "BAG"
        assert received["prompt"] == "A green suede tote, studio light"
    job = driver.jobs()[0]
    assert Image.open(job.result_paths[0]).size == (768, 1024)
    driver.job_list.setCurrentIndex(driver.job_model.index(0))
    qtbot.waitUntil(driver.viewer.canvas.has_image, timeout=10000)
    assert "A green suede tote" in driver.viewer.caption.text()
    assert "768 × 1024 px" in driver.viewer.caption.text()
    # hand-over: the generated bag goes on as a garment (with its type), and to Describe
    actions = {a.text(): a for a in driver.job_list.actions_for(job)}
    actions["Use as garment photo"].trigger()
    garments = driver.try_on.garment_pane
    qtbot.waitUntil(lambda: garments.source is not None, timeout=10_000)
    assert driver.current_page() == "try-on"
    assert garments.photos()[0].product_type == "BAG"
    assert driver.try_on.product_type.currentData() == "BAG"
    actions["Describe it…"].trigger()
    assert driver.current_page() == "describe"
    assert [row.path for row in driver.describe.model.rows] == [job.result_paths[0]]


def test_a_batch_of_ten_descriptions_with_one_damaged_file(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory()
    driver = open_window(server)
    driver.page("describe")
    page = driver.describe
    folder = tmp_path / "catalogue"
    folder.mkdir()
    for name, colour in COLOURS.items():
        picture = Image.new("RGB", (240, 240), (250, 250, 250))
        picture.paste(colour, (60, 40, 180, 220))
        picture.save(folder / f"{name} dress.jpg", quality=92)
    (folder / "broken.jpg").write_bytes(jpeg_bytes((240, 240))[:300])
    (folder / "notes.txt").write_text("not a photo, and not picked up from the folder")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    drop(page, mime)  # a drag over the page, then the drop
    assert page.card.property("dropTarget") is False  # outlined only while dragging
    assert page.model.rowCount() == 10
    row_height = page.table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: page.model.rows[0].thumbnail is not None, timeout=10000)
    shown = page.model.rows[0].thumbnail
    assert shown is not None and shown.deviceIndependentSize().height() < row_height
    # "... dress.jpg": the type is suggested from each name; the damaged file says so at
    # once, and is not counted or sent.
    dresses = [r for r in page.model.rows if r.name != "broken.jpg"]
    assert len(dresses) == 9 and all(r.product_type == "DRESS" and r.suggested for r in dresses)
    broken = next(r for r in page.model.rows if r.name == "broken.jpg")
    qtbot.waitUntil(lambda: broken.unreadable != "", timeout=10000)
    assert broken.status == "Cannot be read" and "damaged or incomplete" in broken.error
    assert page.describe_button.text() == "Describe all · 2.25 credits"
    assert page.cost.text() == "9 × 0.25 credits"
    qtbot.mouseClick(page.describe_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            all(r.done for r in page.model.rows if not r.unreadable) and page.model.rowCount() == 10
        ),
        timeout=30000,
    )
    rows = {r.name: r for r in page.model.rows}
    assert "damaged or incomplete" in rows["broken.jpg"].error and rows["broken.jpg"].job_id is None
    for name in COLOURS:
        row = rows[f"{name} dress.jpg"]
        assert not row.error and row.description.startswith(("A ", "An "))
        assert "dress" in row.description
    assert "red" in rows["red dress.jpg"].description
    assert server.stats()["requests"]["POST /api/ai/product-description"] == 9
    # Every row was sent once: "Describe all" has nothing left to send (a row is sent
    # again only when asked for, row by row).
    assert page.describe_button.text() == "Describe all"
    assert not page.describe_button.isEnabled()
    # The Jobs list keeps a row per description (the table is where they are grouped);
    # it shows what the cache hears a moment later, all at once.
    qtbot.waitUntil(lambda: len(driver.jobs()) == 9, timeout=5000)
    assert driver.job_model.rowCount() == 9
    assert not any(driver.job_list.isRowHidden(r) for r in range(9))

    # Correct a description, export, read it back: it equals what the table shows.
    edited = "A red wrap dress with a tie waist. Fully lined; machine washable."
    red_row = next(i for i, r in enumerate(page.model.rows) if r.name == "red dress.jpg")
    page.model.setData(page.model.index(red_row, DESCRIPTION), edited)
    exported = tmp_path / "descriptions.csv"
    page.export_to(exported, shopify=False)
    qtbot.waitUntil(exported.exists, timeout=10000)
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf")
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["file", "product_type", "description"]
    shown = [[r.name, r.product_type, "" if r.error else r.description] for r in page.model.rows]
    assert table[1:] == shown
    assert [edited] == [row[2] for row in table if row[0] == "red dress.jpg"]

    shopify = tmp_path / "shopify.csv"
    page.export_to(shopify, shopify=True)
    qtbot.waitUntil(shopify.exists, timeout=10000)
    with shopify.open(encoding="utf-8-sig", newline="") as handle:
        products = list(csv.DictReader(handle))
    assert len(products) == 9  # the failed photo has nothing to publish
    red = next(p for p in products if p["Handle"] == "red-dress")
    assert red["Title"] == "A red wrap dress with a tie waist."
    assert red["Body (HTML)"] == f"<p>{edited}</p>"

    # Descriptions are kept in the history: the table can be reopened, edit included.
    batch = page.batch
    qtbot.waitUntil(
        lambda: (
            driver.session.store.get(page.model.rows[red_row].job_id or "").own_description
            == edited
        ),
        timeout=10000,
    )  # type: ignore[union-attr]
    page.new_table()
    assert page.model.rowCount() == 0
    page.open_batch(batch)
    qtbot.waitUntil(lambda: page.model.rowCount() == 9, timeout=10000)
    reopened = {r.name: r for r in page.model.rows}
    assert reopened["red dress.jpg"].description == edited
    assert "broken.jpg" not in reopened  # never sent, so never in the history
    assert all(j.kind is JobKind.PRODUCT_DESCRIPTION for j in driver.session.store.query())
