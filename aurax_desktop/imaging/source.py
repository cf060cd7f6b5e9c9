"""Opening pictures: check before decoding, decode only as large as needed.

``load_image`` reads the file, refuses what is not a usable picture (by its
bytes, its header and a first decode) and returns a ``SourceImage``: the
photo's upright size and a ``decode(max_side)`` that gives 8-bit sRGB pixels,
upright, no larger than asked. JPEGs decode at reduced scale (draft mode),
so a 24-megapixel photo becomes a 2048-pixel upload without ever being
decoded at full size.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import re
import stat
import struct
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from aurax_desktop.formats import format_number
from aurax_desktop.imaging.colour import has_alpha, to_srgb, to_working_mode
from aurax_desktop.imaging.errors import ImageError
from aurax_desktop.translation import LazyText, _, lazy_gettext

log = logging.getLogger(__name__)


@functools.cache
def _heif_opener() -> None:
    """HEIC and HEIF photos (iPhones') open like the others, once the first photo is
    opened (the library costs a window's first paint a sixtieth of a second)."""
    import pillow_heif  # noqa: PLC0415

    pillow_heif.register_heif_opener()


# Our own pixel limit (checked from the header, before decoding) replaces Pillow's warning.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

DEFAULT_MAX_PIXELS = 100_000_000
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
SUPPORTED_FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "BMP", "GIF", "HEIF", "MPO")

Source = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO

_ORIENTATION = 0x0112
_TRANSPOSES = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# Translators: a kind of file, with its article, as it follows "is" in
# "“{name}” is {kind}; this kind of file is not supported."
_PDF = lazy_gettext("a PDF document")
# Translators: a kind of file, as it follows "is" ("“{name}” is {kind}; ...").
_PHOTOSHOP = lazy_gettext("a Photoshop document")
# Translators: a kind of file, as it follows "is" ("“{name}” is {kind}; ...").
_ZIP = lazy_gettext("a ZIP archive")
# Translators: a kind of file, as it follows "is" ("“{name}” is {kind}; ...").
_SVG = lazy_gettext("an SVG drawing")
_UNSUPPORTED_SIGNATURES: tuple[tuple[bytes, LazyText], ...] = (
    (b"%PDF", _PDF),
    (b"8BPS", _PHOTOSHOP),
    (b"PK\x03\x04", _ZIP),
)


@dataclass(eq=False)
class SourceImage:
    """A picture that opened and decoded: its file, upright size and properties."""

    name: str
    data: bytes = field(repr=False)
    format: str
    size: tuple[int, int]
    """Width and height as the photo is seen (after EXIF orientation)."""
    alpha: bool
    orientation: int = 1
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _cache: Image.Image | None = field(default=None, repr=False)

    def target_size(self, max_side: int | None) -> tuple[int, int]:
        """The upright size at most ``max_side`` on its long side (never larger than the photo)."""
        w, h = self.size
        if not max_side or max(w, h) <= max_side:
            return w, h
        scale = max_side / max(w, h)
        return max(1, round(w * scale)), max(1, round(h * scale))

    def decode(self, max_side: int | None = None) -> Image.Image:
        """Upright 8-bit sRGB pixels (RGB, or RGBA when transparent), at most ``max_side``.

        The result is a new image the caller may change; the last decode is cached.
        """
        target = self.target_size(max_side)
        with self._lock:
            cached = self._cache
        if cached is not None and cached.size == target:
            return cached.copy()
        image = _decode(self, target)
        with self._lock:
            self._cache = image
        return image.copy()


def load_image(
    source: Source,
    *,
    name: str | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_side: int = 2048,
) -> SourceImage:
    """Open a picture from a path, bytes or a binary file object.

    Raises ``ImageError`` (and nothing else) for anything that cannot be used:
    not a picture, damaged or incomplete, too large, or an unsupported kind.
    """
    label, data = _read(source, name, max_bytes)
    if not data:
        raise ImageError(
            _("“{name}” is empty (0 bytes). Choose another file.").format(name=label),
            name=label,
            reason="empty",
        )
    image = _open(label, data, max_pixels)
    try:
        image.decode(check_side)  # proves the file decodes; kept for the upload
    except MemoryError:
        raise _too_large(label, image.size[0] * image.size[1], max_pixels) from None
    return image


def read_header(
    data: bytes, *, name: str = "", max_pixels: int = DEFAULT_MAX_PIXELS
) -> SourceImage:
    """The picture in ``data`` as known from its header alone: nothing is decoded.

    Raises ``ImageError`` for what is not a usable picture by its header (not a
    picture, an unsupported kind, more than ``max_pixels``); without a ``name``, it is
    called "The picture".
    """
    name = name or _unnamed()
    if not data:
        raise ImageError(
            _("“{name}” is empty (0 bytes).").format(name=name), name=name, reason="empty"
        )
    return _open(name, data, max_pixels)


def _unnamed() -> str:
    # Translators: a picture that has no file name, as it is named in messages
    # ("“The picture” is not a picture.").
    return _("The picture")


def _read(source: Source, name: str | None, max_bytes: int) -> tuple[str, bytes]:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        label = name or _unnamed()
    elif isinstance(source, str | os.PathLike):
        label = name or Path(source).name
        data = _read_file(Path(source), label, max_bytes)
    else:
        label = name or Path(str(getattr(source, "name", "") or _unnamed())).name
        try:
            data = source.read(max_bytes + 1)
        except OSError as exc:
            raise ImageError(
                _cannot_read(label, str(exc)), name=label, reason="unreadable"
            ) from None
        if not isinstance(data, bytes):
            raise ImageError(
                _("“{name}” is not a picture.").format(name=label),
                name=label,
                reason="not a picture",
            )
    if len(data) > max_bytes:
        raise _file_too_large(label, len(data), max_bytes)
    return label, data


def _read_file(path: Path, label: str, max_bytes: int) -> bytes:
    """A regular file's bytes, never more than ``max_bytes`` (and one): a device
    (``/dev/zero``) or a named pipe is refused before it is opened, as reading it
    would never end."""
    try:
        found = path.stat()
        if stat.S_ISDIR(found.st_mode):
            raise ImageError(
                _("“{name}” is a folder, not a picture.").format(name=label),
                name=label,
                reason="not a picture",
            )
        if not stat.S_ISREG(found.st_mode):
            raise ImageError(
                _("“{name}” is not a file but a device or a pipe, so it is not read.").format(
                    name=label
                ),
                name=label,
                reason="not a picture",
            )
        if found.st_size > max_bytes:
            raise _file_too_large(label, found.st_size, max_bytes)
        with path.open("rb") as handle:  # never more than the limit, whatever it says
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ImageError(
            _("“{name}” could not be found. It may have been moved or deleted.").format(name=label),
            name=label,
            reason="missing",
        ) from None
    except PermissionError:
        raise ImageError(
            _("“{name}” cannot be read: permission denied.").format(name=label),
            name=label,
            reason="unreadable",
        ) from None
    except OSError as exc:
        raise ImageError(
            _cannot_read(label, str(exc.strerror or exc)), name=label, reason="unreadable"
        ) from None


def _cannot_read(label: str, why: str) -> str:
    # Translators: {error} is the system's own words for what went wrong.
    return _("“{name}” cannot be read ({error}).").format(name=label, error=why)


def _megas(amount: float) -> str:
    """Millions (of bytes, of pixels) as a whole number the locale writes: "250"."""
    return format_number(amount / 1e6, decimals=0)


def _file_too_large(label: str, size: int, limit: int) -> ImageError:
    return ImageError(
        _(
            "“{name}” is too large ({size} MB; the limit is {limit} MB). Export a smaller copy."
        ).format(name=label, size=_megas(size), limit=_megas(limit)),
        name=label,
        reason="too large",
    )


def _too_large(label: str, pixels: int, limit: int) -> ImageError:
    return ImageError(
        _(
            "“{name}” is too large ({pixels} megapixels; the limit is {limit}). Resize it or "
            "export a smaller copy."
        ).format(name=label, pixels=_megas(pixels), limit=_megas(limit)),
        name=label,
        reason="too large",
    )


def _not_a_picture(label: str) -> ImageError:
    return ImageError(
        _(
            "“{name}” is not a picture. Choose a JPEG, PNG, WebP, HEIC, TIFF, BMP or GIF file."
        ).format(name=label),
        name=label,
        reason="not a picture",
    )


def _unsupported(label: str, kind: str) -> ImageError:
    return ImageError(
        # Translators: {kind} is a kind of file with its article: "a PDF document".
        _(
            "“{name}” is {kind}; this kind of file is not supported. Save or export it as "
            "JPEG, PNG, WebP, HEIC, TIFF, BMP or GIF."
        ).format(name=label, kind=kind),
        name=label,
        reason="unsupported",
    )


def _damaged(label: str) -> ImageError:
    return ImageError(
        _(
            "“{name}” is damaged or incomplete and cannot be opened. Try exporting or "
            "downloading it again."
        ).format(name=label),
        name=label,
        reason="damaged",
    )


def _sniff_unsupported(data: bytes) -> str | None:
    head = data[:512].lstrip()
    for signature, kind in _UNSUPPORTED_SIGNATURES:
        if head.startswith(signature):
            return str(kind)
    lowered = head.lower()
    if lowered.startswith(b"<svg") or (
        lowered.startswith(b"<?xml") and b"<svg" in data[:4096].lower()
    ):
        return str(_SVG)
    return None


def _open(label: str, data: bytes, max_pixels: int) -> SourceImage:
    kind = _sniff_unsupported(data)
    if kind:
        raise _unsupported(label, kind)
    try:
        _heif_opener()
        with Image.open(io.BytesIO(data)) as probe:
            fmt = probe.format or "?"
            width, height = probe.size
            orientation = _orientation(probe, data)
            alpha = has_alpha(probe)
    except Image.DecompressionBombError as exc:
        found = re.search(r"\((\d+) pixels\)", str(exc))
        raise _too_large(
            label, int(found.group(1)) if found else max_pixels * 2, max_pixels
        ) from None
    except UnidentifiedImageError:
        raise _not_a_picture(label) from None
    except (
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        struct.error,
        IndexError,
        TypeError,
        KeyError,
    ) as exc:
        log.info("Cannot open %s: %s", label, exc)
        raise _damaged(label) from None
    if fmt not in SUPPORTED_FORMATS:
        # Translators: a kind of file, as it follows "is" ("“{name}” is {kind}; ...");
        # {format} is the format's name as Pillow knows it ("ICNS", "PCX").
        raise _unsupported(label, _("a {format} file").format(format=fmt))
    if width < 1 or height < 1:
        raise _damaged(label)
    if width * height > max_pixels:
        raise _too_large(label, width * height, max_pixels)
    upright = (height, width) if orientation in (5, 6, 7, 8) else (width, height)
    return SourceImage(label, data, "HEIC" if fmt == "HEIF" else fmt, upright, alpha, orientation)


_REDUCIBLE = ("L", "LA", "RGB", "RGBA", "RGBa", "La", "I", "F", "CMYK", "YCbCr")


def _shrunk(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``image`` cheaply brought down to at most twice ``size``, in its own mode, before
    any conversion: a huge result is never widened to RGB at full size."""
    factor = min(image.width // max(1, 2 * size[0]), image.height // max(1, 2 * size[1]))
    if factor < 2:
        return image
    if image.mode in _REDUCIBLE:
        return image.reduce(factor)
    # Bilevel and palette pictures: every factor-th pixel (no mixing of palette indices).
    return image.resize(
        (max(1, image.width // factor), max(1, image.height // factor)),
        Image.Resampling.NEAREST,
    )


def _orientation(image: Image.Image, data: bytes) -> int:
    """The EXIF orientation, read without decoding a pixel. (Pillow's ``getexif`` on a
    PNG decodes the whole picture to look for an EXIF chunk after the pixels: the
    chunks are walked here instead.)"""
    try:
        if image.format == "PNG" and "exif" not in image.info:
            raw = _png_exif(data)
            if raw is None:
                return 1
            exif = Image.Exif()
            exif.load(raw)
        else:
            exif = image.getexif()
        value = exif.get(_ORIENTATION, 1)
    except Exception:
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _png_exif(data: bytes) -> bytes | None:
    """The content of a PNG's eXIf chunk, found by its chunk headers alone."""
    position = 8  # after the signature
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        if kind == b"eXIf":
            return data[position + 8 : position + 8 + length]
        if kind == b"IEND":
            return None
        position += 12 + length
    return None


def _decode(source: SourceImage, target: tuple[int, int]) -> Image.Image:
    """Decode ``source`` to ``target`` (an upright size): reduced-scale decoding,
    a cheap integer reduction, then one good filter."""
    stored = (target[1], target[0]) if source.orientation in (5, 6, 7, 8) else target
    try:
        _heif_opener()
        with Image.open(io.BytesIO(source.data)) as image:
            if getattr(image, "n_frames", 1) > 1:
                image.seek(0)
            icc = image.info.get("icc_profile")
            if image.format == "JPEG" and stored != image.size:
                image.draft(image.mode if image.mode in ("RGB", "L", "CMYK") else None, stored)
            image.load()
            pixels = to_working_mode(_shrunk(image, stored))
            if pixels.size != stored:
                pixels = pixels.resize(stored, Image.Resampling.BICUBIC, reducing_gap=2.0)
            pixels = to_srgb(pixels, icc if isinstance(icc, bytes) else None)
    except Image.DecompressionBombError:
        raise _too_large(source.name, source.size[0] * source.size[1], DEFAULT_MAX_PIXELS) from None
    except MemoryError:
        raise
    except Exception as exc:
        log.info("Cannot decode %s: %s: %s", source.name, type(exc).__name__, exc)
        raise _damaged(source.name) from None
    transpose = _TRANSPOSES.get(source.orientation)
    if transpose is not None:
        pixels = pixels.transpose(transpose)
    pixels.info.pop("exif", None)
    return pixels
