"""The picture of a job's row in the Jobs list: what went in and what came out.

A try-on shows its result (or, until there is one, the person photo sent) with the
garment in a corner; other jobs show their result. Made on a worker, small, from the
files kept in the job's folder (JPEGs are decoded at a reduced scale).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from aurax_desktop.jobs import Job, JobKind
from aurax_desktop.jobs.params import TryOnParams, decode

SIDE = 96
"""Pixels of the row picture's longer side (shown at 44 logical pixels, sharp at 2x)."""


def _small(path: Path, side: int) -> QImage:
    if not path.is_file():
        return QImage()
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > side:
        reader.setScaledSize(size.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def row_picture(job: Job, side: int = SIDE) -> QImage:
    """On a worker: the row's picture (a null image when there is nothing to show)."""
    result = job.thumbnail_path
    if job.kind is not JobKind.TRY_ON:
        return _small(result, side) if result is not None else QImage()
    params = decode(job.kind.value, job.params)
    if not isinstance(params, TryOnParams):
        return _small(result, side) if result is not None else QImage()
    base = _small(result if result is not None else job.folder / params.person, side)
    garment = _small(job.folder / params.garment, side // 2)
    if base.isNull() or garment.isNull():
        return base
    return with_inset(base, garment)


def with_inset(base: QImage, inset: QImage) -> QImage:
    """``base`` with ``inset`` in its lower right corner, framed in white."""
    picture = base.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    side = max(8, min(picture.width(), picture.height()) * 11 // 20)
    fitted = inset.scaled(
        side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    frame = QRect(0, 0, fitted.width() + 4, fitted.height() + 4)
    frame.moveBottomRight(picture.rect().bottomRight())
    painter = QPainter(picture)
    painter.fillRect(frame, QColor(255, 255, 255))
    painter.drawImage(frame.left() + 2, frame.top() + 2, fitted)
    painter.end()
    return picture
