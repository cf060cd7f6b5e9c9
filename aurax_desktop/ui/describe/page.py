"""The Describe page: many product photos in a table, described in a batch, exported."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.api import COST_PRODUCT_DESCRIPTION, ProductType
from aurax_desktop.imaging import picture_files
from aurax_desktop.jobs import DescriptionInput, Job, JobBook, new_job_id
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.choices import (
    combo_box,
    credits_text,
    number_text,
    product_type_combo,
)
from aurax_desktop.ui.common.drop_target import show_drop_target
from aurax_desktop.ui.common.folders import RememberedFolders
from aurax_desktop.ui.common.history_ops import HistoryOps
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.common.sending import SpendCheck
from aurax_desktop.ui.describe.archive import DescribeArchive, rows_from_jobs
from aurax_desktop.ui.describe.editor import DescriptionEditor
from aurax_desktop.ui.describe.model import (
    DESCRIPTION,
    DescribeTableModel,
)
from aurax_desktop.ui.describe.table import DescribeTable

ASK_ABOVE = 20
"""Describing more photos than this at once is confirmed first, with the total."""


EDITOR_LEAST = 200
"""The description panel's least width beside the table (the page fits a laptop's window
beside the Result column: 1280 pixels wide at 100 %, 2560 at 200 %)."""


class DescribePage(QWidget):
    message = Signal(str)

    def __init__(
        self,
        work: BackgroundWork,
        submit: Callable[[DescriptionInput, str], str],
        book: JobBook,
        cache: JobCache,
        *,
        allow_spend: SpendCheck,
        folders: RememberedFolders,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.work, self._submit, self.book, self.cache = work, submit, book, cache
        self.ops = HistoryOps(book, self)
        self.batch = uuid.uuid4().hex[:12]
        self._editing: Path | None = None
        self.allow_spend, self.folders = allow_spend, folders
        self.model = DescribeTableModel(cache, self)
        self.model.descriptionEdited.connect(self._keep_edit)
        self.model.rowsInserted.connect(lambda *_a: self._refresh())
        self.model.modelReset.connect(self._refresh)
        self.model.dataChanged.connect(lambda *_a: self._refresh())

        self.table = DescribeTable(self.model, work)
        self.table.message.connect(self.message)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_row(current.row())
        )
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.remove_current)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)

        self.default_type = product_type_combo("describeProductTypeCombo", self)
        self.default_type.setCurrentIndex(self.default_type.findData("GARMENT"))
        add_files = QPushButton(icon("open"), _("Add photos…"))
        add_files.clicked.connect(self._browse_files)
        add_folder = QPushButton(icon("folder"), _("Add a folder…"))
        add_folder.clicked.connect(self._browse_folder)
        self.reopen = combo_box()
        self.reopen.setObjectName("describeReopen")
        self.reopen.setAccessibleName(_("Reopen an earlier table"))
        self.reopen.setMinimumWidth(220)
        self.archive = DescribeArchive(work, lambda: book.store, self.reopen)
        self.archive.opened.connect(self._reopened)
        self.archive.message.connect(self.message)
        clear = QPushButton(_("New table"))
        clear.clicked.connect(self.new_table)
        top = QHBoxLayout()
        top.addWidget(add_files)
        top.addWidget(add_folder)
        top.addStretch(1)
        top.addWidget(self.reopen)
        top.addWidget(clear)
        kind_row = QHBoxLayout()
        kind_label = QLabel(_("Product type for new photos"))
        kind_label.setBuddy(self.default_type)  # read with the list: "Product type for new…"
        kind_row.addWidget(kind_label)
        kind_row.addWidget(self.default_type)
        kind_row.addSpacing(12)

        self.describe_button = QPushButton()
        self.describe_button.setObjectName("describeAllButton")
        self.describe_button.setAccessibleName(_("Describe all"))
        self.describe_button.setProperty("role", "primary")
        self.describe_button.clicked.connect(self.describe_all)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMaximumWidth(260)
        self.export_button = QPushButton(icon("save"), _("Export CSV…"))
        self.export_button.setObjectName("exportCsvButton")
        self.export_button.setAccessibleName(_("Export CSV"))
        self.export_button.clicked.connect(lambda: self.export(shopify=False))
        self.shopify_button = QPushButton(icon("save"), _("Export for Shopify…"))
        self.shopify_button.setObjectName("exportShopifyButton")
        self.shopify_button.setAccessibleName(_("Export a Shopify product CSV"))
        self.shopify_button.clicked.connect(lambda: self.export(shopify=True))
        self.cost = QLabel()
        self.cost.setObjectName("muted")
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.shopify_button)
        bottom.addStretch(1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cost)
        bottom.addWidget(self.describe_button)

        card = self.card = QFrame()
        card.setProperty("card", True)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(12, 12, 12, 12)
        inner.setSpacing(10)
        hint = QLabel(
            _(
                "Drop product photos or a folder here. Double-click a description to "
                "correct it before exporting."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        kind_row.addWidget(hint, 1)
        inner.addLayout(top)
        inner.addLayout(kind_row)
        self.editor = DescriptionEditor(least_width=EDITOR_LEAST)
        self.editor.edited.connect(self._edited)
        self.editor.describeAgain.connect(
            lambda: self.describe_again(self.table.currentIndex().row())
        )
        self.editor.remove.connect(self.remove_current)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("describeSplitter")
        split.addWidget(self.table)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        inner.addWidget(split, 1)
        inner.addLayout(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 16, 16)
        layout.addWidget(card)
        reading_order = [
            add_files,
            add_folder,
            self.reopen,
            clear,
            self.default_type,
            self.table,
            *self.editor.keyboard_order(),
            self.export_button,
            self.shopify_button,
            self.describe_button,
        ]
        for before, after in itertools.pairwise(reading_order):  # Tab reads as the eye does
            QWidget.setTabOrder(before, after)
        self._refresh()

    # Adding photos

    def add_paths(self, paths: list[Path]) -> None:
        rows = self.model.add_paths(picture_files(paths), str(self.default_type.currentData()))
        for row in rows:
            self.table.load_thumbnail(self.model.rows[row].path)

    def _browse_files(self) -> None:
        files, _kind = QFileDialog.getOpenFileNames(
            self, _("Add product photos"), self.folders.folder("photos")
        )
        if files:
            self.folders.remember("photos", Path(files[0]).parent)
            self.add_paths([Path(f) for f in files])

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Add a folder of product photos"), self.folders.folder("photos")
        )
        if folder:
            self.folders.remember("photos", Path(folder))
            self.add_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            show_drop_target(self.card, True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        show_drop_target(self.card, False)

    def dropEvent(self, event: QDropEvent) -> None:
        show_drop_target(self.card, False)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()

    def _show_row(self, row: int) -> None:
        self._editing = self.model.rows[row].path if 0 <= row < len(self.model.rows) else None
        self.editor.show_row(self.model.rows[row] if self._editing is not None else None)

    def _edited(self, text: str) -> None:
        for number, row in enumerate(self.model.rows):
            if row.path == self._editing:
                self.model.setData(self.model.index(number, DESCRIPTION), text)

    def remove_current(self) -> None:
        """Take the selected photo out of the table (its job stays in the history)."""
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            self.editor.stop()
            self.model.remove(row)
            self._show_row(self.table.currentIndex().row())

    def copy_description(self, row: int) -> None:
        self.table.copy_description(row)

    # Running

    def _refresh(self) -> None:
        pending = len(self.model.unsent())
        total = COST_PRODUCT_DESCRIPTION * pending
        self.describe_button.setText(
            _("Describe all · {credits}").format(credits=credits_text(total))
            if pending
            else _("Describe all")
        )
        self.describe_button.setEnabled(pending > 0)
        rows = self.model.rowCount()
        each = ""
        if pending:  # (the price of a fraction of a credit needs the plural rules loaded)
            # Translators: how many photos, at what price each ("12 photos at 0.25 credits").
            each = _("{count} × {credits}").format(
                count=number_text(pending), credits=credits_text(COST_PRODUCT_DESCRIPTION)
            )
        self.cost.setText(each)
        finished = sum(1 for r in self.model.rows if r.done)
        self.progress.setMaximum(max(1, rows))
        self.progress.setValue(finished)
        self.progress.setFormat(
            ngettext("{done} of {count} done", "{done} of {count} done", rows).format(
                done=number_text(finished), count=number_text(rows)
            )
        )
        self.progress.setVisible(self.model.running() > 0 or 0 < finished < rows)
        has_text = any(r.description for r in self.model.rows)
        self.export_button.setEnabled(has_text)
        self.shopify_button.setEnabled(has_text)

    def describe_all(self) -> None:
        """Send every row never sent, once: each row gets its job id before sending.
        More than ``ASK_ABOVE`` photos are sent only once the user agrees to the total."""
        rows = self.model.unsent()
        total = COST_PRODUCT_DESCRIPTION * len(rows)
        if len(rows) > ASK_ABOVE:
            count = number_text(len(rows))
            answer = QMessageBox.question(
                self,
                ngettext("Describe {count} photos?", "Describe {count} photos?", len(rows)).format(
                    count=count
                ),
                ngettext(
                    "{count} photos are described, for {credits} in all.",
                    "{count} photos are described, for {credits} in all.",
                    len(rows),
                ).format(count=count, credits=credits_text(total)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        # Translators: what is sent, said before its cost ("Describing 3 photos costs…").
        what = ngettext("Describing {count} photo", "Describing {count} photos", len(rows))
        if rows and not self.allow_spend(total, what.format(count=number_text(len(rows)))):
            return
        self._send_rows(rows)

    def describe_again(self, row: int) -> None:
        """Describe one row again: a new request, charged again (the user is asked)."""
        name = self.model.rows[row].name
        answer = QMessageBox.question(
            self,
            _("Describe again?"),
            _("“{name}” is sent again as a new request and costs {credits} again.").format(
                name=name, credits=credits_text(COST_PRODUCT_DESCRIPTION)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._send_rows([row])

    def _row_menu(self, position: QPoint) -> None:
        row = self.table.indexAt(position).row()
        if row < 0:
            return
        menu = QMenu(self.table)
        again = menu.addAction(
            _("Describe again · {credits}").format(credits=credits_text(COST_PRODUCT_DESCRIPTION)),
            lambda: self.describe_again(row),
        )
        again.setEnabled(self.model.rows[row].job_id is not None and self.model.rows[row].done)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _send_rows(self, rows: list[int]) -> None:
        requests: list[tuple[str, DescriptionInput]] = []
        for row in rows:
            job_id = new_job_id()
            found = self.model.rows[row]
            requests.append(
                (
                    job_id,
                    DescriptionInput(found.path, ProductType(found.product_type), batch=self.batch),
                )
            )
            self.model.assign(row, job_id)
        if not requests:
            return

        def send() -> list[tuple[str, str]]:
            refused = []
            for job_id, request in requests:
                try:
                    self._submit(request, job_id)
                except Exception as exc:
                    refused.append((job_id, getattr(exc, "user_message", str(exc))))
            return refused

        self.work.run(send, self._sent)

    def _sent(self, refused: list[tuple[str, str]]) -> None:
        for job_id, reason in refused:
            self.model.not_sent(job_id, _("Not sent: {reason}").format(reason=reason))
        if refused:
            self.message.emit(refused[0][1])

    def job_updated(self, job: Job) -> None:
        self.model.job_updated(job)

    def _keep_edit(self, job_id: str, text: str) -> None:
        """Edited descriptions are kept in the history, by the job book's writer; the
        table shows the edit at once (the cache expects it until it is saved)."""
        if self.book.read_only:
            self.message.emit(
                _("This window only views the history: the edited description is not kept.")
            )
            return
        self.cache.expect([job_id], own_description=text)

        def refused(error: BaseException) -> None:
            self.cache.settle([job_id])
            self.message.emit(getattr(error, "user_message", str(error)))

        self.ops.run(
            lambda book: book.describe(job_id, text),
            lambda _jobs: self.cache.settle([job_id]),
            refused,
        )

    # History and export

    def refresh_batches(self) -> None:
        self.archive.refresh()

    def open_batch(self, batch: str) -> None:
        self.archive.open(batch)

    def _reopened(self, batch: str, jobs: list[Job]) -> None:
        """A table kept in the history, shown again (its jobs as the cache has them)."""
        self.batch = batch
        self.model.set_rows(rows_from_jobs(self.cache.absorb(jobs)))

    def new_table(self) -> None:
        self.batch = uuid.uuid4().hex[:12]
        self.model.clear()

    def export(self, *, shopify: bool) -> None:
        target = self.archive.ask_where(self, self.folders.folder("exports"), shopify=shopify)
        if target is not None:
            self.folders.remember("exports", target.parent)
            self.export_to(target, shopify=shopify)

    def export_to(self, path: Path, *, shopify: bool) -> None:
        self.editor.flush()
        self.archive.export_to(path, self.model.products(), shopify=shopify)
