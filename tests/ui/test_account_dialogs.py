"""The welcome dialog, the Account menu and the settings dialog."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from dataclasses import replace

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from aurax_desktop.account import SettingsStore, UploadSize
from aurax_desktop.app import create_window
from aurax_desktop.demo import DemoServer
from aurax_desktop.session import Session
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.shell.dialogs.settings import SettingsDialog
from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import answer_next_dialog, close_window, when_modal
from tests.ui.window_driver import WindowDriver

SECRET = "sk-dialog-secret-4455667788"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def welcome(qtbot: QtBot) -> Iterator[tuple[WelcomeDialog, Session]]:
    session = Session()
    work = BackgroundWork()
    dialog = WelcomeDialog(session, work)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog, session
    work.shutdown()
    session.shutdown()


def fill(dialog: WelcomeDialog, url: str, key: str, key_id: str) -> None:
    dialog.url_edit.setText(url)
    dialog.key_edit.setText(key)
    dialog.key_id_edit.setText(key_id)


def test_first_run_without_credentials_opens_the_welcome(qtbot: QtBot) -> None:
    seen: list[str] = []

    def answer(dialog: QDialog) -> None:
        seen.append(type(dialog).__name__)
        dialog.findChild(QPushButton, "tryDemoButton").click()

    when_modal(QDialog, answer)
    window = create_window([])
    driver = WindowDriver(window)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: driver.session.demo_mode, timeout=10000)
    assert seen == ["WelcomeDialog"]
    assert driver.demo_banner.isVisible()
    close_window(window)


@pytest.mark.logs_expected("The server address was refused")
def test_a_key_in_the_environment_with_an_address_that_is_no_servers_is_said_plainly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key given in the environment is used once the window shows; an address that
    is no server's is said in plain words, then the welcome offers another way in."""
    monkeypatch.setenv("AURAX_API_KEY", SECRET)
    monkeypatch.setenv("AURAX_KEY_ID", "kid")
    seen: list[str] = []

    def answer(dialog: QDialog) -> None:
        seen.append(type(dialog).__name__)
        dialog.findChild(QPushButton, "tryDemoButton").click()

    said = answer_next_dialog(QMessageBox.StandardButton.Ok)
    when_modal(WelcomeDialog, answer)  # it waits while the message box is open
    window = create_window(["--base-url", "ftp://files.example.com"])
    driver = WindowDriver(window)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: driver.session.demo_mode, timeout=10000)
    assert "is not a server address" in said[0] and SECRET not in said[0]
    assert seen == ["WelcomeDialog"]
    close_window(window)


def test_key_field_is_masked_and_test_connection_reports_plainly(
    qtbot: QtBot,
    welcome: tuple[WelcomeDialog, Session],
    demo_factory: Callable[..., DemoServer],
) -> None:
    dialog, _session = welcome
    server = demo_factory(api_key=SECRET)
    assert dialog.key_edit.echoMode() == dialog.key_edit.EchoMode.Password
    assert not dialog.test_button.isEnabled()
    cases = [
        (server.url, SECRET, "Connected"),
        (server.url, SECRET + "-wrong", "did not accept the API key"),
        ("http://127.0.0.1:9", SECRET, "Could not reach AuraX"),
        ("http://shop.example.com", SECRET, "not secure"),
    ]
    for url, key, expected in cases:
        fill(dialog, url, key, server.key_id)
        dialog.status_label.clear()
        qtbot.mouseClick(dialog.test_button, LEFT)
        qtbot.waitUntil(lambda e=expected: e in dialog.status_label.text(), timeout=15000)
        assert SECRET not in dialog.status_label.text()


def test_save_and_connect_puts_the_key_in_the_keyring_only(
    qtbot: QtBot,
    welcome: tuple[WelcomeDialog, Session],
    demo_factory: Callable[..., DemoServer],
    memory_keyring: MemoryKeyring,
) -> None:
    dialog, session = welcome
    server = demo_factory(api_key=SECRET)
    fill(dialog, server.url, SECRET, server.key_id)
    qtbot.mouseClick(dialog.connect_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result() == WelcomeDialog.DialogCode.Accepted, timeout=10000)
    assert session.connected and session.credentials is not None
    assert memory_keyring.entries[("aurax-desktop", "api-key")] == SECRET
    assert dialog.key_edit.text() == ""
    stored = SettingsStore().path.read_text(encoding="utf-8")
    assert SECRET not in stored
    assert json.loads(stored)["key_id"] == server.key_id


def test_no_keyring_offers_the_session_only(
    qtbot: QtBot,
    welcome: tuple[WelcomeDialog, Session],
    demo_factory: Callable[..., DemoServer],
) -> None:
    keyring.set_keyring(fail.Keyring())
    dialog, session = welcome
    server = demo_factory(api_key=SECRET)
    fill(dialog, server.url, SECRET, server.key_id)
    texts = answer_next_dialog(QMessageBox.StandardButton.Yes)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: bool(texts), timeout=10000)
    assert "no secure password store" in texts[0]
    assert session.credentials is not None and session.credentials.source == "session"


def test_account_menu_signs_out_and_settings_are_saved(
    qtbot: QtBot,
    demo_factory: Callable[..., DemoServer],
    memory_keyring: MemoryKeyring,
) -> None:
    server = demo_factory(api_key=SECRET)
    memory_keyring.set_password("aurax-desktop", "api-key", SECRET)
    memory_keyring.set_password("aurax-desktop", "key-id", server.key_id)
    kept = SettingsStore()  # as connecting left them: the key's id (a first start has none)
    kept.save(replace(kept.load().settings, key_id=server.key_id))
    window = create_window(["--base-url", server.url])
    driver = WindowDriver(window)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: driver.session.connected, timeout=5000)  # the keyring is read
    assert driver.session.credentials.source == "keyring"  # type: ignore[union-attr]

    dialog = SettingsDialog(driver.session.settings, window)
    dialog.upload.setCurrentIndex(dialog.upload.findData("high"))
    dialog.deadline.setValue(25)
    dialog.url_edit.setText("http://files.example.com")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    save.click()
    assert "not secure" in dialog.error.text() and dialog.result_settings is None
    dialog.url_edit.setText(server.url)
    save.click()
    assert dialog.result_settings is not None
    driver.session.update_settings(dialog.result_settings)
    saved = SettingsStore().load().settings
    assert saved.upload_size is UploadSize.HIGH and saved.task_deadline_minutes == 25

    driver.account.sign_out()
    assert memory_keyring.entries == {}
    assert not driver.session.connected and not driver.try_on.isEnabled()
    assert driver.connection_text() == "Not connected"
    close_window(window)


def test_settings_saved_in_the_window_apply_to_the_next_jobs_at_once(
    qtbot: QtBot, demo_factory: Callable[..., DemoServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    server = demo_factory()
    monkeypatch.setenv("AURAX_API_KEY", server.api_key)
    monkeypatch.setenv("AURAX_KEY_ID", server.key_id)
    window = create_window(["--base-url", server.url])
    driver = WindowDriver(window)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: driver.session.runner is not None)  # once the window shows
    runner = driver.session.runner
    assert runner is not None and runner.concurrency == 2 and runner.deadline_s == 600

    def fill_in(dialog: SettingsDialog) -> None:
        dialog.concurrency.setValue(4)
        dialog.deadline.setValue(3)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(SettingsDialog, fill_in)
    driver.account.show_settings()
    assert runner.concurrency == 4 and runner.deadline_s == 180
    close_window(window)


def test_a_refused_key_is_not_saved_unless_asked(
    qtbot: QtBot,
    welcome: tuple[WelcomeDialog, Session],
    demo_factory: Callable[..., DemoServer],
    memory_keyring: MemoryKeyring,
) -> None:
    dialog, session = welcome
    server = demo_factory(api_key=SECRET)
    fill(dialog, server.url, "not-the-key", server.key_id)
    asked = answer_next_dialog(QMessageBox.StandardButton.Cancel)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert "refused this key" in dialog.status_label.text()
    assert not session.connected and memory_keyring.entries == {}
    assert server.stats()["requests"]["GET /api/ai/task/:id"] >= 1  # it asked the server


def test_an_unreachable_server_is_said_plainly_and_saving_anyway_works(
    qtbot: QtBot,
    welcome: tuple[WelcomeDialog, Session],
    memory_keyring: MemoryKeyring,
) -> None:
    dialog, session = welcome
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{probe.getsockname()[1]}"
    fill(dialog, nowhere, SECRET, "kid")
    asked = answer_next_dialog(QMessageBox.StandardButton.Save)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.result() == WelcomeDialog.DialogCode.Accepted, timeout=20000)
    assert "could not be reached" in dialog.status_label.text()
    assert asked and memory_keyring.entries[("aurax-desktop", "api-key")] == SECRET
    assert session.connected
