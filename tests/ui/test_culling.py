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
from aurax_desktop.jobs import FAVOURITE, JobQuery
from aurax_desktop.jobs.variants import chosen_looks
from aurax_desktop.ui.gallery.model import THUMB_SIDES, CellRole, CellState
from aurax_desktop.ui.gallery.try_again import TryAgainDialog
from aurax_desktop.ui.shell.dialogs.trash import TrashDialog
from aurax_desktop.ui.shell.opening import sort_given
from tests.ui.conftest import WindowFactory, answer_next_dialog, sent_grid, when_modal


def test_the_loupe_goes_through_the_grid_and_culls(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    driver = open_window(demo_factory(task_seconds=0.1))
    sent_grid(qtbot, driver, tmp_path)
    page, model, gallery = driver.gallery.page, driver.gallery.model, driver.grid
    driver.window.activateWindow()
    qtbot.waitUntil(driver.window.isActiveWindow)
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
    qtbot.waitUntil(driver.edits_saved, timeout=10_000)
    saved = driver.session.store.query(JobQuery(limit=10))
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
    driver.command("zoomOut").trigger()
    assert gallery.columnWidth(0) < before and page.size_slider.value() == 1
    page.size_slider.setValue(0)
    assert model.side == THUMB_SIDES[0]
    driver.window.setGeometry(0, 0, 1366, 700)  # a laptop: six garment columns at least
    driver.page("gallery")
    qtbot.wait(50)
    assert gallery.viewport().width() // gallery.columnWidth(0) >= 6
    assert driver.side_column_shown()
    qtbot.keyClick(gallery, Qt.Key.Key_Tab)
    assert not driver.side_column_shown()
    driver.command("toggleSideColumn").trigger()
    assert driver.side_column_shown()


def test_try_again_stacks_a_variant_chosen_for_export(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory(task_seconds=0.1)
    driver = open_window(server)
    jobs = sent_grid(qtbot, driver, tmp_path)
    model, catalog = driver.gallery.model, driver.gallery
    first = model.job_at(model.index(1, 1))
    assert first is not None
    said: list[str] = []

    def stronger(dialog: TryAgainDialog) -> None:
        said.append(dialog.cost.text())
        dialog.strength.setValue(3)
        dialog.send_button.click()

    when_modal(TryAgainDialog, stronger)
    driver.grid.setCurrentIndex(model.index(1, 1))
    driver.command("tryAgain").trigger()
    assert said and "costs 3 credits" in said[0]
    index = model.index(1, 1)
    qtbot.waitUntil(lambda: len(model.variants(index)) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: all(v.status.is_final for v in model.variants(index)), timeout=20_000)
    newest = model.variants(index)[1]
    assert newest.params["garment_strength"] == 3 and newest.retry_of == first.id
    assert model.job_at(index) == newest  # the new result stands for the cell
    cell = model.data(index, CellRole)
    assert isinstance(cell, CellState) and cell.variants == 2  # the count badge
    assert server.stats()["tasks_created"] == 5
    # in the loupe, Up brings back the first: it is the one exported from now on
    page = catalog.page
    driver.page("gallery")
    driver.window.activateWindow()
    qtbot.waitUntil(driver.window.isActiveWindow)
    page.open_loupe(index)
    assert "variant 2 of 2" in page.loupe.caption.full_text()
    qtbot.keyClick(page.loupe.canvas, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: model.job_at(index) == model.variants(index)[0])
    qtbot.waitUntil(driver.edits_saved, timeout=10_000)
    saved = driver.session.store.get(first.id)
    assert saved is not None and saved.chosen_at
    batch = driver.session.store.query(JobQuery(batch=jobs[0].batch, limit=20))
    assert first.id in {j.id for j in chosen_looks(batch)}  # what lookbooks take
    assert newest.id not in {j.id for j in chosen_looks(batch)}


def test_the_trash_restores_and_empties_and_the_spend_stays(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    driver = open_window(demo_factory(task_seconds=0.1))
    jobs = sent_grid(qtbot, driver, tmp_path)
    driver.spending.refresh()
    qtbot.waitUntil(lambda: driver.spending.today == 12.0, timeout=5000)
    driver.job_actions.delete_many(jobs[:3])
    qtbot.waitUntil(lambda: driver.gallery.model.counts()["done"] == 1, timeout=10_000)
    store = driver.session.store
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
    driver.command("showTrash").trigger()
    qtbot.waitUntil(lambda: store.count() == 2, timeout=10_000)
    assert store.count(JobQuery(trashed=None)) == 2  # two emptied for good
    gone = [j for j in jobs[:3] if store.get(j.id) is None]
    assert len(gone) == 2 and all(not j.folder.exists() for j in gone)
    driver.spending.refresh()
    qtbot.wait(300)
    assert driver.spending.today == 12.0  # the ledger: deleting never lowers the spend
    # the chooser counts what is left; with the whole batch deleted, the Gallery is empty
    page = driver.gallery.page
    qtbot.waitUntil(lambda: page.batch_combo.itemText(0) == "Resort · 2", timeout=5000)
    driver.job_actions.delete_many([j for j in jobs if store.get(j.id) is not None])
    qtbot.waitUntil(lambda: page.batch_combo.count() == 0, timeout=5000)
    assert driver.gallery.model.rowCount() == 0 and page.stack.currentWidget() is page.empty
    assert not driver.command("exportLookbook").isEnabled()  # nothing to export
    driver.command("undo").trigger()  # back: the batch is shown again
    qtbot.waitUntil(lambda: driver.gallery.model.counts()["done"] == 2, timeout=10_000)
    assert page.batch_combo.itemText(0) == "Resort · 2"
    # Delete in the grid moves the selected result to the Trash; Ctrl+Z brings it back
    grid, model = page.gallery, driver.gallery.model
    driver.window.activateWindow()  # the Trash dialog had it: keys go to the active window
    qtbot.waitUntil(driver.window.isActiveWindow)
    grid.setFocus()
    grid.setCurrentIndex(model.index_of(model.jobs()[0].id))
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: model.counts()["done"] == 1, timeout=10_000)
    assert "1 job moved to the Trash" in driver.status()
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.counts()["done"] == 2, timeout=10_000)
    qtbot.waitUntil(lambda: driver.status() == "1 job back from the Trash.", timeout=5000)


@pytest.mark.parametrize("name", ["garments", "products", "Clothes SS27", "dresses"])
def test_a_folder_named_for_garments_opens_in_the_garment_pane(name: str, tmp_path: Path) -> None:
    folder = tmp_path / name
    folder.mkdir()
    people = tmp_path / "models"
    people.mkdir()
    found_people, found_garments, missing = sort_given([people, folder])
    assert found_people == [people] and found_garments == [folder] and missing == []
