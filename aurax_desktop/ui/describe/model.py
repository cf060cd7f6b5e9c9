"""The Describe page's table: one row per product photo, descriptions editable.

A row keeps what the page knows before anything is sent (the photo, the product type
chosen, a note) and, once sent, its job's id: its description, status and error are
read from the window's job cache whenever they are shown, so the table is a view
over the cache like the Jobs list and the Gallery (an edited description shows as
soon as it is made, and a job's late event never puts an older state back)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QImage
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from aurax_desktop.api import ProductType, suggest_product_type
from aurax_desktop.exports import DescribedProduct
from aurax_desktop.jobs import Job, JobStatus
from aurax_desktop.translation import LazyText, _, lazy_gettext
from aurax_desktop.ui.common.choices import product_type_combo
from aurax_desktop.ui.common.isolate import isolated
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.common.theme import DANGER

COLUMNS: tuple[LazyText | str, ...] = (
    lazy_gettext("Photo"),
    lazy_gettext("File"),
    lazy_gettext("Product type"),
    lazy_gettext("Description"),
    lazy_gettext("Status"),
    "",  # the copy buttons' column
)
"""The columns' headings."""
PHOTO, FILE, TYPE, DESCRIPTION, STATUS, COPY = range(6)
_Index = QModelIndex | QPersistentModelIndex


def right_to_left() -> bool:
    """The window is laid out right to left (Arabic): the table's cells are too."""
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def _nothing(_job_id: str) -> Job | None:
    return None


WORKING = {
    "preparing": lazy_gettext("Waiting"),
    "waiting": lazy_gettext("Waiting"),
    "submitting": lazy_gettext("Describing…"),
}
"""What the Status column says of a job on its way (else its status's label)."""


@dataclass
class DescribeRow:
    path: Path
    product_type: str
    job_id: str | None = None
    """The description job, once sent; its state is read from the job cache."""
    thumbnail: QImage | None = field(default=None, repr=False)
    suggested: bool = False
    """The product type came from the file's name."""
    unreadable: str = ""
    """Why the file cannot be used (found when it was added): never sent."""
    stale: bool = False
    """Described, then its product type changed: the description is for the old type."""
    note: str = ""
    """Why it was not sent (it could not even be started)."""
    lookup: Callable[[str], Job | None] = field(default=_nothing, repr=False, compare=False)
    """How the row reads its job (the window's job cache)."""

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def job(self) -> Job | None:
        return self.lookup(self.job_id) if self.job_id is not None else None

    @property
    def done(self) -> bool:
        job = self.job
        return job is not None and job.status.is_final

    @property
    def description(self) -> str:
        job = self.job
        completed = job is not None and job.status is JobStatus.COMPLETED
        return (job.shown_description or "") if completed and job is not None else ""

    @property
    def error(self) -> str:
        if self.unreadable or self.note:
            return self.unreadable or self.note
        job = self.job
        if job is None or not job.status.is_final or job.status is JobStatus.COMPLETED:
            return ""
        return job.error or job.status.label

    @property
    def status(self) -> str:
        if self.unreadable:
            return _("Cannot be read")
        if self.job_id is None:
            return _("Ready")
        if self.stale:
            return _("Type changed: describe it again for the new type")
        job = self.job
        if job is None:
            return str(WORKING["waiting"])
        working = WORKING.get(job.status.value)
        return str(working) if working is not None else job.status.label


class DescribeTableModel(QAbstractTableModel):
    descriptionEdited = Signal(str, str)  # job id, new text

    def __init__(self, cache: JobCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.rows: list[DescribeRow] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return str(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DecorationRole and column == PHOTO:
            return row.thumbnail
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == FILE:  # a file's name keeps its own direction in Arabic
                return isolated(row.name) if right_to_left() else row.name
            if column == TYPE:
                return (
                    ProductType(row.product_type).label
                    if role == Qt.ItemDataRole.DisplayRole
                    else row.product_type
                )
            if column == DESCRIPTION:
                return row.description
            if column == STATUS:
                return row.error or row.status
        if role == Qt.ItemDataRole.ToolTipRole and column in (DESCRIPTION, STATUS):
            return row.error or row.description or None
        if role == Qt.ItemDataRole.ToolTipRole and column == TYPE and row.suggested:
            return _("Suggested from the file name; double-click to choose another")
        if role == Qt.ItemDataRole.FontRole and column == TYPE and row.suggested:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and (row.error or row.stale):
            return DANGER
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (TYPE, DESCRIPTION):
            row = self.rows[index.row()]
            if index.column() == TYPE and row.job_id is not None and not row.done:
                return base  # being described: the type is fixed
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        if index.column() == TYPE:
            chosen = ProductType.parse(str(value)).value
            if chosen != row.product_type:
                row.suggested = False
                if row.done and row.description:
                    row.stale = True
            row.product_type = chosen
        elif index.column() == DESCRIPTION:
            if not row.job_id:
                return False
            self.descriptionEdited.emit(row.job_id, str(value))  # shown once the cache has it
        else:
            return False
        self.dataChanged.emit(index, index)
        return True

    # Feeding it

    def add_paths(self, paths: list[Path], product_type: str) -> list[int]:
        """New rows; each file's name may suggest its own product type."""
        known = {r.path for r in self.rows}
        new = [p for p in paths if p not in known]
        if not new:
            return []
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for path in new:
            suggested = suggest_product_type(path.name)
            self.rows.append(
                DescribeRow(
                    path,
                    suggested.value if suggested else product_type,
                    suggested=suggested is not None,
                    lookup=self.cache.get,
                )
            )
        self.endInsertRows()
        return list(range(first, first + len(new)))

    def mark_unreadable(self, path: Path, reason: str) -> None:
        for number, row in enumerate(self.rows):
            if row.path == path and row.job_id is None:
                row.unreadable = reason
                self._changed(number)

    def remove(self, row: int) -> None:
        """Take the row out of the table (its job, if any, stays in the history)."""
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def set_rows(self, rows: list[DescribeRow]) -> None:
        """Show ``rows`` (their jobs read from the cache)."""
        self.beginResetModel()
        self.rows = [replace(row, lookup=self.cache.get) for row in rows]
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def set_thumbnail(self, path: Path, image: QImage) -> None:
        for number, row in enumerate(self.rows):
            if row.path == path:
                row.thumbnail = image
                self._changed(number)

    def assign(self, row: int, job_id: str) -> None:
        """The row is being sent as job ``job_id`` (given before anything is sent)."""
        self.rows[row] = replace(self.rows[row], job_id=job_id, note="", stale=False)
        self._changed(row)

    def not_sent(self, job_id: str, reason: str) -> None:
        """The job could not even be started: the row is as if never sent."""
        for number, row in enumerate(self.rows):
            if row.job_id == job_id:
                self.rows[number] = replace(row, job_id=None, note=reason)
                self._changed(number)

    def job_updated(self, job: Job) -> bool:
        """The cache has ``job`` anew: its row is drawn again; whether it has one."""
        for number, row in enumerate(self.rows):
            if row.job_id == job.id:
                self._changed(number)
                return True
        return False

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # Reading

    def unsent(self) -> list[int]:
        """Rows never sent: the only ones "Describe all" sends (a sent row, even a failed
        one, may have been charged; describing it again is asked for row by row)."""
        return [i for i, r in enumerate(self.rows) if r.job_id is None and not r.unreadable]

    def running(self) -> int:
        return sum(1 for r in self.rows if r.job_id is not None and not r.done)

    def products(self) -> list[DescribedProduct]:
        """The table as it is shown (edited descriptions included)."""
        return [
            DescribedProduct(r.name, r.product_type, r.description if not r.error else "", r.error)
            for r in self.rows
        ]


class TypeDelegate(QStyledItemDelegate):
    """The product type column edits with a list of the nine types."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        return product_type_combo("rowProductType", parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(
        self, editor: QWidget, model: object, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData())  # type: ignore[attr-defined]
