"""Desktop notifications over a real private D-Bus session bus."""

from __future__ import annotations

import subprocess

import pytest

from aurax_desktop.desktop_notify import APP_NAME, notify_desktop
from tests.notification_service import dbus_daemon_available, notification_service

needs_dbus = pytest.mark.skipif(
    not dbus_daemon_available(), reason="needs dbus-daemon (Debian: dbus)"
)


@needs_dbus
def test_the_notification_service_shows_title_and_text(monkeypatch: pytest.MonkeyPatch) -> None:
    with notification_service() as service:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.address)
        assert notify_desktop("Try-on completed", "The result is ready.")
        assert service.wait_for(1) == [(APP_NAME, "Try-on completed", "The result is ready.")]


@needs_dbus
def test_a_bus_without_a_notification_service_says_no(monkeypatch: pytest.MonkeyPatch) -> None:
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", daemon.stdout.readline().strip())
        assert notify_desktop("Try-on completed", "The result is ready.") is False
    finally:
        daemon.terminate()
        daemon.wait(5)


def test_no_session_bus_says_no() -> None:
    # The shared test configuration removes the session bus address.
    assert notify_desktop("Try-on completed", "The result is ready.") is False


def test_a_dead_bus_address_says_no(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-such-socket")
    assert notify_desktop("Try-on completed", "The result is ready.") is False
