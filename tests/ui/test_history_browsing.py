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
from aurax_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, run_try_on

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


def rows(window: MainWindow) -> int:
    window.model.flush()
    return window.model.rowCount()


def search(qtbot: QtBot, window: MainWindow, text: str, expected_rows: int) -> None:
    window.job_search.setText(text)
    qtbot.waitUntil(lambda: window.model.query.text == text, timeout=5000)
    qtbot.waitUntil(lambda: rows(window) == expected_rows, timeout=5000)


def test_the_history_loads_a_page_at_a_time_as_the_list_scrolls(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    fill_history()
    window = open_window(demo_factory())
    qtbot.waitUntil(lambda: rows(window) == 200, timeout=10000)
    assert window.model.jobs()[0].id == "old0449"  # newest first
    window.job_list.scrollToBottom()
    qtbot.waitUntil(lambda: rows(window) == 400, timeout=10000)
    window.job_list.scrollToBottom()
    qtbot.waitUntil(lambda: rows(window) == HISTORY, timeout=10000)
    assert not window.model.canFetchMore()
    assert [j.id for j in window.model.jobs()] == [f"old{n:04d}" for n in range(449, -1, -1)]


def test_search_and_filter_narrow_the_list_and_say_when_nothing_matches(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    fill_history()
    window = open_window(demo_factory())
    qtbot.waitUntil(lambda: rows(window) == 200, timeout=10000)
    assert isinstance(window.findChild(QLineEdit, "jobSearch"), QLineEdit)
    assert isinstance(window.findChild(QComboBox, "jobFilter"), QComboBox)

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.job_search.hasFocus()
    search(qtbot, window, "linen", HISTORY // 50)
    assert all("Linen" in (j.prompt or "") for j in window.model.jobs())
    search(qtbot, window, "TASK-0123", 1)
    assert window.model.jobs()[0].id == "old0123"

    search(qtbot, window, "", 200)
    window.job_filter.setCurrentText("Failed or stopped")
    qtbot.waitUntil(lambda: rows(window) == HISTORY // 10, timeout=5000)
    assert {j.status for j in window.model.jobs()} == {JobStatus.FAILED}
    search(qtbot, window, "linen", HISTORY // 50)  # every linen job also failed

    search(qtbot, window, "velvet", 0)
    assert window.model.is_filtered()
    window.job_filter.setCurrentText("All jobs")
    search(qtbot, window, "", 200)


def test_sending_while_the_list_is_filtered_shows_the_new_job(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    window = open_window(demo_factory(task_seconds=0.3))
    window.job_filter.setCurrentText("Failed or stopped")
    qtbot.waitUntil(window.model.is_filtered, timeout=5000)
    job = run_try_on(qtbot, window, photos)
    assert window.job_filter.currentText() == "All jobs" and window.job_search.text() == ""
    assert [j.id for j in window.model.jobs()] == [job.id]


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
    window = open_window(demo_factory())
    qtbot.waitUntil(lambda: rows(window) == 120, timeout=10000)
    model = window.model
    first, last = model.index(0), model.index(119)
    qtbot.waitUntil(lambda: model.data(first, ThumbnailRole) is not None, timeout=10000)
    window.job_list.scrollToBottom()
    qtbot.waitUntil(lambda: model.data(last, ThumbnailRole) is not None, timeout=10000)
    assert model.data(last, ThumbnailRole).size().width() == 40
