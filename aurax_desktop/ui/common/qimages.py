"""Pixels between Pillow and Qt, without encoding round trips."""

from __future__ import annotations

from PIL import Image
from PySide6.QtGui import QImage

_FORMATS = {
    "RGB": (QImage.Format.Format_RGB888, 3),
    "RGBA": (QImage.Format.Format_RGBA8888, 4),
    "L": (QImage.Format.Format_Grayscale8, 1),
}


def qimage_over(image: Image.Image) -> tuple[QImage, bytes]:
    """A QImage reading ``image``'s pixels (RGB, RGBA or L) where they are, and the bytes
    it reads: the caller keeps them for as long as it uses the QImage."""
    fmt, channels = _FORMATS[image.mode]
    data = image.tobytes()
    return QImage(data, image.width, image.height, image.width * channels, fmt), data


def to_qimage(image: Image.Image) -> QImage:
    """A QImage owning a copy of the pixels (RGB, RGBA or L)."""
    if image.mode not in _FORMATS:
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    over, _data = qimage_over(image)
    return over.copy()  # detach from the bytes


def mask_to_pil(mask: QImage) -> Image.Image:
    """A Grayscale8 mask as a Pillow "L" image of the same size."""
    grey = mask.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    view = grey.constBits()  # no copy: Pillow reads the pixels where they are, once
    image = Image.frombuffer("L", (width, height), view, "raw", "L", stride, 1)  # type: ignore[arg-type]
    return image.copy()
