"""Draws the demo's sample photos: a person and garments of four product types.

Our own drawings, made by this script (no photo is downloaded); they are in
the public domain (CC0). Run: python resources/samples/make_samples.py
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
SKIN, HAIR = (226, 184, 156), (60, 42, 34)


def _backdrop(
    size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> Image.Image:
    gradient = Image.linear_gradient("L").resize(size)
    return Image.merge(
        "RGB",
        [
            gradient.point(lambda v, a=a, b=b: a + (b - a) * v // 255)
            for a, b in zip(top, bottom, strict=True)
        ],
    )


def person(*, backdrop: bool = True) -> Image.Image:
    """The person, in the studio (or alone on nothing, for the sample's button)."""
    w, h = 768, 1152
    if backdrop:
        image = _backdrop((w, h), (236, 233, 228), (205, 200, 192))
    else:
        image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    cx = w // 2
    if backdrop:
        draw.ellipse((cx - 160, h - 70, cx + 160, h - 30), fill=(180, 175, 168))  # floor shadow
    draw.rounded_rectangle((cx - 92, 700, cx - 14, 1080), 30, fill=(52, 70, 110))  # legs
    draw.rounded_rectangle((cx + 14, 700, cx + 92, 1080), 30, fill=(52, 70, 110))
    draw.rounded_rectangle((cx - 110, 1060, cx - 8, 1100), 18, fill=(30, 30, 32))  # shoes
    draw.rounded_rectangle((cx + 8, 1060, cx + 110, 1100), 18, fill=(30, 30, 32))
    draw.rounded_rectangle((cx - 178, 300, cx - 128, 640), 25, fill=SKIN)  # arms
    draw.rounded_rectangle((cx + 128, 300, cx + 178, 640), 25, fill=SKIN)
    draw.rounded_rectangle((cx - 140, 270, cx + 140, 730), 60, fill=(246, 246, 244))  # tee
    draw.rounded_rectangle((cx - 30, 215, cx + 30, 290), 14, fill=SKIN)  # neck
    draw.ellipse((cx - 78, 70, cx + 78, 250), fill=SKIN)  # head
    draw.chord((cx - 86, 56, cx + 86, 200), 180, 360, fill=HAIR)
    draw.ellipse((cx - 40, 150, cx - 26, 164), fill=(60, 50, 48))
    draw.ellipse((cx + 26, 150, cx + 40, 164), fill=(60, 50, 48))
    draw.arc((cx - 26, 180, cx + 26, 214), 20, 160, fill=(150, 90, 80), width=4)
    return image.filter(ImageFilter.SMOOTH)


BACKDROP = (250, 250, 250)
"""The garments' backdrop."""


def _garment_canvas() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (800, 800), BACKDROP)
    return image, ImageDraw.Draw(image)


def dress() -> Image.Image:
    image, draw = _garment_canvas()
    red, dark = (196, 40, 56), (150, 28, 42)
    outline = [(330, 120), (470, 120), (500, 330), (640, 720), (160, 720), (300, 330)]
    fabric = Image.new("RGB", image.size, red)
    pattern = ImageDraw.Draw(fabric)
    for y in range(360, 720, 60):  # a printed pattern, on the fabric only
        for x in range(170, 640, 60):
            pattern.ellipse((x, y, x + 14, y + 14), fill=(240, 200, 205))
    shape = Image.new("L", image.size, 0)
    ImageDraw.Draw(shape).polygon(outline, fill=255)
    image.paste(fabric, (0, 0), shape)
    draw.rectangle((330, 90, 350, 130), fill=dark)
    draw.rectangle((450, 90, 470, 130), fill=dark)
    draw.line((300, 330, 500, 330), fill=dark, width=8)
    return image


def striped_top() -> Image.Image:
    image, draw = _garment_canvas()
    shape = [
        (250, 160),
        (330, 130),
        (470, 130),
        (550, 160),
        (680, 300),
        (600, 360),
        (560, 320),
        (560, 690),
        (240, 690),
        (240, 320),
        (200, 360),
        (120, 300),
    ]
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).polygon(shape, fill=255)
    stripes = Image.new("RGB", image.size, (245, 245, 240))
    stripe_draw = ImageDraw.Draw(stripes)
    for y in range(120, 700, 44):
        stripe_draw.rectangle((0, y, 800, y + 20), fill=(28, 52, 110))
    image.paste(stripes, (0, 0), mask)
    draw.arc((340, 100, 460, 180), 0, 180, fill=(28, 52, 110), width=10)
    return image


def bag() -> Image.Image:
    image, draw = _garment_canvas()
    brown, dark = (140, 86, 48), (96, 58, 32)
    draw.arc((270, 140, 530, 420), 180, 360, fill=dark, width=26)
    draw.rounded_rectangle((190, 280, 610, 660), 40, fill=brown)
    draw.rounded_rectangle((190, 280, 610, 380), 40, fill=dark)
    draw.rounded_rectangle((370, 350, 430, 410), 10, fill=(214, 178, 94))
    return image


def sneakers() -> Image.Image:
    image, draw = _garment_canvas()
    for dx, dy in ((0, 0), (60, 140)):
        body = [
            (160 + dx, 420 + dy),
            (300 + dx, 320 + dy),
            (420 + dx, 330 + dy),
            (470 + dx, 400 + dy),
            (640 + dx, 440 + dy),
            (650 + dx, 500 + dy),
            (160 + dx, 500 + dy),
        ]
        draw.polygon(body, fill=(245, 245, 245), outline=(120, 120, 120))
        draw.rectangle((160 + dx, 500 + dy, 650 + dx, 530 + dy), fill=(40, 160, 120))
        draw.line((320 + dx, 350 + dy, 420 + dx, 420 + dy), fill=(40, 160, 120), width=14)
    return image


SAMPLES = {
    "person.jpg": (person, "PERSON", "Person"),
    "dress-red.png": (dress, "DRESS", "Red dress"),
    "top-striped.png": (striped_top, "GARMENT", "Striped top"),
    "bag-leather.png": (bag, "BAG", "Leather bag"),
    "sneakers-white.png": (sneakers, "FOOTWEAR", "Sneakers"),
}


ICON_SIDE = 48
"""The button pictures' side in pixels (22 points on a screen at 200 %, and more)."""


def button_picture(name: str, image: Image.Image) -> Image.Image:
    """What a sample shows on its button in the demo banner: the person or the garment
    alone on a transparent square, so no light square shows on a dark theme."""
    if name == "person.jpg":
        cut = person(backdrop=False)
    else:  # a garment on its flat backdrop (a colour no garment uses): the backdrop goes
        cut = image.convert("RGBA")
        backdrop = Image.new("RGB", image.size, BACKDROP)
        differs = ImageChops.difference(image.convert("RGB"), backdrop).convert("L")
        cut.putalpha(differs.point(lambda v: 255 if v else 0))
    box = cut.getbbox()
    if box is not None:
        cut = cut.crop(box)
    side = max(cut.size)
    square = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    square.paste(cut, ((side - cut.width) // 2, (side - cut.height) // 2))
    return square.resize((ICON_SIDE, ICON_SIDE), Image.Resampling.LANCZOS)


def main() -> None:
    index = []
    for name, (draw, kind, label) in SAMPLES.items():
        image = draw()
        options = {"quality": 92} if name.endswith(".jpg") else {"optimize": True}
        image.save(HERE / name, **options)
        picture = f"button-{Path(name).stem}.png"
        button_picture(name, image).save(HERE / picture, optimize=True)
        index.append({"file": name, "product_type": kind, "label": label, "button": picture})
    (HERE / "samples.json").write_text(json.dumps(index, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(index)} samples to {HERE}")


if __name__ == "__main__":
    main()
