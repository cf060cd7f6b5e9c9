"""The main window: the Try-On studio, the shared progress list and the result viewer."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.account import CredentialStore, KeyringUnavailable
from aurax_desktop.jobs import (
    Job,
    JobKind,
    JobStatus,
    jobs_dir,
)
from aurax_desktop.session import Session
from aurax_desktop.ui.background import BackgroundWork
from aurax_desktop.ui.bridge import JobBridge
from aurax_desktop.ui.demo_banner import DemoBanner
from aurax_desktop.ui.dialogs.settings import SettingsDialog
from aurax_desktop.ui.dialogs.shortcuts import ShortcutsDialog
from aurax_desktop.ui.dialogs.welcome import WelcomeDialog
from aurax_desktop.ui.history_panel import HistoryPanel
from aurax_desktop.ui.icons import ICON_SIZE, icon
from aurax_desktop.ui.job_actions import JobActions
from aurax_desktop.ui.job_model import JobListModel
from aurax_desktop.ui.notifier import Notifier
from aurax_desktop.ui.pages.describe import DescribePage
from aurax_desktop.ui.pages.generate import GeneratePage
from aurax_desktop.ui.pages.try_on import TryOnPage
from aurax_desktop.ui.viewer import ResultViewer
from aurax_desktop.ui.widgets.choices import credits_text

log = logging.getLogger(__name__)


def _standard(key: QKeySequence.StandardKey, fallback: str) -> QKeySequence:
    """The platform's keys for ``key``, or ``fallback`` where it has none (Linux desktops
    often bind no Preferences, some no Quit)."""
    bound = QKeySequence.keyBindings(key)
    return bound[0] if bound else QKeySequence(fallback)


class _PageHolder(QWidget):
    """Holds a page at its holder's size, never below the page's minimum. (A scroll
    area asks a page with wrapped labels for its preferred height at that width, and
    would scroll pages that fit.)"""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        page.setParent(self)

    def minimumSizeHint(self) -> QSize:
        return self.page.minimumSizeHint()

    def sizeHint(self) -> QSize:
        return self.page.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.page.setGeometry(self.rect())


def _scrolling(page: QWidget) -> QScrollArea:
    """``page`` filling its room, and scrolling only where the window is smaller than
    the page can be (small laptop screens, large text scaling)."""
    area = QScrollArea()
    area.setObjectName("pageScroller")
    area.setWidget(_PageHolder(page))
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def warm_up() -> None:
    """Load, on a worker, what the first job would otherwise load while it runs:
    Pillow's format plugins (imports hold locks the window may need)."""
    from PIL import Image  # noqa: PLC0415 - already imported; init() loads the plugins

    Image.init()


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.work = BackgroundWork(self)
        self.bridge = JobBridge(self)
        session.add_listener(self.bridge)
        self.model = JobListModel(self)
        self.job_actions = JobActions(session, self.work, self)
        self._watch: set[str] = set()
        """Jobs sent from this window: shown and announced when they end."""
        self.setWindowTitle("AuraX Desktop")
        self.setWindowIcon(icon("try-on"))
        self._default_size()

        submit = self.job_actions.submit
        self.try_on = TryOnPage(
            self.work, lambda request: submit(lambda runner: runner.submit_try_on(request))
        )
        self.try_on.submitted.connect(self._submitted_try_on)
        self.try_on.failed.connect(self._show_error)
        self.generate = GeneratePage(
            self.work,
            lambda request, group: submit(
                lambda runner: runner.submit_generation(request, batch=group)
            ),
        )
        self.generate.submitted.connect(self._submitted)
        self.generate.failed.connect(self._show_error)
        self.describe = DescribePage(
            self.work,
            lambda request, job_id: submit(
                lambda runner: runner.submit_description(request, job_id=job_id)
            ),
            lambda: self.session.store,
        )
        self.describe.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.pages = QStackedWidget()
        for page in (self.try_on, self.generate, self.describe):
            self.pages.addWidget(_scrolling(page))
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Pages")
        self.navigation.setIconSize(ICON_SIZE)
        for number, (name, glyph) in enumerate(
            (("Try-On", "try-on"), ("Generate", "generate"), ("Describe", "describe")), start=1
        ):
            item = QListWidgetItem(icon(glyph), name)
            item.setToolTip(f"{name} (Ctrl+{number})")
            self.navigation.addItem(item)
            QShortcut(
                QKeySequence(f"Ctrl+{number}"),
                self,
                lambda n=number: self.navigation.setCurrentRow(n - 1),
            )
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self.navigation.setFixedWidth(150)
        self.viewer = ResultViewer(
            self.work, results_folder=lambda: self.session.settings.results_folder
        )
        self.viewer.message.connect(self.statusBar().showMessage)
        jobs_panel = self.history = HistoryPanel(self.work, self.model, lambda: session.store)
        self.history.failed.connect(self._show_error)
        self.job_list, self.job_filter = jobs_panel.job_list, jobs_panel.job_filter
        self.job_search = jobs_panel.job_search
        self._connect_job_list()
        right = self.results_splitter = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("resultsSplitter")
        right.addWidget(self.viewer)
        right.addWidget(jobs_panel)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)
        main = self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        main.setObjectName("mainSplitter")
        main.addWidget(self.pages)
        wrapper = QWidget()
        wrap = QVBoxLayout(wrapper)
        wrap.setContentsMargins(0, 16, 16, 16)
        wrap.addWidget(right)
        main.addWidget(wrapper)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 2)
        main.setChildrenCollapsible(False)
        self.demo_banner = DemoBanner()
        self.demo_banner.personChosen.connect(self.try_on.person_pane.load_path)
        self.demo_banner.garmentChosen.connect(self._use_sample_garment)
        central = QWidget()
        stack = QVBoxLayout(central)
        stack.setContentsMargins(16, 12, 0, 0)
        stack.setSpacing(0)
        banner_row = QVBoxLayout()
        banner_row.setContentsMargins(0, 0, 16, 0)
        banner_row.addWidget(self.demo_banner)
        stack.addLayout(banner_row)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        nav_column = QVBoxLayout()
        nav_column.setContentsMargins(0, 16, 12, 16)
        nav_column.addWidget(self.navigation)
        body.addLayout(nav_column)
        body.addWidget(main, 1)
        stack.addLayout(body, 1)
        self.setCentralWidget(central)

        self.bridge.jobUpdated.connect(self._job_updated)
        self.bridge.jobProgress.connect(self.model.set_progress)
        self.bridge.jobNotice.connect(lambda n: self.model.set_notice(n.job_id, n.message))
        self.bridge.jobRemoved.connect(self.model.remove_job)
        self.bridge.historyTrouble.connect(self._show_error)
        self.job_actions.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.job_actions.failed.connect(self._show_error)
        self.job_actions.sent.connect(self._submitted)
        self.job_actions.removed.connect(self.model.remove_job)
        self.demo_badge = QLabel("Demo mode · results are simulated")
        self.demo_badge.setObjectName("demoBadge")
        self.connection_label = QLabel("")
        self.connection_label.setObjectName("muted")
        self.statusBar().addPermanentWidget(self.connection_label)
        self.statusBar().addPermanentWidget(self.demo_badge)
        self._build_menus()
        self.notifier = Notifier(self, self.work)
        self._shown = False
        self._history_ticket = 0
        self._restore_geometry()
        self.try_on.set_choices(session.settings.last_product_type, session.settings.last_strength)
        self.refresh_connection()
        if session.settings_message:
            QTimer.singleShot(
                0, lambda: self.statusBar().showMessage(session.settings_message or "", 15000)
            )
        if session.history_message:  # a damaged or unwritable history: said once it shows
            QTimer.singleShot(0, lambda: self._show_error(session.history_message or ""))

    # Building

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(
            file_menu, "Open person photo…", "person", "Ctrl+O", self.try_on.person_pane.browse
        )
        self._action(
            file_menu,
            "Open garment photo…",
            "garment",
            "Ctrl+Shift+O",
            self.try_on.garment_pane.browse,
        )
        self._action(
            file_menu, "Save result as…", "save", QKeySequence.StandardKey.Save, self.viewer.save_as
        )
        file_menu.addSeparator()
        self._action(file_menu, "Open the results folder", "folder", None, self._open_data_folder)
        file_menu.addSeparator()
        self._action(
            file_menu,
            "Quit",
            "close",
            _standard(QKeySequence.StandardKey.Quit, "Ctrl+Q"),
            self.close,
        )
        edit = bar.addMenu("&Edit")
        stack = self.try_on.mask_canvas.undo_stack
        undo = stack.createUndoAction(self, "Undo")
        undo.setIcon(icon("undo"))
        redo = stack.createRedoAction(self, "Redo")
        redo.setIcon(icon("redo"))
        edit.addAction(undo)
        edit.addAction(redo)
        self.account_menu = bar.addMenu("&Account")
        self._action(
            self.account_menu, "Connect your AuraX account…", "account", None, self.show_welcome
        )
        self._action(self.account_menu, "Try the demo", "demo", None, self._start_demo)
        self._action(self.account_menu, "Where is my key?", None, None, self._where_is_key)
        self._action(self.account_menu, "Sign out", None, None, self._sign_out)
        self.account_menu.addSeparator()
        self._action(
            self.account_menu,
            "Settings…",
            "settings",
            _standard(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
            self.show_settings,
        )
        help_menu = bar.addMenu("&Help")
        self._action(
            help_menu,
            "Keyboard shortcuts",
            None,
            _standard(QKeySequence.StandardKey.HelpContents, "F1"),
            lambda: ShortcutsDialog(self).exec(),
        )
        self._action(help_menu, "About AuraX Desktop", None, None, self._about)

    def _action(
        self, menu: object, text: str, icon_name: str | None, shortcut: object, slot: object
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[call-overload]
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _connect_job_list(self) -> None:
        view, actions = self.job_list, self.job_actions
        view.jobSelected.connect(self.viewer.show_job)
        view.openResult.connect(actions.open_result)
        view.showInFolder.connect(actions.show_in_folder)
        view.copyTaskId.connect(actions.copy_task_id)
        view.stopJob.connect(actions.stop)
        view.retryJob.connect(actions.retry)
        view.followJob.connect(actions.follow)
        view.lookForResult.connect(actions.look_for_result)
        view.deleteJob.connect(self._delete)

    # Connection

    def refresh_connection(self) -> None:
        session = self.session
        self.demo_badge.setVisible(session.demo_mode)
        self.demo_banner.setVisible(session.demo_mode)
        self.setWindowTitle("AuraX Desktop — Demo mode" if session.demo_mode else "AuraX Desktop")
        if session.read_only:
            self.setWindowTitle("AuraX Desktop — history, read-only")
            self.connection_label.setText(
                "Read-only: another AuraX Desktop window runs the jobs of this data folder"
            )
        elif session.client is None:
            self.connection_label.setText("Not connected")
        elif session.demo_mode:
            self.connection_label.setText(f"Demo server at {session.client.base_url}")
        else:
            self.connection_label.setText(
                f"{session.client.base_url} · key {session.client.key_id}"
            )
        for page in (self.try_on, self.generate, self.describe):
            page.setEnabled(session.connected)
        self.account_menu.setEnabled(not session.read_only)

    def show_welcome(self) -> bool:
        """The welcome dialog; True when it connected the session."""
        dialog = WelcomeDialog(self.session, self.work, parent=self)
        connected = dialog.exec() == WelcomeDialog.DialogCode.Accepted
        self.refresh_connection()
        if connected:
            self.start()
        return connected

    def _start_demo(self) -> None:
        self.session.start_demo()
        self.refresh_connection()
        self.start()

    def _where_is_key(self) -> None:
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
        QMessageBox.information(self, "Where is my key?", text)

    def _sign_out(self) -> None:
        try:
            CredentialStore().clear()
        except KeyringUnavailable as exc:
            self._show_error(exc.user_message)
        self.session.disconnect()
        self.refresh_connection()
        self.statusBar().showMessage("Signed out. The key was removed from the keyring.", 8000)

    def show_settings(self) -> None:
        dialog = SettingsDialog(self.session.settings, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted and dialog.result_settings:
            self.session.update_settings(dialog.result_settings)
            chosen, runner = dialog.result_settings, self.session.runner
            if runner is not None:
                runner.upload_side = chosen.upload_size.max_side
                runner.set_limits(concurrency=chosen.concurrency, deadline_s=chosen.deadline_s)

    def start(self) -> None:
        """After the window is shown: fill the history and resume unfinished jobs."""
        self.work.run(warm_up, lambda _r: None)
        self.history.load_first_page(self._history_loaded)

    def _history_loaded(self, _jobs: list[Job]) -> None:
        self.describe.refresh_batches()
        runner = self.session.runner
        if runner is not None:
            self.work.run(
                runner.resume,
                lambda resumed: self.statusBar().showMessage(
                    f"Following {len(resumed)} unfinished job(s) again." if resumed else "", 8000
                ),
                lambda error: self._show_error(getattr(error, "user_message", str(error))),
            )

    # Jobs: their states arrive only as the runner's events (``_job_updated``)

    def _submitted(self, job_ids: list[str]) -> None:
        """Jobs were sent from this window: watched until they end."""
        if self.model.is_filtered():
            self.history.show_all()  # what was just sent must be seen
        self._watch.update(job_ids)
        for job_id in job_ids:
            row = self.model.row_of(job_id)
            known = self.model.job(row) if row is not None else None
            if known is not None and known.status.is_final:
                self._job_updated(known)  # it ended before this callback ran
        kinds = {job.kind for job in self.model.jobs() if job.id in job_ids}
        kind = next(iter(kinds)) if len(kinds) == 1 else None
        total = sum(kind.cost for _ in job_ids) if kind is not None else 0.0
        what = f"{len(job_ids)} jobs sent" if len(job_ids) > 1 else "Sent"
        cost = f" ({credits_text(total)})" if total else ""
        self.statusBar().showMessage(f"{what}{cost}. Follow it in the Jobs list.", 6000)

    def _submitted_try_on(self, job_ids: list[str]) -> None:
        self._submitted(job_ids)
        chosen = replace(
            self.session.settings,
            last_product_type=str(self.try_on.product_type.currentData()),
            last_strength=int(self.try_on.strength.value()),
        )
        self.work.run(lambda: self.session.update_settings(chosen), lambda _r: None)  # a file

    def _job_updated(self, job: Job) -> None:
        self.model.update_job(job)
        if job.kind is JobKind.PRODUCT_DESCRIPTION:
            self.describe.job_updated(job)
        if job.status.is_final and job.id in self._watch:
            self._watch.discard(job.id)
            if job.kind is not JobKind.PRODUCT_DESCRIPTION:
                self._finished(job)
        current = self.job_list.current_job()
        if current is not None and current.id == job.id:
            self.viewer.show_job(job)

    def _finished(self, job: Job) -> None:
        if job.status is JobStatus.COMPLETED:
            self.model.flush()
            row = self.model.row_of(job.id)
            if row is not None:
                self.job_list.setCurrentIndex(self.model.index(row))
            self.viewer.show_job(job)
        if not self.isActiveWindow():
            self._notify(job)

    def _notify(self, job: Job) -> None:
        title = f"{job.kind.label} {job.status.label.lower()}"
        text = job.error or "The result is ready in AuraX Desktop."
        self.notifier.notify(title, text)

    def _delete(self, job: Job) -> None:
        if (
            self.job_actions.delete(job)
            and self.viewer.job is not None
            and self.viewer.job.id == job.id
        ):
            self.viewer.show_job(None)

    def _use_sample_garment(self, path: object, product_type: str) -> None:
        self.try_on.garment_pane.load_path(path)  # type: ignore[arg-type]
        self.try_on.set_choices(product_type, self.try_on.strength.value())

    def _show_error(self, text: str) -> None:
        QMessageBox.warning(self, "AuraX Desktop", text)

    def _open_data_folder(self) -> None:
        folder = jobs_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About AuraX Desktop",
            "AuraX Desktop: virtual try-on, product images and product "
            "descriptions with the AuraX service.",
        )

    # Closing

    def _default_size(self) -> None:
        """1360 x 860, or less on a screen with less room (before any saved size)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is None or room.isEmpty():
            self.resize(1360, 860)
            return
        self.resize(min(1360, int(room.width() * 0.94)), min(860, int(room.height() * 0.9)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            if not self.session.settings.panel_layout:
                self._first_split()

    def _first_split(self) -> None:
        """First run: the studio gets the room it needs, the result column about a third."""
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        if layout is not None:
            layout.activate()
        total = sum(self.main_splitter.sizes())
        if total <= 0:
            return
        need = self.try_on.minimumSizeHint().width() + 4
        least = self.results_splitter.minimumSizeHint().width()
        results = max(least, min(int(total * 0.34), total - need))
        self.main_splitter.setSizes([total - results, results])

    def _restore_geometry(self) -> None:
        settings = self.session.settings
        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode()))
        states = settings.panel_layout.split(",")
        if len(states) == 2:
            for splitter, state in zip(
                (self.main_splitter, self.results_splitter), states, strict=True
            ):
                splitter.restoreState(QByteArray.fromBase64(state.encode()))

    def closeEvent(self, event: QCloseEvent) -> None:
        def encoded(data: QByteArray) -> str:
            return bytes(data.toBase64().data()).decode()

        layout = ",".join(
            encoded(s.saveState()) for s in (self.main_splitter, self.results_splitter)
        )
        self.session.update_settings(
            replace(
                self.session.settings,
                window_geometry=encoded(self.saveGeometry()),
                panel_layout=layout,
            )
        )
        self.model.stop_timers()
        self.work.shutdown()
        self.notifier.close()
        super().closeEvent(event)
