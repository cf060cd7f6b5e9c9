"""The bad-inputs corpus, made by the tests (nothing is downloaded)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pillow_heif
from PIL import Image

from tests.imaging.icc import display_p3_profile

pillow_heif.register_heif_opener()

# Upright test card: red top-left, green top-right, blue bottom-left, white bottom-right.
QUADRANTS = {
    "top_left": (220, 30, 30),
    "top_right": (30, 200, 30),
    "bottom_left": (30, 30, 220),
    "bottom_right": (240, 240, 240),
}

# The transpose that undoes each EXIF orientation (what a viewer applies).
UNDO = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
INVERSE = {
    Image.Transpose.ROTATE_270: Image.Transpose.ROTATE_90,
    Image.Transpose.ROTATE_90: Image.Transpose.ROTATE_270,
}


def card_image(size: tuple[int, int] = (160, 120)) -> Image.Image:
    w, h = size
    card = Image.new("RGB", size)
    card.paste(QUADRANTS["top_left"], (0, 0, w // 2, h // 2))
    card.paste(QUADRANTS["top_right"], (w // 2, 0, w, h // 2))
    card.paste(QUADRANTS["bottom_left"], (0, h // 2, w // 2, h))
    card.paste(QUADRANTS["bottom_right"], (w // 2, h // 2, w, h))
    return card


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def oriented_jpeg(orientation: int) -> bytes:
    """The test card stored turned, with the EXIF tag that says how to turn it back."""
    upright = card_image()
    stored = upright
    if orientation in UNDO:
        undo = UNDO[orientation]
        stored = upright.transpose(INVERSE.get(undo, undo))
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encoded(stored, "JPEG", quality=95, exif=exif.tobytes())


def png_bomb(side: int = 30_000) -> bytes:
    """A PNG header claiming side x side pixels, with a few kilobytes of data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\0" * (1 + (side + 7) // 8)
    data = zlib.compress(row * 1000, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
        + chunk(b"IDAT", data)
        + chunk(b"IEND", b"")
    )


def animated_gif() -> bytes:
    frames = [Image.new("P", (40, 40), i) for i in range(3)]
    for frame, colour in zip(frames, [(255, 0, 0), (0, 255, 0), (0, 0, 255)], strict=True):
        frame.putpalette(list(colour) + [0] * 765)
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def multipage_tiff() -> bytes:
    pages = [Image.new("RGB", (50, 30), (250, 120, 0)), Image.new("RGB", (80, 80), (0, 0, 0))]
    out = io.BytesIO()
    pages[0].save(out, "TIFF", save_all=True, append_images=pages[1:])
    return out.getvalue()


def palette_png_with_transparency() -> bytes:
    image = Image.new("P", (40, 40), 0)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    image.paste(1, (20, 0, 40, 40))
    return encoded(image, "PNG", transparency=0)


def sixteen_bit_png() -> bytes:
    image = Image.new("I;16", (32, 32), 32768)
    return encoded(image, "PNG")


def cmyk_jpeg() -> bytes:
    return encoded(Image.new("CMYK", (40, 40), (0, 255, 255, 0)), "JPEG", quality=95)


def heic_p3() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 100, 50))
    return encoded(image, "HEIF", quality=95, icc_profile=display_p3_profile())


def write_corpus(folder: Path) -> dict[str, Path]:
    """Every file of the corpus in ``folder``, by name."""
    jpeg = encoded(card_image(), "JPEG", quality=92)
    png = encoded(card_image(), "PNG")
    files: dict[str, bytes] = {
        "empty.jpg": b"",
        "notes.jpg": b"These are my notes, not a picture.\n" * 20,
        "truncated.jpg": jpeg[: len(jpeg) // 2],
        "truncated.png": png[: len(png) // 2],
        "really-a-jpeg.png": jpeg,
        "sixteen-bit.png": sixteen_bit_png(),
        "cmyk.jpg": cmyk_jpeg(),
        "palette-transparent.png": palette_png_with_transparency(),
        "grey-alpha.png": encoded(Image.new("LA", (30, 30), (128, 100)), "PNG"),
        "rgba.png": encoded(Image.new("RGBA", (30, 30), (10, 200, 10, 60)), "PNG"),
        "animated.gif": animated_gif(),
        "pages.tiff": multipage_tiff(),
        "bomb.png": png_bomb(),
        "drawing.svg": b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
        b'width="10" height="10"><rect width="10" height="10"/></svg>',
        "phone.heic": heic_p3(),
        "photo.webp": encoded(card_image(), "WEBP", quality=90),
        "photo.bmp": encoded(card_image(), "BMP"),
        "document.pdf": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
    }
    for orientation in range(1, 9):
        files[f"orientation-{orientation}.jpg"] = oriented_jpeg(orientation)
    paths = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    return paths
