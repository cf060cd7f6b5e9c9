"""The Describe page's tables as kept in the history: the list of earlier tables,
reopening one, and exporting a table as CSV (plain or Shopify's)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QWidget

from aurax_desktop.exports import DescribedProduct, write_descriptions_csv, write_shopify_csv
from aurax_desktop.formats import format_datetime
from aurax_desktop.jobs import Job, JobQuery, JobStore
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.describe.model import DescribeRow


def rows_from_jobs(jobs: list[Job]) -> list[DescribeRow]:
    """A table's rows, oldest first: each its photo and its job (whose state the table
    reads from the job cache)."""
    return [
        DescribeRow(Path(job.source_name or job.id), job.product_type, job.id)
        for job in sorted(jobs, key=lambda j: j.created_at)
    ]


class DescribeArchive(QObject):
    opened = Signal(str, list)
    """A table reopened: its batch id and its jobs (as the history holds them)."""
    message = Signal(str)

    def __init__(
        self, work: BackgroundWork, store: Callable[[], JobStore], chooser: QComboBox
    ) -> None:
        super().__init__(chooser)
        self.work, self._store, self.chooser = work, store, chooser
        chooser.activated.connect(self._chosen)

    def refresh(self) -> None:
        store = self._store()
        self.work.run(store.batches, self._listed)

    def _listed(self, batches: list[tuple[str, float, int]]) -> None:
        self.chooser.clear()
        self.chooser.addItem(_("Reopen an earlier table…"), None)
        for batch, when, count in batches:
            stamp = format_datetime(datetime.fromtimestamp(when), year=False)
            photos = ngettext("{count} photo", "{count} photos", count).format(count=count)
            self.chooser.addItem(f"{stamp} · {photos}", batch)

    def _chosen(self, index: int) -> None:
        batch = self.chooser.itemData(index)
        if batch:
            self.open(str(batch))

    def open(self, batch: str) -> None:
        store = self._store()
        self.work.run(
            lambda: store.query(JobQuery(batch=batch, limit=10_000)),
            lambda jobs: self.opened.emit(batch, jobs),
        )

    def ask_where(self, parent: QWidget, folder: str, *, shopify: bool) -> Path | None:
        name = "shopify-products.csv" if shopify else "descriptions.csv"
        kind = _("CSV files")
        target, _kind = QFileDialog.getSaveFileName(
            parent,
            _("Export the descriptions"),
            str(Path(folder) / name),
            f"{kind} (*.csv)",
        )
        return Path(target) if target else None

    def export_to(self, path: Path, products: list[DescribedProduct], *, shopify: bool) -> None:
        writer = write_shopify_csv if shopify else write_descriptions_csv
        self.work.run(
            lambda: writer(path, products),
            lambda saved: self.message.emit(_("Exported {file}.").format(file=saved.name)),
            lambda error: self.message.emit(
                _("Could not export: {error}").format(error=getattr(error, "user_message", error))
            ),
        )
