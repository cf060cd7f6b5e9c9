"""Starting in demo mode, and starting again after quitting with work in flight."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
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
    window = open_window(demo=True)
    assert window.session.demo_mode
    assert window.windowTitle() == "AuraX Desktop — Demo mode"
    assert window.demo_banner.isVisible() and window.demo_badge.isVisible()
    buttons = {b.text(): b for b in window.demo_banner.buttons}
    qtbot.mouseClick(buttons["Person"], LEFT)  # 1
    qtbot.mouseClick(buttons["Red dress"], LEFT)  # 2
    page = window.try_on
    qtbot.waitUntil(page.submit_button.isEnabled, timeout=10000)
    assert page.product_type.currentData() == "DRESS"
    qtbot.mouseClick(page.submit_button, LEFT)  # 3
    qtbot.waitUntil(lambda: len(window.model.jobs()) == 1, timeout=10000)
    assert window.model.jobs()[0].status is not JobStatus.FAILED


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
    qtbot.waitUntil(lambda: any(j.task_id for j in first.model.jobs()), timeout=10000)
    close_window(first)  # quit while the task is still running at the server
    stored = first.session.store  # closed; read again through a new window

    second = open_window(server)
    qtbot.waitUntil(lambda: len(second.model.jobs()) == 1, timeout=10000)
    qtbot.waitUntil(lambda: second.model.jobs()[0].status is JobStatus.COMPLETED, timeout=20000)
    job = second.model.jobs()[0]
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
    close_window(first)

    second = open_window(server)
    assert second.size() == first.size()
    assert second.main_splitter.sizes() == main_sizes
    assert second.results_splitter.sizes() == results_sizes


def test_the_window_fits_a_small_laptop_screen(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    """1280 x 720 is a 1920 x 1080 laptop at 150 %: the window must fit, and pages
    that need more room than that scroll instead of being cut off."""
    window = open_window(demo_factory())
    smallest = window.minimumSize().expandedTo(window.minimumSizeHint())
    assert smallest.width() <= 1280 and smallest.height() <= 700
    window.resize(smallest)
    qtbot.waitUntil(lambda: window.width() == smallest.width())
    for row in range(window.pages.count()):
        window.navigation.setCurrentRow(row)
        area = window.pages.currentWidget()
        assert isinstance(area, QScrollArea)
        page = area.widget()
        qtbot.waitUntil(lambda page=page: page.width() >= page.minimumSizeHint().width())


def test_at_1440_by_900_no_page_needs_to_scroll(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    window = open_window(demo_factory())
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.width() == 1440)
    window.first_split()  # as on a first run at this size
    for row in range(window.pages.count()):
        window.navigation.setCurrentRow(row)
        area = window.pages.currentWidget()
        assert isinstance(area, QScrollArea)
        qtbot.waitUntil(lambda area=area: area.widget().width() == area.viewport().width())
        assert area.horizontalScrollBar().maximum() == 0, row
        assert area.verticalScrollBar().maximum() == 0, row
