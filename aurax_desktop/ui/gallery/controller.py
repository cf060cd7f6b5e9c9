"""The Gallery: which batch it shows (read from the history, read again when its jobs
change), and what a result can become from there (the loupe, compare, try again, the
next person or garment photo, a description). Its parts act on the batch shown:
``culling`` (flags, stars, variants), ``batch_controls`` (pause, cancel, rename) and
``exports`` (lookbook, line sheet, pictures); its commands and the cell's menu are
declared in ``commands``.

It gets what it uses: the session's job book and runner, the window's job cache and
background work, the remembered folders, and the daily spending limit's check. What it
asks of the rest of the window goes out as signals; the shell connects them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from aurax_desktop.api import COST_TRY_ON
from aurax_desktop.jobs import Job, JobKind, JobQuery, JobStore
from aurax_desktop.jobs.batches import BatchSent, batch_jobs
from aurax_desktop.session import Session
from aurax_desktop.translation import _
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.coalesce import Coalesced
from aurax_desktop.ui.common.folders import RememberedFolders
from aurax_desktop.ui.common.handing_on import as_garment, as_person
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.common.modal import run_modal
from aurax_desktop.ui.common.sending import SpendCheck
from aurax_desktop.ui.gallery.batch_controls import BatchControls
from aurax_desktop.ui.gallery.compare import CompareView
from aurax_desktop.ui.gallery.culling import Culling
from aurax_desktop.ui.gallery.exports import GalleryExports
from aurax_desktop.ui.gallery.model import GalleryModel
from aurax_desktop.ui.gallery.page import GalleryPage
from aurax_desktop.ui.gallery.try_again import TryAgainDialog

log = logging.getLogger(__name__)


def recent_batches(store: JobStore, limit: int = 30) -> list[tuple[str, str, float, int]]:
    """(batch, name, when, count) of the newest batches of try-ons."""
    found = []
    for batch, when, count in store.batches(limit, JobKind.TRY_ON):
        # a try-on carries the batch's name from the start (a description sent with
        # the batch may be newer and does not)
        first = store.query(JobQuery(batch=batch, kinds=frozenset({JobKind.TRY_ON}), limit=1))
        name = (first[0].batch_name or "") if first else ""
        found.append((batch, name, when, count))
    return found


class GalleryController(QObject):
    message = Signal(str, int)
    """A note for the status bar, and how long it shows (ms)."""
    failed = Signal(str)
    resultChosen = Signal(object)
    """The current result (a Job): the grid's current cell, or the loupe's."""
    usePerson = Signal(object)
    """A result to try the next garment on (a ``HandedOn``)."""
    useGarment = Signal(object)
    """A result to try on someone as a garment (a ``HandedOn``)."""
    wantsFront = Signal()
    """The Gallery should come to the front (a batch was sent, or asked to be shown)."""
    sent = Signal(list)
    """Jobs sent from the Gallery (a try again): the window watches them."""
    describePicture = Signal(object, str)
    """A result to describe: (its path, its product type)."""
    deleteAsked = Signal(list)
    """Results to move to the Trash (the shell's job actions do it, with Undo)."""

    def __init__(
        self,
        session: Session,
        cache: JobCache,
        work: BackgroundWork,
        folders: RememberedFolders,
        parent: QWidget,
        *,
        allow_spend: SpendCheck,
        ratio: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self.session, self.cache, self.work = session, cache, work
        self.parent_widget = parent
        self.allow_spend = allow_spend
        self.model = GalleryModel(cache, work.run, self, ratio=ratio)
        self.page = GalleryPage(self.model, work.run)
        self.gallery = self.page.gallery
        self.loupe = self.page.loupe
        self.culling = Culling(session, cache, self)
        self.controls = BatchControls(session, work, self.page, parent)
        self.exports = GalleryExports(
            session, work, folders, self.model, parent, selected=self.gallery.selected_jobs
        )
        for part in (self.controls, self.exports):
            part.message.connect(self.message)
            part.failed.connect(self.failed)
        self.culling.failed.connect(self.failed)
        self.controls.renamed.connect(self.refresh_batches)
        self._members: dict[str, bool] = {}
        """The try-ons seen in batches, and whether each is in the Trash."""
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(300)
        self._reload.timeout.connect(lambda: self.refresh_batches(self.model.batch))
        self._closed = False
        self._reading: str | None = None
        """The batch being read to be shown, if any."""
        self._progress = Coalesced(self.page.refresh, self)
        """The progress line follows the batch's jobs once a frame, not once an event."""
        cache.changed.connect(self._job_changed)

        page, gallery, loupe = self.page, self.gallery, self.loupe
        page.batchChosen.connect(self.show_batch)
        page.compareAsked.connect(self.compare)
        gallery.marked.connect(self.culling.mark)
        gallery.rated.connect(self.culling.rate)
        gallery.largeView.connect(self.large_view)
        gallery.deleteAsked.connect(self.deleteAsked)
        gallery.chosen.connect(self.resultChosen)
        loupe.marked.connect(self.culling.mark)
        loupe.rated.connect(self.culling.rate)
        loupe.variantChosen.connect(self.culling.choose_variant)
        loupe.shown.connect(self._shown_in_loupe)

    def stop(self) -> None:
        """The window closes: no timer of its own goes on; edits asked for are saved."""
        self._closed = True
        self._reload.stop()
        self._progress.stop()
        self.model.stop()
        self.gallery.stop()
        self.culling.stop()
        self.exports.stop()  # a document being written stops at its next page

    # Filling the gallery

    def refresh_batches(self, chosen: str | None = None) -> None:
        store = self.session.store
        self.work.run(
            lambda: recent_batches(store),
            lambda batches: self.page.set_batches(batches, chosen),
        )

    def show_batch(self, batch: str) -> None:
        """Read ``batch`` on a worker and show it. A batch being read is not read again
        (the chooser refreshed while a batch of 10,000 was read started a second read
        beside it), and a read that a later choice overtook is not shown."""
        if batch == self._reading:
            return
        self._reading = batch
        store = self.session.store

        def shown(jobs: list[Job]) -> None:
            if self._reading != batch:
                return  # another batch was chosen meanwhile: it shows when it is read
            self._reading = None
            self.model.show_batch(batch, jobs)
            self.page.refresh()

        def not_read(error: BaseException) -> None:
            if self._reading == batch:
                self._reading = None  # chosen again, it is read again
            log.error("The Gallery could not read batch %s", batch, exc_info=error)

        self.work.run(lambda: batch_jobs(store, batch), shown, not_read)

    def open_batch(self, batch: str) -> None:
        """The Jobs list's "Open the batch in the Gallery": shown there, in front."""
        self.refresh_batches(batch)
        self.wantsFront.emit()

    def batch_sent(self, sent: BatchSent) -> None:
        """A batch went from the Try-On page: the gallery shows it (and, for more than
        one try-on, comes to the front)."""
        self.refresh_batches(sent.batch)
        if len(sent.job_ids) > 1:
            self.wantsFront.emit()

    def _job_changed(self, job: Job) -> None:
        if job.kind is not JobKind.TRY_ON or job.batch is None or self._closed:
            return
        if job.batch == self.model.batch:
            self._progress.ask()
        if self._members.get(job.id) != job.in_trash:
            # a job new to its batch (a batch the chooser may not know yet, a variant), or
            # one deleted or restored: the batches' counts change, one may be gone
            self._members[job.id] = job.in_trash
            self._reload.start()

    # The window's current result

    def follow(self, job: Job | None) -> None:
        """The window's current result: its cell selected, and shown in the loupe when
        that is open (when the job stands for its cell; another variant leaves the grid
        as it is)."""
        index = self.model.index_of(job.id) if job is not None else None
        shown = self.model.job_at(index) if index is not None and index.isValid() else None
        if index is None or shown is None or job is None or shown.id != job.id:
            return
        if self.gallery.currentIndex() != index:
            self.gallery.setCurrentIndex(index)
        if self.page.in_loupe and self.loupe.index != index:
            self.loupe.show_at(index)

    def _shown_in_loupe(self, job: Job) -> None:
        """The loupe moved on: the grid's selection follows it (and the window's
        current result with it)."""
        index = self.model.index_of(job.id)
        if index.isValid() and self.gallery.currentIndex() != index:
            self.gallery.setCurrentIndex(index)
        else:
            self.resultChosen.emit(job)  # the same cell, another variant

    # What a result becomes

    def large_view(self, job: Job) -> None:
        """The loupe, on the result's cell (Space or a double-click)."""
        self.page.open_loupe(self.model.index_of(job.id))

    def try_again(self, job: Job) -> None:
        """The cell's pair once more, as a new variant (after a question with its cost)."""
        runner = self.session.runner
        if runner is None:
            self.failed.emit(_("Connect an AuraX account or start the demo to try again."))
            return
        dialog = TryAgainDialog(job, self.model.person_name(job), self.parent_widget)
        if run_modal(dialog) != TryAgainDialog.DialogCode.Accepted:
            return
        strength, prompt, use_prompt = dialog.chosen()
        # Translators: what is sent, as the subject of "… costs 1 credit" in the question
        # asked when it passes the daily spending limit.
        if not self.allow_spend(COST_TRY_ON, _("Trying again")):
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
        handed = as_person(job)
        if handed is not None:
            self.usePerson.emit(handed)

    def use_as_garment(self, job: Job) -> None:
        """The result goes into the Garment pane, with its product type: a whole look
        tried on someone else."""
        handed = as_garment(job)
        if handed is not None:
            self.useGarment.emit(handed)

    def describe(self, job: Job) -> None:
        if job.result_paths:
            self.describePicture.emit(job.result_paths[0], job.product_type)
