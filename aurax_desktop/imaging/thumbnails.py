"""Small previews for lists, made once and kept on disk by content hash."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

from PIL import Image

from aurax_desktop import paths
from aurax_desktop.imaging.colour import flatten
from aurax_desktop.imaging.source import Source, SourceImage, load_image


def thumbnail_dir() -> Path:
    return paths.cache_dir() / "thumbnails"


def thumbnail(
    image: SourceImage | Source, size: int = 256, *, cache_dir: Path | None = None
) -> Path:
    """A JPEG of at most ``size`` pixels on its long side, cached by the picture's content.

    Asking again for the same picture (by any name) and size returns the cached
    file without decoding anything. Raises ``ImageError`` for unusable pictures.
    """
    data = image.data if isinstance(image, SourceImage) else _bytes_of(image)
    digest = hashlib.sha256(data).hexdigest()[:40]
    folder = cache_dir or thumbnail_dir()
    target = folder / digest[:2] / f"{digest}-{size}.jpg"
    if target.is_file():
        return target
    source = image if isinstance(image, SourceImage) else load_image(data, check_side=size)
    return save_thumbnail(source, target, size)


def save_thumbnail(source: SourceImage, target: Path, size: int = 256) -> Path:
    """Write a JPEG preview of ``source`` (at most ``size`` pixels) to ``target``, atomically."""
    pixels = flatten(source.decode(size), (242, 242, 242))
    out = io.BytesIO()
    pixels.save(out, "JPEG", quality=85)
    _write_atomically(target, out.getvalue())
    return target


def _bytes_of(source: Source) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    if isinstance(source, str | os.PathLike):
        return load_image(source, check_side=64).data
    return source.read()


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".thumb-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def open_thumbnail(path: Path) -> Image.Image:
    with Image.open(path) as image:
        image.load()
        return image.copy()
