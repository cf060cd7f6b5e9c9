"""The Gallery's work: batches from the history, culling (flags and stars, saved by the
job book), pausing and cancelling a batch, compare, "Use as person photo", and the
lookbook export.

It is wired to what it uses: the session's job book and runner, the window's job
cache and background work, and the remembered folders. What it asks of the rest of
the window goes out as signals; the shell connects them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from aurax_desktop.api import COST_TRY_ON
from aurax_desktop.exports.full_size import (
    DEFAULT_TEMPLATE,
    TemplateError,
    check_template,
    export_results,
    name_of,
)
from aurax_desktop.jobs import Job, JobKind, JobQuery, JobStatus, JobStore
from aurax_desktop.jobs.batches import BatchSent, batch_jobs
from aurax_desktop.jobs.naming import fitted
from aurax_desktop.jobs.params import batch_name
from aurax_desktop.jobs.variants import CHOSEN_AT
from aurax_desktop.session import Session
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.folders import RememberedFolders
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.common.modal import run_modal
from aurax_desktop.ui.gallery.compare import CompareView
from aurax_desktop.ui.gallery.lookbook_export import DocumentExports, GalleryLooks, Heading
from aurax_desktop.ui.gallery.model import GalleryModel, garment_name
from aurax_desktop.ui.gallery.page import GalleryPage
from aurax_desktop.ui.gallery.try_again import TryAgainDialog


def recent_batches(store: JobStore, limit: int = 30) -> list[tuple[str, str, float, int]]:
    """(batch, name, when, count) of the newest batches of try-ons."""
    found = []
    for batch, when, count in store.batches(limit, JobKind.TRY_ON):
        # a try-on carries the batch's name from the start (a description sent with
        # the batch may be newer and does not)
        first = store.query(JobQuery(batch=batch, kinds=frozenset({JobKind.TRY_ON}), limit=1))
        name = batch_name(first[0].params) if first else ""
        found.append((batch, name, when, count))
    return found


@dataclass
class _Watched:
    left: set[str]
    failed: int = 0

    def __post_init__(self) -> None:
        self.count = len(self.left)


class GalleryController(QObject):
    message = Signal(str, int)
    """A note for the status bar, and how long it shows (ms)."""
    failed = Signal(str)
    resultChosen = Signal(object)
    """The current result (a Job): shown in the result viewer."""
    usePerson = Signal(object, str, str, object)
    """A result to try the next garment on: (path, name, job id, the person it was of)."""
    wantsFront = Signal()
    """The Gallery should come to the front (a batch was sent, or asked to be shown)."""
    sent = Signal(list)
    """Jobs sent from the Gallery (a try again): the window watches them."""
    describePicture = Signal(object, str)
    """A result to describe: (its path, its product type)."""
    batchFinished = Signal(str)
    deleteAsked = Signal(list)
    """Results to move to the Trash (the shell's job actions do it, with Undo)."""
    """A batch sent from this window ended: what became of it, in words."""

    def __init__(
        self,
        session: Session,
        cache: JobCache,
        work: BackgroundWork,
        folders: RememberedFolders,
        parent: QWidget,
        *,
        ratio: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self.session, self.cache, self.work, self.folders = session, cache, work, folders
        self.parent_widget = parent
        self.model = GalleryModel(cache, self.work.run, self, ratio=ratio)
        self.allow_spend: Callable[[float, str], bool] = lambda _cost, _what: True
        """The daily spending limit's check (set by the window, as for the pages)."""
        self.edits = BackgroundWork(self, workers=1)
        """The user's edits are saved one after another, in the order they were made."""
        self.page = GalleryPage(self.model, self.work.run)
        self.gallery = self.page.gallery
        self.export_action = QAction(icon("lookbook"), "Export lookbook…", parent)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setToolTip("The batch shown in the Gallery as a PDF or contact sheet")
        self.export_action.triggered.connect(lambda _c=False: self.export_lookbook())
        self.exports = DocumentExports(
            parent,
            self.work,
            folders,
            said=lambda text: self.message.emit(text, 10000),
            failed=self.failed.emit,
        )
        self.page.export_button.setDefaultAction(self.export_action)
        self._members: dict[str, bool] = {}
        """The try-ons seen in batches, and whether each is in the Trash."""
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(300)
        self._reload.timeout.connect(lambda: self.refresh_batches(self.model.batch))
        self._closed = False
        self._watching: dict[str, _Watched] = {}
        cache.changed.connect(self._job_changed)

        page, gallery = self.page, self.gallery
        page.batchChosen.connect(self.show_batch)
        page.pauseAsked.connect(self.pause)
        page.cancelAsked.connect(self.cancel_unsent)
        page.compareAsked.connect(self.compare)
        page.renameAsked.connect(self.rename_batch)
        gallery.marked.connect(self.mark)
        gallery.rated.connect(self.rate)
        gallery.largeView.connect(self.large_view)
        gallery.deleteAsked.connect(self.deleteAsked)
        loupe = page.loupe
        loupe.marked.connect(self.mark)
        loupe.rated.connect(self.rate)
        loupe.variantChosen.connect(self.choose_variant)
        gallery.chosen.connect(self.resultChosen.emit)
        gallery.customContextMenuRequested.connect(self._menu)
        gallery.add_key("C", page.compare)

    def stop(self) -> None:
        """The window closes: no timer of its own goes on; edits asked for are saved."""
        self._closed = True
        self._reload.stop()
        self.exports.stop()  # a document being written stops at its next page
        self.edits.shutdown(finish=True)  # a mark given is saved, even just before quitting

    # Filling the gallery

    def refresh_batches(self, chosen: str | None = None) -> None:
        store = self.session.store
        self.work.run(
            lambda: recent_batches(store),
            lambda batches: self.page.set_batches(batches, chosen),
        )

    def show_batch(self, batch: str) -> None:
        store = self.session.store

        def shown(jobs: list[Job]) -> None:
            self.model.show_batch(batch, jobs)
            self.page.refresh()

        self.work.run(lambda: batch_jobs(store, batch), shown)

    def open_batch(self, batch: str) -> None:
        """The Jobs list's "Open the batch in the Gallery": shown there, in front."""
        self.refresh_batches(batch)
        self.wantsFront.emit()

    def _job_changed(self, job: Job) -> None:
        if job.kind is not JobKind.TRY_ON or job.batch is None or self._closed:
            return
        if job.batch == self.model.batch:
            self.page.refresh()
        if self._members.get(job.id) != job.in_trash:
            # a job new to its batch (a batch the chooser may not know yet, a variant), or
            # one deleted or restored: the batches' counts change, one may be gone
            self._members[job.id] = job.in_trash
            self._reload.start()
        self._finished_in_batch(job)

    def batch_sent(self, sent: BatchSent) -> None:
        """A batch went from the Try-On page: the gallery shows it (and, for more than
        one try-on, comes to the front and announces the batch once it has ended)."""
        self.refresh_batches(sent.batch)
        if len(sent.job_ids) > 1:
            self._watching[sent.batch] = _Watched(set(sent.job_ids))
            self.wantsFront.emit()

    def watches(self, job: Job) -> bool:
        """True when ``job`` belongs to a batch this controller announces as a whole."""
        watched = self._watching.get(job.batch or "")
        return watched is not None and job.id in watched.left

    def _finished_in_batch(self, job: Job) -> None:
        watched = self._watching.get(job.batch or "")
        if watched is None or job.id not in watched.left or not job.status.is_final:
            return
        watched.left.discard(job.id)
        watched.failed += job.status is not JobStatus.COMPLETED
        if not watched.left:
            del self._watching[job.batch or ""]
            done = watched.count - watched.failed
            failed = f", {watched.failed} failed" if watched.failed else ""
            text = f"{done} of {watched.count} try-ons completed{failed}."
            self.message.emit(f"Batch finished: {text} See them in the Gallery.", 15000)
            self.batchFinished.emit(text)

    # Culling: flags and stars, saved by the job book one after another

    def mark(self, jobs: list[Job], mark: str) -> None:
        """Flag ``jobs`` ("favourite", "rejected", or "" to clear)."""
        self._edit(jobs, mark=mark or None)

    def rate(self, jobs: list[Job], stars: int) -> None:
        self._edit(jobs, stars=stars)

    def _edit(self, jobs: list[Job], **fields: object) -> None:
        ids = [job.id for job in jobs]
        if not ids:
            return
        if self.session.book.read_only:
            self.failed.emit(
                "This window shows the history read-only (another AuraX Desktop window "
                "runs the jobs of this data folder): marks cannot be changed here."
            )
            return
        self.cache.expect(ids, **fields)

        def settled(_result: object = None) -> None:
            self.cache.settle(ids)

        def refused(error: BaseException) -> None:
            settled()
            self.failed.emit(getattr(error, "user_message", str(error)))

        self.edits.run(lambda: self.session.book.edit(ids, **fields), settled, refused)

    def large_view(self, job: Job) -> None:
        """The loupe, on the result's cell (Space or a double-click)."""
        self.page.open_loupe(self.model.index_of(job.id))

    def choose_variant(self, job: Job) -> None:
        """The variant brought up in the loupe stands for its cell from now on: shown,
        exported and put in lookbooks."""
        self._edit([job], params={**job.params, CHOSEN_AT: time.time()})

    def try_again(self, job: Job) -> None:
        """The cell's pair once more, as a new variant (after a question with its cost)."""
        runner = self.session.runner
        if runner is None:
            self.failed.emit("Connect an AuraX account or start the demo to try again.")
            return
        dialog = TryAgainDialog(job, self.model.person_name(job), self.parent_widget)
        if run_modal(dialog) != TryAgainDialog.DialogCode.Accepted:
            return
        strength, prompt, use_prompt = dialog.chosen()
        if not self.allow_spend(COST_TRY_ON, "Trying again"):
            return
        self.work.run(
            lambda: runner.try_again(
                job.id, garment_strength=strength, prompt=prompt, run_with_prompt=use_prompt
            ),
            lambda new_id: self.sent.emit([new_id]),
            lambda error: self.failed.emit(getattr(error, "user_message", str(error))),
        )

    def compare(self, jobs: list[Job]) -> None:
        CompareView(jobs, self.parent_widget).show()

    def use_as_person(self, job: Job) -> None:
        """The result goes back into the Person pane (in place of the photo it was made
        from, when that is there): the next garment is tried on it."""
        if not job.result_paths:
            return
        result = job.result_paths[0]
        person = Path(job.source_name or "person").stem
        name = f"{person} + {Path(garment_name(job)).stem}{result.suffix}"
        self.usePerson.emit(result, name, job.id, job.source_name)
        self.message.emit("The result is now a person photo: choose the next garment.", 8000)

    def pause(self, batch: str, paused: bool) -> None:
        runner = self.session.runner
        if runner is not None:
            runner.pause_batch(batch, paused=paused)
            self.message.emit(
                "Batch paused: no more of it is sent." if paused else "Batch resumed.", 6000
            )

    def cancel_unsent(self, batch: str) -> None:
        runner = self.session.runner
        counts = self.model.counts()
        if runner is None or not counts["unsent"]:
            return
        sent = counts["working"]
        answer = QMessageBox.question(
            self.parent_widget,
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
            lambda count: self.message.emit(f"{count} unsent try-ons cancelled.", 8000),
        )

    def _looks(self) -> GalleryLooks:
        model = self.model
        return GalleryLooks(
            model.name,
            model.jobs(),
            model.shown_jobs(),
            self.gallery.selected_jobs(),
            model.filter.active,
        )

    def export_lookbook(self) -> None:
        if not self.model.jobs():
            self.failed.emit(
                "Choose a batch in the Gallery first: the lookbook is made of its try-ons."
            )
            return
        self.exports.lookbook(self._looks(), Heading.of(self.session.settings))

    def export_linesheet(self) -> None:
        """File → Export line sheet…: the batch's garments and their looks, for buyers."""
        batch = self.model.batch
        if batch is None:
            self.failed.emit("Choose a batch in the Gallery first: the line sheet is made of it.")
            return
        store = self.session.store

        def read_batch() -> tuple[list[Job], list[Job]]:
            described = store.query(
                JobQuery(kinds=frozenset({JobKind.PRODUCT_DESCRIPTION}), limit=100_000)
            )
            return batch_jobs(store, batch), described

        self.exports.linesheet(self._looks(), Heading.of(self.session.settings), read_batch)

    def export_pictures(self) -> None:
        """Gallery → Export pictures…: the results the filter shows, at full size, named
        by a template; existing files are replaced only if the user says so."""
        jobs = [j for j in self.model.shown_jobs() if j.status is JobStatus.COMPLETED]
        if not jobs:
            self.failed.emit("There are no finished try-ons in the Gallery to export.")
            return
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, "Export pictures to", self.folders.folder("results")
        )
        if not folder:
            return
        template, ok = QInputDialog.getText(
            self.parent_widget,
            "Name the pictures",
            "File names from {sku}, {name}, {person}, {garment}, {type} and {n}:",
            text=DEFAULT_TEMPLATE,
        )
        if not ok:
            return
        try:
            check_template(template)
        except TemplateError as exc:
            self.failed.emit(f"The name template cannot be used: {exc}")
            return
        target = Path(folder)
        self.folders.remember("results", target)
        existing = [
            job
            for number, job in enumerate(jobs, start=1)
            if (
                target / fitted(name_of(job, template, number), job.result_paths[0].suffix)
            ).exists()
        ]
        force = False
        if existing:
            answer = QMessageBox.question(
                self.parent_widget,
                "Replace existing files?",
                f"{len(existing)} of these names are taken in {target.name} already. "
                "Replace those files?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            force = answer == QMessageBox.StandardButton.Yes
        self.work.run(
            lambda: export_results(jobs, target, template, force=force),
            lambda done: self.message.emit(
                f"{len(done.written)} pictures exported to {target.name}"
                + (f", {len(done.existing)} existing files kept" if done.existing else "")
                + (f"; not written: {'; '.join(done.failed)}" if done.failed else "")
                + ".",
                10000,
            ),
            lambda error: self.failed.emit(
                f"The pictures could not be exported: {getattr(error, 'strerror', None) or error}"
            ),
        )

    def rename_batch(self) -> None:
        batch = self.model.batch
        if batch is None:
            return
        name, ok = QInputDialog.getText(
            self.parent_widget, "Rename the batch", "The batch's name:", text=self.model.name
        )
        name = " ".join(name.split())
        if not ok or not name:
            return
        book = self.session.book
        self.work.run(
            lambda: book.rename_batch(batch, name),
            lambda _jobs: self.refresh_batches(batch),
            lambda error: self.failed.emit(getattr(error, "user_message", str(error))),
        )

    def _menu(self, point: QPoint) -> None:
        job = self.gallery.current_job()
        menu = QMenu(self.gallery)
        if job is not None:
            menu.addAction(icon("loupe"), "Loupe\tSpace", lambda: self.large_view(job))
            menu.addAction(
                icon("flag"), "Favourite\tF", lambda: self.gallery.toggle_mark("favourite")
            )
            menu.addAction(
                icon("reject"), "Reject\tX", lambda: self.gallery.toggle_mark("rejected")
            )
            again = menu.addAction(icon("retry"), "Try again…", lambda: self.try_again(job))
            again.setEnabled(self.session.runner is not None)
            compare = menu.addAction(icon("compare"), "Compare selected\tC", self.page.compare)
            compare.setEnabled(self.page.compare_button.isEnabled())
            menu.addAction(
                icon("use-as-person"), "Use as person photo", lambda: self.use_as_person(job)
            )
            if job.result_paths:
                menu.addAction(
                    icon("describe"),
                    "Describe it…",
                    lambda: self.describePicture.emit(job.result_paths[0], job.product_type),
                )
            chosen = self.gallery.chosen_jobs()
            menu.addAction(
                icon("trash"),
                "Delete\tDel" if len(chosen) < 2 else f"Delete {len(chosen)} results\tDel",
                lambda: self.deleteAsked.emit(chosen),
            )
            menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addAction("Export pictures…", self.export_pictures)
        menu.addAction("Export line sheet…", self.export_linesheet)
        menu.popup(self.gallery.viewport().mapToGlobal(point))
