"""A picture with zoom (wheel, fit) and pan (middle button, or Space and drag)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from aurax_desktop.translation import _
from aurax_desktop.ui.common.icons import pixmap

MIN_ZOOM, MAX_ZOOM = 0.05, 32.0


FIT_MARGIN = 8


def fit_scale(image: QSize, area: QSize, margin: int = FIT_MARGIN) -> float:
    w, h = max(1, area.width() - 2 * margin), max(1, area.height() - 2 * margin)
    return min(w / image.width(), h / image.height())


def scaled_smoothly(image: QImage, size: QSize) -> QImage:
    """``image`` at ``size``: a cheap first halving when it is much larger, then the
    good filter (safe on worker threads)."""
    source = image
    if source.width() > 3 * size.width():
        source = source.scaled(
            size * 2, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation
        )
    return source.scaled(
        size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def fitted_device_size(image: QSize, area: QSize, ratio: float) -> QSize:
    """The device-pixel size of a picture of ``image`` fitted into ``area``."""
    scale = fit_scale(image, area)
    return QSizeF(image.width() * scale, image.height() * scale).toSize() * ratio


class ImageCanvas(QWidget):
    """Shows ``display`` (a preview of a photo of ``source_size``) fitted, zoomable, pannable."""

    clicked = Signal()
    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.display: QImage | None = None
        self.source_size = QSize()
        self.scale = 1.0
        self.offset = QPointF()
        self.fitted = True
        self.fit_margin = FIT_MARGIN
        """Room left around a fitted picture (none where the picture is all there is)."""
        self.placeholder = _("Drop a picture here")
        self.placeholder_icon = "image"
        self.busy_note = ""
        """Shown over the picture while a new one is being opened."""
        self._pan_from: QPointF | None = None
        self._space = False
        self._scaled: QPixmap | None = None
        self._scaled_key: tuple[int, int, int] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)

    def sizeHint(self) -> QSize:
        return QSize(360, 480)

    # The picture

    def set_image(
        self, display: QImage | None, source_size: QSize | None = None, fitted: QImage | None = None
    ) -> None:
        """Show ``display``; ``fitted`` is the same picture already scaled (on a worker)
        to ``fitted_size`` for this canvas, which spares the first paint the scaling."""
        self.display = display
        self.source_size = source_size or (display.size() if display is not None else QSize())
        self._scaled, self._scaled_key = None, None
        self.fit()
        if display is not None and fitted is not None:
            ratio = self.devicePixelRatioF()
            size = self.image_rect().size().toSize() * ratio
            if fitted.size() == size:
                self._scaled = QPixmap.fromImage(fitted)
                self._scaled.setDevicePixelRatio(ratio)
                self._scaled_key = (display.cacheKey(), size.width(), size.height())

    def set_busy_note(self, note: str) -> None:
        """Say over the picture what is being done (an empty note takes it away)."""
        if note != self.busy_note:
            self.busy_note = note
            self.update()

    def fit_area(self) -> tuple[QSize, float]:
        """The room a fitted picture has here, and the device pixel ratio (GUI thread)."""
        return self.size(), self.devicePixelRatioF()

    def has_image(self) -> bool:
        return self.display is not None and not self.display.isNull()

    def fit(self) -> None:
        self.fitted = True
        if not self.has_image():
            self.update()
            return
        assert self.display is not None
        self.scale = fit_scale(self.display.size(), self.size(), self.fit_margin)
        self.offset = QPointF(
            (self.width() - self.display.width() * self.scale) / 2,
            (self.height() - self.display.height() * self.scale) / 2,
        )
        self.zoomChanged.emit(self.zoom_percent())
        self.update()

    def zoom_percent(self) -> float:
        """Zoom relative to the photo's own pixels (100 = one photo pixel per screen pixel)."""
        if not self.has_image() or self.source_size.width() <= 0:
            return 100.0
        assert self.display is not None
        return 100.0 * self.scale * self.display.width() / self.source_size.width()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        if not self.has_image():
            return
        point = anchor or QPointF(self.width() / 2, self.height() / 2)
        new_scale = min(MAX_ZOOM, max(MIN_ZOOM, self.scale * factor))
        image_point = (point - self.offset) / self.scale
        self.scale = new_scale
        self.offset = point - image_point * new_scale
        self.fitted = False
        self.zoomChanged.emit(self.zoom_percent())
        self.update()

    def zoom_to(self, percent: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``percent`` of the photo's own pixels (100: one photo pixel per
        screen pixel), keeping the point under ``anchor`` (else the middle) in place."""
        if self.has_image():
            ratio = self.devicePixelRatioF()  # a photo pixel on a device pixel, at 200 % too
            self.zoom_by(percent / ratio / self.zoom_percent(), anchor)

    def replace_display(self, display: QImage) -> None:
        """The same picture at another resolution (the full result for a preview): the
        view stays where it is."""
        if self.display is None or display.isNull() or not self.has_image():
            return
        self.scale *= self.display.width() / display.width()
        self.display = display
        self._scaled, self._scaled_key = None, None
        self.update()

    def to_display(self, point: QPointF) -> QPointF:
        return (point - self.offset) / self.scale

    def display_to_source(self) -> float:
        if not self.has_image():
            return 1.0
        assert self.display is not None
        return self.source_size.width() / self.display.width()

    def image_rect(self) -> QRectF:
        assert self.display is not None
        return QRectF(
            self.offset,
            QSizeF(self.display.width() * self.scale, self.display.height() * self.scale),
        )

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self.has_image():
            if not self.busy_note:
                self._paint_placeholder(painter)
            self._paint_busy_note(painter)
            return
        assert self.display is not None
        rect = self.image_rect()
        if self.scale < 1.0:
            # Smooth down-scaling once per zoom level, not on every repaint (painting a
            # mask repaints on every mouse move).
            painter.drawPixmap(rect.topLeft(), self._scaled_pixmap(rect))
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.scale < 2.0)
            painter.drawImage(rect, self.display)
        self.paint_overlay(painter)
        self._paint_busy_note(painter)

    def _scaled_pixmap(self, rect: QRectF) -> QPixmap:
        assert self.display is not None
        ratio = self.devicePixelRatioF()
        size = rect.size().toSize() * ratio
        key = (self.display.cacheKey(), size.width(), size.height())
        if self._scaled is None or self._scaled_key != key:
            scaled = scaled_smoothly(self.display, size)
            self._scaled = QPixmap.fromImage(scaled)
            self._scaled.setDevicePixelRatio(ratio)
            self._scaled_key = key
        return self._scaled

    def paint_overlay(self, painter: QPainter) -> None:
        """Subclasses draw on top of the picture here."""

    def _paint_placeholder(self, painter: QPainter) -> None:
        colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
        pen_colour = QColor(colour)
        pen_colour.setAlpha(120)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_dashed_pen(pen_colour))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(6, 6, -6, -6), 10, 10)
        icon = pixmap(self.placeholder_icon, 40, colour)
        x = (self.width() - 40) / 2
        y = self.height() / 2 - 48
        painter.drawPixmap(QPointF(x, y), icon)
        painter.setPen(colour)
        text_rect = QRectF(16, y + 52, self.width() - 32, 80)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
            self.placeholder,
        )

    def _paint_busy_note(self, painter: QPainter) -> None:
        """The note in a rounded label in the middle, over a veil when a picture is shown."""
        if not self.busy_note:
            return
        palette = self.palette()
        if self.has_image():
            veil = QColor(palette.color(QPalette.ColorRole.Base))
            veil.setAlpha(150)
            painter.fillRect(self.rect(), veil)
        metrics = painter.fontMetrics()
        text = metrics.elidedText(self.busy_note, Qt.TextElideMode.ElideMiddle, self.width() - 48)
        box = QRectF(0, 0, metrics.horizontalAdvance(text) + 28, metrics.height() + 16)
        box.moveCenter(QRectF(self.rect()).center())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Window))
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

    # Input

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.15**steps, event.position())
            event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def is_panning_press(self, event: QMouseEvent) -> bool:
        return event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.has_image():
            if event.button() == Qt.MouseButton.LeftButton:
                self.clicked.emit()
            return
        if self.is_panning_press(event):
            self._pan_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self.offset += event.position() - self._pan_from
            self._pan_from = event.position()
            self.fitted = False
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            if self._space:
                self.setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.unsetCursor()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.has_image():
            self.fit()


def _dashed_pen(colour: QColor) -> QPen:
    pen = QPen(colour)
    pen.setStyle(Qt.PenStyle.DashLine)
    pen.setWidthF(1.5)
    return pen
