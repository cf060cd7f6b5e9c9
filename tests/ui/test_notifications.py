"""A job that finishes while the window is in the background is announced on the desktop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.desktop_notify import APP_NAME
from aurax_desktop.jobs import JobStatus
from tests.notification_service import dbus_daemon_available, notification_service
from tests.ui.conftest import WindowFactory, run_try_on
from tests.ui.window_driver import WindowDriver

needs_dbus = pytest.mark.skipif(
    not dbus_daemon_available(), reason="needs dbus-daemon (Debian: dbus)"
)


def another_window_active(qtbot: QtBot, driver: WindowDriver) -> QWidget:
    """The user switched to another program's window."""
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: other.isActiveWindow() and not driver.window.isActiveWindow())
    return other


@needs_dbus
def test_a_finished_try_on_is_announced_when_the_window_is_in_the_background(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with notification_service() as service:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.address)
        driver = open_window(demo_factory(task_seconds=0.5))
        another_window_active(qtbot, driver)
        with qtbot.waitSignal(driver.notifications, timeout=20000) as delivered:
            run_try_on(qtbot, driver, photos, JobStatus.COMPLETED)
        assert delivered.args == [
            "Try-on completed",
            "The result is ready in AuraX Desktop.",
            "desktop",
        ]
        assert service.wait_for(1) == [
            (APP_NAME, "Try-on completed", "The result is ready in AuraX Desktop.")
        ]


@needs_dbus
def test_a_failed_job_is_announced_with_its_reason(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with notification_service() as service:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.address)
        driver = open_window(demo_factory(fail_rate=1.0, task_seconds=0.3))
        another_window_active(qtbot, driver)
        run_try_on(qtbot, driver, photos, JobStatus.FAILED)
        ((app, title, text),) = service.wait_for(1)
        assert (app, title) == (APP_NAME, "Try-on failed")
        assert "Simulated failure" in text


@needs_dbus
def test_no_announcement_while_the_user_is_in_the_window(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with notification_service() as service:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.address)
        driver = open_window(demo_factory(task_seconds=0.3))
        driver.window.activateWindow()
        qtbot.waitUntil(driver.window.isActiveWindow)
        announced: list[object] = []
        driver.notifications.connect(lambda *args: announced.append(args))
        run_try_on(qtbot, driver, photos, JobStatus.COMPLETED)
        with qtbot.assertNotEmitted(driver.notifications, wait=1000):
            qtbot.waitUntil(driver.viewer.canvas.has_image, timeout=10000)
        assert announced == []
        assert service.shown == []


def test_without_a_notification_service_the_taskbar_entry_is_flagged(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    # No session bus here (the test configuration removes its address), and the
    # offscreen platform has no system tray: only the taskbar alert is left.
    driver = open_window(demo_factory(task_seconds=0.3))
    another_window_active(qtbot, driver)
    with qtbot.waitSignal(driver.notifications, timeout=20000) as delivered:
        run_try_on(qtbot, driver, photos, JobStatus.COMPLETED)
    assert delivered.args == [
        "Try-on completed",
        "The result is ready in AuraX Desktop.",
        "taskbar",
    ]
