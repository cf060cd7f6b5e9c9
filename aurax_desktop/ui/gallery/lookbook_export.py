"""Export lookbook… and Export line sheet…: the looks and the paper asked for
(``export_options``), then the file (the save dialog starts in the folder of the last
export, and remembers this one), then the document written on a worker by the same
Qt-free writers as ``aurax lookbook`` and ``aurax linesheet``, its progress shown and
stoppable (``export_progress``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from aurax_desktop import exports
from aurax_desktop.account import Settings
from aurax_desktop.exports.progress import ExportStopped, Progress
from aurax_desktop.formats import format_number
from aurax_desktop.jobs import Job, slug
from aurax_desktop.translation import LazyText, _, lazy_gettext, ngettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.folders import RememberedFolders
from aurax_desktop.ui.common.modal import run_modal
from aurax_desktop.ui.gallery.document_words import ProgressWords, words
from aurax_desktop.ui.gallery.export_options import ExportChoice, ExportOptionsDialog, Scope
from aurax_desktop.ui.gallery.export_progress import SHOW_AFTER_MS, ExportProgressDialog

if TYPE_CHECKING:
    from aurax_desktop.exports import Lookbook, Paper

KINDS: tuple[tuple[LazyText, str], ...] = (
    # Translators: a kind of file offered in a save dialog; what is in brackets stays as
    # it is (the dialog reads the file names' endings from it).
    (lazy_gettext("PDF lookbook (*.pdf)"), ".pdf"),
    # Translators: a kind of file offered in a save dialog (the brackets stay as they are).
    (lazy_gettext("Contact sheet, PNG picture (*.png)"), ".png"),
    # Translators: a kind of file offered in a save dialog (the brackets stay as they are).
    (lazy_gettext("Contact sheet, JPEG picture (*.jpg *.jpeg)"), ".jpg"),
)
SHEET_KINDS: tuple[tuple[LazyText, str], ...] = (
    # Translators: a kind of file offered in a save dialog; what is in brackets stays as
    # it is.
    (lazy_gettext("PDF line sheet (*.pdf)"), ".pdf"),
)
Written = tuple[Path, list[str]]
"""A document written, and the notes on pictures left out of it."""
T = TypeVar("T")


def write_lookbook(
    book: Lookbook, target: Path, paper: Paper | None = None, progress: Progress | None = None
) -> Written:
    """The lookbook written (a PDF, or a contact sheet picture); notes on looks left out."""
    if target.suffix.lower() == ".pdf":
        return exports.write_pdf(book, target, paper=paper, progress=progress)
    return exports.write_contact_sheet(book, target, progress=progress)


@dataclass(frozen=True)
class GalleryLooks:
    """What the Gallery offers a document: its batch's looks, as it shows them."""

    name: str
    """The batch's name."""
    jobs: list[Job]
    """Each cell's chosen variant."""
    shown: list[Job]
    """Those the Gallery's filter shows."""
    selected: list[Job]
    """Those selected in the grid (the filter's)."""
    filtered: bool
    """The Gallery's filter is on."""

    def picked(self, scope: Scope) -> tuple[bool, frozenset[str] | None]:
        """For the writers: (favourites only, the chosen jobs' ids or None for all)."""
        if scope is Scope.FAVOURITES:
            return True, None
        if scope is Scope.SELECTED:
            return False, frozenset(job.id for job in self.selected)
        return False, frozenset(job.id for job in self.shown) if self.filtered else None


@dataclass(frozen=True)
class Heading:
    """What Settings → Lookbooks puts on documents."""

    subtitle: str = ""
    logo: Path | None = None
    brand: str = ""
    contact: str = ""

    @classmethod
    def of(cls, settings: Settings) -> Heading:
        logo = Path(settings.lookbook_logo) if settings.lookbook_logo else None
        return cls(
            settings.lookbook_subtitle,
            logo if logo is not None and logo.is_file() else None,
            settings.lookbook_brand,
            settings.lookbook_contact,
        )


def nothing_to_export(scope: Scope, *, filtered: bool) -> str:
    """Why no look can go in, and what to do."""
    if scope is Scope.FAVOURITES:
        return _(
            "No finished try-on of this batch is a favourite yet: flag the ones to send with "
            "F, or choose every look."
        )
    if scope is Scope.SELECTED:
        return _(
            "None of the selected results is a finished try-on: select finished results, or "
            "choose every look."
        )
    if filtered:
        return _(
            "No finished try-on of this batch passes the Gallery's filter: change the "
            "filter, or flag and rate some results first."
        )
    return _("There are no finished try-ons in this batch to export yet.")


def held(looks: int, people: int) -> str:
    """What a lookbook holds: "12 looks of 3 people"."""
    counted = ngettext("{count} look", "{count} looks", looks).format(count=format_number(looks))
    # Translators: how many looks of how many people a lookbook holds ("12 looks of 3
    # people"); {looks} is "12 looks".
    said = ngettext("{looks} of {count} person", "{looks} of {count} people", people)
    return said.format(looks=counted, count=format_number(people))


class DocumentExports(QObject):
    """The window's document exports; ``said`` tells what was written, ``failed`` what
    went wrong."""

    def __init__(
        self,
        parent: QWidget,
        work: BackgroundWork,
        folders: RememberedFolders,
        *,
        said: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.parent_widget, self.work, self.folders = parent, work, folders
        self.said, self.failed = said, failed
        self.show_progress_after_ms = SHOW_AFTER_MS
        self._running: list[ExportProgressDialog] = []

    def lookbook(self, looks: GalleryLooks, heading: Heading) -> None:
        """Ask which looks, the paper and the file; then write the lookbook."""
        choice = self._ask("lookbook", looks)
        if choice is None:
            return
        favourites, chosen = looks.picked(choice.scope)
        book = exports.from_jobs(
            looks.jobs,
            favourites_only=favourites,
            chosen=chosen,
            subtitle=heading.subtitle,
            logo=heading.logo,
        )
        if not book.pages:
            self.failed(nothing_to_export(choice.scope, filtered=looks.filtered))
            return
        target = self._target(
            str(words("lookbook").export), f"{slug(book.title) or 'lookbook'}.pdf", KINDS
        )
        if target is None:
            return
        pdf = target.suffix.lower() == ".pdf"
        count = held(book.looks, len(book.pages))
        self._write(
            "lookbook",
            "page" if pdf else "look",
            target,
            lambda progress: write_lookbook(book, target, choice.paper, progress),
            lambda written: _("Lookbook saved: {file} ({count}).").format(
                file=written[0].name, count=count
            ),
        )

    def linesheet(
        self,
        looks: GalleryLooks,
        heading: Heading,
        read_batch: Callable[[], tuple[list[Job], list[Job]]],
    ) -> None:
        """Ask which looks, the paper and the file; then write the line sheet of the
        batch ``read_batch`` reads on the worker (its try-ons, and descriptions)."""
        # the documents' modules (reportlab, fonts) when a document is first asked for
        from aurax_desktop.exports.linesheet import from_jobs, write_linesheet  # noqa: PLC0415
        from aurax_desktop.exports.lookbook import passes  # noqa: PLC0415

        choice = self._ask("line sheet", looks)
        if choice is None:
            return
        favourites, chosen = looks.picked(choice.scope)
        if (favourites or chosen is not None) and not any(
            passes(job, favourites_only=favourites, chosen=chosen) for job in looks.jobs
        ):
            self.failed(nothing_to_export(choice.scope, filtered=looks.filtered))
            return
        target = self._target(
            str(words("line sheet").export),
            f"{slug(f'{looks.name} line sheet') or 'line-sheet'}.pdf",  # not the lookbook's
            SHEET_KINDS,
        )
        if target is None:
            return

        def write(progress: Progress) -> Written:
            jobs, described = read_batch()
            sheet = from_jobs(
                jobs,
                described,
                favourites_only=favourites,
                chosen=chosen,
                subtitle=heading.subtitle,
                logo=heading.logo,
                brand=heading.brand,
                contact=heading.contact,
            )
            return write_linesheet(sheet, target, paper=choice.paper, progress=progress)

        self._write(
            "line sheet",
            "page",
            target,
            write,
            lambda written: _("Line sheet saved: {file}.").format(file=written[0].name),
        )

    def stop(self) -> None:
        """The window closes: every export going on stops at its next page (nothing of
        it is written), and its dialog goes at once."""
        for dialog in self._running:
            dialog.progress.stop.set()
            dialog.finish()
        self._running.clear()

    def _ask(self, document: str, looks: GalleryLooks) -> ExportChoice | None:
        dialog = ExportOptionsDialog(
            document,
            filtered=looks.filtered,
            selected=len(looks.selected),
            paper=exports.locale_paper(),
            parent=self.parent_widget,
        )
        if run_modal(dialog) != ExportOptionsDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()

    def _target(
        self, title: str, suggested: str, offered: tuple[tuple[LazyText, str], ...]
    ) -> Path | None:
        """The file to write, from the save dialog (its kind from the name, else from
        the filter chosen); it starts in the last export's folder, and this one's is
        remembered."""
        folder = Path(self.folders.folder("exports"))
        kinds = {str(label): suffix for label, suffix in offered}
        chosen, kind = QFileDialog.getSaveFileName(
            self.parent_widget, title, str(folder / suggested), ";;".join(kinds)
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() not in {*kinds.values(), ".jpeg"} - {""}:
            target = target.with_name(target.name + kinds.get(kind, ".pdf"))
        self.folders.remember("exports", target.parent)
        return target

    def _write(
        self,
        document: str,
        unit: str,
        target: Path,
        write: Callable[[Progress], Written],
        saying: Callable[[Written], str],
    ) -> None:
        """``write`` on a worker, its progress in a dialog that may stop it."""

        def done(written: Written) -> None:
            # Translators: after what was saved, the looks left out of it, and why.
            left_out = " " + _("Left out: {notes}").format(notes="; ".join(written[1]))
            left_out = left_out if written[1] else ""
            self.said(saying(written) + left_out)

        def refused(error: BaseException) -> None:
            said = words(document)
            if isinstance(error, ExportStopped):
                self.said(str(said.stopped))
                return
            self.failed(
                said.not_written.format(
                    target=target, error=getattr(error, "strerror", None) or error
                )
            )

        self.with_progress(document, unit, write, done, refused)

    def with_progress(
        self,
        document: str | ProgressWords,
        unit: str,
        write: Callable[[Progress], T],
        done: Callable[[T], None],
        refused: Callable[[BaseException], None],
    ) -> None:
        """``write`` on a worker, its progress in a dialog whose Stop it hears at its
        next step (as the window closing does); its dialog gone before ``done`` or
        ``refused`` hear how it went."""
        dialog = ExportProgressDialog(
            document, unit, self.parent_widget, show_after_ms=self.show_progress_after_ms
        )
        self._running.append(dialog)
        progress = dialog.progress

        def over() -> None:
            if dialog in self._running:  # else the window closed and it is gone
                self._running.remove(dialog)
                dialog.finish()

        def delivered(result: T) -> None:
            over()
            done(result)

        def failed(error: BaseException) -> None:
            over()
            refused(error)

        self.work.run(lambda: write(progress), delivered, failed)
