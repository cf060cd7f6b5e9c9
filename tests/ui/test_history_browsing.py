"""Browsing a long history: pages load on scrolling; a filter and a search narrow it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import Job, JobKind, JobStatus, JobStore
from aurax_desktop.ui.jobs.model import ThumbnailRole
from tests.ui.conftest import WindowFactory, run_try_on
from tests.ui.window_driver import WindowDriver

HISTORY = 450


def fill_history() -> None:
    """450 finished jobs: every tenth failed, every 50th a linen dress."""
    store = JobStore()
    for n in range(HISTORY):
        store.insert(
            [
                Job(
                    id=f"old{n:04d}",
                    kind=JobKind.IMAGE_GENERATION,
                    status=JobStatus.FAILED if n % 10 == 0 else JobStatus.COMPLETED,
                    product_type="DRESS",
                    prompt=f"Summer look {n}" + (" in Linen" if n % 50 == 0 else ""),
                    task_id=f"task-{n:04d}",
                    error="Simulated failure" if n % 10 == 0 else None,
                    created_at=1_700_000_000 + n,
                )
            ]
        )
    store.close()


def rows(driver: WindowDriver) -> int:
    return driver.job_model.rowCount()


def search(qtbot: QtBot, driver: WindowDriver, text: str, expected_rows: int) -> None:
    driver.pane("jobs").job_search.setText(text)
    qtbot.waitUntil(lambda: driver.job_model.query.text == text, timeout=5000)
    qtbot.waitUntil(lambda: rows(driver) == expected_rows, timeout=5000)


def test_the_history_loads_a_page_at_a_time_as_the_list_scrolls(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    fill_history()
    driver = open_window(demo_factory())
    qtbot.waitUntil(lambda: rows(driver) == 200, timeout=10000)
    assert driver.jobs()[0].id == "old0449"  # newest first
    driver.job_list.scrollToBottom()
    qtbot.waitUntil(lambda: rows(driver) == 400, timeout=10000)
    driver.job_list.scrollToBottom()
    qtbot.waitUntil(lambda: rows(driver) == HISTORY, timeout=10000)
    assert not driver.job_model.canFetchMore()
    assert [j.id for j in driver.jobs()] == [f"old{n:04d}" for n in range(449, -1, -1)]


def test_search_and_filter_narrow_the_list_and_say_when_nothing_matches(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    fill_history()
    driver = open_window(demo_factory())
    qtbot.waitUntil(lambda: rows(driver) == 200, timeout=10000)
    assert isinstance(driver.window.findChild(QLineEdit, "jobSearch"), QLineEdit)
    assert isinstance(driver.window.findChild(QComboBox, "jobFilter"), QComboBox)

    qtbot.keyClick(driver.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert driver.pane("jobs").job_search.hasFocus()
    search(qtbot, driver, "linen", HISTORY // 50)
    assert all("Linen" in (j.prompt or "") for j in driver.jobs())
    search(qtbot, driver, "TASK-0123", 1)
    assert driver.jobs()[0].id == "old0123"

    search(qtbot, driver, "", 200)
    driver.pane("jobs").job_filter.setCurrentText("Failed or stopped")
    qtbot.waitUntil(lambda: rows(driver) == HISTORY // 10, timeout=5000)
    assert {j.status for j in driver.jobs()} == {JobStatus.FAILED}
    search(qtbot, driver, "linen", HISTORY // 50)  # every linen job also failed

    search(qtbot, driver, "velvet", 0)
    assert driver.job_model.is_filtered()
    driver.pane("jobs").job_filter.setCurrentText("All jobs")
    search(qtbot, driver, "", 200)


def test_sending_while_the_list_is_filtered_shows_the_new_job(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory(task_seconds=0.3))
    driver.pane("jobs").job_filter.setCurrentText("Failed or stopped")
    qtbot.waitUntil(driver.job_model.is_filtered, timeout=5000)
    job = run_try_on(qtbot, driver, photos)
    assert (
        driver.pane("jobs").job_filter.currentText() == "All jobs"
        and driver.pane("jobs").job_search.text() == ""
    )
    assert [j.id for j in driver.jobs()] == [job.id]


def test_every_row_gets_its_thumbnail_when_shown(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    store = JobStore()
    for n in range(120):
        job = Job(
            id=f"pic{n:04d}",
            kind=JobKind.TRY_ON,
            status=JobStatus.COMPLETED,
            product_type="DRESS",
            created_at=1_700_000_000 + n,
        )
        job.folder.mkdir(parents=True)
        Image.new("RGB", (40, 60), (n, 80, 160)).save(job.folder / "thumbnail.jpg")
        store.insert([job])
    store.close()
    driver = open_window(demo_factory())
    qtbot.waitUntil(lambda: rows(driver) == 120, timeout=10000)
    model = driver.job_model
    first, last = model.index(0), model.index(119)
    qtbot.waitUntil(lambda: model.data(first, ThumbnailRole) is not None, timeout=10000)
    driver.job_list.scrollToBottom()
    qtbot.waitUntil(lambda: model.data(last, ThumbnailRole) is not None, timeout=10000)
    assert model.data(last, ThumbnailRole).size().width() == 40
