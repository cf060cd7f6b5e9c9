"""The demo server's "AI": honest, fast simulations visibly tied to their inputs.

- A try-on composites the garment photo into the masked area of the person
  photo (or a plausible area for the product type) and marks it as a demo.
- A generation paints a picture of the requested size from the prompt: the
  same prompt always gives the same picture; a shape image is used as the
  product's silhouette.
- A description writes two sentences from the product type and the photo's
  dominant colours.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
import textwrap

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

# Where a product usually sits on a standing person, as fractions (x0, y0, x1, y1).
_REGIONS = {
    "GARMENT": (0.26, 0.22, 0.74, 0.56),
    "DRESS": (0.26, 0.22, 0.74, 0.86),
    "OUTFIT": (0.22, 0.2, 0.78, 0.94),
    "FOOTWEAR": (0.3, 0.88, 0.7, 0.99),
    "BAG": (0.6, 0.45, 0.86, 0.7),
    "JEWELLERY": (0.42, 0.18, 0.58, 0.26),
    "EYEWEAR": (0.38, 0.09, 0.62, 0.15),
    "BEAUTY": (0.4, 0.05, 0.6, 0.18),
    "OTHER": (0.3, 0.3, 0.7, 0.7),
}
_ROUND = ("JEWELLERY", "EYEWEAR", "BEAUTY", "BAG")
_OPACITY = {1: 0.6, 2: 0.82, 3: 1.0}

_NOUNS = {
    "GARMENT": "top",
    "DRESS": "dress",
    "OUTFIT": "outfit",
    "FOOTWEAR": "pair of shoes",
    "BAG": "bag",
    "JEWELLERY": "piece of jewellery",
    "EYEWEAR": "pair of glasses",
    "BEAUTY": "beauty product",
    "OTHER": "product",
}
_PITCH = {
    "GARMENT": "It layers easily and suits both relaxed and smart looks.",
    "DRESS": "Its clean silhouette works from daytime to evening.",
    "OUTFIT": "The pieces are coordinated to wear together or apart.",
    "FOOTWEAR": "A versatile pair that completes everyday and dressier looks.",
    "BAG": "Roomy enough for the essentials, with a shape that keeps its line.",
    "JEWELLERY": "A finishing touch that catches the light.",
    "EYEWEAR": "A frame that flatters a wide range of face shapes.",
    "BEAUTY": "Presented in packaging that looks good on any shelf.",
    "OTHER": "A well-made piece with a simple, modern look.",
}
_COLOURS = {
    "black": (20, 20, 20),
    "charcoal": (64, 64, 64),
    "grey": (128, 128, 128),
    "silver": (192, 192, 192),
    "white": (245, 245, 245),
    "cream": (240, 230, 200),
    "beige": (210, 190, 150),
    "camel": (190, 140, 80),
    "brown": (110, 70, 40),
    "red": (200, 30, 30),
    "burgundy": (120, 20, 40),
    "pink": (240, 150, 180),
    "orange": (240, 130, 30),
    "mustard": (210, 170, 40),
    "yellow": (245, 220, 50),
    "olive": (110, 120, 40),
    "green": (40, 150, 60),
    "teal": (20, 130, 130),
    "sky blue": (120, 180, 235),
    "blue": (40, 80, 200),
    "navy": (20, 30, 80),
    "purple": (110, 50, 150),
    "lilac": (190, 160, 220),
}


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (OSError, TypeError):  # pragma: no cover - Pillow without FreeType
        return ImageFont.load_default()


def _demo_badge(image: Image.Image, text: str = "AuraX demo") -> None:
    """Mark a result so nobody mistakes the simulation for the service's work."""
    draw = ImageDraw.Draw(image)
    size = max(12, min(image.size) // 28)
    font = _font(size)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    pad = size // 2
    w, h = right - left + 2 * pad, bottom - top + 2 * pad
    x, y = image.width - w - pad, image.height - h - pad
    draw.rounded_rectangle((x, y, x + w, y + h), radius=pad, fill=(17, 24, 39))
    draw.text((x + pad - left, y + pad - top), text, font=font, fill=(255, 255, 255))


def default_region(product_type: str, size: tuple[int, int]) -> Image.Image:
    """A mask of where a product of this type plausibly goes on a person photo."""
    w, h = size
    x0, y0, x1, y1 = _REGIONS.get(product_type, _REGIONS["OTHER"])
    mask = Image.new("L", size, 0)
    box = (
        int(x0 * w),
        int(y0 * h),
        max(int(x1 * w), int(x0 * w) + 1),
        max(int(y1 * h), int(y0 * h) + 1),
    )
    draw = ImageDraw.Draw(mask)
    if product_type in _ROUND:
        draw.ellipse(box, fill=255)
    else:
        draw.rounded_rectangle(box, radius=max(1, (box[2] - box[0]) // 6), fill=255)
    return mask


def try_on(
    person: Image.Image,
    garment: Image.Image,
    mask: Image.Image | None,
    product_type: str,
    strength: int,
) -> tuple[bytes, str]:
    """The person photo with the garment laid into the masked area; JPEG."""
    result = person.convert("RGB")
    if mask is not None:
        area = mask.convert("L")
        if area.size != result.size:
            area = area.resize(result.size, Image.Resampling.NEAREST)
        area = area.point(lambda v: 255 if v >= 128 else 0)
    if mask is None or area.getbbox() is None:
        area = default_region(product_type, result.size)
    box = area.getbbox()
    assert box is not None
    size = (box[2] - box[0], box[3] - box[1])
    cloth = ImageOps.fit(_without_background(garment), size, Image.Resampling.BILINEAR)
    inside = area.crop(box)
    # Soft edges, but only inward: nothing of the garment lands outside the mask.
    soft = inside.filter(ImageFilter.GaussianBlur(max(1, min(size) // 80)))
    alpha = ImageChops.multiply(soft, inside)
    alpha = ImageChops.multiply(alpha, cloth.getchannel("A"))
    opacity = _OPACITY.get(strength, 0.82)
    alpha = alpha.point(lambda v: int(v * opacity))
    result.paste(cloth.convert("RGB"), box[:2], alpha)
    _demo_badge(result)
    out = io.BytesIO()
    result.save(out, "JPEG", quality=90)
    return out.getvalue(), "image/jpeg"


def _without_background(garment: Image.Image) -> Image.Image:
    """The garment photo with its plain backdrop (the colour of its corners) made
    transparent, as a product shot on white usually is."""
    picture = garment.convert("RGBA")
    lowest = picture.getchannel("A").getextrema()[0]
    if isinstance(lowest, int | float) and lowest < 255:
        return picture  # it has its own transparency
    rgb = picture.convert("RGB")
    w, h = rgb.size
    corners = [rgb.getpixel(p) for p in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1))]
    backdrop = tuple(sorted(c[i] for c in corners)[1] for i in range(3))  # type: ignore[index]
    if min(backdrop) < 200:
        return picture  # not a light studio backdrop: the photo is the garment itself
    distance = ImageChops.difference(rgb, Image.new("RGB", rgb.size, backdrop)).convert("L")
    alpha = distance.point(lambda v: 0 if v < 18 else min(255, (v - 18) * 12))
    kept = sum(alpha.histogram()[128:]) / (w * h)
    if kept < 0.1:
        return picture  # nearly all of it looked like backdrop: keep the photo whole
    picture.putalpha(alpha)
    return picture


def _prompt_colours(seed: bytes) -> list[tuple[int, int, int]]:
    colours = []
    for i in range(3):
        hue = seed[i * 3] / 255.0
        r, g, b = (
            int(255 * c)
            for c in _hsv(hue, 0.35 + seed[i * 3 + 1] / 600, 0.55 + seed[i * 3 + 2] / 700)
        )
        colours.append((r, g, b))
    return colours


def _hsv(h: float, s: float, v: float) -> tuple[float, float, float]:
    return colorsys.hsv_to_rgb(h, min(s, 1.0), min(v, 1.0))


def generate(
    prompt: str,
    product_type: str,
    width: int,
    height: int,
    shape: Image.Image | None,
    *,
    variant: int = 0,
) -> tuple[bytes, str]:
    """A picture of ``width`` x ``height`` drawn from the prompt; PNG. The same prompt and
    ``variant`` give the same picture; another variant, another take on it."""
    seed = hashlib.sha256(f"{product_type}\n{prompt}\n{variant}".encode()).digest()
    top, bottom, accent = _prompt_colours(seed)
    gradient = Image.linear_gradient("L").resize((width, height), Image.Resampling.BILINEAR)
    image = ImageOps.colorize(gradient, top, bottom).convert("RGB")
    side = min(width, height)
    scale = 0.5 + (seed[10] % 13) / 100  # variants differ in size and place too
    box_w, box_h = int(width * scale), int(height * scale)
    x0 = (width - box_w) // 2 + int((seed[11] - 128) / 128 * width * 0.06)
    y0 = int(height * (0.1 + (seed[12] % 9) / 100))
    if shape is not None:
        silhouette = _silhouette(shape, (max(1, box_w), max(1, box_h)))
    else:
        silhouette = _product_silhouette(product_type, (max(1, box_w), max(1, box_h)))
    named = _colour_in(prompt)
    if named is not None:  # the colour asked for, a shade lighter or darker per variant
        shade = (variant % 5 - 2) * 18
        accent = tuple(max(0, min(255, c + shade)) for c in named)  # type: ignore[assignment]
    shadow = silhouette.filter(ImageFilter.GaussianBlur(max(1, side // 60)))
    image.paste((0, 0, 0), (x0 + side // 80, y0 + side // 60), shadow.point(lambda v: v // 3))
    image.paste(accent, (x0, y0), silhouette)
    draw = ImageDraw.Draw(image)
    font_size = max(10, side // 26)
    font = _font(font_size)
    lines = textwrap.wrap(prompt, width=max(12, int(width / (font_size * 0.55))))[:3]
    y = int(height * 0.76)
    for line in lines:
        draw.text(
            (width // 2, y),
            line,
            font=font,
            fill=(255, 255, 255),
            anchor="ma",
            stroke_width=max(1, font_size // 12),
            stroke_fill=(30, 30, 30),
        )
        y += int(font_size * 1.3)
    _demo_badge(image)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue(), "image/png"


def _colour_in(prompt: str) -> tuple[int, int, int] | None:
    """The first colour named in the prompt ("a red bag" -> red), if any."""
    words = prompt.lower().replace(",", " ").replace(".", " ")
    found = [(words.find(f" {n} "), n) for n in _COLOURS if f" {n} " in f" {words} "]
    return _COLOURS[min(found)[1]] if found else None


def _product_silhouette(product_type: str, size: tuple[int, int]) -> Image.Image:
    """A smooth stand-in shape filling ``size``, drawn large and scaled down (antialiased)."""
    big = (size[0] * 4, size[1] * 4)
    mask = Image.new("L", big, 0)
    draw = ImageDraw.Draw(mask)
    if product_type in _ROUND:
        draw.ellipse((0, 0, big[0] - 1, big[1] - 1), fill=255)
    else:
        draw.rounded_rectangle((0, 0, big[0] - 1, big[1] - 1), radius=min(big) // 6, fill=255)
    return mask.resize(size, Image.Resampling.BOX)


def _silhouette(shape: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The shape image's object as a mask: its alpha, or what differs from its corners."""
    if shape.mode in ("RGBA", "LA") or "transparency" in shape.info:
        alpha = shape.convert("RGBA").getchannel("A")
    else:
        grey = shape.convert("L")
        corner = grey.getpixel((0, 0))
        base = int(corner if isinstance(corner, int | float) else 255)
        alpha = grey.point(lambda v: 255 if abs(v - base) > 24 else 0)
    alpha = alpha.crop(alpha.getbbox() or (0, 0, *alpha.size))
    return ImageOps.pad(alpha, size, Image.Resampling.BILINEAR, color=0)


def _nearest_colour(rgb: tuple[int, int, int]) -> str:
    return min(
        _COLOURS, key=lambda n: sum((a - b) ** 2 for a, b in zip(_COLOURS[n], rgb, strict=True))
    )


def dominant_colours(image: Image.Image, count: int = 3) -> list[str]:
    """Colour names of the photo's main areas, background (the corners' colour) left out."""
    small = image.convert("RGB")
    small.thumbnail((64, 64))
    corners = {_nearest_colour(small.getpixel(p)) for p in _corner_points(small)}  # type: ignore[arg-type]
    quantized = small.quantize(colors=6, method=Image.Quantize.MEDIANCUT)
    palette = quantized.getpalette() or []
    counts = sorted(quantized.getcolors() or [], reverse=True)
    names: list[str] = []
    for _count, index in counts:
        position = int(index) * 3  # type: ignore[call-overload]
        red, green, blue = palette[position : position + 3]
        name = _nearest_colour((red, green, blue))
        if name not in names:
            names.append(name)
    foreground = [n for n in names if n not in corners] or names
    return foreground[:count]


def _corner_points(image: Image.Image) -> list[tuple[int, int]]:
    w, h = image.width - 1, image.height - 1
    return [(0, 0), (w, 0), (0, h), (w, h)]


def describe(image: Image.Image, product_type: str) -> str:
    """Two sentences about the product from its type and dominant colours."""
    colours = dominant_colours(image)
    noun = _NOUNS.get(product_type, "product")
    main = colours[0] if colours else "neutral"
    article = "An" if main[0] in "aeiou" else "A"
    if len(colours) > 1:
        first = f"{article} {main} {noun} with {colours[1]} details."
    else:
        first = f"{article} {main} {noun}."
    return f"{first} {_PITCH.get(product_type, _PITCH['OTHER'])}"
