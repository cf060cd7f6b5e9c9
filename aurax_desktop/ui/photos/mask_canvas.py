"""Painting the garment area on the person photo.

The mask is kept at the photo's own resolution (what is sent, scaled exactly
like the photo); a copy at the preview's resolution draws the overlay. Each
stroke, clear and invert is one step on a QUndoStack.
"""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QWidget

from aurax_desktop.translation import _, pgettext
from aurax_desktop.ui.common.qimages import mask_to_pil
from aurax_desktop.ui.common.theme import accent
from aurax_desktop.ui.photos.photo_canvas import PhotoCanvas

MIN_BRUSH, MAX_BRUSH = 4, 300


TILE = 256
"""A stroke keeps the pixels it is about to change in tiles of this size, for undo."""


def blank_masks(full: QSize, preview: QSize) -> tuple[QImage, QImage]:
    """Two separate empty masks (no shared data, so painting never has to detach)."""
    made = []
    for size in (full, preview):
        mask = QImage(size, QImage.Format.Format_Grayscale8)
        mask.fill(0)
        made.append(mask)
    return made[0], made[1]


class _Before:
    """The pixels of one mask as they were before a stroke, kept only where it touched."""

    def __init__(self) -> None:
        self.tiles: dict[tuple[int, int], QImage] = {}

    def keep(self, mask: QImage, area: QRect) -> None:
        """Save the tiles of ``mask`` under ``area`` that are not saved yet."""
        area = area.intersected(mask.rect())
        if area.isEmpty():
            return
        for ty in range(area.top() // TILE, area.bottom() // TILE + 1):
            for tx in range(area.left() // TILE, area.right() // TILE + 1):
                if (tx, ty) not in self.tiles:
                    self.tiles[tx, ty] = mask.copy(QRect(tx * TILE, ty * TILE, TILE, TILE))

    def region(self, mask: QImage, rect: QRect) -> QImage:
        """``rect`` of the mask as it was: what the stroke did not touch is as it is now."""
        before = mask.copy(rect)
        painter = QPainter(before)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        for (tx, ty), tile in self.tiles.items():
            painter.drawImage(QPoint(tx * TILE - rect.left(), ty * TILE - rect.top()), tile)
        painter.end()
        return before


class _MaskChange(QUndoCommand):
    """The pixels of one region before and after a change, in both masks."""

    def __init__(
        self,
        canvas: MaskCanvas,
        text: str,
        full_rect: QRect,
        view_rect: QRect,
        before: tuple[QImage, QImage],
    ) -> None:
        super().__init__(text)
        self.canvas = canvas
        self.full_rect, self.view_rect = full_rect, view_rect
        self.before = before
        self.after = (canvas.full_mask.copy(full_rect), canvas.preview_mask.copy(view_rect))
        self._done = True  # the change is already on the canvas when pushed

    def undo(self) -> None:
        self.canvas.restore(self.full_rect, self.view_rect, *self.before)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.canvas.restore(self.full_rect, self.view_rect, *self.after)


class _Invert(QUndoCommand):
    def __init__(self, canvas: MaskCanvas) -> None:
        super().__init__(pgettext("Undo", "Invert mask"))
        self.canvas = canvas

    def undo(self) -> None:
        self.canvas.invert_pixels()

    def redo(self) -> None:
        self.canvas.invert_pixels()


class MaskCanvas(PhotoCanvas):
    maskChanged = Signal()
    brushSizeChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maskCanvas")
        self.setAccessibleName(_("Mask painting on the person photo"))
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(40)
        self.full_mask = QImage()
        self.preview_mask = QImage()
        self.painting_enabled = True
        self.erasing = False
        self.brush_size = 40
        """Diameter in screen pixels (finer strokes when zoomed in)."""
        self.opacity = 0.5
        self._overlay: QImage | None = None
        self._before = (_Before(), _Before())
        """The full and preview masks' pixels under the current stroke, before it."""
        self._stroke = False
        self._stroke_rect = QRectF()
        self._last: QPointF | None = None
        self._erase_this_stroke = False
        self._cursor: QPointF | None = None
        self.undo_stack.indexChanged.connect(self._on_undo_index)

    # The mask

    def set_image(
        self,
        display: QImage | None,
        source_size: QSize | None = None,
        fitted: QImage | None = None,
        blanks: tuple[QImage, ...] | None = None,
    ) -> None:
        """``blanks`` are empty masks made beforehand (off the GUI thread): at the photo's
        size, then at the preview's size."""
        super().set_image(display, source_size, fitted)
        self.undo_stack.clear()
        if self.has_image():
            assert self.display is not None
            if blanks is None or blanks[0].size() != self.source_size:
                blanks = blank_masks(self.source_size, self.display.size())
            self.full_mask, self.preview_mask = blanks[0], blanks[1]
        else:
            self.full_mask, self.preview_mask = QImage(), QImage()
        self._changed()

    def swap_masks(self, masks: tuple[QImage, QImage] | None) -> None:
        """Show other masks of the same photo (another product type's): ``masks`` at the
        photo's and the preview's size; None: blank ones."""
        if not self.has_image():
            return
        assert self.display is not None
        if masks is None or masks[0].size() != self.source_size:
            masks = blank_masks(self.source_size, self.display.size())
        self.full_mask, self.preview_mask = masks
        self.undo_stack.clear()
        self._changed()

    def is_painted(self) -> bool:
        """True when some pixel of the mask is set."""
        return not self.full_mask.isNull() and mask_to_pil(self.full_mask).getbbox() is not None

    def mask_image(self) -> Image.Image | None:
        """The mask at the photo's own resolution, or None when nothing is painted."""
        if self.full_mask.isNull():
            return None
        image = mask_to_pil(self.full_mask)
        return image if image.getbbox() is not None else None

    def restore(self, full_rect: QRect, view_rect: QRect, full: QImage, view: QImage) -> None:
        for target, rect, pixels in (
            (self.full_mask, full_rect, full),
            (self.preview_mask, view_rect, view),
        ):
            painter = QPainter(target)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.drawImage(rect.topLeft(), pixels)
            painter.end()
        self._changed()

    def invert_pixels(self) -> None:
        self.full_mask.invertPixels()
        self.preview_mask.invertPixels()
        self._changed()

    def clear_mask(self) -> None:
        if not self.has_image() or not self.is_painted():
            return
        before = (self.full_mask.copy(), self.preview_mask.copy())
        self.full_mask.fill(0)
        self.preview_mask.fill(0)
        self.undo_stack.push(
            _MaskChange(
                self,
                pgettext("Undo", "Clear mask"),
                self.full_mask.rect(),
                self.preview_mask.rect(),
                before,
            )
        )

    def invert(self) -> None:
        if self.has_image():
            self.undo_stack.push(_Invert(self))  # pushing applies it

    def set_brush_size(self, size: int) -> None:
        size = max(MIN_BRUSH, min(MAX_BRUSH, int(size)))
        if size != self.brush_size:
            self.brush_size = size
            self.brushSizeChanged.emit(size)
            self.update()

    def smaller_brush(self) -> None:
        """The brush a step smaller ([)."""
        self.set_brush_size(round(self.brush_size / 1.25))

    def larger_brush(self) -> None:
        """The brush a step larger (])."""
        self.set_brush_size(round(self.brush_size * 1.25) + 1)

    def set_opacity(self, opacity: float) -> None:
        self.opacity = max(0.0, min(1.0, opacity))
        self.update()

    @Slot(int)
    def _on_undo_index(self, _index: int) -> None:
        self._changed()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # another theme: another accent
            self._overlay = None
            self.update()

    def _changed(self) -> None:
        self._overlay = None
        self.update()
        self.maskChanged.emit()

    # Painting strokes

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if (
            self.has_image()
            and self.painting_enabled
            and not self.is_panning_press(event)
            and event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton)
        ):
            self._stroke = True
            self._stroke_rect = QRectF()
            self._before = (_Before(), _Before())
            self._erase_this_stroke = self.erasing or event.button() == Qt.MouseButton.RightButton
            self._last = self.to_display(event.position())
            self._paint_segment(self._last, self._last)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._cursor = event.position()
        if self._stroke and self._last is not None:
            point = self.to_display(event.position())
            self._paint_segment(self._last, point)
            self._last = point
            return
        super().mouseMoveEvent(event)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._stroke:
            self._finish_stroke()
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._cursor = None
        self.update()

    def _paint_segment(self, start: QPointF, end: QPointF) -> None:
        width_view = self.brush_size / self.scale
        ratio = self.display_to_source()
        colour = QColor(0, 0, 0) if self._erase_this_stroke else QColor(255, 255, 255)
        half = width_view / 2 + 2
        segment = QRectF(start, end).normalized().adjusted(-half, -half, half, half)
        for target, factor, width, before in (
            (self.preview_mask, 1.0, width_view, self._before[1]),
            (self.full_mask, ratio, width_view * ratio, self._before[0]),
        ):
            area = QRectF(segment.topLeft() * factor, segment.bottomRight() * factor)
            before.keep(target, area.toAlignedRect().adjusted(-2, -2, 2, 2))
            painter = QPainter(target)
            pen = QPen(colour)
            pen.setWidthF(max(1.0, width))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawLine(start * factor, end * factor)
            painter.end()
        self._stroke_rect = (
            self._stroke_rect.united(segment) if self._stroke_rect.isValid() else segment
        )
        self._overlay = None
        self.update()

    def _finish_stroke(self) -> None:
        view_rect = self._stroke_rect.toAlignedRect().intersected(self.preview_mask.rect())
        ratio = self.display_to_source()
        full = QRectF(self._stroke_rect.topLeft() * ratio, self._stroke_rect.bottomRight() * ratio)
        full_rect = full.toAlignedRect().adjusted(-2, -2, 2, 2).intersected(self.full_mask.rect())
        self._stroke, self._last = False, None
        if full_rect.isEmpty():
            return
        before = (
            self._before[0].region(self.full_mask, full_rect),
            self._before[1].region(self.preview_mask, view_rect),
        )
        self._before = (_Before(), _Before())
        # Translators: what Edit → Undo undoes ("Undo Erase"), a stroke of the eraser or
        # of the brush.
        text = pgettext("Undo", "Erase") if self._erase_this_stroke else pgettext("Undo", "Paint")
        self.undo_stack.push(_MaskChange(self, text, full_rect, view_rect, before))

    # Keys: [ and ] change the brush; B and E pick brush or eraser

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_BracketLeft:
            self.smaller_brush()
        elif key == Qt.Key.Key_BracketRight:
            self.larger_brush()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # Drawing the overlay

    def paint_overlay(self, painter: QPainter) -> None:
        if self.preview_mask.isNull():
            return
        target = self.image_rect()
        size = target.size().toSize().boundedTo(self.preview_mask.size())
        if self._overlay is None or self._overlay.size() != size:
            alpha = self.preview_mask.scaled(
                size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation
            )
            overlay = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            overlay.fill(accent())
            overlay.setAlphaChannel(alpha)
            self._overlay = overlay
        painter.setOpacity(self.opacity)
        painter.drawImage(target, self._overlay)
        painter.setOpacity(1.0)
        if self._cursor is not None and self.painting_enabled:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            radius = self.brush_size / 2
            for colour, width in ((QColor(0, 0, 0, 160), 3.0), (QColor(255, 255, 255), 1.2)):
                pen = QPen(colour)
                pen.setWidthF(width)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(self._cursor, radius, radius)
