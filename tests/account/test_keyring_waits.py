"""A keyring that keeps nothing is refused, and one that waits for the user (locked, or
asking to create a keyring) never blocks silently: the command says so after two
seconds and gives up at its deadline; the window says so with Cancel, which goes on
with a key for this session only. The waiting keyring here is an in-memory backend
that holds every call until the test lets it go (a real prompt cannot be answered
from a test)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from keyring.backends import null
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from aurax_desktop.account import Credentials, CredentialStore, KeyringUnavailable, SettingsStore
from aurax_desktop.app import create_window
from aurax_desktop.cli import main
from aurax_desktop.demo import DemoServer
from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog
from tests.factories import garment_jpeg, person_jpeg
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import close_window, when_modal


class WaitingKeyring(MemoryKeyring):
    """Every call waits until ``release`` is set, as a keyring asking for its password."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.asked = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.asked.set()
        self.release.wait(30)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.asked.set()
        self.release.wait(30)
        super().set_password(service, username, password)


@pytest.fixture
def waiting_keyring() -> Iterator[WaitingKeyring]:
    previous = keyring.get_keyring()
    backend = WaitingKeyring()
    keyring.set_keyring(backend)
    yield backend
    backend.release.set()  # the abandoned call ends, and its thread with it
    keyring.set_keyring(previous)


def test_a_keyring_that_keeps_nothing_is_refused() -> None:
    store = CredentialStore(backend=null.Keyring())
    assert not store.available()
    with pytest.raises(KeyringUnavailable):
        store.save(Credentials("secret-key-123", "kid"))
    assert "nowhere" in store.describe()


def photos(folder: Path) -> list[str]:
    person, garment = folder / "person.jpg", folder / "garment.jpg"
    person.write_bytes(person_jpeg())
    garment.write_bytes(garment_jpeg())
    return [str(person), str(garment)]


def test_the_command_says_it_waits_and_gives_up_at_its_deadline(
    waiting_keyring: WaitingKeyring,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    started = time.monotonic()
    code = main(["--deadline", "3", "try-on", *photos(tmp_path), "--type", "dress"])
    took = time.monotonic() - started
    err = capsys.readouterr().err
    assert code == 1
    assert "waiting for the system keyring" in err
    assert "did not answer within 3 seconds" in err and "AURAX_API_KEY" in err
    assert 2.5 <= took < 10


def test_the_environment_still_works_while_the_keyring_waits(
    waiting_keyring: WaitingKeyring,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = demo_factory(task_seconds=0.1)
    monkeypatch.setenv("AURAX_API_KEY", server.api_key)
    monkeypatch.setenv("AURAX_KEY_ID", server.key_id)
    code = main(["--base-url", server.url, "try-on", *photos(tmp_path), "--type", "dress"])
    assert code == 0, capsys.readouterr().err
    assert not waiting_keyring.asked.is_set()


def test_the_window_says_it_waits_and_cancel_goes_on_for_this_session(
    qtbot: QtBot, waiting_keyring: WaitingKeyring, demo_factory: Callable[..., DemoServer]
) -> None:
    server = demo_factory()
    welcomed: list[WelcomeDialog] = []

    def give_key(dialog: WelcomeDialog) -> None:
        welcomed.append(dialog)
        assert dialog.keyring_waits
        dialog.url_edit.setText(server.url)
        dialog.key_edit.setText(server.api_key)
        dialog.key_id_edit.setText(server.key_id)
        dialog.save_and_connect()

    # a key was kept before (its id is in the settings): the keyring is read for it (a
    # first start never asks the keyring: see test_first_start)
    settings = SettingsStore()
    settings.save(replace(settings.load().settings, key_id="kept-before"))
    window = create_window([])
    qtbot.addWidget(window)
    try:
        qtbot.waitExposed(window)
        qtbot.waitUntil(waiting_keyring.asked.is_set, timeout=5000)
        assert window.isVisible()  # the window is up and answers meanwhile
        qtbot.waitUntil(
            lambda: any(
                isinstance(w, QProgressDialog) and w.isVisible() and "keyring" in w.labelText()
                for w in window.findChildren(QProgressDialog)
            ),
            timeout=5000,
        )
        (waiting,) = [w for w in window.findChildren(QProgressDialog) if w.isVisible()]
        assert waiting.labelText().startswith("Waiting for the system keyring…")
        when_modal(WelcomeDialog, give_key)
        (cancel,) = waiting.findChildren(QPushButton)
        assert cancel.text() == "Use a key for this session only"
        cancel.click()
        qtbot.waitUntil(lambda: window.session.connected, timeout=10_000)
        assert welcomed
        credentials = window.session.credentials
        assert credentials is not None and credentials.source == "session"
        assert waiting_keyring.entries == {}  # nothing was written to the waiting keyring
    finally:
        waiting_keyring.release.set()
        close_window(window)
