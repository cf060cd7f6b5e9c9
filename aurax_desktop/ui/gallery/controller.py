"""The window's catalog work: the Gallery page fed from the history and the runner's
events, marks, pausing and cancelling a batch, compare, "Use as person photo", the
lookbook export and the history's forgetting."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMessageBox

from aurax_desktop.jobs import Job, JobKind, JobQuery, JobStatus, JobStore
from aurax_desktop.jobs.batches import batch_jobs
from aurax_desktop.jobs.params import batch_name
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.common.picture_window import LargeView
from aurax_desktop.ui.gallery.compare import CompareView
from aurax_desktop.ui.gallery.lookbook_export import export_lookbook
from aurax_desktop.ui.gallery.model import GalleryModel, garment_name
from aurax_desktop.ui.gallery.page import GalleryPage
from aurax_desktop.ui.jobs.forgetting import HistoryForgetting

if TYPE_CHECKING:
    from aurax_desktop.ui.shell.main_window import MainWindow

GALLERY_ROW = 3
"""The Gallery's place in the page list."""


def recent_batches(store: JobStore, limit: int = 30) -> list[tuple[str, str, float, int]]:
    """(batch, name, when, count) of the newest batches of try-ons."""
    found = []
    for batch, when, count in store.batches(limit, JobKind.TRY_ON):
        first = store.query(JobQuery(batch=batch, limit=1))
        name = batch_name(first[0].params) if first else ""
        found.append((batch, name, when, count))
    return found


@dataclass
class _Watched:
    left: set[str]
    failed: int = 0

    def __post_init__(self) -> None:
        self.count = len(self.left)


class Catalog(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.work = window, window.work
        self.model = GalleryModel(self.work.run, self, ratio=window.devicePixelRatioF())
        self.marks = BackgroundWork(self, workers=1)
        """Marks are saved one after another, in the order they were given."""
        self.page = GalleryPage(self.model)
        self.gallery = self.page.gallery
        self.forgetting = HistoryForgetting(window.session, self.work, window)
        self.forgetting.removed.connect(self._removed)
        self.forgetting.message.connect(lambda text: window.say(text, 10000))
        self.export_action = QAction(icon("lookbook"), "Export lookbook…", window)
        self.export_action.setObjectName("exportLookbookAction")
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setToolTip("The batch shown in the Gallery as a PDF or contact sheet")
        self.export_action.triggered.connect(lambda _c=False: self.export_lookbook())
        self.page.export_button.setDefaultAction(self.export_action)
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(300)
        self._reload.timeout.connect(lambda: self.refresh_batches(self.model.batch))
        self._closed = False
        self._watching: dict[str, _Watched] = {}

        page, gallery = self.page, self.gallery
        page.batchChosen.connect(self.show_batch)
        page.pauseAsked.connect(self.pause)
        page.cancelAsked.connect(self.cancel_unsent)
        page.compareAsked.connect(self.compare)
        gallery.marked.connect(self.mark)
        gallery.largeView.connect(self.large_view)
        gallery.chosen.connect(window.viewer.show_job)
        gallery.customContextMenuRequested.connect(self._menu)
        gallery.add_key("C", page.compare)

    def stop(self) -> None:
        """The window closes: no timer of its own goes on."""
        self._closed = True
        self._reload.stop()
        self.forgetting.stop()
        self.marks.shutdown(finish=True)  # a mark given is saved, even just before quitting

    # Filling the gallery

    def refresh_batches(self, chosen: str | None = None) -> None:
        store = self.window.session.store
        self.work.run(
            lambda: recent_batches(store),
            lambda batches: self.page.set_batches(batches, chosen),
        )

    def show_batch(self, batch: str) -> None:
        store = self.window.session.store

        def shown(jobs: list[Job]) -> None:
            self.model.show_batch(batch, jobs)
            self.page.refresh()

        self.work.run(lambda: batch_jobs(store, batch), shown)

    def open_batch(self, batch: str) -> None:
        """The Jobs list's "Open the batch in the Gallery": shown there, in front."""
        self.refresh_batches(batch)
        self.window.navigation.setCurrentRow(GALLERY_ROW)

    def job_updated(self, job: Job) -> None:
        if job.kind is not JobKind.TRY_ON or job.batch is None:
            return
        if job.batch == self.model.batch and self.model.index_of(job.id).isValid():
            self.model.update_job(job)
            self.page.refresh()
        elif not self._closed and (
            self.page.batch_combo.findData(job.batch) < 0 or job.batch == self.model.batch
        ):
            self._reload.start()  # a new batch, or a new job of the shown one

    def batch_sent(self, job_ids: list[str]) -> None:
        """A batch went from the Try-On page: the gallery shows it (and, for more than
        one try-on, comes to the front)."""
        runner = self.window.session.runner
        job = runner.get(job_ids[0]) if runner is not None and job_ids else None
        if job is None or job.batch is None:
            return
        self.refresh_batches(job.batch)
        if len(job_ids) > 1:
            self._watching[job.batch] = _Watched(set(job_ids))
            self.window.navigation.setCurrentRow(GALLERY_ROW)

    def finished_in_batch(self, job: Job) -> bool:
        """True when ``job`` is one of a batch sent from this window: the batch is
        announced once, when its last try-on ends (not each of its results)."""
        watched = self._watching.get(job.batch or "")
        if watched is None or job.id not in watched.left:
            return False
        watched.left.discard(job.id)
        watched.failed += job.status is not JobStatus.COMPLETED
        if not watched.left:
            del self._watching[job.batch or ""]
            done = watched.count - watched.failed
            failed = f", {watched.failed} failed" if watched.failed else ""
            text = f"{done} of {watched.count} try-ons completed{failed}."
            self.window.say(f"Batch finished: {text} See them in the Gallery.", 15000)
            if not self.window.isActiveWindow():
                self.window.notifier.notify("Batch of try-ons finished", text)
        return True

    def _removed(self, job_ids: list[str]) -> None:
        for job_id in job_ids:
            self.window.model.remove_job(job_id)
            self.model.remove_job(job_id)
        self.refresh_batches(self.model.batch)

    # Acting on results

    def mark(self, job: Job, mark: str) -> None:
        chosen = mark or None
        self.model.set_mark(job.id, chosen)

        def saved(_result: object = None) -> None:
            self.model.mark_saved(job.id)

        runner = self.window.session.runner
        if runner is not None:
            self.marks.run(
                lambda: runner.book.change(job.id, lambda j: replace(j, mark=chosen)),
                saved,
                saved,
            )
            return
        store = self.window.session.store
        marked = replace(job, mark=chosen)
        self.marks.run(lambda: store.save(marked), saved, saved)

    def large_view(self, job: Job) -> None:
        if job.result_paths:
            view = LargeView(job.result_paths[0], self.window)
            QShortcut(QKeySequence("Space"), view, view.close)
            view.show()

    def compare(self, jobs: list[Job]) -> None:
        CompareView(jobs, self.window).show()

    def use_as_person(self, job: Job) -> None:
        """The result goes back into the Person pane (in place of the photo it was made
        from, when that is there): the next garment is tried on it."""
        if not job.result_paths:
            return
        window, result = self.window, job.result_paths[0]
        person = Path(job.source_name or "person").stem
        name = f"{person} + {Path(garment_name(job)).stem}{result.suffix}"
        window.try_on.person_pane.use_result(result, name, job.id, job.source_name)
        window.navigation.setCurrentRow(0)
        window.say("The result is now a person photo: choose the next garment.", 8000)

    def pause(self, batch: str, paused: bool) -> None:
        runner = self.window.session.runner
        if runner is not None:
            runner.pause_batch(batch, paused=paused)
            self.window.say(
                "Batch paused: no more of it is sent." if paused else "Batch resumed.", 6000
            )

    def cancel_unsent(self, batch: str) -> None:
        runner = self.window.session.runner
        counts = self.model.counts()
        if runner is None or not counts["unsent"]:
            return
        sent = counts["working"]
        answer = QMessageBox.question(
            self.window,
            "Cancel unsent try-ons",
            f"Cancel the {counts['unsent']} try-ons of this batch not sent yet? Nothing was "
            "charged for them."
            + (f" The {sent} already at AuraX are followed to the end." if sent else ""),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.page.paused.discard(batch)
        self.work.run(
            lambda: runner.cancel_unsent(batch),
            lambda count: self.window.say(f"{count} unsent try-ons cancelled.", 8000),
        )

    def export_lookbook(self) -> None:
        jobs = self.model.jobs()
        if not jobs:
            self.window.show_error(
                "Choose a batch in the Gallery first: the lookbook is made of its try-ons."
            )
            return
        export_lookbook(
            self.window,
            self.work,
            jobs,
            favourites_only=self.page.favourites.isChecked(),
            folder=Path(self.window.folders.folder("results")),
            said=lambda text: self.window.say(text, 10000),
            failed=self.window.show_error,
        )

    def _menu(self, point: QPoint) -> None:
        job = self.gallery.current_job()
        menu = QMenu(self.gallery)
        if job is not None:
            menu.addAction("Large view\tSpace", lambda: self.large_view(job))
            menu.addAction(
                icon("star"), "Favourite\tF", lambda: self.gallery.toggle_mark("favourite")
            )
            menu.addAction(
                icon("reject"), "Reject\tX", lambda: self.gallery.toggle_mark("rejected")
            )
            compare = menu.addAction(icon("compare"), "Compare selected\tC", self.page.compare)
            compare.setEnabled(self.page.compare_button.isEnabled())
            menu.addAction(
                icon("use-as-person"), "Use as person photo", lambda: self.use_as_person(job)
            )
            menu.addSeparator()
        menu.addAction(self.export_action)
        menu.popup(self.gallery.viewport().mapToGlobal(point))
