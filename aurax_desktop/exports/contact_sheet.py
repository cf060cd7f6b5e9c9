"""A lookbook as one picture (PNG or JPEG, at least 1000 pixels wide): a row of looks per
person, each captioned with the garment and its product type."""

from __future__ import annotations

import io
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from aurax_desktop.atomic import write_atomically
from aurax_desktop.exports.lookbook import Lookbook

WIDTH = 1600
MARGIN, GAP = 40, 16
CELL = 300
"""Each look's box (pixels): as many per row as fit in ``WIDTH``."""
_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSans.ttf", "Arial.ttf", "Helvetica.ttc"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def write_contact_sheet(book: Lookbook, target: Path) -> Path:
    kind = _FORMATS.get(target.suffix.lower())
    if kind is None:
        raise ValueError(f"“{target.name}”: a contact sheet is a .png or .jpg picture.")
    if not book.pages:
        raise ValueError("There are no finished try-ons to put on a contact sheet.")
    per_row = max(1, (WIDTH - 2 * MARGIN + GAP) // (CELL + GAP))
    title, heading, small = _font(34), _font(22), _font(15)
    lines = sum(-(-len(page.looks) // per_row) for page in book.pages)
    caption = 26
    height = MARGIN + 60 + 36 * len(book.pages) + lines * (CELL + caption + GAP) + MARGIN
    sheet = Image.new("RGB", (WIDTH, height), (250, 250, 250))
    draw = ImageDraw.Draw(sheet)
    draw.text((MARGIN, MARGIN), book.title, font=title, fill=(20, 20, 28))
    stamp = time.strftime("%d %B %Y", time.localtime(book.made))
    draw.text((WIDTH - MARGIN, MARGIN + 8), stamp, font=small, fill=(90, 90, 100), anchor="ra")
    y = MARGIN + 60
    for page in book.pages:
        draw.text((MARGIN, y), page.person, font=heading, fill=(20, 20, 28))
        y += 36
        for start in range(0, len(page.looks), per_row):
            for column, look in enumerate(page.looks[start : start + per_row]):
                x = MARGIN + column * (CELL + GAP)
                with Image.open(look.picture) as picture:
                    picture.draft("RGB", (CELL, CELL))
                    fitted = ImageOps.contain(picture.convert("RGB"), (CELL, CELL))
                sheet.paste(
                    fitted, (x + (CELL - fitted.width) // 2, y + (CELL - fitted.height) // 2)
                )
                label = f"{look.garment} · {look.product_type.capitalize()}"
                if look.favourite:
                    label += " · favourite"
                draw.text((x, y + CELL + 4), label[:40], font=small, fill=(60, 60, 70))
            y += CELL + caption + GAP
    out = io.BytesIO()
    sheet.save(out, kind, **({"quality": 90} if kind == "JPEG" else {"optimize": True}))
    return write_atomically(target, out.getvalue())
