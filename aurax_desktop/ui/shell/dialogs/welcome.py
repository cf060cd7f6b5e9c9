"""First run, and the Account menu's "Connect": an AuraX account, or the demo."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.account import Credentials, CredentialStore
from aurax_desktop.account.connection import check_connection
from aurax_desktop.api import AuraxError, AuthenticationError, NetworkError, ServerError
from aurax_desktop.session import Session
from aurax_desktop.translation import _
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.icons import ICON_SIZE, icon
from aurax_desktop.ui.common.whole_texts import keep_texts_whole
from aurax_desktop.ui.shell.keyring_wait import KeyringWaiter


class WelcomeDialog(QDialog):
    """Accepts after connecting the session (to an account or to the demo)."""

    def __init__(
        self,
        session: Session,
        work: BackgroundWork,
        store: CredentialStore | None = None,
        parent: QWidget | None = None,
        *,
        keyring_waits: bool = False,
    ) -> None:
        super().__init__(parent)
        self.keyring_waits = keyring_waits
        """The user stopped waiting for the system keyring: a key given here is kept for
        this session only."""
        self.keyring: KeyringWaiter | None = None
        self.setWindowTitle(_("Welcome to AuraX Desktop"))
        self.setObjectName("welcomeDialog")
        self.session, self.work = session, work
        self.store = store or CredentialStore()

        heading = QLabel(_("Welcome to AuraX Desktop"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        intro = QLabel(
            _(
                "Connect your AuraX account to run try-ons, or try the demo first: it "
                "runs a local server that simulates AuraX, no account needed."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")

        # The card's texts in a column, its fields in a form: a form sizes wrapped texts
        # too short for their last lines (German's and Arabic's are longer).
        account = QFrame()
        account.setProperty("card", True)
        account.setMinimumWidth(592)  # the explanation in few lines, in every language
        card = QVBoxLayout(account)
        card.setContentsMargins(16, 14, 16, 14)
        card.setSpacing(10)
        form = QFormLayout()
        form.setSpacing(10)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        title = QLabel(_("Connect your AuraX account"))
        title.setObjectName("sectionTitle")
        card.addWidget(title)
        explained = QLabel(
            _(
                "AuraX gives an account two things to connect with: the <b>API key</b>, a "
                "long secret that works like a password (what is sent with it is charged to "
                "the account), and the <b>key id</b>, the short name of that key. You find "
                "both in your AuraX account, where API keys are made; if you have none yet, "
                "make one there, then copy both here."
            )
        )
        explained.setObjectName("keyExplained")
        explained.setWordWrap(True)
        card.addWidget(explained)
        card.addLayout(form)
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("apiKeyEdit")
        self.key_edit.setAccessibleName(_("API key"))
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(_("Your API key"))
        reveal = QToolButton()
        reveal.setIcon(icon("describe"))
        reveal.setIconSize(ICON_SIZE)
        reveal.setCheckable(True)
        reveal.setToolTip(_("Show the key while typing"))
        reveal.setAccessibleName(_("Show the key"))
        reveal.toggled.connect(
            lambda shown: self.key_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
            )
        )
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(reveal)
        form.addRow(_("API key"), key_row)
        self.key_id_edit = QLineEdit(session.settings.key_id)
        self.key_id_edit.setObjectName("keyIdEdit")
        self.key_id_edit.setAccessibleName(_("Key id"))
        self.key_id_edit.setPlaceholderText(_("The key's id"))
        form.addRow(_("Key id"), self.key_id_edit)
        self.url_edit = QLineEdit(session.settings.base_url)
        self.url_edit.setObjectName("serverEdit")
        self.url_edit.setAccessibleName(_("Server address"))
        form.addRow(_("Server"), self.url_edit)
        self.test_button = QPushButton(_("Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test)
        self.connect_button = QPushButton(_("Save and connect"))
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setProperty("role", "primary")
        self.connect_button.clicked.connect(self.save_and_connect)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.connect_button)
        card.addLayout(buttons)
        self.status_label = QLabel("")
        self.status_label.setObjectName("connectionResult")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card.addWidget(self.status_label)
        where = QLabel(_("The key is kept in your system's keyring, never in a file."))
        where.setObjectName("hint")
        where.setWordWrap(True)
        card.addWidget(where)

        self.demo_button = QPushButton(_("Try the demo"))
        self.demo_button.setObjectName("tryDemoButton")
        self.demo_button.setIcon(icon("demo"))
        self.demo_button.clicked.connect(self.try_demo)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.demo_button)
        bottom.addStretch(1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(account)
        layout.addLayout(bottom)
        for edit in (self.key_edit, self.key_id_edit, self.url_edit):
            edit.textChanged.connect(self._update)
        self._update()
        keep_texts_whole(self)

    def _fields(self) -> tuple[str, str, str]:
        return (
            self.url_edit.text().strip(),
            self.key_edit.text().strip(),
            self.key_id_edit.text().strip(),
        )

    def _update(self) -> None:
        _url, key, key_id = self._fields()
        ready = bool(key and key_id)
        self.test_button.setEnabled(ready)
        self.connect_button.setEnabled(ready)

    def _say(self, text: str, *, ok: bool) -> None:
        self.status_label.setObjectName("muted" if ok else "error")
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    def test(self) -> None:
        url, key, key_id = self._fields()
        self.test_button.setEnabled(False)
        self._say(_("Checking…"), ok=True)

        def done(text: str) -> None:
            self._update()
            self._say(text, ok=True)

        def failed(error: BaseException) -> None:
            self._update()
            self._say(getattr(error, "user_message", str(error)), ok=False)

        self.work.run(lambda: check_connection(url, key, key_id), done, failed)

    def save_and_connect(self) -> None:
        """Check the key with the server first (a status request for a task that cannot
        exist: free), then keep it; when the key is refused or the server cannot be
        reached, say which, and offer to save it anyway."""
        url, key, key_id = self._fields()
        try:
            credentials = Credentials(key, key_id)
        except ValueError as exc:
            self._say(str(exc), ok=False)
            return
        self.connect_button.setEnabled(False)
        self._say(_("Checking the key with the server…"), ok=True)
        self.work.run(
            lambda: check_connection(url, key, key_id),
            lambda _text: self._checked(credentials, url, None),
            lambda error: self._checked(credentials, url, error),
        )

    def _checked(self, credentials: Credentials, url: str, error: BaseException | None) -> None:
        self._update()
        if error is not None:
            if isinstance(error, AuthenticationError):
                why = _("AuraX refused this key")
            elif isinstance(error, NetworkError | ServerError):
                why = _("The server could not be reached, so the key could not be checked")
            else:
                why = _("The key could not be checked")
            said = getattr(error, "user_message", str(error))
            # Translators: {why} is one of the three sentences above, {reason} the details.
            self._say(_("{why}: {reason}").format(why=why, reason=said), ok=False)
            answer = QMessageBox.question(
                self,
                _("Save the key anyway?"),
                _("{why}.\n\n{reason}\n\nSave the key anyway and connect?").format(
                    why=why, reason=said
                ),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Save:
                return
        self._keep(credentials, url)

    def _keep(self, credentials: Credentials, url: str) -> None:
        """Into the keyring, on a thread of its own (a keyring asking for its password
        says so, and Cancel keeps the key for this session only)."""
        session_only = Credentials(credentials.api_key, credentials.key_id, source="session")
        if self.keyring_waits:
            self._connect(session_only, url)
            return
        store = self.store

        def refused(error: BaseException) -> None:
            text = getattr(error, "user_message", str(error))
            answer = QMessageBox.question(
                self,
                _("No secure keyring"),
                _("{reason}\n\nUse the key for this session?").format(reason=text),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._connect(session_only, url)

        self.keyring = KeyringWaiter(
            lambda: store.save(credentials),
            self,
            done=lambda _r: self._connect(credentials, url),
            failed=refused,
            cancelled=lambda: self._connect(session_only, url),
        )

    def _connect(self, credentials: Credentials, url: str) -> None:
        try:
            self.session.connect(credentials, url)
        except AuraxError as exc:
            self._say(exc.user_message, ok=False)
            return
        self.session.update_settings(
            replace(self.session.settings, base_url=url, key_id=credentials.key_id)
        )
        self.key_edit.clear()  # the key does not linger in the widget
        self.accept()

    def try_demo(self) -> None:
        self.session.start_demo()
        self.accept()
