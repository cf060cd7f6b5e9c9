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
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from aurax_desktop.jobs import FAVOURITE, REJECTED, Job
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.common.theme import accent
from aurax_desktop.ui.gallery.model import (
    THUMB_SIDE,
    THUMB_SIDES,
    GalleryModel,
    JobRole,
    VariantsRole,
)

PAD = 8
"""Room around a thumbnail in its cell (for the selection's frame and the badges)."""
CELL = QSize(THUMB_SIDE + 2 * PAD, THUMB_SIDE + 2 * PAD)
BADGE = 22


class _ResultDelegate(QStyledItemDelegate):
    """The thumbnail centred in its cell; the selection drawn as a frame (a selected
    favourite or reject stays fully visible; a reject is dimmed only when not
    selected); a badge for the flag, the stars along the foot, and the count of the
    cell's variants."""

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
        job = index.data(JobRole)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        marks = rect  # where the badges go: on the picture's corners once it is drawn
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            size = pixmap.deviceIndependentSize().toSize()
            x = inner.x() + (inner.width() - size.width()) // 2
            y = inner.y() + (inner.height() - size.height()) // 2
            inset = PAD - 4
            marks = QRect(x, y, size.width(), size.height()).adjusted(-inset, -inset, inset, inset)
            if job is not None and job.mark == REJECTED and not selected:
                painter.setOpacity(0.35)
            painter.drawPixmap(x, y, pixmap)
            painter.setOpacity(1.0)
        elif job is not None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "Loading…")
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        if job is not None and job.mark in (FAVOURITE, REJECTED):
            self._badge(painter, marks, job.mark)
        if job is not None and job.stars:
            self._stars(painter, marks, job.stars)
        variants = index.data(VariantsRole)
        if isinstance(variants, int) and variants > 1:
            self._count(painter, marks, variants)
        painter.setBrush(Qt.BrushStyle.NoBrush)  # frames only: never a fill over the picture
        if selected:
            painter.setPen(QPen(accent(), 3))
            painter.drawRoundedRect(QRectF(rect).adjusted(2.5, 2.5, -2.5, -2.5), 4, 4)
        elif state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        painter.restore()

    @staticmethod
    def _badge(painter: QPainter, rect: QRect, mark: str) -> None:
        colour = QColor("#d4a106") if mark == FAVOURITE else QColor("#c0392b")
        area = QRect(rect.right() - BADGE - PAD, rect.top() + PAD, BADGE, BADGE)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawEllipse(area)
        name = "flag" if mark == FAVOURITE else "reject"
        icon(name, colour).paint(painter, area.adjusted(3, 3, -3, -3))

    @staticmethod
    def _stars(painter: QPainter, rect: QRect, stars: int) -> None:
        side = 12
        band = QRect(
            rect.left() + PAD, rect.bottom() - PAD - side - 4, stars * (side + 2) + 6, side + 4
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 150))
        painter.drawRoundedRect(band, 4, 4)
        star = icon("star-filled", QColor("#f5c542"))
        for n in range(stars):
            star.paint(painter, QRect(band.left() + 3 + n * (side + 2), band.top() + 2, side, side))

    @staticmethod
    def _count(painter: QPainter, rect: QRect, count: int) -> None:
        area = QRect(rect.left() + PAD, rect.top() + PAD, BADGE, BADGE)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))
        painter.drawEllipse(area)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), str(count))

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        model = index.model()
        side = model.side if isinstance(model, GalleryModel) else THUMB_SIDE
        return QSize(side + 2 * PAD, side + 2 * PAD)


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
        self.setAccessibleName("Results gallery")
        self.gallery = model
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
        for header, size, name in (
            (self.horizontalHeader(), CELL.width(), "Garments"),
            (self.verticalHeader(), CELL.height(), "People"),
        ):
            header.setAccessibleName(name)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
            header.setHighlightSections(False)
        self.verticalHeader().setMaximumWidth(160)
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.doubleClicked.connect(lambda index: self._emit(self.largeView, index))
        self.setToolTip("")

    # Thumbnail size

    def set_side(self, side: int) -> None:
        """Thumbnails of ``side`` logical pixels (one of ``THUMB_SIDES``)."""
        self.gallery.set_side(side)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setDefaultSectionSize(side + 2 * PAD)
        self.sizeChanged.emit(side)

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
