"""Edit → Trash: the jobs deleted lately, waiting (files and all) until they are restored
or the Trash is emptied; what has waited longer than the Settings say goes by itself."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.formats import format_datetime
from aurax_desktop.jobs import Job, JobBook, JobQuery
from aurax_desktop.jobs.garments import garment_label
from aurax_desktop.jobs.short_names import person_label
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.history_ops import HistoryOps
from aurax_desktop.ui.common.job_cache import JobCache

ALL = 100_000


def described(job: Job) -> str:
    """A deleted job in a line: what it was, and when it was deleted."""
    when = format_datetime(datetime.fromtimestamp(job.trashed_at or job.updated_at))
    if job.source_name and job.params.get("garment_name"):
        # Translators: a deleted try-on, "Try-on · anna with Red dress".
        what = _("{kind} · {person} with {garment}").format(
            kind=job.kind.label, person=person_label(job), garment=garment_label(job.params)
        )
    elif job.source_name or job.prompt:
        shown = person_label(job) if job.source_name else (job.prompt or "")[:50]
        what = _("{kind} · {name}").format(kind=job.kind.label, name=shown)
    else:
        what = job.kind.label
    # Translators: a deleted job, its status, and when it was deleted (a date and time).
    return _("{job} · {status} · deleted {when}").format(
        job=what, status=job.status.label, when=when
    )


class TrashDialog(QDialog):
    def __init__(
        self,
        book: JobBook,
        work: BackgroundWork,
        cache: JobCache,
        days: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(_("Trash"))
        self.book, self.work, self.cache = book, work, cache
        self.ops = HistoryOps(book, self)
        note = QLabel(
            ngettext(
                "Deleted jobs wait here, with their files, for {count} day (Settings → "
                "History). Restore brings them back; emptying the Trash deletes them and "
                "their files for good.",
                "Deleted jobs wait here, with their files, for {count} days (Settings → "
                "History). Restore brings them back; emptying the Trash deletes them and "
                "their files for good.",
                days,
            ).format(count=days)
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("trashList")
        self.list.setAccessibleName(_("Deleted jobs"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.restore_button = QPushButton(_("Restore"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore)
        self.empty_button = QPushButton(_("Empty the Trash…"))
        self.empty_button.setObjectName("emptyTrashButton")
        self.empty_button.clicked.connect(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.list.itemSelectionChanged.connect(self._update)
        self.job_ids: list[str] = []
        """The jobs in the Trash, newest deletion first (their state is the cache's)."""
        self.reload()

    def reload(self) -> None:
        book = self.book
        self.work.run(lambda: book.store.query(JobQuery(trashed=True, limit=ALL)), self._shown)

    def _shown(self, jobs: list[Job]) -> None:
        shown = sorted(self.cache.absorb(jobs), key=lambda j: j.trashed_at or 0, reverse=True)
        self.job_ids = [job.id for job in shown]
        self.list.clear()
        for job in shown:
            item = QListWidgetItem(described(job))
            item.setData(Qt.ItemDataRole.UserRole, job.id)
            self.list.addItem(item)
        if not self.job_ids:
            self.list.addItem(QListWidgetItem(_("The Trash is empty.")))
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(bool(self._chosen()))
        self.empty_button.setEnabled(bool(self.job_ids) and not self.book.read_only)

    def _chosen(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in self.list.selectedItems()
            if item.data(Qt.ItemDataRole.UserRole)
        ]

    def restore(self) -> None:
        ids = self._chosen()
        if ids:
            self.ops.run(lambda book: book.restore(ids), lambda _r: self.reload())

    def empty(self) -> None:
        ids = [i for i in self.job_ids if (job := self.cache.get(i)) and job.status.is_final]
        question = ngettext(
            "Delete the {count} job in the Trash for good, with its photos and results? "
            "This cannot be undone.",
            "Delete the {count} jobs in the Trash for good, with their photos and results? "
            "This cannot be undone.",
            len(ids),
        ).format(count=len(ids))
        answer = QMessageBox.question(
            self,
            _("Empty the Trash"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ops.run(lambda book: book.forget(ids), lambda _r: self.reload())
