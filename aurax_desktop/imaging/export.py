"""Saving a result where the user wants it, in the format its name asks for."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from aurax_desktop.atomic import write_atomically
from aurax_desktop.disk_errors import why_not_written
from aurax_desktop.imaging.colour import flatten
from aurax_desktop.imaging.errors import ImageError
from aurax_desktop.imaging.jpeg import encode_jpeg
from aurax_desktop.imaging.source import load_image
from aurax_desktop.translation import _

_FORMATS = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".webp": "WEBP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
}


def save_as(source: Path, target: Path, *, quality: int = 95, claim: bool = False) -> Path:
    """Copy ``source`` to ``target``, converting when the extensions differ.

    The file appears whole or not at all (an existing one is replaced only once
    the new one is written; with ``claim``, never: ``FileExistsError``, even for a
    file another program made a moment before). Raises ``ImageError``, in plain
    words, for an unknown extension and when the file cannot be written.
    """
    wanted = _FORMATS.get(target.suffix.lower())
    if wanted is None:
        raise ImageError(
            _("“{name}” has no picture extension. Use .png, .jpg, .webp or .tiff.").format(
                name=target.name
            ),
            name=target.name,
            reason="extension",
        )
    try:
        data: bytes | None = None
        if _FORMATS.get(source.suffix.lower()) == wanted:
            data = source.read_bytes()
        else:
            data = _grey_jpeg(source, quality) if wanted == "JPEG" else None
            if data is None:
                pixels = load_image(source).decode(None)
                if wanted == "JPEG":
                    data = encode_jpeg(flatten(pixels), quality)
                else:
                    out = io.BytesIO()
                    pixels.save(out, wanted)
                    data = out.getvalue()
        return write_atomically(target, data, claim=claim)
    except OSError as exc:
        if isinstance(exc, FileExistsError) and claim and exc.filename == str(target):
            raise  # the name is taken: the caller chooses another, or says so
        raise ImageError(
            # Translators: {reason} says why and what to do, as a clause after the colon
            # ("the disk is full. Free some space or choose another disk.").
            _("“{name}” could not be saved in {folder}: {reason}").format(
                name=target.name, folder=target.parent, reason=why_not_written(exc)
            ),
            name=target.name,
            reason="write",
        ) from exc


_GREY = ("1", "L")


def _grey_jpeg(source: Path, quality: int) -> bytes | None:
    """A bilevel or grey picture as a grey JPEG, decoded at one byte a pixel (a huge
    black-and-white result is never widened to RGB); None for other pictures."""
    try:
        with Image.open(source) as image:
            if image.mode not in _GREY or image.info.get("transparency") is not None:
                return None
            grey = image.convert("L")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None  # load_image says in plain words what is wrong
    return encode_jpeg(grey, quality)
