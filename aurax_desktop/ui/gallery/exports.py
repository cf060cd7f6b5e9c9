"""What the Gallery sends on, from the batch it shows: the lookbook (a PDF or a contact
sheet, ``lookbook_export``), the line sheet for wholesale buyers, and the full-size
pictures named by a template. Each is written on a worker; rejects never go in, and the
Gallery's filter says whether only favourites or rated results do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from aurax_desktop.exports.full_size import (
    DEFAULT_TEMPLATE,
    Exported,
    TemplateError,
    check_template,
    export_results,
    name_of,
)
from aurax_desktop.formats import format_number
from aurax_desktop.jobs import Job, JobKind, JobQuery, JobStatus
from aurax_desktop.jobs.batches import batch_jobs
from aurax_desktop.jobs.naming import fitted
from aurax_desktop.session import Session
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.folders import RememberedFolders, results_start
from aurax_desktop.ui.common.modal import ask_text
from aurax_desktop.ui.gallery.document_words import PICTURE_WORDS
from aurax_desktop.ui.gallery.lookbook_export import DocumentExports, GalleryLooks, Heading
from aurax_desktop.ui.gallery.model import GalleryModel


class GalleryExports(QObject):
    message = Signal(str, int)
    """What was written, for the status bar, and how long it shows (ms)."""
    failed = Signal(str)

    def __init__(
        self,
        session: Session,
        work: BackgroundWork,
        folders: RememberedFolders,
        model: GalleryModel,
        parent: QWidget,
        *,
        selected: Callable[[], list[Job]],
    ) -> None:
        """``selected``: the results chosen in the grid (a document of them only)."""
        super().__init__(parent)
        self.session, self.work, self.folders, self.model = session, work, folders, model
        self.parent_widget = parent
        self.selected = selected
        self.documents = DocumentExports(
            parent,
            work,
            folders,
            said=lambda text: self.message.emit(text, 10000),
            failed=self.failed.emit,
        )

    def export_lookbook(self) -> None:
        if not self.model.jobs():
            self.failed.emit(
                _("Choose a batch in the Gallery first: the lookbook is made of its try-ons.")
            )
            return
        self.documents.lookbook(self._looks(), Heading.of(self.session.settings))

    def export_linesheet(self) -> None:
        """File → Export line sheet…: the batch's garments and their looks, for buyers."""
        batch = self.model.batch
        if batch is None:
            self.failed.emit(
                _("Choose a batch in the Gallery first: the line sheet is made of it.")
            )
            return
        store = self.session.store

        def read_batch() -> tuple[list[Job], list[Job]]:
            described = store.query(
                JobQuery(kinds=frozenset({JobKind.PRODUCT_DESCRIPTION}), limit=100_000)
            )
            return batch_jobs(store, batch), described

        self.documents.linesheet(self._looks(), Heading.of(self.session.settings), read_batch)

    def stop(self) -> None:
        """The window closes: a document being written stops at its next page."""
        self.documents.stop()

    def _looks(self) -> GalleryLooks:
        model = self.model
        return GalleryLooks(
            model.name,
            model.jobs(),
            model.shown_jobs(),
            self.selected(),
            model.filter.active,
        )

    def export_pictures(self) -> None:
        """Gallery → Export pictures…: the results the filter shows, at full size, named
        by a template; existing files are replaced only if the user says so."""
        jobs = [j for j in self.model.shown_jobs() if j.status is JobStatus.COMPLETED]
        if not jobs:
            self.failed.emit(_("There are no finished try-ons in the Gallery to export."))
            return
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, _("Export pictures to"), results_start(self.folders)
        )
        if not folder:
            return
        template = ask_text(
            self.parent_widget,
            _("Name the pictures"),
            # Translators: the words in braces are the fields of a name: they stay as they
            # are (the user types them).
            _("File names from {sku}, {name}, {person}, {garment}, {type} and {n}:"),
            DEFAULT_TEMPLATE,
        )
        if template is None:
            return
        try:
            check_template(template)
        except TemplateError as exc:
            self.failed.emit(_("The name template cannot be used: {reason}").format(reason=exc))
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
                _("Replace existing files?"),
                ngettext(
                    "{count} of these names is taken in {folder} already. Replace that file?",
                    "{count} of these names are taken in {folder} already. Replace those files?",
                    len(existing),
                ).format(count=format_number(len(existing)), folder=target.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            force = answer == QMessageBox.StandardButton.Yes
        self.documents.with_progress(
            PICTURE_WORDS,
            "picture",
            lambda progress: export_results(jobs, target, template, force=force, progress=progress),
            lambda done: self.message.emit(exported_text(done, target.name), 10000),
            lambda error: self.failed.emit(
                _("The pictures could not be exported: {reason}").format(
                    reason=getattr(error, "strerror", None) or error
                )
            ),
        )


def exported_text(done: Exported, folder: str) -> str:
    """What Export pictures… did, for the status bar: how many were written in which
    folder, how many files already there were kept, what could not be written, and how
    many were left when it was stopped."""
    said = ngettext(
        "{count} picture exported to {folder}.",
        "{count} pictures exported to {folder}.",
        len(done.written),
    ).format(count=format_number(len(done.written)), folder=folder)
    if done.existing:
        said += " " + ngettext(
            "{count} existing file kept.", "{count} existing files kept.", len(done.existing)
        ).format(count=format_number(len(done.existing)))
    if done.failed:
        said += " " + _("Not written: {reasons}.").format(reasons="; ".join(done.failed))
    if done.left:
        said += " " + ngettext(
            "Stopped: {count} picture was not exported.",
            "Stopped: {count} pictures were not exported.",
            done.left,
        ).format(count=format_number(done.left))
    return said
