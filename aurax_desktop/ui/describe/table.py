"""The Describe page's table view: a thumbnail, the file, its product type (a list of
the nine), the description, the status and a copy button per row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolButton

from aurax_desktop.imaging import thumbnail
from aurax_desktop.translation import _
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.icons import ICON_SIZE, icon
from aurax_desktop.ui.describe.model import (
    COPY,
    DESCRIPTION,
    TYPE,
    DescribeTableModel,
    TypeDelegate,
)

ROW_HEIGHT = 64


COLUMN_WIDTHS = ((0, 64), (1, 116), (TYPE, 104), (4, 92), (COPY, 36))
"""Every column's width but the description's, which takes the rest."""
DESCRIPTION_LEAST = 120


class DescribeTable(QTableView):
    message = Signal(str)

    def __init__(self, model: DescribeTableModel, work: BackgroundWork) -> None:
        super().__init__()
        self.work = work
        self.table_model = model
        self.setObjectName("describeTable")
        self.setAccessibleName(_("Product photos and their descriptions"))
        self.setModel(model)
        self.setItemDelegateForColumn(TYPE, TypeDelegate(self))
        self.setWordWrap(True)
        # Tab leaves the table (the arrow keys go from cell to cell); Ctrl+C copies the
        # selected row's description, which the copy buttons do with the mouse
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().setVisible(False)
        # Translators: the table's rows and columns, as a screen reader names them.
        self.verticalHeader().setAccessibleName(_("Rows"))
        self.horizontalHeader().setAccessibleName(_("Columns"))
        self.setIconSize(ICON_SIZE * 2.6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS:
            self.setColumnWidth(column, width)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # Every column shows, the description keeping room to be read.
        self.setMinimumWidth(
            sum(width for _c, width in COLUMN_WIDTHS) + DESCRIPTION_LEAST + 2 * self.frameWidth()
        )
        model.rowsInserted.connect(self._add_copy_buttons)
        model.rowsRemoved.connect(
            lambda *_a: self._add_copy_buttons(QModelIndex(), 0, model.rowCount() - 1)
        )
        model.modelReset.connect(
            lambda: self._add_copy_buttons(QModelIndex(), 0, model.rowCount() - 1)
        )

    def load_thumbnail(self, path: Path) -> None:
        """The row's picture, made on a worker; a file that cannot be read is said at once."""
        side = ROW_HEIGHT - 8  # fits the row
        ratio = self.devicePixelRatioF()
        model = self.table_model

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

        def unreadable(error: BaseException) -> None:
            model.mark_unreadable(path, getattr(error, "user_message", str(error)))

        self.work.run(load, lambda image: model.set_thumbnail(path, image), unreadable)

    def _all_copy_buttons(self) -> None:
        self._add_copy_buttons(QModelIndex(), 0, self.table_model.rowCount() - 1)

    def _add_copy_buttons(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            button = QToolButton()
            button.setIcon(icon("copy"))
            button.setToolTip(_("Copy the description (Ctrl+C)"))
            button.setAccessibleName(_("Copy the description"))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one stop for the table, not one a row
            button.clicked.connect(lambda _c=False, r=row: self.copy_description(r))
            self.setIndexWidget(self.table_model.index(row, COPY), button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row()
        if event.matches(QKeySequence.StandardKey.Copy) and row >= 0:
            self.copy_description(row)
            event.accept()
            return
        super().keyPressEvent(event)

    def copy_description(self, row: int) -> None:
        text = self.table_model.rows[row].description
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.emit(_("Description copied."))
