"""The Describe page's table: one row per product photo, descriptions editable."""

from __future__ import annotations

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
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from aurax_desktop.api import ProductType, suggest_product_type
from aurax_desktop.exports import DescribedProduct
from aurax_desktop.jobs import Job, JobStatus
from aurax_desktop.ui.common.choices import product_type_combo
from aurax_desktop.ui.common.theme import DANGER

COLUMNS = ("Photo", "File", "Product type", "Description", "Status", "")
PHOTO, FILE, TYPE, DESCRIPTION, STATUS, COPY = range(6)
_Index = QModelIndex | QPersistentModelIndex


@dataclass
class DescribeRow:
    path: Path
    product_type: str
    description: str = ""
    status: str = "Ready"
    error: str = ""
    job_id: str | None = None
    done: bool = False
    thumbnail: QImage | None = field(default=None, repr=False)
    suggested: bool = False
    """The product type came from the file's name."""
    unreadable: str = ""
    """Why the file cannot be used (found when it was added): never sent."""
    stale: bool = False
    """Described, then its product type changed: the description is for the old type."""

    @property
    def name(self) -> str:
        return self.path.name


class DescribeTableModel(QAbstractTableModel):
    descriptionEdited = Signal(str, str)  # job id, new text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DescribeRow] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DecorationRole and column == PHOTO:
            return row.thumbnail
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == FILE:
                return row.name
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
            return "Suggested from the file name; double-click to choose another"
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
                    row.status = "Type changed: describe it again for the new type"
            row.product_type = chosen
        elif index.column() == DESCRIPTION:
            row.description = str(value)
            if row.job_id:
                self.descriptionEdited.emit(row.job_id, row.description)
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
                )
            )
        self.endInsertRows()
        return list(range(first, first + len(new)))

    def mark_unreadable(self, path: Path, reason: str) -> None:
        for number, row in enumerate(self.rows):
            if row.path == path and row.job_id is None:
                row.unreadable = reason
                row.status = "Cannot be read"
                row.error = reason
                self._changed(number)

    def remove(self, row: int) -> None:
        """Take the row out of the table (its job, if any, stays in the history)."""
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def set_rows(self, rows: list[DescribeRow]) -> None:
        self.beginResetModel()
        self.rows = rows
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
        self.rows[row] = replace(
            self.rows[row], job_id=job_id, status="Waiting", error="", done=False, stale=False
        )
        self._changed(row)

    def not_sent(self, job_id: str, reason: str) -> None:
        """The job could not even be started: the row is as if never sent."""
        for number, row in enumerate(self.rows):
            if row.job_id == job_id:
                self.rows[number] = replace(row, job_id=None, status="Ready", error=reason)
                self._changed(number)

    def job_updated(self, job: Job) -> bool:
        for number, row in enumerate(self.rows):
            if row.job_id == job.id:
                row.status = {"preparing": "Waiting", "submitting": "Describing…"}.get(
                    job.status.value, job.status.label
                )
                row.done = job.status.is_final
                if job.status is JobStatus.COMPLETED:
                    row.description, row.error = job.shown_description or "", ""
                elif job.status.is_final:
                    row.error = job.error or job.status.label
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
