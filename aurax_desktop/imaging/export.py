"""Saving a result where the user wants it, in the format its name asks for."""

from __future__ import annotations

import shutil
from pathlib import Path

from aurax_desktop.imaging.colour import flatten
from aurax_desktop.imaging.errors import ImageError
from aurax_desktop.imaging.source import load_image

_FORMATS = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".webp": "WEBP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
}


def save_as(source: Path, target: Path, *, quality: int = 95) -> Path:
    """Copy ``source`` to ``target``, converting when the extensions differ.

    Raises ``ImageError`` for an unknown extension and ``OSError`` when the
    file cannot be written.
    """
    wanted = _FORMATS.get(target.suffix.lower())
    if wanted is None:
        raise ImageError(
            f"“{target.name}” has no picture extension. Use .png, .jpg, .webp or .tiff.",
            name=target.name,
            reason="extension",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    if _FORMATS.get(source.suffix.lower()) == wanted:
        shutil.copyfile(source, target)
        return target
    pixels = load_image(source).decode(None)
    if wanted == "JPEG":
        flatten(pixels).save(target, "JPEG", quality=quality)
    else:
        pixels.save(target, wanted)
    return target
