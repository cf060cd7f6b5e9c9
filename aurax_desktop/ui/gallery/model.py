"""A batch of try-ons as a grid: people in rows, garments in columns, one result each.

Thumbnails come from each job's preview on disk (``thumbnail.jpg``), read and scaled on
a worker only when a cell is drawn, and kept in a bounded cache: scrolling through a
thousand results never decodes on the GUI thread and never holds them all.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage, QPixmap

from aurax_desktop.jobs import FAVOURITE, REJECTED, Job, JobStatus
from aurax_desktop.jobs.params import batch_name, sent_of

THUMB_SIDE = 176
"""The longest side of a thumbnail in the grid (logical pixels)."""
CACHE_BYTES = 96 * 1024 * 1024
"""What the thumbnails kept in memory may take (at 200 % each is four times larger)."""
JobRole = Qt.ItemDataRole.UserRole
MarkRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[Callable[[], QImage], Callable[[QImage], None]], None]
"""Runs the first callable on a worker and hands its image to the second on the GUI."""


def garment_name(job: Job) -> str:
    return str(job.params.get("garment_name") or "garment")


def load_thumbnail(path: Path, side: int) -> QImage:
    """On a worker: the preview scaled to ``side`` (a null image when it is missing)."""
    image = QImage(str(path))
    if image.isNull():
        return image
    return image.scaled(
        side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _newer(known: Job | None, read: Job) -> Job:
    return known if known is not None and known.revision > read.revision else read


@dataclass
class _Cell:
    job: Job
    row: int
    column: int


class GalleryModel(QAbstractTableModel):
    def __init__(self, loader: Loader, parent: QObject | None = None, *, ratio: float = 1.0):
        super().__init__(parent)
        self._load = loader
        self.ratio = ratio
        self.batch: str | None = None
        self.name = ""
        self.people: list[str] = []
        self.garments: list[str] = []
        self._cells: dict[tuple[int, int], _Cell] = {}
        self._where: dict[str, tuple[int, int]] = {}
        self.favourites_only = False
        self._thumbs: OrderedDict[str, QPixmap] = OrderedDict()
        self._marking: dict[str, tuple[str | None, int]] = {}
        """Marks shown before they are saved (the mark, how many saves are still going):
        a snapshot read or sent before them does not undo them."""
        self._asked: set[str] = set()

    # Filling

    def show_batch(self, batch: str | None, jobs: list[Job]) -> None:
        """Show ``jobs`` (read on a worker): a job already shown in a newer state than
        the one read (an event came meanwhile) keeps that state."""
        if batch == self.batch:
            known = {cell.job.id: cell.job for cell in self._cells.values()}
            jobs = [_newer(known.get(job.id), job) for job in jobs]
        self.beginResetModel()
        self.batch = batch
        self._cells.clear()
        self._where.clear()
        people: dict[int, str] = {}
        garments: dict[int, str] = {}
        self.name = ""
        for job in sorted((self._marked(j) for j in jobs), key=lambda j: j.created_at):
            sent = sent_of(job.params)
            row = sent.batch_row or 0
            column = sent.batch_column if sent.batch_column is not None else len(garments)
            people.setdefault(row, job.source_name or f"Person {row + 1}")
            garments.setdefault(column, garment_name(job))
            self._cells[row, column] = _Cell(job, row, column)
            self._where[job.id] = (row, column)
            self.name = self.name or batch_name(job.params)
        self.people = [people.get(r, "") for r in range(max(people, default=-1) + 1)]
        self.garments = [garments.get(c, "") for c in range(max(garments, default=-1) + 1)]
        self.endResetModel()

    def update_job(self, job: Job) -> None:
        where = self._where.get(job.id)
        if where is None:
            return
        old = self._cells[where].job
        if job.revision and old.revision and job.revision < old.revision:
            return  # an older snapshot arriving late
        job = self._marked(job)
        self._cells[where].job = job
        if old.results != job.results:
            self._thumbs.pop(job.id, None)
            self._asked.discard(job.id)
        index = self.index(*where)
        self.dataChanged.emit(index, index)

    def set_mark(self, job_id: str, mark: str | None) -> None:
        """Show a mark at once (the saved job follows, and ``mark_saved`` is called): a
        second key press sees it."""
        _mark, saving = self._marking.get(job_id, (None, 0))
        self._marking[job_id] = (mark, saving + 1)
        where = self._where.get(job_id)
        if where is not None:
            cell = self._cells[where]
            cell.job = replace(cell.job, mark=mark)
            index = self.index(*where)
            self.dataChanged.emit(index, index)

    def mark_saved(self, job_id: str) -> None:
        """A save of ``set_mark`` ended (done or failed)."""
        mark, saving = self._marking.get(job_id, (None, 0))
        if saving > 1:
            self._marking[job_id] = (mark, saving - 1)
        else:
            self._marking.pop(job_id, None)

    def _marked(self, job: Job) -> Job:
        pending = self._marking.get(job.id)
        return job if pending is None or job.mark == pending[0] else replace(job, mark=pending[0])

    def remove_job(self, job_id: str) -> None:
        where = self._where.pop(job_id, None)
        if where is not None:
            self._cells.pop(where, None)
            self._thumbs.pop(job_id, None)
            index = self.index(*where)
            self.dataChanged.emit(index, index)

    def set_favourites_only(self, on: bool) -> None:
        self.favourites_only = on
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    # Reading

    def jobs(self) -> list[Job]:
        return [cell.job for _key, cell in sorted(self._cells.items())]

    def job_at(self, index: Index) -> Job | None:
        cell = self._cells.get((index.row(), index.column())) if index.isValid() else None
        if cell is None or (self.favourites_only and cell.job.mark != FAVOURITE):
            return None
        return cell.job

    def index_of(self, job_id: str) -> QModelIndex:
        where = self._where.get(job_id)
        return self.index(*where) if where else QModelIndex()

    def counts(self) -> dict[str, int]:
        """How many of the batch's jobs are done, failed, waiting to be sent, at work."""
        counted = {"done": 0, "failed": 0, "unsent": 0, "working": 0}
        for cell in self._cells.values():
            status = cell.job.status
            if status is JobStatus.COMPLETED:
                counted["done"] += 1
            elif status is JobStatus.PREPARING:
                counted["unsent"] += 1
            elif status.is_final:
                counted["failed"] += 1
            else:
                counted["working"] += 1
        return counted

    # The model's interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.garments)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.job_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        names = self.people if orientation is Qt.Orientation.Vertical else self.garments
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        job = self.job_at(index)
        if job is None:
            return None
        if role == JobRole:
            return job
        if role == MarkRole:
            return job.mark
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(job)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if job.status is JobStatus.COMPLETED else job.status.label
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe_cell(job)
        return None

    def _thumbnail(self, job: Job) -> QPixmap | None:
        if job.status is not JobStatus.COMPLETED:
            return None
        pixmap = self._thumbs.get(job.id)
        if pixmap is not None:
            self._thumbs.move_to_end(job.id)
            return pixmap
        if job.id not in self._asked:
            self._asked.add(job.id)
            path = job.folder / "thumbnail.jpg"
            side = round(THUMB_SIDE * self.ratio)
            self._load(lambda: load_thumbnail(path, side), lambda image: self._loaded(job, image))
        return None

    def _loaded(self, job: Job, image: QImage) -> None:
        self._asked.discard(job.id)
        if image.isNull() or job.id not in self._where:
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.ratio)
        self._thumbs[job.id] = pixmap
        keep = max(64, CACHE_BYTES // max(1, image.sizeInBytes()))
        while len(self._thumbs) > keep:
            self._thumbs.popitem(last=False)
        index = self.index_of(job.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def describe_cell(job: Job) -> str:
    verdict = {FAVOURITE: " · favourite", REJECTED: " · rejected"}.get(job.mark or "", "")
    return f"{job.source_name} with {garment_name(job)} · {job.status.label}{verdict}"
