"""Results at print size for documents, within a bound on memory.

A result's print preview (made when it arrived, in the same decode as its list
preview) is used as it is. A result without one (from an older version) is read by
its header, then decoded reduced (a JPEG at a fraction of its size; others brought
down at once, in their own mode); one past the pixel limit is a bomb, never decoded:
it is left out of the document, with a note, and the rest is written.
"""

from __future__ import annotations

import io
import math
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from aurax_desktop.imaging import DEFAULT_MAX_PIXELS, ImageError, read_header
from aurax_desktop.imaging.jpeg import encode_jpeg
from aurax_desktop.jobs.files import PRINT_NAME, PRINT_SIDE
from aurax_desktop.translation import _

PRINT_DPI = 300
"""The resolution a document's pictures are made at for the room they are given."""


def print_side(points: float) -> int:
    """The pixels a picture needs on its long side to fill ``points`` (1/72 inch) of a
    page at print resolution; never more than a print preview has."""
    return min(PRINT_SIDE, math.ceil(points / 72 * PRINT_DPI))


class LeftOut(Exception):  # noqa: N818 - what happened to the picture, said as it is
    """A result that cannot go into a document; ``note`` says which and why."""

    def __init__(self, note: str) -> None:
        super().__init__(note)
        self.note = note


def look_name(person: str, garment: str) -> str:
    """A look as a document's notes name it: "anna with Linen dress"."""
    # Translators: a look in a document: a person's name and the garment they wear
    return _("{person} with {garment}").format(person=person, garment=garment)


def left_out_note(what: str, why: str) -> str:
    """The note on a picture left out of a document: ``what`` it shows, ``why``."""
    # Translators: {what} is a picture: "anna with Linen dress" or "The photo of Linen
    # dress"; {why} is a sentence saying what is wrong with it
    return _("{what} was left out: {why}").format(what=what, why=why)


@dataclass(frozen=True)
class PrintPicture:
    """A JPEG file to embed as it is (a PDF takes a JPEG's bytes without decoding them),
    and its size in pixels."""

    path: Path
    size: tuple[int, int]


class PrintShelf:
    """The pictures of one document being written: each made once, as a JPEG file in
    a private temporary folder that goes when the document is done (``with``), and
    the notes about pictures left out.

    A result's print preview is used where it lies; anything else is reduced into
    the folder, so a document's memory is one picture's, whatever its length."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self._made: dict[tuple[Path, int, bool], PrintPicture] = {}
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> PrintShelf:
        self._folder = tempfile.TemporaryDirectory(prefix="aurax-print-")
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def take(
        self, result: Path, about: str, *, side: int = PRINT_SIDE, preview: bool = True
    ) -> PrintPicture | None:
        """``result`` for print at ``side`` pixels, or None with a note saying that
        ``about`` (who or what it shows) was left out, and why."""
        key = (result, side, preview)
        if key not in self._made:
            try:
                self._made[key] = self._make(result, side, preview)
            except LeftOut as left:
                self.notes.append(left_out_note(about, left.note))
                return None
        return self._made[key]

    def _make(self, result: Path, side: int, preview: bool) -> PrintPicture:
        ready = result.parent / PRINT_NAME
        if preview and side == PRINT_SIDE and ready.is_file() and not ready.is_symlink():
            path = ready
        else:
            assert self._folder is not None, "a PrintShelf is used inside ``with``"
            path = Path(self._folder.name) / f"{len(self._made)}.jpg"
            path.write_bytes(print_jpeg(result, side, preview=preview))
        try:
            with Image.open(path) as picture:
                return PrintPicture(path, picture.size)
        except (OSError, ValueError) as exc:
            # Translators: {error} is the system's own words (often English)
            why = _("its print picture cannot be read ({error}).")
            raise LeftOut(why.format(error=exc)) from None


def print_jpeg(result: Path, side: int = PRINT_SIDE, *, preview: bool = True) -> bytes:
    """The result as a JPEG of at most ``side`` pixels, for a document (from its print
    preview when it has one and ``preview``)."""
    ready = result.parent / PRINT_NAME
    if preview and side <= PRINT_SIDE and ready.is_file() and not ready.is_symlink():
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
        # Translators: {error} is the system's own words
        why = _("the result cannot be read ({error}).").format(error=exc.strerror or exc)
        raise LeftOut(why) from None
    return encode_jpeg(pixels.convert("RGB"), 88)


def _not_a_bomb(result: Path) -> None:
    try:
        with Image.open(result) as probe:
            width, height = probe.size
    except (OSError, ValueError, Image.DecompressionBombError):
        return  # read_header says plainly what is wrong with it
    if width * height > DEFAULT_MAX_PIXELS:
        raise LeftOut(
            _(
                "the result is {width} by {height} pixels, larger than a picture may be, so it "
                "was left out."
            ).format(width=width, height=height)
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
    return encode_jpeg(small, 88)
