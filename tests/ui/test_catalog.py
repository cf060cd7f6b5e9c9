"""The catalog workflow through the real window against the demo server: several photos
per pane, a batch sent after a question, the gallery's marks, filter, compare, drag
and large view, the lookbook export, outfits built step by step, pausing and
cancelling a batch, and the history forgetting on request."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import FAVOURITE, REJECTED, Job, JobQuery, JobStatus, jobs_dir
from aurax_desktop.jobs.params import sent_of
from aurax_desktop.ui.gallery.compare import CompareView
from aurax_desktop.ui.jobs.groups import to_retry
from aurax_desktop.ui.shell.dialogs.settings import SettingsDialog
from tests.factories import jpeg_bytes, person_jpeg
from tests.history_rows import set_columns
from tests.ui.conftest import (
    WindowFactory,
    answer_batch_question,
    answer_export_options,
    answer_next_dialog,
    stroke,
    when_modal,
)
from tests.ui.window_driver import WindowDriver

OK, CANCEL = QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Cancel


@pytest.fixture
def catalog(tmp_path: Path) -> dict[str, list[Path]]:
    """Two people in a folder (with a note that is not a picture), two garments and a
    text file named like a photo."""
    people = tmp_path / "people"
    people.mkdir()
    (people / "ana.jpg").write_bytes(person_jpeg())
    (people / "bea.jpg").write_bytes(jpeg_bytes((600, 900), (190, 170, 150)))
    (people / "notes.txt").write_text("not a picture")
    garments = [tmp_path / "shirt.jpg", tmp_path / "skirt.jpg", tmp_path / "fake.jpg"]
    garments[0].write_bytes(jpeg_bytes((400, 400), (20, 40, 200)))
    garments[1].write_bytes(jpeg_bytes((400, 400), (200, 40, 20)))
    garments[2].write_text("a text file named like a photo")
    return {"people": [people], "garments": garments}


def load_catalog(qtbot: QtBot, driver: WindowDriver, catalog: dict[str, list[Path]]) -> None:
    page = driver.try_on
    page.person_pane.load_paths(catalog["people"])
    page.garment_pane.load_paths(catalog["garments"])
    qtbot.waitUntil(
        lambda: len(page.garment_pane.photos()) == 2 and page.blocker() == "", timeout=10_000
    )


def listed_ended(driver: WindowDriver, job_ids: list[str]) -> bool:
    """The Jobs list holds these jobs, each ended, and shows them (a closed batch's in
    its entry): its model learns of them a moment after the history."""
    model = driver.job_model
    listed = {job.id: job for job in model.jobs()}
    return all(
        i in listed and listed[i].status.is_final and model.row_of(i) is not None for i in job_ids
    )


def sent_batch(qtbot: QtBot, driver: WindowDriver, count: int) -> list[Job]:
    """Answer the question, send, and wait for the batch's jobs to end."""
    shown = answer_batch_question()
    driver.try_on.submit()
    assert shown and shown[1] == f"Send {count} try-ons"
    store = driver.session.store

    def ended() -> list[Job]:
        jobs = [j for j in store.query(JobQuery(limit=100)) if j.batch is not None]
        return jobs if len(jobs) >= count and all(j.status.is_final for j in jobs) else []

    qtbot.waitUntil(lambda: bool(ended()), timeout=30_000)
    return ended()


def test_several_photos_make_one_batch_after_a_question(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    catalog: dict[str, list[Path]],
) -> None:
    server = demo_factory(task_seconds=0.2)
    driver = open_window(server)
    page = driver.try_on
    load_catalog(qtbot, driver, catalog)
    people, garments = page.person_pane, page.garment_pane
    assert [p.name for p in people.photos()] == ["ana.jpg", "bea.jpg"]
    assert "notes.txt" in people.message_text()
    assert "fake.jpg" in garments.message_text()  # skipped: not a picture
    assert people.strip.isVisibleTo(people) and page.submit_button.text() == (
        "Try on 4 · 12 credits"
    )
    # paint on the second person only; each person keeps their own mask
    people.strip.setCurrentRow(1)
    qtbot.waitUntil(lambda: people.shown is people.photos()[1] and not people.loading)
    canvas = page.mask_canvas
    rect = canvas.image_rect()
    stroke(canvas, [QPointF(rect.center()), QPointF(rect.center()) + QPointF(30, 40)])
    assert canvas.is_painted()
    people.strip.setCurrentRow(0)
    qtbot.waitUntil(lambda: people.shown is people.photos()[0] and not people.loading)
    assert not canvas.is_painted()
    assert people.mask_of(people.photos()[1]) is not None
    # declined: nothing is sent; the question names the people as the Gallery will
    asked = answer_batch_question(send=False)
    page.submit()
    assert "People: ana, bea" in asked
    assert "Garments: shirt, skirt" in asked  # as the Gallery names them, not "shirt.jpg"
    assert server.stats()["tasks_created"] == 0
    jobs = sent_batch(qtbot, driver, 4)
    assert server.stats()["tasks_created"] == 4
    assert len({j.batch for j in jobs}) == 1
    places = {(sent_of(j.params).batch_row, sent_of(j.params).batch_column): j for j in jobs}
    assert set(places) == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert {places[0, 0].source_name, places[1, 0].source_name} == {"ana.jpg", "bea.jpg"}
    assert all(j.status is JobStatus.COMPLETED for j in jobs)
    masked = {j.source_name for j in jobs if j.params.get("mask")}
    assert masked == {"bea.jpg"}
    qtbot.waitUntil(lambda: driver.current_page() == "gallery", timeout=5000)
    # announced once, as a batch (not a viewer reload and a notice per result)
    qtbot.waitUntil(
        lambda: "Batch finished: 4 of 4 try-ons completed." in driver.status(),
        timeout=5000,
    )
    # in the Jobs list the batch is one entry, which opens it in the Gallery
    model, view = driver.job_model, driver.job_list
    model.flush()
    rows = {r for j in jobs if (r := model.row_of(j.id)) is not None}
    assert len(rows) == 1 and model.rowCount() == 1  # each try-on is shown by the entry
    entry = model.index(rows.pop())
    spoken = entry.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Try-on batch, 4 try-ons, Done"
    show, in_gallery = view.groups.actions_for(entry)
    assert show.text() == "Show the 4 try-ons"
    driver.page("try-on")
    in_gallery.trigger()
    assert driver.current_page() == "gallery"
    qtbot.waitUntil(lambda: driver.gallery.model.batch == jobs[0].batch, timeout=5000)


def test_the_gallery_marks_filters_compares_and_exports_a_lookbook(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    catalog: dict[str, list[Path]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    driver = open_window(demo_factory(task_seconds=0.2))
    load_catalog(qtbot, driver, catalog)
    sent_batch(qtbot, driver, 4)
    model, gallery = driver.gallery.model, driver.grid
    qtbot.waitUntil(lambda: model.counts()["done"] == 4, timeout=10_000)
    # a reload read before the last events (older snapshots) does not undo them
    shown = [j for r in range(2) for c in range(2) if (j := model.job_at(model.index(r, c)))]
    older = [replace(j, status=JobStatus.PROCESSING, revision=j.revision - 1) for j in shown]
    model.show_batch(model.batch, older)
    assert model.counts()["done"] == 4
    assert gallery.objectName() == "resultsGallery"
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    # thumbnails arrive from the worker
    for row in (0, 1):
        for column in (0, 1):
            model.data(model.index(row, column), Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(
        lambda: all(
            model.data(model.index(r, c), Qt.ItemDataRole.DecorationRole) is not None
            for r in (0, 1)
            for c in (0, 1)
        ),
        timeout=10_000,
    )
    # keys: F favourite, arrows move, X reject, F again unmarks
    driver.window.activateWindow()
    qtbot.waitUntil(driver.window.isActiveWindow)
    gallery.setFocus()
    gallery.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(gallery, Qt.Key.Key_F)
    qtbot.keyClick(gallery, Qt.Key.Key_Right)
    assert gallery.currentIndex().column() == 1
    qtbot.keyClick(gallery, Qt.Key.Key_X)
    qtbot.keyClick(gallery, Qt.Key.Key_Down)
    qtbot.keyClick(gallery, Qt.Key.Key_F)
    qtbot.keyClick(gallery, Qt.Key.Key_F)  # again: unmarked
    store = driver.session.store

    def marks(jobs: list[Job]) -> dict[tuple[int, int], str | None]:
        return {
            (sent_of(j.params).batch_row or 0, sent_of(j.params).batch_column or 0): j.mark
            for j in jobs
        }

    def shown() -> list[Job]:
        return [j for j in driver.jobs() if j.batch is not None]

    expected = {(0, 0): FAVOURITE, (0, 1): REJECTED, (1, 0): None, (1, 1): None}
    assert marks(shown()) == expected  # shown at once, in every view, while saving
    qtbot.waitUntil(driver.edits_saved, timeout=10_000)
    assert marks(shown()) == expected
    assert marks(store.query(JobQuery(limit=10))) == expected  # and in the history
    # a snapshot from before a mark (a late event, a reload read before the save) does
    # not undo the mark shown while its save is going
    cache = driver.cache
    late = model.job_at(model.index(1, 0))
    assert late is not None and late.mark is None
    cache.expect([late.id], mark=FAVOURITE)
    cache.take(replace(late, revision=late.revision - 1))
    model.show_batch(model.batch, [late, *(j for j in store.query(JobQuery()) if j != late)])
    shown_late = model.job_at(model.index(1, 0))
    assert shown_late is not None and shown_late.mark == FAVOURITE
    cache.settle([late.id])  # its save ended (here: never made): shown as it is
    shown_late = model.job_at(model.index(1, 0))
    assert shown_late is not None and shown_late.mark is None
    gallery.setCurrentIndex(model.index(1, 1))  # where it was before the reload
    # Space: the loupe, on the current cell; Space again: back to the grid, same cell
    page = driver.gallery.page
    qtbot.keyClick(gallery, Qt.Key.Key_Space)
    assert page.in_loupe
    qtbot.waitUntil(page.loupe.canvas.has_image, timeout=10_000)
    qtbot.keyClick(page.loupe.canvas, Qt.Key.Key_Space)
    assert not page.in_loupe and gallery.currentIndex() == model.index(1, 1)
    # dragging out carries the result files
    gallery.setCurrentIndex(model.index(1, 0))
    gallery.selectionModel().select(
        model.index(1, 1), gallery.selectionModel().SelectionFlag.Select
    )
    mime = gallery.drag_data()
    assert mime is not None and len(mime.urls()) == 2
    assert all(Path(u.toLocalFile()).is_file() for u in mime.urls())
    # compare the two selected at the same zoom
    assert driver.gallery.page.compare_button.isEnabled()
    driver.gallery.page.compare_button.click()
    compare = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CompareView))
    qtbot.waitExposed(compare)
    zooms = {round(c.zoom_percent(), 3) for c in compare.canvases}
    assert len(compare.canvases) == 2 and len(zooms) == 1
    compare.canvases[0].zoom_by(2.0)
    assert len({round(c.zoom_percent(), 3) for c in compare.canvases}) == 1
    compare.close()
    # favourites only: the others cannot be chosen
    driver.gallery.page.set_filter(frozenset({FAVOURITE}))
    assert model.job_at(model.index(0, 0)) is not None
    assert model.job_at(model.index(1, 1)) is None
    driver.gallery.page.set_filter(frozenset())
    # the lookbook: the save dialog is the system's own, so its answer is stood in for
    target = tmp_path / "summer lookbook.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF lookbook (*.pdf)")
    )
    action = driver.command("exportLookbook")
    assert action in driver.menu("File").actions()
    answer_export_options()
    action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    counted = [len(page.images) for page in reader.pages]
    assert counted == [1, 2]  # the reject is left out
    text = reader.pages[0].extract_text()
    assert "shirt" in text and "Garment" in text
    assert "favourite" not in text and ".jpg" not in text  # nothing internal
    # a mark given just before the window closes is saved all the same
    last = model.job_at(model.index(1, 0))
    assert last is not None and last.mark is None
    writer = driver.session.book.writer
    busy = threading.Event()
    writer.submit(lambda: busy.wait(30))  # the writer is behind (a slow disk)
    driver.gallery.culling.mark([last], REJECTED)
    driver.window.close()
    busy.set()
    # the program then ends as it does: the history's writer runs what it was given first
    assert writer.flush(timeout=30)
    closed = store.get(last.id)
    assert closed is not None and closed.mark == REJECTED


def test_a_result_used_as_the_person_builds_an_outfit(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    catalog: dict[str, list[Path]],
) -> None:
    driver = open_window(demo_factory(task_seconds=0.2))
    page = driver.try_on
    page.person_pane.load_paths([catalog["people"][0] / "ana.jpg"])
    page.garment_pane.load_paths([catalog["garments"][0]])
    qtbot.waitUntil(lambda: page.blocker() == "", timeout=10_000)
    page.submit()  # one try-on: no question
    store = driver.session.store
    qtbot.waitUntil(
        lambda: any(j.status is JobStatus.COMPLETED for j in store.query()), timeout=20_000
    )
    first = store.query()[0]
    driver.gallery.use_as_person(first)
    qtbot.waitUntil(lambda: page.person_pane.source is not None and not page.person_pane.loading)
    assert [p.name for p in page.person_pane.photos()] == ["ana + shirt.jpg"]
    assert driver.current_page() == "try-on"
    page.garment_pane.clear()
    page.garment_pane.load_paths([catalog["garments"][1]])
    qtbot.waitUntil(lambda: page.blocker() == "", timeout=10_000)
    page.submit()
    qtbot.waitUntil(
        lambda: store.count() == 2 and all(j.status.is_final for j in store.query()),
        timeout=20_000,
    )
    second = next(j for j in store.query() if j.id != first.id)
    assert second.status is JobStatus.COMPLETED
    assert sent_of(second.params).derived_from == first.id
    assert second.source_name == "ana + shirt.jpg"


def test_a_batch_pauses_resumes_and_its_unsent_try_ons_are_cancelled(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    catalog: dict[str, list[Path]],
    tmp_path: Path,
) -> None:
    server = demo_factory(task_seconds=1.0, latency=0.6)  # each request takes 0.6 s
    driver = open_window(server)
    runner = driver.session.runner
    assert runner is not None
    runner.set_limits(concurrency=1, deadline_s=60)
    garments = []
    for number in range(5):
        path = tmp_path / f"garment-{number}.jpg"
        path.write_bytes(jpeg_bytes((300, 300), (40 * number, 60, 120)))
        garments.append(path)
    page = driver.try_on
    page.person_pane.load_paths([catalog["people"][0] / "ana.jpg"])
    page.garment_pane.load_paths(garments)
    qtbot.waitUntil(lambda: page.blocker() == "" and len(page.garment_pane.photos()) == 5)
    answer_batch_question()
    page.submit()
    gallery_page = driver.gallery.page
    qtbot.waitUntil(lambda: driver.gallery.model.columnCount() == 5, timeout=10_000)
    qtbot.waitUntil(lambda: server.stats()["tasks_created"] >= 1, timeout=10_000)
    gallery_page.pause_button.click()
    qtbot.waitUntil(lambda: gallery_page.pause_button.text() == "Resume")  # as announced
    store = driver.session.store

    def settled() -> list[Job]:
        jobs = store.query()
        done = all(j.status.is_final or j.status is JobStatus.WAITING for j in jobs)
        return jobs if len(jobs) == 5 and done else []

    qtbot.waitUntil(lambda: bool(settled()), timeout=30_000)  # the rest waits, prepared
    waiting = [j for j in settled() if j.status is JobStatus.WAITING]
    assert waiting and all(j.task_id is None for j in waiting)
    sent_when_paused = server.stats()["tasks_created"]
    assert sent_when_paused == 5 - len(waiting)  # nothing of the batch sent while paused
    assert not gallery_page.paused_note.isVisible()  # the user paused it: no warning
    gallery_page.pause_button.click()  # resume: the next one goes
    qtbot.waitUntil(lambda: server.stats()["tasks_created"] > sent_when_paused, timeout=10_000)
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    gallery_page.cancel_button.click()
    qtbot.waitUntil(lambda: all(j.status.is_final for j in store.query()), timeout=20_000)
    jobs = store.query()
    cancelled = [j for j in jobs if j.task_id is None]
    assert cancelled and all(j.status is not JobStatus.COMPLETED for j in cancelled)
    assert server.stats()["tasks_created"] == 5 - len(cancelled)
    assert all(j.status is JobStatus.COMPLETED for j in jobs if j.task_id is not None)


def test_the_history_forgets_old_jobs_and_everything_on_request(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    catalog: dict[str, list[Path]],
) -> None:
    driver = open_window(demo_factory(task_seconds=0.2))
    load_catalog(qtbot, driver, catalog)
    jobs = sent_batch(qtbot, driver, 4)
    store = driver.session.store
    old = jobs[:2]
    for job in old:
        set_columns(store.path, job.id, created_at=time.time() - 40 * 86_400)
    driver.session.update_settings(replace(driver.session.settings, forget_after_days=30))
    driver.forgetting.apply()
    qtbot.waitUntil(  # the list forgets them once every file is gone
        lambda: all(driver.job_model.row_of(job.id) is None for job in old), timeout=10_000
    )
    assert store.count() == 2
    assert all(not (jobs_dir() / job.id).exists() for job in old)
    # Delete all history…, from Settings, after a question that says what goes
    said = answer_next_dialog(QMessageBox.StandardButton.Yes)

    def press_delete_all(dialog: SettingsDialog) -> None:
        button = dialog.findChild(QPushButton, "deleteAllHistoryButton")
        assert button is not None
        button.click()

    when_modal(SettingsDialog, press_delete_all)
    driver.account.show_settings()
    qtbot.waitUntil(lambda: driver.job_model.rowCount() == 0, timeout=10_000)
    assert said and "Delete all 2 finished jobs?" in said[0]
    assert store.count() == 0
    assert list(jobs_dir().iterdir()) == []


def test_a_photo_leaves_the_strip_with_delete(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    catalog: dict[str, list[Path]],
) -> None:
    driver = open_window(demo_factory())
    page = driver.try_on
    load_catalog(qtbot, driver, catalog)
    people = page.person_pane
    assert page.submit_button.text() == "Try on 4 · 12 credits"
    people.strip.setCurrentRow(0)
    people.strip.setFocus()
    qtbot.keyClick(people.strip, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not people.loading, timeout=5000)
    assert [p.name for p in people.photos()] == ["bea.jpg"]
    assert people.shown is people.photos()[0]
    assert not people.strip.isVisibleTo(people)  # one photo: no strip
    assert page.submit_button.text() == "Try on 2 · 6 credits"
    # the same file again (dropped, chosen, or its folder) is not added twice
    people.load_path(catalog["people"][0] / "bea.jpg")
    people.load_paths(catalog["people"])
    qtbot.waitUntil(lambda: not people.loading, timeout=5000)
    assert [p.name for p in people.photos()] == ["bea.jpg", "ana.jpg"]
    people.strip.setCurrentRow(1)
    qtbot.keyClick(people.strip, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not people.loading, timeout=5000)
    people.clear()  # the remove button: the last photo goes
    assert people.photos() == [] and people.source is None
    assert page.blocker() == "Add a person photo."


def test_a_folder_of_photos_is_added_from_the_browse_buttons_menu(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    catalog: dict[str, list[Path]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    driver = open_window(demo_factory())
    people = driver.try_on.person_pane
    # the folder dialog is the system's own, so its answer is stood in for
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(catalog["people"][0])
    )
    menu = people.browse_button.menu()
    assert menu is not None
    folder = [a for a in menu.actions() if a.text() == "Add a folder of person photos…"]
    assert len(folder) == 1
    folder[0].trigger()
    qtbot.waitUntil(lambda: len(people.photos()) == 2 and not people.loading, timeout=10_000)
    assert sorted(p.name for p in people.photos()) == ["ana.jpg", "bea.jpg"]
    assert people.strip.isVisibleTo(people)
    assert "notes.txt" in people.message.text()  # what is not a picture is named
    # a single-photo pane (Generate's shape) has no such menu
    assert driver.generate.shape_pane.browse_button.menu() is None


def test_out_of_credits_pauses_the_batch_with_a_banner_and_resume_sends_the_rest(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    catalog: dict[str, list[Path]],
) -> None:
    """A batch of 32 sent with 4 credits left ended with 31 jobs "Failed", the reason in
    a cell: now the batch pauses, the Gallery says why, and Resume sends the rest."""
    server = demo_factory(task_seconds=0.1, credits=6.0)  # two of the four
    driver = open_window(server)
    load_catalog(qtbot, driver, catalog)
    answer_batch_question()
    driver.try_on.submit()
    store, page = driver.session.store, driver.gallery.page

    def settled() -> list[Job]:
        jobs = [j for j in store.query(JobQuery(limit=100)) if j.batch is not None]
        done = all(j.status.is_final or j.status is JobStatus.WAITING for j in jobs)
        return jobs if len(jobs) == 4 and done else []

    qtbot.waitUntil(lambda: bool(settled()), timeout=30_000)
    jobs = settled()
    assert sorted(j.status.value for j in jobs) == ["completed"] * 2 + ["waiting"] * 2
    assert not [j for j in jobs if j.status is JobStatus.FAILED]
    driver.page("gallery")
    qtbot.waitUntil(page.paused_note.isVisible, timeout=10_000)
    note = page.paused_note.text()
    assert "credits" in note and "Resume" in note and "aurax.co.in" in note
    # two of the batch were sent: the note never says that nothing was
    assert "nothing was sent" not in note.lower()
    assert note.count("Insufficient credits") == 1  # what AuraX said, once
    assert page.pause_button.text() == "Resume" and page.pause_button.isEnabled()
    # the progress line follows the jobs' events once a frame (they come a moment later)
    qtbot.waitUntil(lambda: "2 paused" in page.progress.full_text(), timeout=10_000)
    server.top_up(30)
    page.pause_button.click()
    qtbot.waitUntil(lambda: not page.paused_note.isVisible(), timeout=10_000)
    qtbot.waitUntil(
        lambda: all(j.status is JobStatus.COMPLETED for j in store.query(JobQuery(limit=100))),
        timeout=30_000,
    )
    assert server.stats()["tasks_created"] == 4  # each pair made once, whatever was refused
    assert sum(j.cost for j in store.query(JobQuery(limit=100))) == 12.0


def test_the_ones_that_did_not_finish_are_retried_from_the_batch_s_entry(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    catalog: dict[str, list[Path]],
) -> None:
    server = demo_factory(task_seconds=0.1, fail_rate=1.0)  # every task fails at AuraX
    driver = open_window(server)
    load_catalog(qtbot, driver, catalog)
    jobs = sent_batch(qtbot, driver, 4)
    assert [j.status for j in jobs] == [JobStatus.FAILED] * 4
    model, view = driver.job_model, driver.job_list
    qtbot.waitUntil(lambda: listed_ended(driver, [j.id for j in jobs]), timeout=10_000)
    entry = model.index(min(r for j in jobs if (r := model.row_of(j.id)) is not None))
    actions = {a.text(): a for a in view.groups.actions_for(entry)}
    retry = actions["Retry the 4 that did not finish…"]
    shown = answer_next_dialog(QMessageBox.StandardButton.Yes)
    retry.trigger()
    assert shown == ["This sends these 4 jobs again as new ones and costs 12 credits in all."]
    store = driver.session.store

    def retried() -> list[Job]:
        found = [j for j in store.query(JobQuery(limit=100)) if j.retry_of]
        return found if len(found) == 4 and all(j.status.is_final for j in found) else []

    qtbot.waitUntil(lambda: bool(retried()), timeout=20_000)
    assert {j.retry_of for j in retried()} == {j.id for j in jobs}
    assert all(j.batch == jobs[0].batch for j in retried())
    assert server.stats()["requests"]["POST /api/ai/vto"] == 8  # each sent once more
    # the originals are not offered again: only the retries that failed in turn
    qtbot.waitUntil(lambda: listed_ended(driver, [j.id for j in retried()]), timeout=10_000)
    entry = model.index(min(r for j in retried() if (r := model.row_of(j.id)) is not None))
    offered = [a for a in view.groups.actions_for(entry) if a.text().startswith("Retry")]
    assert [a.text() for a in offered] == ["Retry the 4 that did not finish…"]
    group = model.group_jobs(jobs[0].batch or "")
    assert {j.id for j in to_retry(group)} == {j.id for j in retried()}
