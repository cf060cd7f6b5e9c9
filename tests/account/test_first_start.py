"""The first start never waits: a fresh account (no key ever kept here) gets the welcome
dialog at once and alone, without the keyring being asked, whether the keyring is
absent, locked, asking to be created or never answering; "Try the demo" never touches
it. A keyring that answers leaves no waiting dialog behind to show itself later over
the welcome. The keyring here is an in-memory backend that never answers until the
test ends, or one that answers at once (a real prompt cannot be answered from a test).
``packaging/check_bundle.py`` drives the installed program's first start against a
Secret Service that never answers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import keyring
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from aurax_desktop.account import SettingsStore
from aurax_desktop.app import create_window
from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import close_window, when_modal


class SilentKeyring(MemoryKeyring):
    """A keyring whose every call waits until the test ends, as one that never answers;
    ``asked`` tells whether anything was asked of it."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = threading.Event()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.asked.set()
        self.release.wait(60)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.asked.set()
        self.release.wait(60)

    def delete_password(self, service: str, username: str) -> None:
        self.asked.set()
        self.release.wait(60)


@pytest.fixture
def silent_keyring() -> Iterator[SilentKeyring]:
    previous = keyring.get_keyring()
    backend = SilentKeyring()
    keyring.set_keyring(backend)
    yield backend
    backend.release.set()
    keyring.set_keyring(previous)


def waiting_dialogs() -> list[QProgressDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_a_first_start_shows_the_welcome_alone_and_the_demo_never_asks_the_keyring(
    qtbot: QtBot, silent_keyring: SilentKeyring
) -> None:
    seen: list[tuple[bool, list[QProgressDialog], bool]] = []

    def try_the_demo(dialog: WelcomeDialog) -> None:
        seen.append((dialog.isVisible(), waiting_dialogs(), silent_keyring.asked.is_set()))
        dialog.demo_button.click()

    when_modal(WelcomeDialog, try_the_demo)
    window = create_window([])
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.session.connected, timeout=10_000)
        assert seen == [(True, [], False)]  # shown, alone, nothing asked of the keyring
        credentials = window.session.credentials
        assert credentials is not None and credentials.source == "demo"
        assert window.connection.keyring is None  # no wait for the keyring was ever begun
        assert not silent_keyring.asked.is_set()
    finally:
        close_window(window)


def test_a_keyring_that_answered_leaves_no_waiting_dialog_to_show_itself_later(
    qtbot: QtBot,
) -> None:
    """A key was kept before (its id is in the settings), the keyring answers at once
    that it has none: the welcome dialog, and the waiting dialog can never come back
    over it (Qt's progress dialog shows itself after four seconds unless stopped)."""
    settings = SettingsStore()
    settings.save(replace(settings.load().settings, key_id="kept-before"))
    found: list[tuple[bool, list[QTimer], list[QProgressDialog]]] = []

    def look(dialog: WelcomeDialog) -> None:
        waiter = window.connection.keyring
        assert waiter is not None
        timers = waiter.dialog.findChildren(QTimer)
        found.append((waiter.dialog.isHidden(), [t for t in timers if t.isActive()], []))
        found[-1][2].extend(waiting_dialogs())
        dialog.reject()

    when_modal(WelcomeDialog, look)
    window = create_window([])
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: bool(found), timeout=10_000)
        assert found == [(True, [], [])]
    finally:
        close_window(window)
