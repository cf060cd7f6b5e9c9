"""JPEG encoding by Qt, which lets the window's thread run while a worker compresses.

PySide gives up the interpreter lock for the whole of ``QImageWriter.write``, where
Pillow holds it for each block of output; the window sets this encoder for the
image pipeline (``use_jpeg_encoder``), so previews and uploads made on its workers
never make a paint wait.
"""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImageWriter

from aurax_desktop.ui.common.qimages import qimage_over


def qt_jpeg(pixels: Image.Image, quality: int) -> bytes | None:
    """``pixels`` ("RGB" or "L") as JPEG bytes; None when Qt cannot write JPEG (its
    image format plug-in missing) or the pixels are in another mode."""
    if pixels.mode not in ("RGB", "L"):
        return None
    image, _data = qimage_over(pixels)  # the bytes stay alive for the whole write
    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"jpeg"))
    writer.setQuality(quality)
    written = writer.write(image)
    buffer.close()
    return bytes(encoded.data()) if written else None
