"""The Account menu's actions: start the demo, where the key is, sign out, settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from aurax_desktop.account import CredentialStore, KeyringUnavailable
from aurax_desktop.ui.shell.dialogs.settings import SettingsDialog

if TYPE_CHECKING:
    from aurax_desktop.ui.shell.main_window import MainWindow


class AccountActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session

    def refresh_connection(self) -> None:
        """The title, the status bar and what is enabled, as the connection now is."""
        session, window = self.session, self.window
        window.demo_badge.setVisible(session.demo_mode)
        window.demo_banner.setVisible(session.demo_mode)
        window.setWindowTitle("AuraX Desktop — Demo mode" if session.demo_mode else "AuraX Desktop")
        if session.read_only:
            window.setWindowTitle("AuraX Desktop — history, read-only")
            window.connection_label.setText(
                "Read-only: another AuraX Desktop window runs the jobs of this data folder"
            )
        elif session.client is None:
            window.connection_label.setText("Not connected")
        elif session.demo_mode:
            window.connection_label.setText(f"Demo server at {session.client.base_url}")
        else:
            window.connection_label.setText(
                f"{session.client.base_url} · key {session.client.key_id}"
            )
        for page in (window.try_on, window.generate, window.describe):
            page.setEnabled(session.connected)
        window.account_menu.setEnabled(not session.read_only)

    def start_demo(self) -> None:
        self.session.start_demo()
        self.window.refresh_connection()
        self.window.start()

    def where_is_key(self) -> None:
        credentials = self.session.credentials
        if credentials is None:
            text = "You are not signed in, so no key is in use."
        elif credentials.source == "environment":
            text = "The key comes from the environment variable AURAX_API_KEY; it is not stored."
        elif credentials.source == "session":
            text = "The key is kept in memory for this session only; it is not stored."
        elif credentials.source == "demo":
            text = "Demo mode uses the demo server's own key; your account is not involved."
        else:
            text = f"Your API key is kept in {CredentialStore().describe()}, never in a file."
        QMessageBox.information(self.window, "Where is my key?", text)

    def sign_out(self) -> None:
        try:
            CredentialStore().clear()
        except KeyringUnavailable as exc:
            self.window.show_error(exc.user_message)
        self.session.disconnect()
        self.window.refresh_connection()
        self.window.say("Signed out. The key was removed from the keyring.", 8000)

    def show_settings(self) -> None:
        dialog = SettingsDialog(
            self.session.settings, self.window, self.window.catalog.forgetting.delete_all
        )
        if dialog.exec() == SettingsDialog.DialogCode.Accepted and dialog.result_settings:
            self.session.update_settings(dialog.result_settings)
            chosen, runner = dialog.result_settings, self.session.runner
            if runner is not None:
                runner.upload_side = chosen.upload_size.max_side
                runner.set_limits(concurrency=chosen.concurrency, deadline_s=chosen.deadline_s)
