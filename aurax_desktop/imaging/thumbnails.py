"""Small previews for lists, made once and kept on disk by content hash."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from aurax_desktop import paths
from aurax_desktop.atomic import write_atomically
from aurax_desktop.imaging.colour import flatten
from aurax_desktop.imaging.jpeg import encode_jpeg
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
    name: str | None = None
    if isinstance(image, SourceImage):
        data = image.data
    elif isinstance(image, bytes | bytearray | memoryview):
        data = bytes(image)
    elif isinstance(image, str | os.PathLike):
        name = Path(image).name
        try:
            data = Path(image).read_bytes()
        except OSError:
            load_image(image)  # says in plain words why the file cannot be read
            raise
    else:
        data = image.read()
    digest = hashlib.sha256(data).hexdigest()[:40]
    folder = cache_dir or thumbnail_dir()
    target = folder / digest[:2] / f"{digest}-{size}.jpg"
    if target.is_file():
        return target
    source = (
        image if isinstance(image, SourceImage) else load_image(data, name=name, check_side=size)
    )
    return save_thumbnail(source, target, size)


RESULT_PREVIEW_SIDE = 384
"""A result's preview: sharp in the Gallery's cells at 200 % (176 logical pixels)."""


def preview_bytes(source: SourceImage, size: int = 256) -> bytes:
    """A JPEG preview of ``source`` (at most ``size`` pixels), from a reduced decode;
    raises ``ImageError`` when the picture does not decode whole."""
    return previews(source, (size,))[0]


def previews(source: SourceImage, sides: tuple[int, ...]) -> list[bytes]:
    """JPEG previews of ``source`` at each of ``sides`` (longest side, at most), from one
    reduced decode at the largest; raises ``ImageError`` when it does not decode whole."""
    pixels = flatten(source.decode(max(sides)), (242, 242, 242))
    made = []
    for side in sides:
        smaller = pixels.copy()
        smaller.thumbnail((side, side))
        made.append(encode_jpeg(smaller, 85 if side < 1000 else 88))
    return made


def save_thumbnail(source: SourceImage, target: Path, size: int = 256) -> Path:
    """Write a JPEG preview of ``source`` (at most ``size`` pixels) to ``target``, atomically."""
    return write_atomically(target, preview_bytes(source, size))
