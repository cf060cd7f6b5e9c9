"""JPEG encoding by Qt, which lets the window's thread run while a worker compresses.

PySide gives up the interpreter lock for the whole of ``QImageWriter.write``, where
Pillow holds it for each block of output; the window sets this encoder for the
image pipeline (``use_jpeg_encoder``), so previews and uploads made on its workers
never make a paint wait.
"""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageWriter

_FORMATS = {
    "RGB": (QImage.Format.Format_RGB888, 3),
    "L": (QImage.Format.Format_Grayscale8, 1),
}


def qt_jpeg(pixels: Image.Image, quality: int) -> bytes | None:
    """``pixels`` ("RGB" or "L") as JPEG bytes; None when Qt cannot write JPEG (its
    image format plug-in missing) or the pixels are in another mode."""
    known = _FORMATS.get(pixels.mode)
    if known is None:
        return None
    fmt, channels = known
    data = pixels.tobytes()  # alive for the whole call: the QImage reads it where it is
    image = QImage(data, pixels.width, pixels.height, pixels.width * channels, fmt)
    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"jpeg"))
    writer.setQuality(quality)
    if not writer.write(image):
        return None
    buffer.close()
    return bytes(encoded.data())
