"""The main window: it builds the features (the Try-On studio, Generate, Describe, the
Gallery, the Jobs list and the result viewer), each given what it uses, and wires
them; it collects their commands into the menus; it starts and closes.

The features never see each other or this window: they speak through signals, which
are connected here (``handing_on`` for what one hands another). Where they sit is the
``frame``'s; what the window says of the connection is ``connection``'s; what it says
of the jobs it sent is the ``announcer``'s. Job state reaches every view one way: the
job book's events, through the bridge, into the one job cache.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from aurax_desktop.account import Settings
from aurax_desktop.api import ProductType
from aurax_desktop.jobs import BatchSent, Job, JobKind
from aurax_desktop.privacy import secure_folders
from aurax_desktop.session import Session
from aurax_desktop.translation import _, ngettext, pgettext
from aurax_desktop.ui.common.background import BackgroundWork, warm_up
from aurax_desktop.ui.common.bridge import JobBridge
from aurax_desktop.ui.common.commands import Commands
from aurax_desktop.ui.common.folders import RememberedFolders, results_start
from aurax_desktop.ui.common.icons import app_icon
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.common.theme import apply_theme, choose_theme
from aurax_desktop.ui.describe.commands import declare_describe_commands
from aurax_desktop.ui.describe.page import DescribePage
from aurax_desktop.ui.gallery.commands import declare_gallery_commands
from aurax_desktop.ui.gallery.controller import GalleryController
from aurax_desktop.ui.gallery.model import THUMB_SIDES
from aurax_desktop.ui.generate.commands import declare_generate_commands
from aurax_desktop.ui.generate.page import GeneratePage
from aurax_desktop.ui.jobs.actions import JobActions
from aurax_desktop.ui.jobs.commands import declare_job_commands, declare_result_commands
from aurax_desktop.ui.jobs.forgetting import HistoryForgetting
from aurax_desktop.ui.jobs.panel import HistoryPanel
from aurax_desktop.ui.jobs.viewer import ResultViewer
from aurax_desktop.ui.photos.photo_loading import abandon_reads
from aurax_desktop.ui.shell.account import AccountActions, declare_account_commands
from aurax_desktop.ui.shell.announcer import Announcer
from aurax_desktop.ui.shell.commands import (
    declare_help_commands,
    declare_theme_commands,
    declare_window_commands,
    declare_zoom_commands,
)
from aurax_desktop.ui.shell.connection import Connection
from aurax_desktop.ui.shell.current_result import CurrentResult
from aurax_desktop.ui.shell.demo_banner import DemoBanner
from aurax_desktop.ui.shell.features import Features
from aurax_desktop.ui.shell.frame import WindowFrame
from aurax_desktop.ui.shell.handing_on import connect_handing_on
from aurax_desktop.ui.shell.language_menu import declare_language_commands
from aurax_desktop.ui.shell.menus import build_menus
from aurax_desktop.ui.shell.notifier import Notifier
from aurax_desktop.ui.shell.spending import SpendingWatch
from aurax_desktop.ui.shell.window_state import default_size, restore_layout, saved_layout
from aurax_desktop.ui.studio.commands import declare_studio_commands
from aurax_desktop.ui.studio.page import TryOnPage

log = logging.getLogger(__name__)

MINIMUM_SIZE = QSize(900, 600)
"""Smaller windows could not show the studio and the result side by side."""


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
        self.undo = QUndoGroup(self)
        self.history_undo = QUndoStack(self)
        """Deletions, to be undone (the mask's strokes have their own stack)."""
        self.folders = RememberedFolders(session, self.work)
        self.spending = SpendingWatch(
            self.work, lambda: session.store, lambda: session.settings.daily_limit, self
        )
        self.job_actions = JobActions(
            session, self.work, self, self.history_undo, self.spending.allow
        )
        self.forgetting = HistoryForgetting(session, self.work, self)
        self.account = AccountActions(session, self, self.forgetting.delete_all)
        self._closing = False
        self._started = False
        self._shown = False
        self.setWindowIcon(app_icon())
        self.setMinimumSize(MINIMUM_SIZE)
        default_size(self)
        self.features = self._build_features()
        features = self.features
        self.demo_banner = DemoBanner()
        self.frame = WindowFrame(
            (features.try_on, features.generate, features.describe, features.gallery.page),
            features.viewer,
            features.jobs,
            self.demo_banner,
            self,
            fills=(features.gallery.loupe,),
        )
        self.setCentralWidget(self.frame)
        self.current = CurrentResult(self)
        self.connection = Connection(
            session,
            self.work,
            self,
            self.demo_banner,
            (features.try_on, features.generate, features.describe),
        )
        self.notifier = Notifier(self, self.work)
        self.announcer = Announcer(self.cache, self.notifier, self.isActiveWindow, self)
        for widget in (self.spending.label, self.connection.label, self.connection.badge):
            self.statusBar().addPermanentWidget(widget)
        self._wire()
        self.commands = Commands(self)
        self._declare_commands()
        self.menus = build_menus(self.menuBar(), self.commands)
        restore_layout(
            self, (self.frame.main_splitter, self.frame.results_splitter), session.settings
        )
        # The strength carries over; the product type does not (each garment suggests its own).
        features.try_on.set_choices(ProductType.GARMENT.value, session.settings.last_strength)
        grid = features.gallery.gallery
        if session.settings.gallery_side in THUMB_SIDES:  # as the user left the Gallery
            grid.set_side(session.settings.gallery_side)
        grid.sizeChanged.connect(self._keep_gallery_side)
        self.connection.refresh()
        self.commands.refresh()
        if session.settings_message:
            QTimer.singleShot(0, lambda: self.say(session.settings_message or "", 15000))
        if session.history_message:  # a damaged or unwritable history: said once it shows
            QTimer.singleShot(0, lambda: self.show_error(session.history_message or ""))
        elif session.read_only_reason:
            QTimer.singleShot(0, lambda: self.show_error(session.read_only_reason or ""))

    # Building

    def _build_features(self) -> Features:
        session, work, submit = self.session, self.work, self.job_actions.submit
        allow_spend = self.spending.allow
        return Features(
            try_on=TryOnPage(
                work,
                lambda batch: submit(lambda runner: runner.submit_try_on_batch(batch)),
                allow_spend,
                folders=self.folders,
            ),
            generate=GeneratePage(
                work,
                lambda request, group: submit(
                    lambda runner: runner.submit_generation(request, batch=group)
                ),
                allow_spend,
                folders=self.folders,
            ),
            describe=DescribePage(
                work,
                lambda request, job_id: submit(
                    lambda runner: runner.submit_description(request, job_id=job_id)
                ),
                session.book,
                self.cache,
                allow_spend=allow_spend,
                folders=self.folders,
            ),
            gallery=GalleryController(
                session,
                self.cache,
                work,
                self.folders,
                self,
                allow_spend=allow_spend,  # trying again costs credits too
                ratio=self.devicePixelRatioF(),
            ),
            jobs=HistoryPanel(work, self.cache, lambda: session.store),
            viewer=ResultViewer(
                work, self.cache, results_folder=lambda: results_start(self.folders)
            ),
        )

    def _wire(self) -> None:
        """The features' signals, to whoever answers them."""
        features, actions = self.features, self.job_actions
        view, model = features.jobs.job_list, features.jobs.model
        gallery, viewer = features.gallery, features.viewer
        view.jobSelected.connect(self.current.choose)
        view.openResult.connect(actions.open_result)
        view.showInFolder.connect(actions.show_in_folder)
        view.copyTaskId.connect(actions.copy_task_id)
        view.stopJob.connect(actions.stop)
        view.retryJob.connect(actions.retry)
        view.followJob.connect(actions.follow)
        view.resumeJob.connect(actions.resume)
        view.lookForResult.connect(actions.look_for_result)
        view.deleteJob.connect(actions.delete)
        view.deleteJobs.connect(actions.delete_many)
        view.groups.retryJobs.connect(actions.retry_many)
        gallery.resultChosen.connect(self.current.choose)
        self.current.changed.connect(viewer.show_job)
        self.current.changed.connect(gallery.follow)
        loupe, page = gallery.loupe, gallery.page
        page.loupeShown.connect(lambda shown: self.frame.fill_with(loupe if shown else None))
        self.frame.pageShown.connect(lambda _name: page.close_loupe())  # another page asked
        gallery.deleteAsked.connect(actions.delete_many)
        connect_handing_on(features, self.frame, self.demo_banner, self.say)
        for failed in (
            features.jobs.failed,
            features.try_on.failed,
            features.generate.failed,
            gallery.failed,
            actions.failed,
            self.account.failed,
            self.bridge.historyTrouble,
        ):
            failed.connect(self.show_error)
        for note in (gallery.message, self.announcer.message):
            note.connect(self.say)
        for timed, milliseconds in (
            (features.try_on.listOpened, 8000),
            (features.describe.message, 6000),
            (self.forgetting.message, 10000),
            (actions.message, 8000),
            (self.account.message, 8000),
        ):
            timed.connect(lambda text, ms=milliseconds: self.say(text, ms))
        viewer.message.connect(self.say)
        viewer.saved_in.connect(lambda folder: self.folders.remember("results", Path(folder)))
        features.try_on.submitted.connect(self._show_what_was_sent)
        features.try_on.batchSent.connect(self._batch_sent)
        for sending in (features.generate.submitted, actions.sent, gallery.sent):
            sending.connect(self._show_what_was_sent)
            sending.connect(self.announcer.sent)
        self.announcer.resultReady.connect(self._result_ready)
        self.cache.changed.connect(self._job_changed)
        self.cache.changed.connect(self.spending.job_changed)
        self.bridge.jobProgress.connect(model.set_progress)
        self.bridge.jobNotice.connect(lambda n: model.set_notice(n.job_id, n.message))
        self.bridge.batchPaused.connect(gallery.controls.batch_paused)
        canvas_undo = features.try_on.mask_canvas.undo_stack
        for stack in (canvas_undo, self.history_undo):
            self.undo.addStack(stack)
            stack.indexChanged.connect(self._undo_used)
        self.undo.setActiveStack(canvas_undo)
        self.account.connectionChanged.connect(self.connection.account_changed)
        self.connection.changed.connect(self._connection_changed)

    def _declare_commands(self) -> None:
        """Every command of the window, each declared by the feature it belongs to."""
        commands, features, session = self.commands, self.features, self.session

        def connected() -> bool:
            return session.connected

        def writable() -> bool:
            return not session.book.read_only

        declare_studio_commands(commands, features.try_on, connected, self.folders)
        declare_generate_commands(commands, features.generate, connected)
        declare_result_commands(commands, features.viewer)
        declare_describe_commands(commands, features.describe)
        declare_gallery_commands(commands, features.gallery, connected)
        declare_window_commands(
            commands,
            self,
            session=session,
            work=self.work,
            cache=self.cache,
            undo=self.undo,
            frame=self.frame,
        )
        declare_zoom_commands(commands, self.frame, features.gallery, features.viewer)
        declare_theme_commands(commands, session.settings.theme, self.set_theme, self)
        declare_language_commands(
            commands,
            lambda: self.session.settings,
            lambda chosen: self.keep_settings(lambda _now: chosen),
            self.say,
        )
        declare_job_commands(
            commands, features.jobs.job_list, self.job_actions, connected, writable
        )
        declare_account_commands(commands, self.account, session, self.connection.show_welcome)
        declare_help_commands(commands, self)

    def _undo_used(self, _index: int) -> None:
        """Edit → Undo undoes the last kind of thing done: a stroke of the mask, or a
        deletion."""
        stack = self.sender()
        if isinstance(stack, QUndoStack) and not self._closing and shiboken6.isValid(self.undo):
            self.undo.setActiveStack(stack)

    # Starting

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
        self.features.gallery.refresh_batches()
        self.forgetting.start()
        self.features.jobs.load_first_page(self._history_loaded)

    def _links_found(self, links: list[Path]) -> None:
        if not links:
            return
        names = pgettext("list", ", ").join(str(link) for link in links[:3])
        if len(links) > 3:
            more = len(links) - 3
            text = ngettext(
                "Links to other places found among AuraX Desktop's files are not followed: "
                "{names} and {more} more.",
                "Links to other places found among AuraX Desktop's files are not followed: "
                "{names} and {more} more.",
                more,
            ).format(names=names, more=more)
        else:
            text = _(
                "Links to other places found among AuraX Desktop's files are not followed: {names}."
            ).format(names=names)
        self.say(text, 20000)

    def _history_loaded(self, _jobs: list[Job]) -> None:
        self.features.describe.refresh_batches()
        self.spending.refresh()
        self.resume()

    def _connection_changed(self) -> None:
        self.features.gallery.controls.connection_changed()
        self.commands.refresh()
        if self.session.connected:
            self.resume()

    def resume(self) -> None:
        """Take over what an earlier run left unfinished (connected only)."""
        runner = self.session.runner
        if runner is None or not self._started:
            return
        self.work.run(
            runner.resume,
            lambda resumed: self.say(
                ngettext(
                    "Following {count} unfinished job again.",
                    "Following {count} unfinished jobs again.",
                    len(resumed),
                ).format(count=len(resumed))
                if resumed
                else "",
                8000,
            ),
            lambda error: self.show_error(getattr(error, "user_message", str(error))),
        )

    # Jobs: their states arrive only through the job cache

    def _show_what_was_sent(self, _job_ids: list[str]) -> None:
        """What was just sent must be seen: the Jobs list's filter and search let go."""
        if self.features.jobs.model.is_filtered():
            self.features.jobs.show_all()

    def _batch_sent(self, sent: BatchSent) -> None:
        self.features.gallery.batch_sent(sent)
        self.announcer.batch_sent(sent)
        strength = int(self.features.try_on.strength.value())
        self.keep_settings(lambda now: replace(now, last_strength=strength))

    def _result_ready(self, job: Job) -> None:
        """A job sent alone completed: selected in the Jobs list, the current result."""
        self.features.jobs.select(job.id)
        self.current.choose(job)

    def _job_changed(self, job: Job) -> None:
        if job.kind is JobKind.PRODUCT_DESCRIPTION:
            self.features.describe.job_updated(job)
        self.features.viewer.job_changed(job)

    def keep_settings(self, edit: Callable[[Settings], Settings]) -> None:
        """Change the settings at once (``edit`` gets them as they are now) and write
        them on a worker."""
        self.session.edit_settings(edit)
        self.work.run(self.session.save_settings, lambda _r: None)

    def _keep_gallery_side(self, side: int) -> None:
        """The thumbnail size chosen is the one the next start opens with."""
        if side != self.session.settings.gallery_side:
            self.keep_settings(lambda now: replace(now, gallery_side=side))

    def set_theme(self, theme: str) -> None:
        """View → Theme: light, dark, or "" to follow the system (kept in the settings)."""
        choose_theme(theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app)
        self.features.jobs.job_list.viewport().update()
        self.keep_settings(lambda now: replace(now, theme=theme))

    def say(self, text: str, milliseconds: int = 0) -> None:
        """A note in the status bar (nothing once the window is closing)."""
        if text and not self._closing:
            self.statusBar().showMessage(text, milliseconds)

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, "AuraX Desktop", text)

    # Showing and closing

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.frame.set_width(self.width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            if not self.session.settings.panel_layout:
                self.frame.first_split()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and hasattr(self, "commands"):
            self.commands["fullScreen"].setChecked(self.isFullScreen())

    @property
    def closed(self) -> bool:
        """True once the window has closed: its workers stopped, its settings saved."""
        return self._closing

    def closeEvent(self, event: QCloseEvent) -> None:
        frame = self.frame
        geometry, layout = saved_layout(self, (frame.main_splitter, frame.results_splitter))
        self.session.edit_settings(
            lambda now: replace(now, window_geometry=geometry, panel_layout=layout)
        )
        self.session.save_settings()
        self._closing = True
        self.closing.emit()
        frame.stop()
        self.features.jobs.model.stop_timers()
        self.spending.stop()
        self.statusBar().clearMessage()  # and its timer
        self.features.gallery.stop()
        self.forgetting.stop()
        abandon_reads()  # closing never waits on a slow link, a pipe or a slow disk
        self.connection.stop()
        self.work.shutdown()
        self.notifier.close()
        super().closeEvent(event)
