"""The main window: the shell that holds the features (the Try-On studio, Generate,
Describe, the Gallery, the Jobs list and the result viewer) and wires them.

The features never see each other or this window: each gets what it uses (the
session's services, the job cache, background work) and speaks through signals,
which are connected here. Job state reaches every view one way: the job book's
events, through the bridge, into the one job cache.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop import paths
from aurax_desktop.account import Credentials, CredentialStore
from aurax_desktop.api import ProductType
from aurax_desktop.jobs import BatchSent, Job, JobKind, JobStatus
from aurax_desktop.privacy import secure_folders
from aurax_desktop.session import Session
from aurax_desktop.ui.common.background import BackgroundWork, warm_up
from aurax_desktop.ui.common.bridge import JobBridge
from aurax_desktop.ui.common.choices import credits_text
from aurax_desktop.ui.common.commands import Commands, standard
from aurax_desktop.ui.common.folders import RememberedFolders
from aurax_desktop.ui.common.icons import app_icon, icon
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.common.modal import run_modal
from aurax_desktop.ui.common.page_frame import PageHolder, scrolling
from aurax_desktop.ui.common.theme import apply_theme, choose_theme
from aurax_desktop.ui.describe.page import DescribePage
from aurax_desktop.ui.gallery.controller import GalleryController
from aurax_desktop.ui.generate.page import GeneratePage
from aurax_desktop.ui.jobs.actions import JobActions
from aurax_desktop.ui.jobs.forgetting import HistoryForgetting
from aurax_desktop.ui.jobs.model import JobListModel
from aurax_desktop.ui.jobs.panel import HistoryPanel
from aurax_desktop.ui.jobs.rules import can_delete, can_follow_again, can_retry, can_stop
from aurax_desktop.ui.jobs.view import VISIBLE_ROWS
from aurax_desktop.ui.jobs.viewer import ResultViewer
from aurax_desktop.ui.photos.photo_loading import abandon_reads
from aurax_desktop.ui.shell.account import AccountActions
from aurax_desktop.ui.shell.demo_banner import DemoBanner
from aurax_desktop.ui.shell.dialogs.shortcuts import ShortcutsDialog
from aurax_desktop.ui.shell.dialogs.trash import TrashDialog
from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog
from aurax_desktop.ui.shell.keyring_wait import KeyringWaiter
from aurax_desktop.ui.shell.menus import build_menus, open_folder, show_about
from aurax_desktop.ui.shell.navigation import PageList
from aurax_desktop.ui.shell.notifier import Notifier
from aurax_desktop.ui.shell.spending import SpendingWatch
from aurax_desktop.ui.shell.window_state import (
    default_size,
    first_split,
    keep_studio_whole,
    restore_layout,
    saved_layout,
)
from aurax_desktop.ui.studio.page import TryOnPage

log = logging.getLogger(__name__)

COMPACT_BELOW = 1500
"""Window widths below which the page list shows icons only."""
MINIMUM_SIZE = QSize(900, 600)
"""Smaller windows could not show the studio and the result side by side."""
GALLERY_ROW = 3
"""The Gallery's place in the page list."""


class MainWindow(QMainWindow):
    closing = Signal()
    """The window closes: helpers made around it stop their timers."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.work = BackgroundWork(self)
        self.cache = JobCache(self)
        self.bridge = JobBridge(self)
        session.add_listener(self.bridge)
        self.bridge.jobUpdated.connect(self.cache.take)
        self.bridge.jobRemoved.connect(self.cache.drop)
        self.model = JobListModel(self.cache, self)
        self.undo = QUndoGroup(self)
        self.history_undo = QUndoStack(self)
        """Deletions, to be undone (the mask's strokes have their own stack)."""
        self.job_actions = JobActions(session, self.work, self, self.history_undo)
        self.folders = RememberedFolders(session, self.work)
        self._watch: set[str] = set()
        """Jobs sent from this window: shown and announced when they end."""
        self._closing = False
        self.keyring: KeyringWaiter | None = None
        """The system keyring being read for the saved key, if it is."""
        self.setWindowTitle("AuraX Desktop")
        self.setWindowIcon(app_icon())
        self.setMinimumSize(MINIMUM_SIZE)
        default_size(self)
        self._build_pages()
        self._build_frame()
        self._wire()
        self.commands = Commands(self)
        self._declare_commands()
        self.menus = build_menus(self.menuBar(), self.commands)
        self._shown = False
        restore_layout(self, (self.main_splitter, self.results_splitter), session.settings)
        # The strength carries over; the product type does not (each garment suggests its own).
        self.try_on.set_choices(ProductType.GARMENT.value, session.settings.last_strength)
        self.refresh_connection()
        if session.settings_message:
            QTimer.singleShot(0, lambda: self.say(session.settings_message or "", 15000))
        if session.history_message:  # a damaged or unwritable history: said once it shows
            QTimer.singleShot(0, lambda: self.show_error(session.history_message or ""))
        elif session.read_only_reason:
            QTimer.singleShot(0, lambda: self.show_error(session.read_only_reason or ""))

    # Building

    def _build_pages(self) -> None:
        session, submit = self.session, self.job_actions.submit
        self.try_on = TryOnPage(
            self.work, lambda batch: submit(lambda runner: runner.submit_try_on_batch(batch))
        )
        self.generate = GeneratePage(
            self.work,
            lambda request, group: submit(
                lambda runner: runner.submit_generation(request, batch=group)
            ),
        )
        self.describe = DescribePage(
            self.work,
            lambda request, job_id: submit(
                lambda runner: runner.submit_description(request, job_id=job_id)
            ),
            session.book,
        )
        self.describe.folders = self.folders.folder
        self.describe.remember_folder = self.folders.remember
        self.viewer = ResultViewer(self.work, results_folder=lambda: self.folders.folder("results"))
        self.catalog = GalleryController(
            session, self.cache, self.work, self.folders, self, ratio=self.devicePixelRatioF()
        )
        self.forgetting = HistoryForgetting(session, self.work, self)
        self.history = HistoryPanel(self.work, self.model, lambda: session.store)
        self.job_list, self.job_filter = self.history.job_list, self.history.job_filter
        self.job_search = self.history.job_search
        self.spending = SpendingWatch(
            self.work, lambda: session.store, lambda: session.settings.daily_limit, self
        )
        self.demo_banner = DemoBanner()
        self.notifier = Notifier(self, self.work)

    def _build_frame(self) -> None:
        self.pages = QStackedWidget()
        for page in (self.try_on, self.generate, self.describe, self.catalog.page):
            area = scrolling(page)
            self.pages.addWidget(area)
            holder = area.widget()
            if isinstance(holder, PageHolder):
                holder.needsChanged.connect(lambda: QTimer.singleShot(0, self._keep_studio_whole))
        self.navigation = PageList(self)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.currentRowChanged.connect(
            lambda _row: QTimer.singleShot(0, self._keep_studio_whole)
        )
        self.navigation.setCurrentRow(0)
        right = self.results_splitter = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("resultsSplitter")
        right.addWidget(self.viewer)
        right.addWidget(self.history)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)
        main = self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        main.setObjectName("mainSplitter")
        main.addWidget(self.pages)
        self.side_column = QWidget()
        wrap = QVBoxLayout(self.side_column)
        wrap.setContentsMargins(0, 16, 16, 16)
        wrap.addWidget(right)
        main.addWidget(self.side_column)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 2)
        main.setChildrenCollapsible(False)
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
        self.demo_badge = QLabel("Demo mode · results are simulated")
        self.demo_badge.setObjectName("demoBadge")
        self.connection_label = QLabel("")
        self.connection_label.setObjectName("muted")
        self.statusBar().addPermanentWidget(self.spending.label)
        self.statusBar().addPermanentWidget(self.connection_label)
        self.statusBar().addPermanentWidget(self.demo_badge)

    def _wire(self) -> None:
        """The features' signals, to whoever answers them."""
        view, actions, catalog = self.job_list, self.job_actions, self.catalog
        view.jobSelected.connect(self.viewer.show_job)
        view.openResult.connect(actions.open_result)
        view.showInFolder.connect(actions.show_in_folder)
        view.copyTaskId.connect(actions.copy_task_id)
        view.stopJob.connect(actions.stop)
        view.retryJob.connect(actions.retry)
        view.followJob.connect(actions.follow)
        view.lookForResult.connect(actions.look_for_result)
        view.deleteJob.connect(self.delete_job)
        view.deleteJobs.connect(self.delete_jobs)
        view.groups.openBatch.connect(catalog.open_batch)
        view.useAsGarment.connect(self._use_as_garment)
        view.describeJob.connect(
            lambda job: self._describe([job.result_paths[0]]) if job.result_paths else None
        )
        catalog.describePicture.connect(lambda path, _kind: self._describe([path]))
        self.try_on.garment_pane.strip.describeAsked.connect(
            lambda photo: self._describe([photo.path]) if photo.path else None
        )
        view.groups.retryJobs.connect(actions.retry_many)
        self.history.failed.connect(self.show_error)
        self.try_on.submitted.connect(self._submitted)
        self.try_on.batchSent.connect(self._batch_sent)
        self.try_on.failed.connect(self.show_error)
        self.try_on.listOpened.connect(lambda text: self.say(text, 8000))
        self.generate.submitted.connect(self._submitted)
        self.generate.failed.connect(self.show_error)
        self.describe.message.connect(lambda text: self.say(text, 6000))
        self.viewer.message.connect(self.say)
        self.viewer.saved_in.connect(lambda f: self.folders.remember("results", Path(f)))
        self.demo_banner.personChosen.connect(self.try_on.person_pane.load_path)
        self.demo_banner.garmentChosen.connect(self._use_sample_garment)
        catalog.message.connect(self.say)
        catalog.failed.connect(self.show_error)
        catalog.resultChosen.connect(self.viewer.show_job)
        catalog.usePerson.connect(self._use_as_person)
        catalog.wantsFront.connect(lambda: self.navigation.setCurrentRow(GALLERY_ROW))
        catalog.batchFinished.connect(self._batch_finished)
        catalog.deleteAsked.connect(self.job_actions.delete_many)
        self.forgetting.message.connect(lambda text: self.say(text, 10000))
        self.cache.changed.connect(self._job_updated)
        self.bridge.jobProgress.connect(self.model.set_progress)
        self.bridge.jobNotice.connect(lambda n: self.model.set_notice(n.job_id, n.message))
        self.bridge.historyTrouble.connect(self.show_error)
        actions.message.connect(lambda text: self.say(text, 8000))
        actions.failed.connect(self.show_error)
        actions.sent.connect(self._submitted)
        for page in (self.try_on, self.generate, self.describe):
            page.allow_spend = self.spending.allow
        actions.allow_spend = self.spending.allow  # retries cost credits too
        catalog.allow_spend = self.spending.allow  # so does trying again
        catalog.sent.connect(self._submitted)
        self.cache.changed.connect(self.spending.job_changed)
        canvas_undo = self.try_on.mask_canvas.undo_stack
        for stack in (canvas_undo, self.history_undo):
            self.undo.addStack(stack)
            stack.indexChanged.connect(self._undo_used)
        self.undo.setActiveStack(canvas_undo)
        self.account = AccountActions(self.session, self, self.forgetting.delete_all)
        self.account.connectionChanged.connect(self._connection_changed)
        self.account.message.connect(lambda text: self.say(text, 8000))
        self.account.failed.connect(self.show_error)

    def _undo_used(self, _index: int) -> None:
        """Edit → Undo undoes the last kind of thing done: a stroke of the mask, or a
        deletion."""
        stack = self.sender()
        if isinstance(stack, QUndoStack) and not self._closing and shiboken6.isValid(self.undo):
            self.undo.setActiveStack(stack)

    def _declare_commands(self) -> None:
        """Every menu command, with its keys and when it applies (see ``menus``)."""
        add, viewer, page, account = self.commands.add, self.viewer, self.try_on, self.account
        writable = self._writable

        def has_result() -> bool:
            return viewer.job is not None and bool(viewer.job.results)

        add(
            "openPerson",
            "Open person photo…",
            page.person_pane.browse,
            icon_name="person",
            shortcut="Ctrl+O",
            enabled_when=lambda: self.session.connected,
        )
        add(
            "openGarment",
            "Open garment photo…",
            page.garment_pane.browse,
            icon_name="garment",
            shortcut="Ctrl+Shift+O",
            enabled_when=lambda: self.session.connected,
        )
        add(
            "openGarmentList",
            "Open a garment list…",
            lambda: page.open_garment_list(self.folders.folder("photos")),
            icon_name="lookbook",
            shortcut="Ctrl+Shift+L",
            enabled_when=lambda: self.session.connected,
            tip="A season's list (CSV or XLSX: file, type, SKU, name, price, colour)",
        )
        add(
            "saveResult",
            "Save result as…",
            viewer.save_as,
            icon_name="save",
            shortcut=QKeySequence.StandardKey.Save,
            enabled_when=has_result,
        )
        add(
            "exportDescriptions",
            "Export descriptions as CSV…",
            lambda: self.describe.export(shopify=False),
            icon_name="save",
        )
        has_batch = lambda: self.catalog.model.batch is not None  # noqa: E731
        self.commands.adopt("exportLookbook", self.catalog.export_action, has_batch)
        self.catalog.model.modelReset.connect(self.commands.refresh)  # a batch shown, or none
        add(
            "exportLineSheet",
            "Export line sheet…",
            self.catalog.export_linesheet,
            icon_name="lookbook",
            enabled_when=has_batch,
            tip="The Gallery's batch for wholesale buyers: each garment, its details, its looks",
        )
        add(
            "exportPictures",
            "Export pictures…",
            self.catalog.export_pictures,
            icon_name="save",
            enabled_when=has_batch,
            tip="The Gallery's results at full size, named as you choose",
        )
        add(
            "openResultsFolder",
            "Open the results folder",
            lambda: open_folder(self.session.settings.results_folder),
            icon_name="folder",
        )
        add(
            "quit",
            "Quit",
            self.close,
            icon_name="close",
            shortcut=standard(QKeySequence.StandardKey.Quit, "Ctrl+Q"),
        )
        undo = self.undo.createUndoAction(self, "Undo")
        undo.setIcon(icon("undo"))
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo = self.undo.createRedoAction(self, "Redo")
        redo.setIcon(icon("redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.commands.adopt("undo", undo)
        self.commands.adopt("redo", redo)
        add(
            "copyResult",
            "Copy result",
            viewer.copy,
            icon_name="copy",
            shortcut="Ctrl+Shift+C",
            enabled_when=has_result,
        )
        add(
            "pastePhoto",
            "Paste photo",
            page.paste_photo,
            icon_name="paste",
            enabled_when=lambda: self.session.connected,
        )
        add(
            "showTrash",
            "Trash…",
            lambda: run_modal(
                TrashDialog(self.session.book, self.work, self.session.settings.trash_days, self)
            ),
            icon_name="trash",
            tip="Deleted jobs: restore them, or empty the Trash",
        )
        canvas = viewer.canvas
        add(
            "zoomIn",
            "Zoom in",
            lambda: self._zoom(1.25),
            tip="The result larger; in the Gallery, larger thumbnails",
            icon_name="zoom-in",
            shortcut="Ctrl+=",
        )
        add(
            "zoomOut",
            "Zoom out",
            lambda: self._zoom(1 / 1.25),
            tip="The result smaller; in the Gallery, smaller thumbnails",
            icon_name="zoom-out",
            shortcut="Ctrl+-",
        )
        add("fitResult", "Fit result in view", canvas.fit, icon_name="fit", shortcut="Ctrl+0")
        side = add(
            "toggleSideColumn",
            "Result and jobs column",
            self.toggle_side_column,
            icon_name="sidebar",
            tip="Hide the result and the jobs for a full-width Gallery (Tab in the Gallery)",
        )
        side.setCheckable(True)
        side.setChecked(True)
        tab = QShortcut(QKeySequence("Tab"), self.catalog.page)
        tab.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tab.activated.connect(self.toggle_side_column)
        themes = QActionGroup(self)
        for name, label, value in (
            ("themeSystem", "Follow the system", ""),
            ("themeLight", "Light", "light"),
            ("themeDark", "Dark", "dark"),
        ):
            action = add(name, label, functools.partial(self.set_theme, value))
            action.setCheckable(True)
            action.setChecked(value == self.session.settings.theme)
            themes.addAction(action)
        current = self.job_list.current_job
        actions = self.job_actions

        def on_current(act: Callable[[Job], object]) -> Callable[[], None]:
            def run() -> None:
                job = current()
                if job is not None:
                    act(job)

            return run

        def current_is(rule: Callable[[Job], bool]) -> Callable[[], bool]:
            return lambda: (job := current()) is not None and rule(job)

        add(
            "retryJob",
            "Retry as a new job…",
            on_current(actions.retry),
            icon_name="retry",
            enabled_when=current_is(lambda j: can_retry(j) and self.session.connected),
        )
        add(
            "followJob",
            "Follow again",
            on_current(actions.follow),
            icon_name="retry",
            enabled_when=current_is(lambda j: can_follow_again(j) and self.session.connected),
        )
        add(
            "stopJob",
            "Stop following",
            on_current(actions.stop),
            icon_name="stop",
            enabled_when=current_is(lambda j: can_stop(j) and self.session.connected),
        )
        add(
            "deleteJob",
            "Delete…",
            on_current(lambda job: self.delete_jobs(self.job_list.entry_jobs(job))),
            icon_name="trash",
            enabled_when=current_is(
                lambda j: writable() and can_delete(self.job_list.entry_jobs(j))
            ),
        )
        add(
            "connectAccount",
            "Connect your AuraX account…",
            self.show_welcome,
            icon_name="account",
            enabled_when=writable,
        )
        add(
            "startDemo", "Try the demo", account.start_demo, icon_name="demo", enabled_when=writable
        )
        add("whereIsKey", "Where is my key?", account.where_is_key)
        add(
            "signOut",
            "Sign out",
            account.sign_out,
            enabled_when=lambda: self.session.credentials is not None,
        )
        add(
            "settings",
            "Settings…",
            account.show_settings,
            icon_name="settings",
            shortcut=standard(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
            enabled_when=writable,
        )
        add(
            "shortcuts",
            "Keyboard shortcuts",
            lambda: run_modal(ShortcutsDialog(self)),
            shortcut=standard(QKeySequence.StandardKey.HelpContents, "F1"),
        )
        add(
            "openLogFolder",
            "Open the log folder",
            lambda: open_folder(paths.log_dir()),
            icon_name="folder",
        )
        add(
            "openDataFolder",
            "Open the data folder",
            lambda: open_folder(paths.data_dir()),
            icon_name="folder",
        )
        add("about", "About AuraX Desktop", lambda: show_about(self))
        self.job_list.selectionModel().currentChanged.connect(lambda *_a: self.commands.refresh())

    def _zoom(self, factor: float) -> None:
        """Zoom what is in front: the Gallery's thumbnails (or its loupe), else the
        result."""
        if self.navigation.currentRow() == GALLERY_ROW:
            page = self.catalog.page
            if page.in_loupe:
                page.loupe.canvas.zoom_by(factor)
            elif factor > 1:
                page.gallery.larger()
            else:
                page.gallery.smaller()
            return
        self.viewer.canvas.zoom_by(factor)

    def toggle_side_column(self) -> None:
        """The result and jobs column, shown or hidden (a full-width Gallery)."""
        shown = not self.side_column.isVisible()
        self.side_column.setVisible(shown)
        self.commands["toggleSideColumn"].setChecked(shown)

    def _writable(self) -> bool:
        return not self.session.book.read_only

    # Connection

    def refresh_connection(self) -> None:
        """The title, the status bar and what is enabled, as the connection now is."""
        session = self.session
        self.demo_badge.setVisible(session.demo_mode)
        self.demo_banner.setVisible(session.demo_mode)
        self.setWindowTitle("AuraX Desktop — Demo mode" if session.demo_mode else "AuraX Desktop")
        if session.read_only:
            self.setWindowTitle("AuraX Desktop — history, read-only")
            self.connection_label.setText(
                "Read-only: the data folder cannot be written"
                if session.read_only_reason
                else "Read-only: another AuraX Desktop window runs the jobs of this data folder"
            )
            self.connection_label.setToolTip(session.read_only_reason or "")
        elif session.client is None:
            self.connection_label.setText("Not connected")
            self.connection_label.setToolTip(
                "The history, the Gallery and exports work without an account; sending "
                "needs one (Account → Connect, or Try the demo)."
            )
        elif session.demo_mode:
            self.connection_label.setText(f"Demo server at {session.client.base_url}")
        else:
            self.connection_label.setText(
                f"{session.client.base_url} · key {session.client.key_id}"
            )
        for page in (self.try_on, self.generate, self.describe):
            page.setEnabled(session.connected)
        self.commands.refresh()

    def _connection_changed(self) -> None:
        self.refresh_connection()
        if self.session.connected:
            self.resume()

    def connect_saved_key(self, base_url: str | None = None) -> None:
        """Connect with the key kept in the system keyring; the welcome dialog when there
        is none, when the keyring cannot be used, or when the user stops waiting for it
        (then a key given there is kept for this session only)."""
        store = CredentialStore()

        def found(credentials: Credentials | None) -> None:
            if credentials is None:
                self.show_welcome()
                return
            self.session.connect(credentials, base_url)
            self._connection_changed()

        def failed(error: BaseException) -> None:
            log.warning("The keyring could not be read: %s", type(error).__name__)
            self.show_welcome()

        self.keyring = KeyringWaiter(
            store.load,
            self,
            done=found,
            failed=failed,
            cancelled=lambda: self.show_welcome(keyring_waits=True),
        )

    def show_welcome(self, *, keyring_waits: bool = False) -> bool:
        """The welcome dialog; True when it connected the session."""
        dialog = WelcomeDialog(self.session, self.work, parent=self, keyring_waits=keyring_waits)
        connected = run_modal(dialog) == WelcomeDialog.DialogCode.Accepted
        if connected:
            self._connection_changed()
        else:
            self.refresh_connection()
        return connected

    def start(self) -> None:
        """Once the window is shown: the history, the Gallery's batches and the spend,
        whether connected or not (viewing needs no account); unfinished jobs resume
        when connected."""
        if self._closing or self._started:
            return
        self._started = True
        self.work.run(warm_up, lambda _r: None)
        if not self.session.read_only:
            self.work.run(secure_folders, self._links_found)
        self.catalog.refresh_batches()
        self.forgetting.start()
        self.history.load_first_page(self._history_loaded)

    _started = False

    def _links_found(self, links: list[Path]) -> None:
        if links:
            names = ", ".join(str(link) for link in links[:3])
            more = f" and {len(links) - 3} more" if len(links) > 3 else ""
            self.say(
                f"Links to other places found among AuraX Desktop's files are not followed: "
                f"{names}{more}.",
                20000,
            )

    def _history_loaded(self, _jobs: list[Job]) -> None:
        self.describe.refresh_batches()
        self.spending.refresh()
        self.resume()

    def resume(self) -> None:
        """Take over what an earlier run left unfinished (connected only)."""
        runner = self.session.runner
        if runner is None or not self._started:
            return
        self.work.run(
            runner.resume,
            lambda resumed: self.say(
                f"Following {len(resumed)} unfinished job(s) again." if resumed else "", 8000
            ),
            lambda error: self.show_error(getattr(error, "user_message", str(error))),
        )

    # Jobs: their states arrive only through the job cache (``_job_updated``)

    def _submitted(self, job_ids: list[str]) -> None:
        """Jobs were sent from this window: watched until they end."""
        if self.model.is_filtered():
            self.history.show_all()  # what was just sent must be seen
        self._watch.update(job_ids)
        for job_id in job_ids:
            known = self.cache.get(job_id)
            if known is not None and known.status.is_final:
                self._job_updated(known)  # it ended before this callback ran
        kinds = {job.kind for i in job_ids if (job := self.cache.get(i)) is not None}
        kind = next(iter(kinds)) if len(kinds) == 1 else None
        total = sum(kind.cost for _ in job_ids) if kind is not None else 0.0
        what = f"{len(job_ids)} jobs sent" if len(job_ids) > 1 else "Sent"
        cost = f" ({credits_text(total)})" if total else ""
        self.say(f"{what}{cost}. Follow it in the Jobs list.", 6000)

    def _batch_sent(self, sent: BatchSent) -> None:
        self.catalog.batch_sent(sent)
        chosen = replace(self.session.settings, last_strength=int(self.try_on.strength.value()))
        self.work.run(lambda: self.session.update_settings(chosen), lambda _r: None)  # a file

    def _job_updated(self, job: Job) -> None:
        if job.kind is JobKind.PRODUCT_DESCRIPTION:
            self.describe.job_updated(job)
        if job.status.is_final and job.id in self._watch:
            self._watch.discard(job.id)
            in_batch = self.catalog.watches(job)  # announced as a whole
            if job.kind is not JobKind.PRODUCT_DESCRIPTION and not in_batch:
                self._finished(job)
        shown = self.viewer.job
        if shown is not None and shown.id == job.id:
            self.viewer.show_job(None if job.in_trash else job)

    def _finished(self, job: Job) -> None:
        if job.status is JobStatus.COMPLETED:
            self.model.flush()
            row = self.model.row_of(job.id)
            if row is not None:
                self.job_list.setCurrentIndex(self.model.index(row))
            self.viewer.show_job(job)
        if not self.isActiveWindow():
            title = f"{job.kind.label} {job.status.label.lower()}"
            self.notifier.notify(title, job.error or "The result is ready in AuraX Desktop.")

    def _batch_finished(self, text: str) -> None:
        if not self.isActiveWindow():
            self.notifier.notify("Batch of try-ons finished", text)

    def delete_jobs(self, jobs: list[Job]) -> None:
        self.job_actions.delete_many(jobs)

    def delete_job(self, job: Job) -> None:
        self.job_actions.delete(job)

    def _use_sample_garment(self, path: object, product_type: str) -> None:
        self.try_on.garment_pane.load_path(path)  # type: ignore[arg-type]
        self.try_on.set_choices(product_type, self.try_on.strength.value())

    def _use_as_garment(self, job: Job) -> None:
        """A generated product image goes into the Garment pane, with its type."""
        if not job.result_paths:
            return
        pane = self.try_on.garment_pane
        name = f"{(job.prompt or 'generated product')[:40].strip()}{job.result_paths[0].suffix}"
        pane.use_result(job.result_paths[0], name, job.id, None, product_type=job.product_type)
        self.navigation.setCurrentRow(0)
        self.say("The generated image is now a garment photo: choose a person.", 8000)

    def _describe(self, paths: list[Path]) -> None:
        """Pictures go into the Describe table (shown in front)."""
        self.describe.add_paths(paths)
        self.navigation.setCurrentRow(2)

    def _use_as_person(self, path: object, name: str, job_id: str, source: object) -> None:
        self.try_on.person_pane.use_result(path, name, job_id, source)  # type: ignore[arg-type]
        self.navigation.setCurrentRow(0)

    def set_theme(self, theme: str) -> None:
        """View → Theme: light, dark, or "" to follow the system (kept in the settings)."""
        choose_theme(theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app)
        self.job_list.viewport().update()
        chosen = replace(self.session.settings, theme=theme)
        self.work.run(lambda: self.session.update_settings(chosen), lambda _r: None)

    def say(self, text: str, milliseconds: int = 0) -> None:
        """A note in the status bar (nothing once the window is closing)."""
        if text and not self._closing:
            self.statusBar().showMessage(text, milliseconds)

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, "AuraX Desktop", text)

    @property
    def account_menu(self) -> QMenu:
        return self.menus["Account"]

    @property
    def jobs_menu(self) -> QMenu:
        return self.menus["Jobs"]

    # Closing

    def first_split(self) -> None:
        """The dividers as on a first run: the studio whole, four jobs in view (three
        where the result would have less than 300 px)."""
        panel = self.history
        chrome = panel.sizeHint().height() - panel.job_list.sizeHint().height()
        heights = [chrome + panel.job_list.height_for_rows(n) for n in (VISIBLE_ROWS, 3)]
        first_split(self.main_splitter, self.try_on, self.results_splitter, heights)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Below COMPACT_BELOW pixels the page list shows icons only (laptops, 200 %).
        self.navigation.set_compact(self.width() < COMPACT_BELOW)
        QTimer.singleShot(0, self._keep_studio_whole)

    def _keep_studio_whole(self) -> None:
        if not self._closing:
            page = self.pages.currentWidget()
            holder = page.widget() if isinstance(page, QScrollArea) else page
            studio = holder.page if isinstance(holder, PageHolder) else self.try_on
            keep_studio_whole(self.main_splitter, studio, self.results_splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            if not self.session.settings.panel_layout:
                self.first_split()

    def closeEvent(self, event: QCloseEvent) -> None:
        geometry, layout = saved_layout(self, (self.main_splitter, self.results_splitter))
        self.session.update_settings(
            replace(self.session.settings, window_geometry=geometry, panel_layout=layout)
        )
        self._closing = True
        self.closing.emit()
        self.model.stop_timers()
        self.spending.stop()
        self.statusBar().clearMessage()  # and its timer
        self.catalog.stop()
        self.forgetting.stop()
        abandon_reads()  # closing never waits on a slow link, a pipe or a slow disk
        if self.keyring is not None:
            self.keyring.stop()
        self.work.shutdown()
        self.notifier.close()
        super().closeEvent(event)
