"""The main window: the Try-On studio, the shared progress list and the result viewer."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
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

from aurax_desktop.api import ProductType
from aurax_desktop.jobs import Job, JobKind, JobStatus
from aurax_desktop.session import Session
from aurax_desktop.ui.common.background import BackgroundWork, warm_up
from aurax_desktop.ui.common.bridge import JobBridge
from aurax_desktop.ui.common.choices import credits_text
from aurax_desktop.ui.common.folders import RememberedFolders
from aurax_desktop.ui.common.icons import app_icon
from aurax_desktop.ui.common.page_frame import PageHolder, scrolling
from aurax_desktop.ui.common.theme import apply_theme, choose_theme
from aurax_desktop.ui.describe.page import DescribePage
from aurax_desktop.ui.gallery.controller import Catalog
from aurax_desktop.ui.generate.page import GeneratePage
from aurax_desktop.ui.jobs.actions import JobActions
from aurax_desktop.ui.jobs.model import JobListModel
from aurax_desktop.ui.jobs.panel import HistoryPanel
from aurax_desktop.ui.jobs.view import VISIBLE_ROWS
from aurax_desktop.ui.jobs.viewer import ResultViewer
from aurax_desktop.ui.shell.account import AccountActions
from aurax_desktop.ui.shell.demo_banner import DemoBanner
from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog
from aurax_desktop.ui.shell.menus import build_menus
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
MINIMUM_SIZE = QSize(900, 600)
"""Smaller windows could not show the studio and the result side by side."""
"""Window widths below which the page list shows icons only."""


class MainWindow(QMainWindow):
    jobs_menu: QMenu
    account_menu: QMenu
    closing = Signal()
    """The window closes: helpers made around it stop their timers."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.work = BackgroundWork(self)
        self.bridge = JobBridge(self)
        session.add_listener(self.bridge)
        self.model = JobListModel(self)
        self.job_actions = JobActions(session, self.work, self)
        self.folders = RememberedFolders(session, self.work)
        self._watch: set[str] = set()
        """Jobs sent from this window: shown and announced when they end."""
        self.setWindowTitle("AuraX Desktop")
        self.setWindowIcon(app_icon())
        self.setMinimumSize(MINIMUM_SIZE)
        default_size(self)

        submit = self.job_actions.submit
        self.try_on = TryOnPage(
            self.work, lambda batch: submit(lambda runner: runner.submit_try_on_batch(batch))
        )
        self.try_on.submitted.connect(self._submitted_try_on)
        self.try_on.failed.connect(self.show_error)
        self.generate = GeneratePage(
            self.work,
            lambda request, group: submit(
                lambda runner: runner.submit_generation(request, batch=group)
            ),
        )
        self.generate.submitted.connect(self._submitted)
        self.generate.failed.connect(self.show_error)
        self.describe = DescribePage(
            self.work,
            lambda request, job_id: submit(
                lambda runner: runner.submit_description(request, job_id=job_id)
            ),
            lambda: self.session.store,
        )
        self.describe.message.connect(lambda text: self.say(text, 6000))
        self.viewer = ResultViewer(self.work, results_folder=lambda: self.folders.folder("results"))
        self.catalog = Catalog(self)
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
        self.viewer.message.connect(self.say)
        self.viewer.saved_in.connect(lambda f: self.folders.remember("results", Path(f)))
        self.describe.folders = self.folders.folder
        self.describe.remember_folder = self.folders.remember
        jobs_panel = self.history = HistoryPanel(self.work, self.model, lambda: session.store)
        self.history.failed.connect(self.show_error)
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
        self.bridge.jobUpdated.connect(self.catalog.job_updated)
        self.bridge.jobRemoved.connect(self.catalog.model.remove_job)
        self.bridge.historyTrouble.connect(self.show_error)
        self.job_actions.message.connect(lambda text: self.say(text, 8000))
        self.job_actions.failed.connect(self.show_error)
        self.job_actions.sent.connect(self._submitted)
        self.job_actions.removed.connect(self.model.remove_job)
        self.demo_badge = QLabel("Demo mode · results are simulated")
        self.demo_badge.setObjectName("demoBadge")
        self.spending = SpendingWatch(
            self.work, lambda: session.store, lambda: session.settings.daily_limit, self
        )
        for page in (self.try_on, self.generate, self.describe):
            page.allow_spend = self.spending.allow
        self.job_actions.allow_spend = self.spending.allow  # retries cost credits too
        self.bridge.jobUpdated.connect(self.spending.job_changed)
        self.statusBar().addPermanentWidget(self.spending.label)
        self.connection_label = QLabel("")
        self.connection_label.setObjectName("muted")
        self.statusBar().addPermanentWidget(self.connection_label)
        self.statusBar().addPermanentWidget(self.demo_badge)
        self.account = AccountActions(self)
        build_menus(self)
        self.notifier = Notifier(self, self.work)
        self._shown = False
        self._closing = False
        restore_layout(self, (self.main_splitter, self.results_splitter), session.settings)
        # The strength carries over; the product type does not (each garment suggests its own).
        self.try_on.set_choices(ProductType.GARMENT.value, session.settings.last_strength)
        self.refresh_connection()
        if session.settings_message:
            QTimer.singleShot(0, lambda: self.say(session.settings_message or "", 15000))
        if session.history_message:  # a damaged or unwritable history: said once it shows
            QTimer.singleShot(0, lambda: self.show_error(session.history_message or ""))

    # Building

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
        view.deleteJob.connect(self.delete_job)
        view.deleteJobs.connect(self.delete_jobs)
        view.groups.openBatch.connect(self.catalog.open_batch)
        view.groups.retryJobs.connect(actions.retry_many)

    # Connection

    def refresh_connection(self) -> None:
        self.account.refresh_connection()

    def show_welcome(self) -> bool:
        """The welcome dialog; True when it connected the session."""
        dialog = WelcomeDialog(self.session, self.work, parent=self)
        connected = dialog.exec() == WelcomeDialog.DialogCode.Accepted
        self.refresh_connection()
        if connected:
            self.start()
        return connected

    def start(self) -> None:
        """After the window is shown: fill the history and resume unfinished jobs."""
        if self._closing:
            return  # closed before it was shown
        self.work.run(warm_up, lambda _r: None)
        self.catalog.refresh_batches()
        self.catalog.forgetting.start()
        self.history.load_first_page(self._history_loaded)

    def _history_loaded(self, _jobs: list[Job]) -> None:
        self.describe.refresh_batches()
        self.spending.refresh()
        runner = self.session.runner
        if runner is not None:
            self.work.run(
                runner.resume,
                lambda resumed: self.say(
                    f"Following {len(resumed)} unfinished job(s) again." if resumed else "", 8000
                ),
                lambda error: self.show_error(getattr(error, "user_message", str(error))),
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
        self.say(f"{what}{cost}. Follow it in the Jobs list.", 6000)

    def _submitted_try_on(self, job_ids: list[str]) -> None:
        self._submitted(job_ids)
        self.catalog.batch_sent(job_ids)
        chosen = replace(self.session.settings, last_strength=int(self.try_on.strength.value()))
        self.work.run(lambda: self.session.update_settings(chosen), lambda _r: None)  # a file

    def _job_updated(self, job: Job) -> None:
        self.model.update_job(job)
        if job.kind is JobKind.PRODUCT_DESCRIPTION:
            self.describe.job_updated(job)
        if job.status.is_final and job.id in self._watch:
            self._watch.discard(job.id)
            in_batch = self.catalog.finished_in_batch(job)  # announced as a whole
            if job.kind is not JobKind.PRODUCT_DESCRIPTION and not in_batch:
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
            title = f"{job.kind.label} {job.status.label.lower()}"
            self.notifier.notify(title, job.error or "The result is ready in AuraX Desktop.")

    def delete_jobs(self, jobs: list[Job]) -> None:
        shown = self.viewer.job
        gone = {job.id for job in jobs}
        if self.job_actions.delete_many(jobs) and shown is not None and shown.id in gone:
            self.viewer.show_job(None)

    def delete_job(self, job: Job) -> None:
        if (
            self.job_actions.delete(job)
            and self.viewer.job is not None
            and self.viewer.job.id == job.id
        ):
            self.viewer.show_job(None)

    def _use_sample_garment(self, path: object, product_type: str) -> None:
        self.try_on.garment_pane.load_path(path)  # type: ignore[arg-type]
        self.try_on.set_choices(product_type, self.try_on.strength.value())

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

    # Closing

    def first_split(self) -> None:
        """The dividers as on a first run: the studio whole, four jobs in view."""
        panel = self.history
        chrome = panel.sizeHint().height() - panel.job_list.sizeHint().height()
        jobs = chrome + panel.job_list.height_for_rows(VISIBLE_ROWS)
        first_split(self.main_splitter, self.try_on, self.results_splitter, jobs)

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
        self.work.shutdown()
        self.notifier.close()
        super().closeEvent(event)
