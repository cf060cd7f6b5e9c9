"""Results at print size for documents, within a bound on memory.

A result's print preview (made when it arrived, in the same decode as its list
preview) is used as it is. A result without one (from an older version) is read by
its header, then decoded reduced (a JPEG at a fraction of its size; others brought
down at once, in their own mode); one past the pixel limit is a bomb, never decoded:
it is left out of the document, with a note, and the rest is written.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from aurax_desktop.imaging import DEFAULT_MAX_PIXELS, ImageError, read_header
from aurax_desktop.jobs.results import PRINT_NAME, PRINT_SIDE


class LeftOut(Exception):  # noqa: N818 - what happened to the picture, said as it is
    """A result that cannot go into a document; ``note`` says which and why."""

    def __init__(self, note: str) -> None:
        super().__init__(note)
        self.note = note


def print_jpeg(result: Path, side: int = PRINT_SIDE) -> bytes:
    """The result as a JPEG of at most ``side`` pixels, for a document."""
    ready = result.parent / PRINT_NAME
    if side <= PRINT_SIDE and ready.is_file() and not ready.is_symlink():
        data = ready.read_bytes()
        if side == PRINT_SIDE:
            return data
        return _smaller(data, side)
    try:
        _not_a_bomb(result)  # by its header, before its bytes are read
        source = read_header(result.read_bytes(), name=result.name, max_pixels=DEFAULT_MAX_PIXELS)
        pixels = source.decode(side)
    except ImageError as exc:
        raise LeftOut(exc.user_message) from None
    except OSError as exc:
        raise LeftOut(f"the result cannot be read ({exc.strerror or exc}).") from None
    out = io.BytesIO()
    pixels.convert("RGB").save(out, "JPEG", quality=88)
    return out.getvalue()


def _not_a_bomb(result: Path) -> None:
    try:
        with Image.open(result) as probe:
            width, height = probe.size
    except (OSError, ValueError, Image.DecompressionBombError):
        return  # read_header says plainly what is wrong with it
    if width * height > DEFAULT_MAX_PIXELS:
        raise LeftOut(
            f"the result is {width} by {height} pixels, larger than a "
            "picture may be, so it was left out."
        )


def print_image(result: Path, side: int = PRINT_SIDE) -> Image.Image:
    """The result as an RGB picture of at most ``side`` pixels (for contact sheets)."""
    with Image.open(io.BytesIO(print_jpeg(result, side))) as picture:
        picture.draft("RGB", (side, side))
        loaded = picture.convert("RGB")
    loaded.thumbnail((side, side))
    return loaded


def _smaller(data: bytes, side: int) -> bytes:
    with Image.open(io.BytesIO(data)) as picture:
        picture.draft("RGB", (side, side))
        small = picture.convert("RGB")
    small.thumbnail((side, side))
    out = io.BytesIO()
    small.save(out, "JPEG", quality=88)
    return out.getvalue()
