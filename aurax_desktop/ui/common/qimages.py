"""Pixels between Pillow and Qt, without encoding round trips."""

from __future__ import annotations

from PIL import Image
from PySide6.QtGui import QImage


def to_qimage(image: Image.Image) -> QImage:
    """A QImage owning a copy of the pixels (RGB, RGBA or L)."""
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    formats = {
        "RGB": (QImage.Format.Format_RGB888, 3),
        "RGBA": (QImage.Format.Format_RGBA8888, 4),
        "L": (QImage.Format.Format_Grayscale8, 1),
    }
    fmt, channels = formats[image.mode]
    data = image.tobytes()
    result = QImage(data, image.width, image.height, image.width * channels, fmt)
    return result.copy()  # detach from ``data``


def mask_to_pil(mask: QImage) -> Image.Image:
    """A Grayscale8 mask as a Pillow "L" image of the same size."""
    grey = mask.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    view = grey.constBits()  # no copy: Pillow reads the pixels where they are, once
    image = Image.frombuffer("L", (width, height), view, "raw", "L", stride, 1)  # type: ignore[arg-type]
    return image.copy()
