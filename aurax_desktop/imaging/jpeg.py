"""JPEG encoding, with an encoder the window can swap for one that lets other threads run.

Pillow's JPEG encoder holds the interpreter lock while it compresses (it gives it
up only between blocks of output), so a worker encoding previews or uploads makes
the window's thread wait each time it calls into Python: with two workers busy, a
paint of a list took three to five times as long. The window sets an encoder that
compresses without the lock (Qt's, which gives it up for the whole call); the
command line keeps Pillow's, since it has no event loop to keep moving. An encoder
returns None when it cannot encode a picture, and Pillow encodes it then.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image

JpegEncoder = Callable[[Image.Image, int], bytes | None]
"""An encoder: pixels ("RGB" or "L") and a quality (1 to 100) to JPEG bytes, or None."""

_encoders: list[JpegEncoder] = []


def use_jpeg_encoder(encoder: JpegEncoder | None) -> None:
    """Encode every JPEG with ``encoder`` from now on (None: with Pillow's again)."""
    _encoders[:] = [encoder] if encoder is not None else []


def jpeg_encoder() -> JpegEncoder | None:
    """The encoder set by ``use_jpeg_encoder``; None while Pillow's is used."""
    return _encoders[0] if _encoders else None


def encode_jpeg(pixels: Image.Image, quality: int) -> bytes:
    """``pixels`` ("RGB" or "L") as JPEG bytes at ``quality``."""
    encoder = jpeg_encoder()
    if encoder is not None:
        made = encoder(pixels, quality)
        if made is not None:
            return made
    out = io.BytesIO()
    pixels.save(out, "JPEG", quality=quality)
    return out.getvalue()
