"""The window encodes JPEG with Qt's encoder, which lets its own thread run meanwhile."""

from __future__ import annotations

import io

from PIL import Image, ImageChops, ImageStat

from aurax_desktop.imaging.jpeg import jpeg_encoder
from aurax_desktop.ui.common.qt_jpeg import qt_jpeg
from tests.ui.conftest import WindowFactory


def _gradient(mode: str) -> Image.Image:
    light = Image.linear_gradient("L").resize((300, 200))
    if mode == "L":
        return light
    return Image.merge("RGB", (light, light.rotate(90), Image.new("L", (300, 200), 90)))


def test_qt_jpeg_is_a_jpeg_of_the_same_picture() -> None:
    for mode in ("RGB", "L"):
        pixels = _gradient(mode)
        made = qt_jpeg(pixels, 90)
        assert made is not None
        with Image.open(io.BytesIO(made)) as picture:
            assert (picture.format, picture.size, picture.mode) == ("JPEG", (300, 200), mode)
            difference = ImageChops.difference(picture.convert(mode), pixels)
        assert max(ImageStat.Stat(difference).mean) < 2.0


def test_quality_is_kept() -> None:
    pixels = Image.effect_noise((200, 200), 40).convert("RGB")
    low, high = qt_jpeg(pixels, 30), qt_jpeg(pixels, 95)
    assert low is not None and high is not None
    assert len(low) * 2 < len(high)


def test_other_modes_are_left_to_pillow() -> None:
    assert qt_jpeg(Image.new("RGBA", (10, 10)), 90) is None
    assert qt_jpeg(Image.new("CMYK", (10, 10)), 90) is None


def test_the_window_sets_it_for_the_image_pipeline(open_window: WindowFactory) -> None:
    assert jpeg_encoder() is None  # the command line's: Pillow's
    open_window(demo=True)
    assert jpeg_encoder() is qt_jpeg
