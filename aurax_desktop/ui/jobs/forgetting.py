"""The history forgets on request, through the job book: what has waited in the Trash
longer than the Settings say, and finished jobs older than they say (at start and once
a day); or, after a question that says what goes, every finished job and the Trash.
Every file kept for a job goes with it (photos sent, results, previews). A window
that only views the history (read-only) forgets nothing."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from aurax_desktop.formats import format_number
from aurax_desktop.jobs.forgetting import KeptHistory, kept_history, purge
from aurax_desktop.session import Session
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.history_ops import HistoryOps
from aurax_desktop.ui.common.modal import run_modal

DAILY_MS = 24 * 60 * 60 * 1000


def _size(count: int) -> str:
    """Bytes as the user's locale writes them: "1.5 MB" ("1,5 MB" in German)."""
    return QLocale().formattedDataSize(count, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class HistoryForgetting(QObject):
    """``removed`` carries the ids of the jobs deleted; ``message`` what was done."""

    removed = Signal(list)
    message = Signal(str)

    def __init__(self, session: Session, work: BackgroundWork, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.work, self.parent_widget = session, work, parent
        self.ops = HistoryOps(session.book, self)
        self.timer = QTimer(self)
        self.timer.setObjectName("dailyForgetting")
        self.timer.setInterval(DAILY_MS)
        self.timer.timeout.connect(self.apply)

    def start(self) -> None:
        if self.session.book.read_only:
            return  # another window owns the history: it forgets, this one only views
        self.apply()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def apply(self) -> None:
        """Empty the Trash of what has waited long enough, and delete the finished jobs
        older than the setting (none when it is off)."""
        book, settings = self.session.book, self.session.settings
        if book.read_only:
            return
        days = settings.forget_after_days

        def purged(ids: list[str]) -> None:
            if ids:
                self.removed.emit(ids)
                # Translators: {days} is "30 days".
                said = ngettext(
                    "Deleted {count} old job with its photos and results, as set in Settings "
                    "(deleted jobs wait {days} in the Trash).",
                    "Deleted {count} old jobs with their photos and results, as set in "
                    "Settings (deleted jobs wait {days} in the Trash).",
                    len(ids),
                )
                days = ngettext("{count} day", "{count} days", settings.trash_days)
                self.message.emit(
                    said.format(
                        count=format_number(len(ids)),
                        days=days.format(count=format_number(settings.trash_days)),
                    )
                )

        self.ops.run(
            lambda book: purge(book, trash_days=settings.trash_days, older_than_days=days), purged
        )

    def delete_all(self) -> None:
        """Say what would go, ask, then delete every finished job (the Trash's too) and
        its files."""
        book = self.session.book
        if book.read_only:
            self.message.emit(_("This window only views the history: nothing can be deleted here."))
            return
        self.work.run(lambda: kept_history(book), self._confirm_all)

    def _confirm_all(self, kept: KeptHistory) -> None:
        if not kept.finished:
            self.message.emit(_("There is no finished job in the history to delete."))
            return
        box = QMessageBox(self.parent_widget)
        box.setObjectName("confirmDeleteAll")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Delete all history"))
        box.setText(
            ngettext(
                "Delete the {count} finished job?",
                "Delete all {count} finished jobs?",
                kept.finished,
            ).format(count=format_number(kept.finished))
        )
        files = ngettext(
            "{count} file ({size}) goes with them, the Trash's too: the photos that were "
            "sent, the results and their previews. Results you saved elsewhere stay. This "
            "cannot be undone.",
            "{count} files ({size}) go with them, the Trash's too: the photos that were "
            "sent, the results and their previews. Results you saved elsewhere stay. This "
            "cannot be undone.",
            kept.files,
        ).format(count=format_number(kept.files), size=_size(kept.bytes))
        if kept.running:
            files += " " + ngettext(
                "The {count} job still being sent or followed is kept.",
                "The {count} jobs still being sent or followed are kept.",
                kept.running,
            ).format(count=format_number(kept.running))
        box.setInformativeText(files)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Delete all"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if run_modal(box) != QMessageBox.StandardButton.Yes:
            return

        def deleted(ids: list[str]) -> None:
            self.removed.emit(ids)
            self.message.emit(
                ngettext(
                    "Deleted {count} job and every file kept for it.",
                    "Deleted {count} jobs and every file kept for them.",
                    len(ids),
                ).format(count=format_number(len(ids)))
            )

        self.ops.run(lambda book: book.forget(book.finished_before()), deleted)
