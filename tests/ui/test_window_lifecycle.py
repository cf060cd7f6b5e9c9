"""Starting in demo mode, and starting again after quitting with work in flight."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobStatus
from tests.factories import garment_jpeg, person_jpeg
from tests.ui.conftest import WindowFactory, close_window, drop_file

LEFT = Qt.MouseButton.LeftButton


def test_demo_mode_cannot_be_missed_and_samples_take_three_clicks(
    qtbot: QtBot,
    open_window: WindowFactory,
) -> None:
    driver = open_window(demo=True)
    assert driver.session.demo_mode
    assert driver.window.windowTitle() == "AuraX Desktop — Demo mode"
    assert driver.demo_banner.isVisible() and driver.demo_badge_shown()
    buttons = {b.text(): b for b in driver.demo_banner.buttons}
    qtbot.mouseClick(buttons["Person"], LEFT)  # 1
    qtbot.mouseClick(buttons["Red dress"], LEFT)  # 2
    page = driver.try_on
    qtbot.waitUntil(page.submit_button.isEnabled, timeout=10000)
    assert page.product_type.currentData() == "DRESS"
    qtbot.mouseClick(page.submit_button, LEFT)  # 3
    qtbot.waitUntil(lambda: len(driver.jobs()) == 1, timeout=10000)
    assert driver.jobs()[0].status is not JobStatus.FAILED


def test_after_a_restart_the_history_shows_and_unfinished_jobs_go_on(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory(task_seconds=2.5)
    first = open_window(server)
    person, garment = tmp_path / "p.jpg", tmp_path / "g.jpg"
    person.write_bytes(person_jpeg())
    garment.write_bytes(garment_jpeg())
    drop_file(first.try_on.person_pane, person)
    drop_file(first.try_on.garment_pane, garment)
    qtbot.waitUntil(first.try_on.submit_button.isEnabled, timeout=10000)
    first.try_on.submit()
    qtbot.waitUntil(lambda: any(j.task_id for j in first.jobs()), timeout=10000)
    close_window(first.window)  # quit while the task is still running at the server
    stored = first.session.store  # closed; read again through a new window

    second = open_window(server)
    qtbot.waitUntil(lambda: len(second.jobs()) == 1, timeout=10000)
    qtbot.waitUntil(lambda: second.jobs()[0].status is JobStatus.COMPLETED, timeout=20000)
    job = second.jobs()[0]
    assert job.result_paths[0].is_file()
    assert server.stats()["requests"]["POST /api/ai/vto"] == 1
    assert stored is not second.session.store


def test_the_dividers_open_where_they_were_left(
    open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    server = demo_factory()
    first = open_window(server)
    main_total = sum(first.main_splitter.sizes())
    results_total = sum(first.results_splitter.sizes())
    first.main_splitter.setSizes([main_total - 420, 420])
    first.results_splitter.setSizes([results_total - 300, 300])
    main_sizes, results_sizes = first.main_splitter.sizes(), first.results_splitter.sizes()
    close_window(first.window)

    second = open_window(server)
    assert second.window.size() == first.window.size()
    assert second.main_splitter.sizes() == main_sizes
    assert second.results_splitter.sizes() == results_sizes


def test_the_window_fits_a_small_laptop_screen(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    """1280 x 720 is a 1920 x 1080 laptop at 150 %: the window must fit, and pages
    that need more room than that scroll instead of being cut off."""
    driver = open_window(demo_factory())
    smallest = driver.window.minimumSize().expandedTo(driver.window.minimumSizeHint())
    assert smallest.width() <= 1280 and smallest.height() <= 700
    driver.window.resize(smallest)
    qtbot.waitUntil(lambda: driver.window.width() == smallest.width())
    for name in driver.page_names:
        driver.page(name)
        page = driver.page_area(name).widget()
        qtbot.waitUntil(lambda page=page: page.width() >= page.minimumSizeHint().width())


def test_at_1440_by_900_no_page_needs_to_scroll(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    driver = open_window(demo_factory())
    driver.window.resize(1440, 900)
    qtbot.waitUntil(lambda: driver.window.width() == 1440)
    driver.first_split()  # as on a first run at this size
    for name in driver.page_names:
        driver.page(name)
        area = driver.page_area(name)
        qtbot.waitUntil(lambda area=area: area.widget().width() == area.viewport().width())
        assert area.horizontalScrollBar().maximum() == 0, name
        assert area.verticalScrollBar().maximum() == 0, name
