"""Every file a user may bring loads correctly or is refused with a useful message."""

from __future__ import annotations

import contextlib
import io
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from aurax_desktop.imaging import ImageError, load_image
from tests.imaging.corpus import QUADRANTS, card_image, encoded, write_corpus
from tests.imaging.icc import swapped_red_green_profile


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


def close(a: object, b: tuple[int, ...], tolerance: int = 30) -> bool:
    assert isinstance(a, tuple)
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=False))


REFUSED = {
    "empty.jpg": "is empty (0 bytes)",
    "notes.jpg": "is not a picture",
    "truncated.jpg": "is damaged or incomplete",
    "truncated.png": "is damaged or incomplete",
    "bomb.png": "is too large (900 megapixels; the limit is 100)",
    "drawing.svg": "this kind of file is not supported",
    "document.pdf": "this kind of file is not supported",
}


@pytest.mark.parametrize(("name", "message"), sorted(REFUSED.items()))
def test_refusals_name_the_file_and_say_what_is_wrong(
    corpus: dict[str, Path], name: str, message: str
) -> None:
    started = time.monotonic()
    with pytest.raises(ImageError) as info:
        load_image(corpus[name])
    assert time.monotonic() - started < 1.0
    text = str(info.value)
    assert f"“{name}”" in text
    assert message in text
    assert isinstance(info.value, ValueError)
    assert text.endswith(".")


def test_refusal_advice() -> None:
    with pytest.raises(ImageError, match="Choose a JPEG, PNG, WebP, HEIC, TIFF, BMP or GIF file"):
        load_image(b"hello", name="hello.jpg")
    with pytest.raises(ImageError, match="Export a smaller copy"):
        load_image(b"x" * 2000, name="big.jpg", max_bytes=1000)
    with pytest.raises(ImageError, match="could not be found"):
        load_image(Path("/nonexistent/folder/photo.jpg"))


@pytest.mark.parametrize(
    ("name", "size", "alpha"),
    [
        ("really-a-jpeg.png", (160, 120), False),
        ("photo.webp", (160, 120), False),
        ("photo.bmp", (160, 120), False),
        ("sixteen-bit.png", (32, 32), False),
        ("cmyk.jpg", (40, 40), False),
        ("palette-transparent.png", (40, 40), True),
        ("grey-alpha.png", (30, 30), True),
        ("rgba.png", (30, 30), True),
        ("animated.gif", (40, 40), False),
        ("pages.tiff", (50, 30), False),
        ("phone.heic", (64, 48), False),
    ],
)
def test_pictures_load_within_a_second(
    corpus: dict[str, Path], name: str, size: tuple[int, int], alpha: bool
) -> None:
    started = time.monotonic()
    image = load_image(corpus[name])
    pixels = image.decode()
    assert time.monotonic() - started < 1.0
    assert image.size == size and pixels.size == size
    assert image.alpha is alpha
    assert pixels.mode == ("RGBA" if alpha else "RGB")
    assert image.name == name


def test_pixels_come_out_right(corpus: dict[str, Path]) -> None:
    grey16 = load_image(corpus["sixteen-bit.png"]).decode().getpixel((5, 5))
    assert close(grey16, (128, 128, 128), 2)  # 32768 of 65535, not clipped to white
    assert close(load_image(corpus["cmyk.jpg"]).decode().getpixel((5, 5)), (255, 0, 0), 40)
    palette = load_image(corpus["palette-transparent.png"]).decode()
    assert palette.getpixel((5, 5))[3] == 0  # type: ignore[index]
    assert close(palette.getpixel((30, 5)), (0, 0, 255, 255), 0)
    assert close(
        load_image(corpus["grey-alpha.png"]).decode().getpixel((1, 1)), (128, 128, 128, 100), 0
    )
    assert close(load_image(corpus["animated.gif"]).decode().getpixel((1, 1)), (255, 0, 0), 0)
    assert close(load_image(corpus["pages.tiff"]).decode().getpixel((1, 1)), (250, 120, 0), 0)


def test_heic_display_p3_is_converted_to_srgb(corpus: dict[str, Path]) -> None:
    pixel = load_image(corpus["phone.heic"]).decode().getpixel((10, 10))
    assert isinstance(pixel, tuple)
    # P3 (200, 100, 50) is a more saturated orange in sRGB: red up, blue down.
    assert pixel[0] > 205 and pixel[2] < 40


def test_embedded_profile_is_applied() -> None:
    data = encoded(
        Image.new("RGB", (20, 20), (255, 0, 0)), "PNG", icc_profile=swapped_red_green_profile()
    )
    assert close(load_image(data).decode().getpixel((3, 3)), (0, 255, 0), 3)
    jpeg = encoded(
        Image.new("RGB", (20, 20), (255, 0, 0)),
        "JPEG",
        quality=100,
        icc_profile=swapped_red_green_profile(),
    )
    assert close(load_image(jpeg).decode().getpixel((3, 3)), (0, 255, 0), 12)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(
    corpus: dict[str, Path], orientation: int
) -> None:
    image = load_image(corpus[f"orientation-{orientation}.jpg"])
    assert image.size == (160, 120)
    pixels = image.decode()
    assert pixels.size == (160, 120)
    for (x, y), quadrant in {
        (20, 20): "top_left",
        (140, 20): "top_right",
        (20, 100): "bottom_left",
        (140, 100): "bottom_right",
    }.items():
        assert close(pixels.getpixel((x, y)), QUADRANTS[quadrant]), (orientation, quadrant)
    assert close(image.decode(80).getpixel((10, 10)), QUADRANTS["top_left"])


def test_sources_path_bytes_and_file_object(corpus: dict[str, Path]) -> None:
    path = corpus["photo.webp"]
    assert load_image(str(path)).size == (160, 120)
    assert load_image(path.read_bytes()).name == "The picture"
    with path.open("rb") as handle:
        assert load_image(handle).name == "photo.webp"
    assert load_image(io.BytesIO(path.read_bytes()), name="mine.webp").name == "mine.webp"


def test_pixel_limit_is_configurable() -> None:
    data = encoded(card_image((400, 300)), "PNG")
    with pytest.raises(ImageError, match=r"too large \(0 megapixels; the limit is 0\)"):
        load_image(data, max_pixels=100_000)
    assert load_image(data, max_pixels=120_000).size == (400, 300)


valid = [encoded(card_image(), "JPEG"), encoded(card_image(), "PNG"), encoded(card_image(), "WEBP")]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(valid),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8),
    st.integers(0, 10**6),
)
def test_damaged_bytes_raise_only_image_error(
    original: bytes, flips: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(original[: max(1, cut % (len(original) + 1))])
    for position, value in flips:
        data[position % len(data)] = value
    try:
        image = load_image(bytes(data), name="fuzzed.jpg")
    except ImageError as error:
        assert "fuzzed.jpg" in str(error)
    else:
        assert image.decode().mode in ("RGB", "RGBA")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_image_error(data: bytes) -> None:
    with contextlib.suppress(ImageError):
        load_image(data)
