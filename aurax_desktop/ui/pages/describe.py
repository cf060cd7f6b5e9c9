"""The Describe page: many product photos in a table, described in a batch, exported."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.api import COST_PRODUCT_DESCRIPTION, ProductType
from aurax_desktop.exports import write_descriptions_csv, write_shopify_csv
from aurax_desktop.imaging import picture_files, thumbnail
from aurax_desktop.jobs import DescriptionInput, Job, JobQuery, JobStore, new_job_id
from aurax_desktop.ui.background import BackgroundWork
from aurax_desktop.ui.describe_model import (
    COPY,
    DESCRIPTION,
    TYPE,
    DescribeRow,
    DescribeTableModel,
    TypeDelegate,
)
from aurax_desktop.ui.drop_target import show_drop_target
from aurax_desktop.ui.icons import ICON_SIZE, icon
from aurax_desktop.ui.widgets.choices import combo_box, credits_text, product_type_combo


class DescribePage(QWidget):
    message = Signal(str)

    def __init__(
        self,
        work: BackgroundWork,
        submit: Callable[[DescriptionInput, str], str],
        store: Callable[[], JobStore],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.work, self._submit, self._store = work, submit, store
        self.batch = uuid.uuid4().hex[:12]
        self.model = DescribeTableModel(self)
        self.model.descriptionEdited.connect(self._keep_edit)
        self.model.rowsInserted.connect(lambda *_a: self._refresh())
        self.model.modelReset.connect(self._refresh)
        self.model.dataChanged.connect(lambda *_a: self._refresh())

        self.table = QTableView()
        self.table.setObjectName("describeTable")
        self.table.setAccessibleName("Product photos and their descriptions")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(TYPE, TypeDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().setDefaultSectionSize(64)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setAccessibleName("Rows")
        self.table.horizontalHeader().setAccessibleName("Columns")
        self.table.setIconSize(ICON_SIZE * 2.6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 72), (1, 180), (TYPE, 120), (4, 150), (COPY, 44)):
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.model.rowsInserted.connect(self._add_copy_buttons)
        self.model.modelReset.connect(
            lambda: self._add_copy_buttons(QModelIndex(), 0, self.model.rowCount() - 1)
        )

        self.default_type = product_type_combo("describeProductTypeCombo", self)
        self.default_type.setCurrentIndex(self.default_type.findData("GARMENT"))
        add_files = QPushButton(icon("open"), "Add photos…")
        add_files.clicked.connect(self._browse_files)
        add_folder = QPushButton(icon("folder"), "Add a folder…")
        add_folder.clicked.connect(self._browse_folder)
        self.reopen = combo_box()
        self.reopen.setObjectName("describeReopen")
        self.reopen.setAccessibleName("Reopen an earlier table")
        self.reopen.setMinimumWidth(220)
        self.reopen.activated.connect(self._reopen_chosen)
        clear = QPushButton("New table")
        clear.clicked.connect(self.new_table)
        top = QHBoxLayout()
        top.addWidget(add_files)
        top.addWidget(add_folder)
        top.addStretch(1)
        top.addWidget(self.reopen)
        top.addWidget(clear)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel("Product type for new photos"))
        kind_row.addWidget(self.default_type)
        kind_row.addSpacing(12)

        self.describe_button = QPushButton()
        self.describe_button.setObjectName("describeAllButton")
        self.describe_button.setAccessibleName("Describe all")
        self.describe_button.setProperty("role", "primary")
        self.describe_button.clicked.connect(self.describe_all)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMaximumWidth(260)
        self.export_button = QPushButton(icon("save"), "Export CSV…")
        self.export_button.setObjectName("exportCsvButton")
        self.export_button.setAccessibleName("Export CSV")
        self.export_button.clicked.connect(lambda: self.export(shopify=False))
        self.shopify_button = QPushButton(icon("save"), "Export for Shopify…")
        self.shopify_button.setObjectName("exportShopifyButton")
        self.shopify_button.setAccessibleName("Export a Shopify product CSV")
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
            "Drop product photos or a folder here. Double-click a description to "
            "correct it before exporting."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        kind_row.addWidget(hint, 1)
        inner.addLayout(top)
        inner.addLayout(kind_row)
        inner.addWidget(self.table, 1)
        inner.addLayout(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 16, 16)
        layout.addWidget(card)
        self._refresh()

    # Adding photos

    def add_paths(self, paths: list[Path]) -> None:
        rows = self.model.add_paths(picture_files(paths), str(self.default_type.currentData()))
        for row in rows:
            self._load_thumbnail(row, self.model.rows[row].path)

    def _load_thumbnail(self, row: int, path: Path) -> None:
        side = self.table.verticalHeader().defaultSectionSize() - 8  # fits the row
        ratio = self.devicePixelRatioF()

        def load() -> QImage:
            image = QImage(str(thumbnail(path, 96)))
            if image.isNull():
                return image
            fitted = image.scaled(
                QSize(side, side) * ratio,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            fitted.setDevicePixelRatio(ratio)
            return fitted

        def show(image: QImage) -> None:
            self.model.set_thumbnail(path, image)

        self.work.run(load, show, lambda _error: None)  # a bad photo says so when described

    def _browse_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Add product photos", str(Path.home()))
        self.add_paths([Path(f) for f in files])

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of product photos")
        if folder:
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

    def _add_copy_buttons(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            button = QToolButton()
            button.setIcon(icon("copy"))
            button.setToolTip("Copy the description")
            button.setAccessibleName("Copy the description")
            button.clicked.connect(lambda _c=False, r=row: self.copy_description(r))
            self.table.setIndexWidget(self.model.index(row, COPY), button)

    def copy_description(self, row: int) -> None:
        text = self.model.rows[row].description
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.emit("Description copied.")

    # Running

    def _refresh(self) -> None:
        pending = len(self.model.unsent())
        total = COST_PRODUCT_DESCRIPTION * pending
        self.describe_button.setText(
            f"Describe all · {credits_text(total)}" if pending else "Describe all"
        )
        self.describe_button.setEnabled(pending > 0)
        rows = self.model.rowCount()
        self.cost.setText(f"{pending} × {COST_PRODUCT_DESCRIPTION:g} credits" if pending else "")
        finished = sum(1 for r in self.model.rows if r.done)
        self.progress.setMaximum(max(1, rows))
        self.progress.setValue(finished)
        self.progress.setFormat(f"{finished} of {rows} done")
        self.progress.setVisible(self.model.running() > 0 or 0 < finished < rows)
        has_text = any(r.description for r in self.model.rows)
        self.export_button.setEnabled(has_text)
        self.shopify_button.setEnabled(has_text)

    def describe_all(self) -> None:
        """Send every row never sent, once: each row gets its job id before sending."""
        self._send_rows(self.model.unsent())

    def describe_again(self, row: int) -> None:
        """Describe one row again: a new request, charged again (the user is asked)."""
        name = self.model.rows[row].name
        answer = QMessageBox.question(
            self,
            "Describe again?",
            f"“{name}” is sent again as a new request and costs "
            f"{credits_text(COST_PRODUCT_DESCRIPTION)} again.",
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
            f"Describe again · {credits_text(COST_PRODUCT_DESCRIPTION)}",
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
            self.model.not_sent(job_id, f"Not sent: {reason}")
        if refused:
            self.message.emit(refused[0][1])

    def job_updated(self, job: Job) -> None:
        self.model.job_updated(job)

    def _keep_edit(self, job_id: str, text: str) -> None:
        """Edited descriptions are kept in the history (on a worker: a database write)."""
        store = self._store()

        def save() -> None:
            job = store.get(job_id)
            if job is not None:
                store.save(job.changed(description=text))

        self.work.run(save, lambda _r: None)

    # History and export

    def refresh_batches(self) -> None:
        store = self._store()
        self.work.run(store.batches, self._batches_loaded)

    def _batches_loaded(self, batches: list[tuple[str, float, int]]) -> None:
        self.reopen.clear()
        self.reopen.addItem("Reopen an earlier table…", None)
        for batch, when, count in batches:
            stamp = time.strftime("%d %b %H:%M", time.localtime(when))
            self.reopen.addItem(f"{stamp} · {count} photo{'s' if count != 1 else ''}", batch)

    def _reopen_chosen(self, index: int) -> None:
        batch = self.reopen.itemData(index)
        if batch:
            self.open_batch(str(batch))

    def open_batch(self, batch: str) -> None:
        store = self._store()
        self.work.run(
            lambda: store.query(JobQuery(batch=batch, limit=10_000)),
            lambda jobs: self._batch_loaded(batch, jobs),
        )

    def _batch_loaded(self, batch: str, jobs: list[Job]) -> None:
        self.batch = batch
        rows = []
        for job in sorted(jobs, key=lambda j: j.created_at):
            rows.append(
                DescribeRow(
                    Path(job.source_name or job.id),
                    job.product_type,
                    job.description or "",
                    job.status.label,
                    "" if job.description else job.error or "",
                    job.id,
                    job.status.is_final,
                )
            )
        self.model.set_rows(rows)

    def new_table(self) -> None:
        self.batch = uuid.uuid4().hex[:12]
        self.model.clear()

    def export(self, *, shopify: bool) -> None:
        suggested = str(Path.home() / ("shopify-products.csv" if shopify else "descriptions.csv"))
        target, _ = QFileDialog.getSaveFileName(
            self, "Export the descriptions", suggested, "CSV files (*.csv)"
        )
        if target:
            self.export_to(Path(target), shopify=shopify)

    def export_to(self, path: Path, *, shopify: bool) -> None:
        products = self.model.products()
        writer = write_shopify_csv if shopify else write_descriptions_csv
        self.work.run(
            lambda: writer(path, products),
            lambda saved: self.message.emit(f"Exported {saved.name}."),
            lambda error: self.message.emit(f"Could not export: {error}"),
        )
