"""The batch shown in the Gallery, controlled: paused (no more of it sent), resumed,
its unsent try-ons cancelled (after a question: nothing was charged for them), and
renamed (the name its lookbook carries). The paused state lives in the scheduler: the
page shows it as the scheduler announces it (``batch_paused``), and as a new runner
says when the connection changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from aurax_desktop.formats import format_number
from aurax_desktop.jobs import BatchPaused
from aurax_desktop.session import Session
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.history_ops import HistoryOps
from aurax_desktop.ui.common.modal import ask_text
from aurax_desktop.ui.gallery.page import GalleryPage


class BatchControls(QObject):
    message = Signal(str, int)
    """A note for the status bar, and how long it shows (ms)."""
    failed = Signal(str)
    renamed = Signal(str)
    """A batch was renamed (its id): the chooser reads the batches again."""

    def __init__(
        self, session: Session, work: BackgroundWork, page: GalleryPage, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session, self.work, self.page = session, work, page
        self.parent_widget = parent
        self.ops = HistoryOps(session.book, self)
        page.pauseAsked.connect(self.pause)
        page.cancelAsked.connect(self.cancel_unsent)
        page.renameAsked.connect(self.rename_batch)

    def pause(self, batch: str, paused: bool) -> None:
        runner = self.session.runner
        if runner is not None:
            runner.pause_batch(batch, paused=paused)
            self.message.emit(
                _("Batch paused: no more of it is sent.") if paused else _("Batch resumed."), 6000
            )

    def batch_paused(self, event: BatchPaused) -> None:
        """The scheduler paused or resumed a batch (the user, or AuraX for want of
        credits): the page shows the truth."""
        paused = dict(self.page.paused)
        if event.paused:
            paused[event.batch] = event.reason
        else:
            paused.pop(event.batch, None)
        self.page.set_paused(paused)
        if event.paused and event.reason:  # said where it is seen, without a dialog
            # Translators: {reason} is what AuraX said (a sentence without its full stop).
            said = _("{reason}. The batch is paused: top up, then Resume.")
            self.message.emit(said.format(reason=event.reason.rstrip(".")), 0)

    def connection_changed(self) -> None:
        """A new runner (or none): the batches paused are those it says."""
        runner = self.session.runner
        self.page.set_paused(runner.paused_batches() if runner is not None else {})

    def cancel_unsent(self, batch: str) -> None:
        runner = self.session.runner
        counts = self.page.model.counts()
        if runner is None or not counts["unsent"]:
            return
        unsent, sent = counts["unsent"], counts["working"]
        question = ngettext(
            "Cancel the {count} try-on of this batch not sent yet? Nothing was charged for it.",
            "Cancel the {count} try-ons of this batch not sent yet? Nothing was charged for them.",
            unsent,
        ).format(count=format_number(unsent))
        if sent:
            question += " " + ngettext(
                "The {count} already at AuraX is followed to the end.",
                "The {count} already at AuraX are followed to the end.",
                sent,
            ).format(count=format_number(sent))
        answer = QMessageBox.question(self.parent_widget, _("Cancel unsent try-ons"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.work.run(
            lambda: runner.cancel_unsent(batch),
            lambda count: self.message.emit(
                ngettext(
                    "{count} unsent try-on cancelled.", "{count} unsent try-ons cancelled.", count
                ).format(count=format_number(count)),
                8000,
            ),
        )

    def rename_person(self, row: int) -> None:
        """Name the person of the grid's row ``row``: kept with the batch (on every one
        of their try-ons, a try-on made later too), and used wherever they are named
        (the Gallery, the loupe, the Result, lookbooks, line sheets, exported names).
        An empty name gives them back the name made from their photo's file."""
        model = self.page.model
        batch = model.batch
        if batch is None or not 0 <= row < model.rowCount():
            return
        file = model.people[row] if row < len(model.people) else ""
        name = ask_text(
            self.parent_widget,
            _("Name this person"),
            _(
                "The name of the person in {file}, as lookbooks and line sheets give it "
                "(empty: the photo's name):"
            ).format(file=file)
            if file
            else _("The person's name, as lookbooks and line sheets give it:"),
            str(model.headerData(row, Qt.Orientation.Vertical) or ""),
        )
        if name is None:
            return
        self.ops.run(
            lambda book: book.name_person(batch, row, name),
            None,
            lambda error: self.failed.emit(getattr(error, "user_message", str(error))),
        )

    def rename_batch(self) -> None:
        model = self.page.model
        batch = model.batch
        if batch is None:
            return
        given = ask_text(
            self.parent_widget, _("Rename the batch"), _("The batch's name:"), model.name
        )
        name = " ".join((given or "").split())
        if not name:
            return
        self.ops.run(
            lambda book: book.rename_batch(batch, name),
            lambda _jobs: self.renamed.emit(batch),
            lambda error: self.failed.emit(getattr(error, "user_message", str(error))),
        )
