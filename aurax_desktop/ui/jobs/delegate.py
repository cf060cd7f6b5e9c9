"""How a row of the jobs list is drawn: its picture, what it is, when it ran, its state
and progress; a generation's variations drawn as one entry (a stack with their count)
or, opened, moved in under it."""

from __future__ import annotations

import time
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from aurax_desktop.jobs import JobStatus
from aurax_desktop.ui.common.icons import pixmap
from aurax_desktop.ui.common.theme import DANGER, SUCCESS, accent, on_accent
from aurax_desktop.ui.jobs.groups import INDENT, GroupPlace, card_rect, picture_rect
from aurax_desktop.ui.jobs.model import RowRole, RowState
from aurax_desktop.ui.jobs.row_text import elapsed_text, inputs_text, type_label, when_text

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
        row = index.data(RowRole)
        if not isinstance(row, RowState):
            return
        job, thumb = row.job, row.thumbnail
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        running = not job.status.is_final
        key = (
            job.id,
            job.updated_at,
            job.status,
            rect.width(),
            rect.height(),
            selected,
            row.progress,
            row.notice,
            thumb.cacheKey() if thumb is not None else 0,
            int(job.elapsed) if running else -1,
            int(time.monotonic() * 8) if running else -1,
            row.place,
            QGuiApplication.palette().cacheKey(),  # another theme: drawn anew
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
            self._paint_row(inner, local, row)
            inner.end()
            self._rendered[key] = rendered
            while len(self._rendered) > 400:
                self._rendered.popitem(last=False)
        painter.drawPixmap(rect.topLeft(), rendered)

    def _paint_row(self, painter: QPainter, option: QStyleOptionViewItem, row: RowState) -> None:
        palette = QGuiApplication.palette()  # the view itself is transparent
        rect: QRect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        job, place = row.job, row.place
        card = card_rect(rect, place)
        background = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected:
            border = accent()
        painter.setPen(QPen(border, 1.5 if selected else 1))
        painter.setBrush(background)
        painter.drawRoundedRect(card, 8, 8)

        thumb_rect = picture_rect(rect, place, THUMB)
        if place is not None:
            _paint_group(painter, rect, thumb_rect, place, palette)
        thumb = row.thumbnail
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
        if place is not None and place.lead:
            _paint_count(painter, thumb_rect, place)

        text_left = thumb_rect.right() + 12
        text_width = card.right() - text_left - 10
        title_font = QFont(option.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title = (
            place.title(job)
            if place is not None
            else f"{job.kind.label} · {type_label(job.product_type)}"
        )
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

        word, tone = job.status.label, job.status
        notice = row.notice
        detail = job.error or job.shown_description or inputs_text(job)
        if notice and not job.status.is_final:
            detail = notice
        progress = row.progress
        busy = not job.status.is_final
        if place is not None and place.folded:  # the entry speaks for its variations
            word, tone = place.status()
            detail = place.detail(job)
            busy = place.running > 0
            progress = place.done / place.count
        painter.setPen(
            {JobStatus.COMPLETED: SUCCESS, JobStatus.FAILED: DANGER}.get(
                tone, palette.color(QPalette.ColorRole.Text)
            )
        )
        status_rect = QRect(text_left, top + line + 2, text_width, line)
        painter.drawText(status_rect, Qt.AlignmentFlag.AlignLeft, word)
        status_width = painter.fontMetrics().horizontalAdvance(word) + 10
        painter.setPen(DANGER if tone is JobStatus.FAILED else muted)
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
        if busy:
            self._paint_progress(
                painter, QRect(text_left, card.bottom() - 7, text_width, 3), progress, palette
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


def _paint_group(
    painter: QPainter, row: QRect, picture: QRect, place: GroupPlace, palette: QPalette
) -> None:
    """Behind a row's picture: a closed group's entry has cards stacked behind it; an open
    group's variations are joined to their entry by a line down the left."""
    painter.save()
    if place.folded:
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        for step in (4, 2):
            painter.drawRoundedRect(picture.translated(step, -step), 6, 6)
    elif not place.lead:
        painter.setPen(QPen(accent(), 2))
        x = row.left() + 2 + INDENT // 2
        middle = row.center().y()
        painter.drawLine(x, row.top(), x, middle if place.last else row.bottom())
        painter.drawLine(x, middle, row.left() + 2 + INDENT, middle)
    painter.restore()


def _paint_count(painter: QPainter, picture: QRect, place: GroupPlace) -> None:
    """On a group's entry: how many variations, in a badge (click to open or close)."""
    painter.save()
    font = QFont(painter.font())
    font.setWeight(QFont.Weight.Bold)
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
    painter.setFont(font)
    text = str(place.count)
    width = max(16, painter.fontMetrics().horizontalAdvance(text) + 8)
    height = painter.fontMetrics().height() + 2
    badge = QRect(picture.right() - width + 4, picture.bottom() - height + 4, width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(accent())
    painter.drawRoundedRect(badge, height / 2, height / 2)
    painter.setPen(on_accent())
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
