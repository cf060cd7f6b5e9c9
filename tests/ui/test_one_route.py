"""A job's state reaches the window by one route (the runner's events, applied by
revision), so rows only ever move forward; the Describe page sends each photo once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobStatus
from tests.factories import jpeg_bytes
from tests.ui.conftest import WindowFactory, load_both

ORDER = [
    JobStatus.PREPARING,
    JobStatus.SUBMITTING,
    JobStatus.QUEUED,
    JobStatus.PROCESSING,
    JobStatus.DOWNLOADING,
    JobStatus.COMPLETED,
]


def test_fifteen_try_ons_in_a_burst_only_move_forward(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    server = demo_factory(task_seconds=0.3, credits=1000)
    driver = open_window(server)
    load_both(qtbot, driver, photos)
    seen: dict[str, list[JobStatus]] = {}

    def record(*_args: object) -> None:
        for job in driver.jobs():
            statuses = seen.setdefault(job.id, [])
            if not statuses or statuses[-1] is not job.status:
                statuses.append(job.status)

    driver.job_model.dataChanged.connect(record)
    driver.job_model.rowsInserted.connect(record)
    page = driver.try_on
    for _ in range(15):
        qtbot.waitUntil(page.submit_button.isEnabled, timeout=10000)
        qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)

    def all_done() -> bool:
        jobs = driver.jobs()
        return len(jobs) == 15 and all(j.status is JobStatus.COMPLETED for j in jobs)

    qtbot.waitUntil(all_done, timeout=60000)
    record()
    assert len(seen) == 15
    for job_id, statuses in seen.items():
        ranks = [ORDER.index(s) for s in statuses]
        assert ranks == sorted(ranks), (job_id, statuses)
        assert statuses[-1] is JobStatus.COMPLETED
    assert server.stats()["requests"]["POST /api/ai/vto"] == 15


def test_describe_sends_each_photo_once_however_often_it_is_pressed(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory(task_seconds=0.2)
    driver = open_window(server)
    driver.page("describe")
    page = driver.describe
    paths = []
    for number in range(6):
        path = tmp_path / f"item {number}.jpg"
        path.write_bytes(jpeg_bytes((160, 160), (20 * number, 80, 120)))
        paths.append(path)
    page.add_paths(paths)
    assert page.describe_button.isEnabled()
    for _ in range(5):  # impatient clicks, and the button as well as the method
        page.describe_all()
        qtbot.mouseClick(page.describe_button, Qt.MouseButton.LeftButton)
    assert not page.describe_button.isEnabled()  # nothing left to send, at once
    qtbot.waitUntil(lambda: all(r.done for r in page.model.rows), timeout=30000)
    assert all(r.description and not r.error for r in page.model.rows)
    assert server.stats()["requests"]["POST /api/ai/product-description"] == 6
    # A new table with the same photos is a new request, asked for by the user.
    page.new_table()
    page.add_paths(paths[:2])
    page.describe_all()
    qtbot.waitUntil(
        lambda: len(page.model.rows) == 2 and all(r.done for r in page.model.rows),
        timeout=30000,
    )
    assert server.stats()["requests"]["POST /api/ai/product-description"] == 8
