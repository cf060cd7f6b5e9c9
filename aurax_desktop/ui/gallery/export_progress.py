"""The progress of a document being written on a worker: a dialog that shows itself once
the writing has taken half a second, tells the page being made, and whose Stop ends the
writing at its next page (the document is written whole or not at all, so nothing is
left half-written).

The writer calls the ``Progress`` it is given from its worker; the signal it emits is
queued to the dialog, on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from aurax_desktop.exports.progress import Progress
from aurax_desktop.translation import _
from aurax_desktop.ui.gallery.document_words import ProgressWords, words

SHOW_AFTER_MS = 500
"""Quicker exports never show the dialog."""


class ProgressRelay(QObject):
    """Carries a writer's steps from its worker to the GUI thread. It has no parent: the
    work that holds it keeps it alive until the work is delivered, so the writer never
    emits on an object already gone."""

    advanced = Signal(int, int)


class ExportProgressDialog(QProgressDialog):
    def __init__(
        self,
        document: str | ProgressWords,
        unit: str,
        parent: QWidget | None = None,
        *,
        show_after_ms: int = SHOW_AFTER_MS,
    ) -> None:
        """``document``: what is written ("lookbook", "line sheet"), or the words of
        what is (the pictures'); ``unit``: what a step makes ("page", "look")."""
        said = self.words = words(document) if isinstance(document, str) else document
        super().__init__(str(said.writing), _("Stop"), 0, 1, parent)
        self.setObjectName("exportProgress")
        self.setWindowTitle(str(said.export))
        self.setAccessibleName(str(said.being_written))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.unit = unit
        relay = self.relay = ProgressRelay()
        relay.advanced.connect(self.advance)

        def told(done: int, total: int) -> None:  # on the worker; holds the relay
            relay.advanced.emit(done, total)

        self.progress = Progress(told)
        self.canceled.connect(self._stop)
        self.setMinimumDuration(show_after_ms)
        self.setValue(0)

    @Slot(int, int)
    def advance(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps made (the last is the saving, for words that
        have one)."""
        if self.progress.stop.is_set():
            return
        saving = self.words.saving
        steps = total if saving is None else total - 1
        self.setLabelText(
            str(saving)
            if saving is not None and done >= steps
            else self.words.step(self.unit).format(number=min(done + 1, steps), count=steps)
        )
        self.setMaximum(total)
        # Last: a modal progress dialog's setValue runs the events waiting, the writer's
        # next steps among them; a label set after it would overwrite theirs with this
        # older one ("page 2" while page 3 is written).
        self.setValue(min(done, total))

    def _stop(self) -> None:
        """Stop: the writer ends at its next step; the dialog says so until it has."""
        self.progress.stop.set()
        self.setLabelText(str(self.words.stopping))
        self.setCancelButton(None)
        self.show()

    def finish(self) -> None:
        """The writing is over (done, failed or stopped): the dialog goes (closing it is
        no Stop)."""
        self.relay.advanced.disconnect(self.advance)
        self.canceled.disconnect(self._stop)
        self.reset()  # its timer to show itself stops
        self.close()
        self.deleteLater()
