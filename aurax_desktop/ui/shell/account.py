"""The Account menu: its actions (start the demo, where the key is, sign out, settings)
and their commands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from aurax_desktop.account import CredentialStore, KeyringUnavailable
from aurax_desktop.session import Session
from aurax_desktop.translation import _
from aurax_desktop.ui.common.commands import Commands, standard
from aurax_desktop.ui.common.modal import run_modal
from aurax_desktop.ui.shell.dialogs.settings import SettingsDialog


class AccountActions(QObject):
    connectionChanged = Signal()
    """The session connected (the demo) or disconnected: the window shows it."""
    message = Signal(str)
    failed = Signal(str)

    def __init__(
        self, session: Session, parent: QWidget, delete_all_history: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self._delete_all_history = delete_all_history

    def start_demo(self) -> None:
        self.session.start_demo()
        self.connectionChanged.emit()

    def where_is_key(self) -> None:
        credentials = self.session.credentials
        if credentials is None:
            text = _("You are not signed in, so no key is in use.")
        elif credentials.source == "environment":
            text = _("The key comes from the environment variable AURAX_API_KEY; it is not stored.")
        elif credentials.source == "session":
            text = _("The key is kept in memory for this session only; it is not stored.")
        elif credentials.source == "demo":
            text = _("Demo mode uses the demo server's own key; your account is not involved.")
        else:
            # Translators: {keyring} names the system's keyring ("the Secret Service keyring").
            text = _("Your API key is kept in {keyring}, never in a file.").format(
                keyring=CredentialStore().describe()
            )
        QMessageBox.information(self.parent_widget, _("Where is my key?"), text)

    def sign_out(self) -> None:
        try:
            CredentialStore().clear()
        except KeyringUnavailable as exc:
            self.failed.emit(exc.user_message)
        self.session.disconnect()
        self.connectionChanged.emit()
        self.message.emit(_("Signed out. The key was removed from the keyring."))

    def show_settings(self) -> None:
        dialog = SettingsDialog(self.session.settings, self.parent_widget, self._delete_all_history)
        if run_modal(dialog) == SettingsDialog.DialogCode.Accepted and dialog.result_settings:
            self.session.update_settings(dialog.result_settings)
            chosen, runner = dialog.result_settings, self.session.runner
            if runner is not None:
                runner.upload_side = chosen.upload_size.max_side
                runner.set_limits(concurrency=chosen.concurrency, deadline_s=chosen.deadline_s)


def declare_account_commands(
    commands: Commands,
    account: AccountActions,
    session: Session,
    show_welcome: Callable[[], object],
) -> None:
    """The Account menu; what changes the history's folder (a connection, the settings)
    only in a window that may write it."""

    def writable() -> bool:
        return not session.book.read_only

    add = commands.add
    add(
        "connectAccount",
        _("Connect your AuraX account…"),
        show_welcome,
        icon_name="account",
        enabled_when=writable,
    )
    add("startDemo", _("Try the demo"), account.start_demo, icon_name="demo", enabled_when=writable)
    add("whereIsKey", _("Where is my key?"), account.where_is_key)
    add(
        "signOut",
        _("Sign out"),
        account.sign_out,
        enabled_when=lambda: session.credentials is not None,
    )
    add(
        "settings",
        _("Settings…"),
        account.show_settings,
        icon_name="settings",
        shortcut=standard(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
        enabled_when=writable,
    )
