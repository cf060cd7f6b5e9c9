"""The window's connection to AuraX, as the user sees it: the saved key read from the
system keyring (the welcome dialog when there is none, when the keyring cannot be
used, or when the user stops waiting for it), and what the window says of the
connection: its title, the status bar's connection note and demo badge, the demo
banner, and the pages that send jobs enabled only when connected."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from aurax_desktop.account import Credentials, CredentialStore
from aurax_desktop.api import AuraxError
from aurax_desktop.session import Session
from aurax_desktop.translation import _
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.modal import run_modal
from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog
from aurax_desktop.ui.shell.keyring_wait import KeyringWaiter

log = logging.getLogger(__name__)

TITLE = "AuraX Desktop"


class Connection(QObject):
    changed = Signal()
    """The session connected or disconnected (the window resumes unfinished jobs and
    asks its commands again)."""

    def __init__(
        self,
        session: Session,
        work: BackgroundWork,
        window: QWidget,
        banner: QWidget,
        sending_pages: Sequence[QWidget],
    ) -> None:
        """``window``: whose title says the connection, and the dialogs' parent;
        ``banner``: shown in demo mode; ``sending_pages``: enabled when connected."""
        super().__init__(window)
        self.session, self.work, self.window = session, work, window
        self.banner, self.sending_pages = banner, tuple(sending_pages)
        self.label = QLabel("")
        self.label.setObjectName("muted")
        self.badge = QLabel(_("Demo mode · results are simulated"))
        self.badge.setObjectName("demoBadge")
        self.keyring: KeyringWaiter | None = None
        """The system keyring being read for the saved key, if it is."""

    def refresh(self) -> None:
        """The title, the status bar and the pages, as the connection now is."""
        session = self.session
        # The demo's server runs on after a sign-out or a real account's connection:
        # the window is in demo mode only while its key is the demo's.
        demo = session.credentials is not None and session.credentials.source == "demo"
        self.badge.setVisible(demo)
        self.banner.setVisible(demo)
        self.window.setWindowTitle(_("AuraX Desktop — Demo mode") if demo else TITLE)
        if session.read_only:
            self.window.setWindowTitle(_("AuraX Desktop — history, read-only"))
            self.label.setText(
                _("Read-only: the data folder cannot be written")
                if session.read_only_reason
                else _("Read-only: another AuraX Desktop window runs the jobs of this data folder")
            )
            self.label.setToolTip(session.read_only_reason or "")
        elif session.client is None:
            self.label.setText(_("Not connected"))
            self.label.setToolTip(
                _(
                    "The history, the Gallery and exports work without an account; sending "
                    "needs one (Account → Connect, or Try the demo)."
                )
            )
        elif demo:
            self.label.setText(
                _("Demo server at {address}").format(address=session.client.base_url)
            )
            self.label.setToolTip("")
        else:
            # Translators: the server's address and the API key's id, in the status bar.
            self.label.setText(
                _("{address} · key {key_id}").format(
                    address=session.client.base_url, key_id=session.client.key_id
                )
            )
            self.label.setToolTip("")
        for page in self.sending_pages:
            page.setEnabled(session.connected)

    def account_changed(self) -> None:
        """The session connected or disconnected (the demo started, a sign-out)."""
        self.refresh()
        self.changed.emit()

    def start(self, base_url: str | None = None) -> None:
        """At start: a key kept before is read from the keyring (on a thread of its own:
        the keyring may wait for its password), else the welcome dialog. A first start
        (no key was ever kept from here) shows the welcome dialog at once and alone: the
        keyring is not asked, so one that is absent, locked, asking to be created or
        never answering is never waited for."""
        if self.session.settings.key_id:
            self.connect_saved_key(base_url)
        else:
            self.show_welcome()

    def use(self, credentials: Credentials, base_url: str | None = None) -> None:
        """Connect with these credentials (a key given in the environment, or the one
        the keyring kept); an address that is no server's is said, then the welcome
        dialog offers to connect otherwise."""
        try:
            self.session.connect(credentials, base_url)
        except AuraxError as exc:
            log.warning("The server address was refused: %s", exc)
            box = QMessageBox(QMessageBox.Icon.Warning, TITLE, exc.user_message, parent=self.window)
            run_modal(box)
            self.show_welcome()
            return
        self.account_changed()

    def connect_saved_key(self, base_url: str | None = None) -> None:
        """Connect with the key kept in the system keyring; the welcome dialog when there
        is none, when the keyring cannot be used, or when the user stops waiting for it
        (then a key given there is kept for this session only)."""
        store = CredentialStore()

        def found(credentials: Credentials | None) -> None:
            if credentials is None:
                self.show_welcome()
                return
            self.use(credentials, base_url)

        def failed(error: BaseException) -> None:
            log.warning("The keyring could not be read: %s", type(error).__name__)
            self.show_welcome()

        self.keyring = KeyringWaiter(
            store.load,
            self.window,
            done=found,
            failed=failed,
            cancelled=lambda: self.show_welcome(keyring_waits=True),
        )

    def show_welcome(self, *, keyring_waits: bool = False) -> bool:
        """The welcome dialog; True when it connected the session."""
        dialog = WelcomeDialog(
            self.session, self.work, parent=self.window, keyring_waits=keyring_waits
        )
        connected = run_modal(dialog) == WelcomeDialog.DialogCode.Accepted
        if connected:
            self.account_changed()
        else:
            self.refresh()
        return connected

    def stop(self) -> None:
        """The window closes: a keyring still being read is no longer waited for."""
        if self.keyring is not None:
            self.keyring.stop()
