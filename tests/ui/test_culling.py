"""Culling as photographers do, in the real window against the demo server: the loupe
(next, previous, flags and stars, back to the same cell), try again with the new result
stacked as a variant and chosen for export, thumbnail sizes and a full-width grid, and
the Trash (restore, empty) with the spend unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import FAVOURITE, Job, JobQuery
from aurax_desktop.jobs.variants import CHOSEN_AT, chosen_looks
from aurax_desktop.ui.gallery.model import THUMB_SIDES
from aurax_desktop.ui.gallery.try_again import TryAgainDialog
from aurax_desktop.ui.shell.dialogs.trash import TrashDialog
from aurax_desktop.ui.shell.main_window import MainWindow
from aurax_desktop.ui.shell.opening import sort_given
from tests.factories import jpeg_bytes
from tests.ui.conftest import (
    WindowFactory,
    answer_batch_question,
    answer_next_dialog,
    when_modal,
)


def sent_grid(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> list[Job]:
    """Two people by two garments, sent and finished; shown in the Gallery."""
    people = []
    for number, name in enumerate(("anna", "ben")):
        path = tmp_path / f"SS27-resort-look-{name}.jpg"  # the loupe says "anna"
        path.write_bytes(jpeg_bytes((600, 900), (205 - 20 * number, 180, 160)))  # two people
        people.append(path)
    garments = []
    for name, colour in (("linen-dress", (200, 40, 20)), ("silk-dress", (20, 40, 200))):
        path = tmp_path / f"{name}.jpg"
        path.write_bytes(jpeg_bytes((400, 400), colour))
        garments.append(path)
    page = window.try_on
    page.person_pane.load_paths(people)
    page.garment_pane.load_paths(garments)
    qtbot.waitUntil(lambda: page.blocker() == "" and len(page.garment_pane.photos()) == 2)
    answer_batch_question(name="Resort")
    page.submit()
    store = window.session.store

    def ended() -> list[Job]:
        jobs = store.query(JobQuery(limit=50))
        return jobs if len(jobs) == 4 and all(j.status.is_final for j in jobs) else []

    qtbot.waitUntil(lambda: bool(ended()), timeout=30_000)
    qtbot.waitUntil(lambda: window.catalog.model.counts()["done"] == 4, timeout=10_000)
    return ended()


def test_the_loupe_goes_through_the_grid_and_culls(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    window = open_window(demo_factory(task_seconds=0.1))
    sent_grid(qtbot, window, tmp_path)
    page, model, gallery = window.catalog.page, window.catalog.model, window.catalog.gallery
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    gallery.setFocus()
    gallery.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(gallery, Qt.Key.Key_Space)
    loupe = page.loupe
    assert page.in_loupe
    qtbot.waitUntil(loupe.canvas.has_image, timeout=10_000)
    assert loupe.caption.full_text() == "anna · silk dress · Dress"
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Right)  # the next in grid order: ben's first
    assert (loupe.index.row(), loupe.index.column()) == (1, 0)
    assert loupe.caption.full_text().startswith("ben · linen dress")
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Left)
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Left)
    assert (loupe.index.row(), loupe.index.column()) == (0, 0)
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_F)
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_4)
    assert loupe.caption.full_text() == "anna · linen dress · Dress · favourite · ★★★★"
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Escape)  # back to the grid, on that cell
    assert not page.in_loupe and gallery.currentIndex() == model.index(0, 0)
    qtbot.waitUntil(lambda: window.catalog.edits.pending == 0, timeout=10_000)
    saved = window.session.store.query(JobQuery(limit=10))
    marked = [j for j in saved if j.mark == FAVOURITE]
    assert len(marked) == 1 and marked[0].stars == 4
    # filter by flag and by stars: only that one is offered
    page.set_filter(frozenset(), min_stars=3)
    offered = [
        (r, c) for r in range(2) for c in range(2) if model.job_at(model.index(r, c)) is not None
    ]
    assert offered == [(0, 0)]
    page.set_filter(frozenset())
    # thumbnail sizes from the keys and the slider; a full-width grid with Tab
    before = gallery.columnWidth(0)
    window.commands["zoomOut"].trigger()
    assert gallery.columnWidth(0) < before and page.size_slider.value() == 1
    page.size_slider.setValue(0)
    assert model.side == THUMB_SIDES[0]
    window.setGeometry(0, 0, 1366, 700)  # a laptop: six garment columns at least
    window.navigation.setCurrentRow(3)
    qtbot.wait(50)
    assert gallery.viewport().width() // gallery.columnWidth(0) >= 6
    assert window.side_column.isVisible()
    qtbot.keyClick(gallery, Qt.Key.Key_Tab)
    assert not window.side_column.isVisible()
    window.commands["toggleSideColumn"].trigger()
    assert window.side_column.isVisible()


def test_try_again_stacks_a_variant_chosen_for_export(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory(task_seconds=0.1)
    window = open_window(server)
    jobs = sent_grid(qtbot, window, tmp_path)
    model, catalog = window.catalog.model, window.catalog
    first = model.job_at(model.index(1, 1))
    assert first is not None
    said: list[str] = []

    def stronger(dialog: TryAgainDialog) -> None:
        said.append(dialog.cost.text())
        dialog.strength.setValue(3)
        dialog.send_button.click()

    when_modal(TryAgainDialog, stronger)
    catalog.try_again(first)
    assert said and "costs 3 credits" in said[0]
    index = model.index(1, 1)
    qtbot.waitUntil(lambda: len(model.variants(index)) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: all(v.status.is_final for v in model.variants(index)), timeout=20_000)
    newest = model.variants(index)[1]
    assert newest.params["garment_strength"] == 3 and newest.retry_of == first.id
    assert model.job_at(index) == newest  # the new result stands for the cell
    assert model.data(index, Qt.ItemDataRole.UserRole + 2) == 2  # the count badge
    assert server.stats()["tasks_created"] == 5
    # in the loupe, Up brings back the first: it is the one exported from now on
    page = catalog.page
    window.navigation.setCurrentRow(3)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.open_loupe(index)
    assert "variant 2 of 2" in page.loupe.caption.full_text()
    qtbot.keyClick(page.loupe.canvas, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: model.job_at(index) == model.variants(index)[0])
    qtbot.waitUntil(lambda: catalog.edits.pending == 0, timeout=10_000)
    saved = window.session.store.get(first.id)
    assert saved is not None and saved.params.get(CHOSEN_AT)
    batch = window.session.store.query(JobQuery(batch=jobs[0].batch, limit=20))
    assert first.id in {j.id for j in chosen_looks(batch)}  # what lookbooks take
    assert newest.id not in {j.id for j in chosen_looks(batch)}


def test_the_trash_restores_and_empties_and_the_spend_stays(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    window = open_window(demo_factory(task_seconds=0.1))
    jobs = sent_grid(qtbot, window, tmp_path)
    window.spending.refresh()
    qtbot.waitUntil(lambda: window.spending.today == 12.0, timeout=5000)
    window.job_actions.delete_many(jobs[:3])
    qtbot.waitUntil(lambda: window.catalog.model.counts()["done"] == 1, timeout=10_000)
    store = window.session.store
    assert store.count() == 1 and store.count(JobQuery(trashed=True)) == 3

    def restore_one(dialog: TrashDialog) -> None:
        qtbot.waitUntil(lambda: dialog.list.count() == 3)
        dialog.list.item(0).setSelected(True)
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: dialog.list.count() == 2)
        answer_next_dialog(QMessageBox.StandardButton.Yes)
        dialog.empty_button.click()
        qtbot.waitUntil(lambda: dialog.list.item(0).text() == "The Trash is empty.")
        dialog.reject()

    when_modal(TrashDialog, restore_one)
    window.commands["showTrash"].trigger()
    qtbot.waitUntil(lambda: store.count() == 2, timeout=10_000)
    assert store.count(JobQuery(trashed=None)) == 2  # two emptied for good
    gone = [j for j in jobs[:3] if store.get(j.id) is None]
    assert len(gone) == 2 and all(not j.folder.exists() for j in gone)
    window.spending.refresh()
    qtbot.wait(300)
    assert window.spending.today == 12.0  # the ledger: deleting never lowers the spend
    # the chooser counts what is left; with the whole batch deleted, the Gallery is empty
    page = window.catalog.page
    qtbot.waitUntil(lambda: page.batch_combo.itemText(0) == "Resort · 2", timeout=5000)
    window.job_actions.delete_many([j for j in jobs if store.get(j.id) is not None])
    qtbot.waitUntil(lambda: page.batch_combo.count() == 0, timeout=5000)
    assert window.catalog.model.rowCount() == 0 and page.stack.currentWidget() is page.empty
    assert not window.commands["exportLookbook"].isEnabled()  # nothing to export
    window.commands["undo"].trigger()  # back: the batch is shown again
    qtbot.waitUntil(lambda: window.catalog.model.counts()["done"] == 2, timeout=10_000)
    assert page.batch_combo.itemText(0) == "Resort · 2"
    # Delete in the grid moves the selected result to the Trash; Ctrl+Z brings it back
    grid, model = page.gallery, window.catalog.model
    window.activateWindow()  # the Trash dialog had it: keys go to the active window
    qtbot.waitActive(window)
    grid.setFocus()
    grid.setCurrentIndex(model.index_of(model.jobs()[0].id))
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: model.counts()["done"] == 1, timeout=10_000)
    assert "1 job moved to the Trash" in window.statusBar().currentMessage()
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.counts()["done"] == 2, timeout=10_000)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "1 job back from the Trash.", timeout=5000
    )


@pytest.mark.parametrize("name", ["garments", "products", "Clothes SS27", "dresses"])
def test_a_folder_named_for_garments_opens_in_the_garment_pane(name: str, tmp_path: Path) -> None:
    folder = tmp_path / name
    folder.mkdir()
    people = tmp_path / "models"
    people.mkdir()
    found_people, found_garments, missing = sort_given([people, folder])
    assert found_people == [people] and found_garments == [folder] and missing == []
