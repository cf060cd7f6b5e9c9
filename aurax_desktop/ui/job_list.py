"""The progress list (shared by every page): painted rows and their actions."""

from __future__ import annotations

import time
from collections import OrderedDict

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from aurax_desktop.jobs import Job, JobStatus
from aurax_desktop.jobs.model import RETRYABLE_STATUSES
from aurax_desktop.ui.icons import icon, pixmap
from aurax_desktop.ui.job_model import (
    JobListModel,
    JobRole,
    NoticeRole,
    ProgressRole,
    ThumbnailRole,
)
from aurax_desktop.ui.job_text import elapsed_text, inputs_text, when_text
from aurax_desktop.ui.theme import DANGER, SUCCESS, accent

ROW_HEIGHT = 60
THUMB = 44
VISIBLE_ROWS = 4
"""Whole rows the list gets at first (on a 1366 x 768 laptop screen too)."""
LEAST_ROWS = 2
"""Whole rows the list keeps however small the window."""
_KIND_ICONS = {
    "try-on": "try-on",
    "image-generation": "generate",
    "product-description": "describe",
}


class JobDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(160, ROW_HEIGHT)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rendered: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Rows are rendered once per state and then drawn as one picture: every Qt call
        from Python may wait for the interpreter lock while workers are busy."""
        job: Job | None = index.data(JobRole)
        if job is None:
            return
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        thumb: QImage | None = index.data(ThumbnailRole)
        running = not job.status.is_final
        key = (
            job.id,
            job.updated_at,
            job.status,
            rect.width(),
            rect.height(),
            selected,
            index.data(ProgressRole),
            index.data(NoticeRole),
            thumb.cacheKey() if thumb is not None else 0,
            int(job.elapsed) if running else -1,
            int(time.monotonic() * 8) if running else -1,
        )
        rendered = self._rendered.get(key)
        if rendered is None:
            ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
            rendered = QPixmap(rect.size() * ratio)
            rendered.setDevicePixelRatio(ratio)
            rendered.fill(Qt.GlobalColor.transparent)
            inner = QPainter(rendered)
            local = QStyleOptionViewItem(option)
            local.rect = QRect(QPoint(0, 0), rect.size())
            self._paint_row(inner, local, index, job)
            inner.end()
            self._rendered[key] = rendered
            while len(self._rendered) > 400:
                self._rendered.popitem(last=False)
        painter.drawPixmap(rect.topLeft(), rendered)

    def _paint_row(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        job: Job,
    ) -> None:
        palette = QGuiApplication.palette()  # the view itself is transparent
        rect: QRect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        card = rect.adjusted(2, 3, -2, -3)
        background = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected:
            border = accent()
        painter.setPen(QPen(border, 1.5 if selected else 1))
        painter.setBrush(background)
        painter.drawRoundedRect(card, 8, 8)

        thumb_rect = QRect(
            card.left() + 10, card.top() + (card.height() - THUMB) // 2, THUMB, THUMB
        )
        thumb: QImage | None = index.data(ThumbnailRole)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(thumb_rect, 6, 6)
        if thumb is not None and not thumb.isNull():
            scaled = thumb.scaled(
                thumb_rect.size() * 2,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            target = QRect(QPoint(), scaled.size() / 2)
            target.moveCenter(thumb_rect.center())
            painter.drawImage(target, scaled)
        else:
            muted = palette.color(QPalette.ColorRole.PlaceholderText)
            glyph = pixmap(_KIND_ICONS.get(job.kind.value, "image"), 24, muted)
            painter.drawPixmap(thumb_rect.center() - QPoint(12, 12), glyph)

        text_left = thumb_rect.right() + 12
        text_width = card.right() - text_left - 10
        title_font = QFont(option.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title = f"{job.kind.label} · {job.product_type.capitalize()}"
        time_text = when_text(job.created_at) if job.status.is_final else elapsed_text(job.elapsed)
        metrics = painter.fontMetrics()
        line = metrics.height()
        top = card.top() + 7
        painter.drawText(
            QRect(text_left, top, text_width, line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_width - 70),
        )
        painter.setFont(option.font)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        painter.drawText(
            QRect(text_left, top, text_width, line), Qt.AlignmentFlag.AlignRight, time_text
        )

        status_colour = {JobStatus.COMPLETED: SUCCESS, JobStatus.FAILED: DANGER}.get(
            job.status, palette.color(QPalette.ColorRole.Text)
        )
        notice = index.data(NoticeRole)
        detail = job.error or job.description or inputs_text(job)
        if notice and not job.status.is_final:
            detail = notice
        painter.setPen(status_colour)
        status_rect = QRect(text_left, top + line + 2, text_width, line)
        painter.drawText(status_rect, Qt.AlignmentFlag.AlignLeft, job.status.label)
        status_width = painter.fontMetrics().horizontalAdvance(job.status.label) + 10
        painter.setPen(DANGER if job.status is JobStatus.FAILED else muted)
        detail_rect = QRect(
            text_left + status_width, top + line + 2, text_width - status_width, line
        )
        painter.drawText(
            detail_rect,
            Qt.AlignmentFlag.AlignLeft,
            painter.fontMetrics().elidedText(
                detail, Qt.TextElideMode.ElideRight, detail_rect.width()
            ),
        )
        if not job.status.is_final:
            self._paint_progress(
                painter,
                QRect(text_left, card.bottom() - 7, text_width, 3),
                index.data(ProgressRole),
                palette,
            )
        painter.restore()

    def _paint_progress(
        self, painter: QPainter, bar: QRect, fraction: float | None, palette: QPalette
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        track = QColor(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 2, 2)
        painter.setBrush(accent())
        if fraction is not None:
            filled = QRect(
                bar.left(), bar.top(), int(bar.width() * max(0.0, min(1.0, fraction))), bar.height()
            )
            painter.drawRoundedRect(filled, 2, 2)
            return
        # Busy: a segment sweeping across, driven by the clock (the model repaints each second
        # and on every change).
        phase = (time.monotonic() % 1.6) / 1.6
        width = bar.width() // 4
        left = bar.left() + int((bar.width() + width) * phase) - width
        segment = QRect(
            max(bar.left(), left),
            bar.top(),
            min(bar.right(), left + width) - max(bar.left(), left),
            bar.height(),
        )
        if segment.width() > 0:
            painter.drawRoundedRect(segment, 2, 2)


class JobListView(QListView):
    """Row actions come from the context menu, the Enter key and double-clicks."""

    openResult = Signal(object)
    showInFolder = Signal(object)
    copyTaskId = Signal(object)
    stopJob = Signal(object)
    retryJob = Signal(object)
    followJob = Signal(object)
    lookForResult = Signal(object)
    """A job that may have been sent: how to find out whether it was (and charged)."""
    deleteJob = Signal(object)
    deleteJobs = Signal(list)
    """Delete pressed on selected rows (finished jobs only)."""
    jobSelected = Signal(object)

    def __init__(self, model: JobListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobList")
        self.setAccessibleName("Jobs in progress and history")
        self.setModel(model)
        self.setItemDelegate(JobDelegate(self))
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.setMinimumHeight(self.height_for_rows(LEAST_ROWS))
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.doubleClicked.connect(lambda index: self._emit(self.openResult, index))
        self.selectionModel().currentChanged.connect(
            lambda current, _previous: self._emit(self.jobSelected, current)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() > 0:
            return
        filtered = isinstance(model, JobListModel) and model.is_filtered()
        text = (
            "No jobs match. Change the search or show all jobs."
            if filtered
            else "No jobs yet. What you send appears here, with its progress."
        )
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            self.viewport().rect().adjusted(16, 16, -16, -16),
            int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            ),
            text,
        )
        painter.end()

    def height_for_rows(self, rows: int) -> int:
        return rows * ROW_HEIGHT + 2 * self.frameWidth() + 2

    def selected_jobs(self) -> list[Job]:
        """The selected rows' jobs, top to bottom (several with Shift or Ctrl)."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        model = self.model()
        return [
            job
            for job in (model.index(row, 0).data(JobRole) for row in rows)
            if isinstance(job, Job)
        ]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            chosen = [job for job in self.selected_jobs() if job.status.is_final]
            if chosen:
                self.deleteJobs.emit(chosen)
                event.accept()
                return
        super().keyPressEvent(event)

    def current_job(self) -> Job | None:
        index = self.currentIndex()
        return index.data(JobRole) if index.isValid() else None

    def _emit(self, signal: SignalInstance, index: QModelIndex) -> None:
        job = index.data(JobRole) if index.isValid() else None
        if job is not None:
            signal.emit(job)

    def actions_for(self, job: Job) -> list[QAction]:
        """The row's actions, enabled as the job's state allows."""

        def make(text: str, name: str, signal: SignalInstance, enabled: bool) -> QAction:
            action = QAction(icon(name), text, self)
            action.setEnabled(enabled)
            action.triggered.connect(lambda: signal.emit(job))
            return action

        has_result = bool(job.results)
        return [
            make("Open result", "external", self.openResult, has_result),
            make("Show in folder", "folder", self.showInFolder, job.folder.exists()),
            make("Copy task id", "copy", self.copyTaskId, bool(job.task_id)),
            make("Stop following", "stop", self.stopJob, not job.status.is_final),
            make(
                "Follow again",
                "retry",
                self.followJob,
                bool(job.task_id)
                and job.status in (JobStatus.STOPPED, JobStatus.FAILED, JobStatus.UNCERTAIN)
                and not job.results,
            ),
            make(
                "Look for the result…",
                "search",
                self.lookForResult,
                job.status is JobStatus.UNCERTAIN,
            ),
            make("Retry as a new job…", "retry", self.retryJob, job.status in RETRYABLE_STATUSES),
            make("Delete from history", "trash", self.deleteJob, job.status.is_final),
        ]

    def _menu(self, point: QPoint) -> None:
        index = self.indexAt(point)
        job = index.data(JobRole) if index.isValid() else None
        if job is None:
            return
        menu = QMenu(self)
        for action in self.actions_for(job):
            menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(point))
