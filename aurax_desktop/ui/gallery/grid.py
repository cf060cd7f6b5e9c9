"""The results gallery: a batch as a grid of thumbnails (people in rows, garments in
columns), marked from the keyboard like a contact sheet.

Arrows move; the current cell is the window's current result. What the keys do to the
selected results (F favourite, X reject, 1 to 5 stars, Space the loupe, Delete) are the
Gallery's commands (``commands``), which call ``toggle_mark``, ``rate``,
``open_large`` and ``delete_chosen`` here. Selected results can be dragged out to the
file manager or another program as their files.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QUrl,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from aurax_desktop.jobs import FAVOURITE, REJECTED, Job
from aurax_desktop.translation import _
from aurax_desktop.ui.common.coalesce import Coalesced
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.common.theme import accent
from aurax_desktop.ui.gallery.model import (
    ASPECT,
    THUMB_SIDE,
    THUMB_SIDES,
    CellRole,
    CellState,
    GalleryModel,
)
from aurax_desktop.ui.gallery.name_header import NameHeader

PAD = 8
"""Room around a thumbnail in its cell (for the selection's frame)."""
BAND = 18
"""The strip under a thumbnail that holds its marks: nothing is drawn over a picture."""
MARK = 14
"""A mark's size in the strip (the flag, a star)."""


def picture_box(side: int, aspect: float) -> QSize:
    """The room of a thumbnail whose longest side is ``side``, of ``aspect`` (width to
    height)."""
    if aspect <= 1:
        return QSize(max(1, round(side * aspect)), side)
    return QSize(side, max(1, round(side / aspect)))


def cell_size(side: int, aspect: float) -> QSize:
    """A cell: its picture's room, the frame's around it, and the marks' strip below."""
    box = picture_box(side, aspect)
    return QSize(box.width() + 2 * PAD, box.height() + 2 * PAD + BAND)


class _ResultDelegate(QStyledItemDelegate):
    """The thumbnail centred in its room; the selection drawn as a frame (a selected
    favourite or reject stays fully visible; a reject is dimmed only when not selected);
    under the picture, never on it, its marks: the flag, the stars and how many variants
    the cell holds."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell = index.data(CellRole)
        job = cell.job if isinstance(cell, CellState) else None
        pixmap = cell.thumbnail if isinstance(cell, CellState) else None
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD - BAND)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            size = pixmap.deviceIndependentSize().toSize()
            x = inner.x() + (inner.width() - size.width()) // 2
            y = inner.y() + (inner.height() - size.height()) // 2
            if job is not None and job.mark == REJECTED and not selected:
                painter.setOpacity(0.35)
            painter.drawPixmap(x, y, pixmap)
            painter.setOpacity(1.0)
        elif isinstance(cell, CellState):
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            text = cell.text or _("Loading…")
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        if isinstance(cell, CellState):
            band = QRect(inner.left(), inner.bottom() + PAD // 2, inner.width(), BAND)
            self._marks(painter, palette, band, cell.job, cell.variants)
        painter.setBrush(Qt.BrushStyle.NoBrush)  # frames only: never a fill over the picture
        if selected:
            painter.setPen(QPen(accent(), 3))
            painter.drawRoundedRect(QRectF(rect).adjusted(2.5, 2.5, -2.5, -2.5), 4, 4)
        elif state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        painter.restore()

    @staticmethod
    def _marks(painter: QPainter, palette: QPalette, band: QRect, job: Job, variants: int) -> None:
        """The flag on the left, the variants' count on the right, the stars between
        (as a number when the cell is too narrow for them)."""
        top = band.top() + (band.height() - MARK) // 2
        left, right = band.left(), band.right() + 1
        text = palette.color(QPalette.ColorRole.Text)
        if job.mark in (FAVOURITE, REJECTED):
            colour = QColor("#d4a106") if job.mark == FAVOURITE else QColor("#c0392b")
            name = "flag" if job.mark == FAVOURITE else "reject"
            icon(name, colour).paint(painter, QRect(left, top, MARK, MARK))
            left += MARK + 4
        if variants > 1:
            count = f"×{variants}"
            width = painter.fontMetrics().horizontalAdvance(count) + 8
            pill = QRect(right - width, top - 1, width, MARK + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Mid))
            painter.drawRoundedRect(pill, 6, 6)
            painter.setPen(palette.color(QPalette.ColorRole.Window))
            painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), count)
            right = pill.left() - 4
        if job.stars:
            star = icon("star-filled", QColor("#e0a800"))
            step = MARK - 1
            if job.stars * step <= right - left:
                for n in range(job.stars):
                    star.paint(painter, QRect(left + n * step, top, MARK, MARK))
            else:  # a narrow cell: one star and the number
                star.paint(painter, QRect(left, top, MARK, MARK))
                painter.setPen(text)
                number = QRect(left + MARK + 1, top, max(0, right - left - MARK - 1), MARK)
                align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                painter.drawText(number, int(align), str(job.stars))

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        model = index.model()
        if isinstance(model, GalleryModel):
            return cell_size(model.side, model.aspect)
        return cell_size(THUMB_SIDE, ASPECT)


HEADER_WIDTH = 140
"""The widest the people's names get (the rest of the room is the pictures')."""
CORNER_BUTTON = "qt_tableview_cornerbutton"
"""Qt's name for a table's corner button (it selects every cell)."""


class ResultsGallery(QTableView):
    """Signals carry jobs: ``marked(jobs, mark)`` with the new mark ("" to unmark),
    ``rated(jobs, stars)``, ``largeView(job)``, ``chosen(job)`` (the current result)."""

    marked = Signal(list, str)
    deleteAsked = Signal(list)
    """The selected results (each cell's shown variant) to move to the Trash."""
    rated = Signal(list, int)
    sizeChanged = Signal(int)
    largeView = Signal(object)
    chosen = Signal(object)

    def __init__(self, model: GalleryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsGallery")
        self.setAccessibleName(_("Results gallery"))
        self.setAccessibleDescription(
            _(
                "People in rows, garments in columns. F: favourite, X: reject, 1 to 5: "
                "stars, Space: the loupe."
            )
        )
        self.gallery = model
        self.setHorizontalHeader(NameHeader(Qt.Orientation.Horizontal, self))
        self.setVerticalHeader(NameHeader(Qt.Orientation.Vertical, self))
        self.setModel(model)
        self.setItemDelegate(_ResultDelegate(self))
        # The delegate draws the selection as a frame: the style's fill would cover the
        # picture a photographer is judging.
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(0, 0, 0, 0))
        self.setPalette(palette)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for header, name in (
            (self.horizontalHeader(), _("Garments")),
            (self.verticalHeader(), _("People")),
        ):
            header.setAccessibleName(name)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setHighlightSections(False)
        self.verticalHeader().setMaximumWidth(HEADER_WIDTH)
        corner = self.findChild(QAbstractButton, CORNER_BUTTON)
        if corner is not None:  # Qt names it for no one
            corner.setAccessibleName(_("Select all results"))
            corner.setToolTip(_("Select all results"))
        self._fit_cells()
        model.shapeChanged.connect(self._fit_cells)
        self._in_view = Coalesced(self._tell_view, self)
        """Once a frame at most, the model hears which cells are in view (their
        thumbnails are read first, those scrolled past dropped)."""
        for bar in (self.verticalScrollBar(), self.horizontalScrollBar()):
            bar.valueChanged.connect(self._in_view.ask)
        for signal in (model.modelReset, model.shapeChanged, model.layoutChanged):
            signal.connect(self._in_view.ask)
        self.doubleClicked.connect(lambda index: self._emit(self.largeView, index))
        self.setToolTip("")

    # Thumbnail size

    def set_side(self, side: int) -> None:
        """Thumbnails of ``side`` logical pixels (one of ``THUMB_SIDES``)."""
        self.gallery.set_side(side)
        self._fit_cells()
        self._in_view.ask()
        self.sizeChanged.emit(side)

    def stop(self) -> None:
        """The window closes: the model hears of the view no more."""
        self._in_view.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._in_view.ask()

    def _tell_view(self) -> None:
        """The rows and columns in view, to the model."""
        rows, columns = self.gallery.rowCount(), self.gallery.columnCount()
        room = self.viewport().rect()
        top, left = self.rowAt(0), self.columnAt(0)
        if top < 0 or left < 0:
            return
        bottom, right = self.rowAt(room.height() - 1), self.columnAt(room.width() - 1)
        bottom = rows - 1 if bottom < 0 else bottom
        right = columns - 1 if right < 0 else right
        self.gallery.focus(range(top, bottom + 1), range(left, right + 1))

    def _fit_cells(self) -> None:
        """Each cell as wide and as tall as its picture needs (a column of portraits is
        narrow), at the thumbnails' size."""
        size = cell_size(self.gallery.side, self.gallery.aspect)
        self.horizontalHeader().setDefaultSectionSize(size.width())
        self.verticalHeader().setDefaultSectionSize(size.height())
        # The headers resize their sections without telling the view: its scroll bars
        # would keep the old cells' range (the last rows out of reach after a larger
        # size, an empty band after a smaller one).
        self.updateGeometries()
        self.viewport().update()

    def larger(self) -> None:
        bigger = [s for s in THUMB_SIDES if s > self.gallery.side]
        if bigger:
            self.set_side(bigger[0])

    def smaller(self) -> None:
        less = [s for s in THUMB_SIDES if s < self.gallery.side]
        if less:
            self.set_side(less[-1])

    # What is chosen

    def current_job(self) -> Job | None:
        return self.gallery.job_at(self.currentIndex())

    def selected_jobs(self) -> list[Job]:
        found = []
        for index in sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column())):
            job = self.gallery.job_at(index)
            if job is not None:
                found.append(job)
        return found

    def selectionCommand(
        self,
        index: QModelIndex | QPersistentModelIndex,
        event: QEvent | None = None,
    ) -> QItemSelectionModel.SelectionFlag:
        """Home and End (Ctrl with them too: the first and the last result) select
        where they go, as the arrows do: Qt's Ctrl+End moved the current result (which
        the Result pane and the loupe show) and left the frame on the cell before."""
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            return QItemSelectionModel.SelectionFlag.ClearAndSelect
        return super().selectionCommand(index, event)

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)
        self._emit(self.chosen, current)

    def _emit(self, signal: SignalInstance, index: QModelIndex | QPersistentModelIndex) -> None:
        job = self.gallery.job_at(index)
        if job is not None:
            signal.emit(job)

    # What the Gallery's commands do to the selected results

    def open_large(self) -> None:
        """The loupe, on the current cell."""
        self._emit(self.largeView, self.currentIndex())

    def delete_chosen(self) -> None:
        """The selected results to the Trash (Ctrl+Z brings them back)."""
        if self.chosen_jobs():
            self.deleteAsked.emit(self.chosen_jobs())

    def chosen_jobs(self) -> list[Job]:
        """What a key acts on: the selected results, else the current one."""
        return self.selected_jobs() or [j for j in [self.current_job()] if j is not None]

    def toggle_mark(self, mark: str) -> None:
        """Mark the selected results (or unmark them when all have that mark already)."""
        jobs = self.chosen_jobs()
        if jobs:
            self.marked.emit(jobs, "" if all(job.mark == mark for job in jobs) else mark)

    def rate(self, stars: int) -> None:
        """Give the selected results ``stars`` (0 clears the rating)."""
        jobs = self.chosen_jobs()
        if jobs:
            self.rated.emit(jobs, stars)

    # Dragging results out as files

    def drag_data(self) -> QMimeData | None:
        """The selected results as files, for the file manager or another program."""
        paths = [job.result_paths[0] for job in self.selected_jobs() if job.result_paths]
        if not paths:
            return None
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
        return mime

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N803 - Qt's name
        mime = self.drag_data()
        if mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        pixmap = self.gallery.data(self.currentIndex(), Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            drag.setPixmap(pixmap.scaledToWidth(96, Qt.TransformationMode.SmoothTransformation))
        drag.exec(Qt.DropAction.CopyAction)
