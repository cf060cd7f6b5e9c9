"""The progress list's rows and their actions, on real jobs against the demo server."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import Job, JobKind, JobStatus
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.jobs.groups import GroupPlace
from aurax_desktop.ui.jobs.model import GroupRole, JobListModel, NoticeRole
from aurax_desktop.ui.jobs.view import THUMB
from tests.ui.conftest import WindowFactory, answer_next_dialog, load_both, run_try_on
from tests.ui.window_driver import WindowDriver


def action(driver: WindowDriver, job: Job, text: str) -> QAction:
    row = driver.job_model.row_of(job.id)
    assert row is not None
    current = driver.job_model.job(row)
    assert current is not None
    (found,) = [a for a in driver.job_list.actions_for(current) if a.text() == text]
    return found


class OpenedUrls(QObject):
    """Receives what the program asks the desktop to open (Qt's URL handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_a_row_says_what_the_job_is_and_how_it_went(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory(task_seconds=0.3))
    job = run_try_on(qtbot, driver, photos)
    index = driver.job_model.index(driver.job_model.row_of(job.id) or 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Try-on · Garment · Completed"
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Try-on, garment, Completed"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == job.task_id
    qtbot.waitUntil(lambda: driver.job_model.data(index, Qt.ItemDataRole.UserRole + 3) is not None)
    thumb = driver.job_model.data(index, Qt.ItemDataRole.UserRole + 3)
    picture = driver.job_list.viewport().grab().toImage()
    row = driver.job_list.visualRect(index)
    centre = QPoint(row.left() + 2 + 10 + THUMB // 2, row.center().y())
    ratio = picture.devicePixelRatio()
    drawn = picture.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio))
    expected = thumb.pixelColor(thumb.width() // 2, thumb.height() // 2)
    # The row shows the result's own thumbnail (not the placeholder glyph).
    assert abs(drawn.red() - expected.red()) < 40
    assert abs(drawn.green() - expected.green()) < 40
    assert abs(drawn.blue() - expected.blue()) < 40
    # What went in: the garment sent, in the picture's corner (the test garment is blue).
    corner = thumb.pixelColor(thumb.width() - 6, thumb.height() - 6)
    assert corner.blue() > 150 and corner.red() < 80 and corner.green() < 100


def test_open_show_in_folder_and_copy_the_task_id(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory(task_seconds=0.3))
    job = run_try_on(qtbot, driver, photos)
    opened = OpenedUrls()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        action(driver, job, "Open result").trigger()
        action(driver, job, "Show in folder").trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(url.toLocalFile()) for url in opened.urls] == [job.result_paths[0], job.folder]
    action(driver, job, "Copy task id").trigger()
    assert QGuiApplication.clipboard().text() == job.task_id
    assert driver.status() == "Task id copied."


def test_retry_asks_about_the_cost_and_sends_a_new_job(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    server = demo_factory(fail_rate=1.0, task_seconds=0.3)
    driver = open_window(server)
    failed = run_try_on(qtbot, driver, photos, JobStatus.FAILED)
    asked = answer_next_dialog(QMessageBox.StandardButton.Cancel)
    action(driver, failed, "Retry as a new job…").trigger()
    assert asked == ["This sends the job again as a new one and costs 3 credits."]
    with qtbot.assertNotEmitted(driver.job_events, wait=500):
        pass  # Cancel sends nothing: no job is even made
    assert len(driver.jobs()) == 1 and len(server.tasks()) == 1

    answer_next_dialog(QMessageBox.StandardButton.Yes)
    action(driver, failed, "Retry as a new job…").trigger()
    qtbot.waitUntil(lambda: len(server.tasks()) == 2, timeout=10000)
    qtbot.waitUntil(lambda: len(driver.jobs()) == 2)
    retried = next(j for j in driver.jobs() if j.id != failed.id)
    assert retried.kind is failed.kind and retried.product_type == failed.product_type


def test_stop_following_a_long_task(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory(task_seconds=60))
    load_both(qtbot, driver, photos)
    driver.try_on.submit()
    qtbot.waitUntil(lambda: any(j.task_id for j in driver.jobs()), timeout=10000)
    (job,) = driver.jobs()
    stop = action(driver, job, "Stop following")
    assert stop.isEnabled()
    stop.trigger()
    qtbot.waitUntil(
        lambda: driver.job_model.flush() or driver.jobs()[0].status is JobStatus.STOPPED,
        timeout=10000,
    )
    assert "AuraX may still finish the task" in driver.status()
    assert action(driver, job, "Follow again").isEnabled()


def test_delete_moves_the_job_to_the_trash_and_undo_brings_it_back(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory(task_seconds=0.3))
    job = run_try_on(qtbot, driver, photos)
    qtbot.waitUntil(driver.viewer.canvas.has_image, timeout=10000)
    qtbot.waitUntil(lambda: driver.spending.today == 3.0, timeout=10000)
    store = driver.session.store
    action(driver, job, "Delete").trigger()  # no question: it can be undone
    qtbot.waitUntil(lambda: driver.job_model.flush() or driver.jobs() == [], timeout=10000)
    trashed = store.get(job.id)
    assert trashed is not None and trashed.in_trash
    assert job.folder.is_dir()  # its files wait in the Trash with it
    assert not driver.viewer.canvas.has_image()
    assert driver.viewer.canvas.placeholder == "Select a finished job to see its result here"
    undo = driver.command("undo")
    assert undo.isEnabled() and undo.text() == "Undo Delete 1 job"
    undo.trigger()
    qtbot.waitUntil(lambda: driver.job_model.flush() or driver.job_model.row_of(job.id) is not None)
    qtbot.waitUntil(driver.viewer.canvas.has_image)  # the result shown again, as it was
    restored = store.get(job.id)
    assert restored is not None and not restored.in_trash
    driver.spending.refresh()
    qtbot.wait(200)
    assert driver.spending.today == 3.0  # the ledger: deleting never lowers the spend


def test_the_result_pane_says_why_it_shows_no_picture(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    """A chosen job that runs says its result will show there; one that ended without
    a result says so; nothing chosen asks for a finished job."""
    driver = open_window(demo_factory())
    viewer, cache = driver.viewer, driver.viewer.cache
    assert viewer.canvas.placeholder == "Select a finished job to see its result here"
    running = Job(
        id="shown", kind=JobKind.TRY_ON, status=JobStatus.PROCESSING, product_type="DRESS"
    )
    cache.take(replace(running, revision=1))
    viewer.show_job(running)
    assert viewer.canvas.placeholder == "The result shows here when this job is done"
    cache.take(replace(running, status=JobStatus.FAILED, error="No person found", revision=2))
    assert viewer.canvas.placeholder == "This job ended without a result"
    assert not viewer.canvas.has_image()


def test_a_notice_shows_until_the_job_moves_on(qtbot: QtBot) -> None:
    cache = JobCache()
    model = JobListModel(cache)
    try:
        job = Job(id="j1", kind=JobKind.TRY_ON, status=JobStatus.PREPARING, product_type="DRESS")
        cache.take(replace(job, revision=1))
        model.set_notice(job.id, "AuraX asked to slow down; sending again in 3 s")
        model.flush()
        index = model.index(0)
        assert index.data(NoticeRole) == "AuraX asked to slow down; sending again in 3 s"
        cache.take(replace(job.moved_to(JobStatus.QUEUED, task_id="t1"), revision=2))
        model.flush()
        assert index.data(NoticeRole) is None
    finally:
        model.stop_timers()


def test_a_closed_batch_s_entry_counts_again_when_one_of_its_jobs_goes(
    qtbot: QtBot,
) -> None:
    """A try-on of a closed batch is deleted (to the Trash, or for good) or brought back:
    the batch's entry, the one row that shows it, counts again and is drawn at once."""
    cache = JobCache()
    model = JobListModel(cache)
    try:
        jobs = [
            Job(
                id=f"j{n}",
                kind=JobKind.TRY_ON,
                status=JobStatus.COMPLETED,
                product_type="DRESS",
                batch="b1",
                created_at=float(n),
                updated_at=float(n),
                revision=1,
            )
            for n in range(4)
        ]
        for job in jobs:
            cache.take(job)
        model.flush()
        assert model.rowCount() == 1
        entry = model.index(0)

        def counted() -> int:
            place = entry.data(GroupRole)
            assert isinstance(place, GroupPlace) and place.folded
            return place.count

        assert counted() == 4
        drawn: list[int] = []
        model.dataChanged.connect(lambda first, last, *_: drawn.extend((first.row(), last.row())))
        cache.take(replace(jobs[1], trashed_at=10.0, revision=2))  # to the Trash
        model.flush()
        assert (counted(), drawn) == (3, [0, 0])
        drawn.clear()
        cache.drop(jobs[2].id)  # deleted for good
        assert (counted(), drawn) == (2, [0, 0])
        drawn.clear()
        cache.take(replace(jobs[1], trashed_at=None, revision=3))  # Undo: back from the Trash
        model.flush()
        assert (counted(), drawn) == (3, [0, 0])
    finally:
        model.stop_timers()


def test_a_try_on_in_the_jobs_list_goes_on_as_the_next_person_or_a_whole_look(
    qtbot: QtBot, open_window: Callable[..., WindowDriver], photos: dict[str, Path]
) -> None:
    """Right-click a finished try-on: "Use as person photo" puts the result in place of
    the photo it was made from (the next garment is tried on it); "Use as garment
    photo" tries the whole look on someone else. As the Gallery offers."""
    driver = open_window(demo=True)
    job = run_try_on(qtbot, driver, photos)
    actions = {a.text(): a for a in driver.job_list.actions_for(job)}
    person = driver.pane("person")
    driver.page("gallery")
    actions["Use as person photo"].trigger()
    qtbot.waitUntil(lambda: person.shown is not None and person.shown.derived_from == job.id)
    assert driver.current_page() == "try-on"
    assert [p.name for p in person.photos()] == ["person + garment.jpg"]  # in its place
    assert driver.window.statusBar().currentMessage() == (
        "The result is now a person photo: choose the next garment."
    )
    garments = driver.pane("garment")
    actions["Use as garment photo"].trigger()
    qtbot.waitUntil(lambda: any(p.derived_from == job.id for p in garments.photos()))
    assert garments.shown is not None and garments.shown.product_type == job.product_type
