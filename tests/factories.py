"""Pictures made by the tests themselves (nothing is downloaded)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def jpeg_bytes(
    size: tuple[int, int] = (600, 900),
    colour: tuple[int, int, int] = (200, 170, 150),
    quality: int = 90,
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=quality)
    return out.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def mask_png(size: tuple[int, int], box: tuple[int, int, int, int]) -> bytes:
    """A binary mask (L, 0/255) with ``box`` painted."""
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).rectangle(box, fill=255)
    return png_bytes(mask)


def person_jpeg(size: tuple[int, int] = (600, 900)) -> bytes:
    return jpeg_bytes(size, (205, 180, 160))


def garment_jpeg(size: tuple[int, int] = (400, 400)) -> bytes:
    return jpeg_bytes(size, (20, 40, 200))
