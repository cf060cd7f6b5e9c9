"""prepare_upload, prepare_mask and thumbnail."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from aurax_desktop.imaging import ImageError, load_image, prepare_mask, prepare_upload, thumbnail
from tests.imaging.corpus import QUADRANTS, card_image, encoded, oriented_jpeg


def photo(size: tuple[int, int]) -> bytes:
    return encoded(card_image(size), "JPEG", quality=92)


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def values_of(image: Image.Image) -> set[int]:
    return {value for value, count in enumerate(image.histogram()) if count}


def test_downscales_to_max_side_keeping_the_shape() -> None:
    source = load_image(photo((6000, 4000)))
    upload = prepare_upload(source, max_side=2048)
    assert upload.size == (2048, 1365)
    assert upload.source_size == (6000, 4000)
    assert upload.scale == pytest.approx(2048 / 6000)
    assert upload.mime == "image/jpeg" and upload.extension == ".jpg"
    image = decoded(upload.data)
    assert image.format == "JPEG" and image.size == (2048, 1365)
    assert not image.getexif()  # no metadata (location) is sent


def test_never_upscales() -> None:
    upload = prepare_upload(load_image(photo((300, 200))), max_side=2048)
    assert upload.size == (300, 200) and upload.scale == 1.0
    assert prepare_upload(load_image(photo((300, 200))), max_side=None).size == (300, 200)


def test_original_size_when_asked() -> None:
    assert prepare_upload(load_image(photo((3000, 2000))), max_side=None).size == (3000, 2000)


def test_upload_is_upright() -> None:
    upload = prepare_upload(load_image(oriented_jpeg(6)), max_side=80)
    image = decoded(upload.data).convert("RGB")
    assert image.size == (80, 60)
    red = image.getpixel((8, 8))
    assert isinstance(red, tuple) and red[0] > 180 and red[1] < 80


def test_transparency_is_laid_onto_white() -> None:
    rgba = Image.new("RGBA", (50, 50), (0, 0, 0, 0))
    rgba.paste((255, 0, 0, 255), (0, 0, 25, 50))
    upload = prepare_upload(load_image(encoded(rgba, "PNG")))
    image = decoded(upload.data).convert("RGB")
    assert image.getpixel((40, 25)) == pytest.approx((255, 255, 255), abs=3)
    assert image.getpixel((5, 25))[0] > 240  # type: ignore[index]
    png = prepare_upload(load_image(encoded(rgba, "PNG")), fmt="PNG")
    assert png.mime == "image/png" and decoded(png.data).mode == "RGBA"


def test_quality_is_good() -> None:
    source = load_image(photo((800, 600)))
    upload = decoded(prepare_upload(source).data).convert("RGB")
    assert upload.getpixel((100, 100)) == pytest.approx(QUADRANTS["top_left"], abs=6)


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((400, 700), ["small"]),
        ((1600, 1000), ["landscape"]),
        ((300, 1200), ["small", "narrow"]),
        ((800, 1200), []),
    ],
)
def test_person_photo_warnings(size: tuple[int, int], expected: list[str]) -> None:
    upload = prepare_upload(load_image(photo(size)), purpose="person")
    assert len(upload.warnings) == len(expected)
    for warning, word in zip(upload.warnings, expected, strict=True):
        assert word in warning
    assert prepare_upload(load_image(photo(size)), purpose="garment").warnings == ()


def test_accepts_a_pil_image_too() -> None:
    upload = prepare_upload(card_image((4000, 1000)), max_side=1000)
    assert upload.size == (1000, 250)


def painted(size: tuple[int, int], box: tuple[int, int, int, int], mode: str = "L") -> Image.Image:
    mask = Image.new(mode, size, 0)
    ImageDraw.Draw(mask).rectangle(box, fill=255 if mode == "L" else (255, 255, 255, 255))
    return mask


def test_mask_scaled_like_the_person_upload() -> None:
    upload = prepare_upload(load_image(photo((6000, 4000))), max_side=2048)
    mask = prepare_mask(painted((6000, 4000), (1500, 1000, 4499, 2999)), upload)
    assert mask.size == upload.size == (2048, 1365)
    assert mask.mime == "image/png"
    image = decoded(mask.data)
    assert image.mode == "L"
    assert values_of(image) == {0, 255}
    coverage = image.histogram()[255] / (2048 * 1365)
    assert coverage == pytest.approx(0.25, abs=0.01)
    assert image.getpixel((1024, 682)) == 255 and image.getpixel((10, 10)) == 0


def test_mask_drawn_at_another_resolution() -> None:
    upload = prepare_upload(load_image(photo((1200, 1800))), max_side=2048)
    mask = prepare_mask(painted((400, 600), (0, 0, 199, 599)), upload)
    assert mask.size == (1200, 1800)
    image = decoded(mask.data)
    assert image.getpixel((590, 900)) == 255 and image.getpixel((610, 900)) == 0


def test_soft_and_rgba_masks_become_binary() -> None:
    upload = prepare_upload(load_image(photo((100, 100))))
    soft = Image.linear_gradient("L").resize((100, 100))
    assert values_of(decoded(prepare_mask(soft, upload).data)) == {0, 255}
    rgba = painted((100, 100), (0, 0, 49, 99), mode="RGBA")
    image = decoded(prepare_mask(rgba, upload).data)
    assert image.getpixel((10, 50)) == 255 and image.getpixel((90, 50)) == 0


def test_empty_mask_is_refused() -> None:
    upload = prepare_upload(load_image(photo((100, 100))))
    with pytest.raises(ImageError, match="The mask is empty"):
        prepare_mask(Image.new("L", (100, 100), 0), upload)


def test_mask_of_another_shape_is_refused() -> None:
    upload = prepare_upload(load_image(photo((600, 900))))
    with pytest.raises(ImageError, match="does not have the shape of the person photo"):
        prepare_mask(painted((900, 600), (0, 0, 100, 100)), upload)


def test_thumbnail_is_cached_by_content(tmp_path: Path) -> None:
    first_file = tmp_path / "a.jpg"
    first_file.write_bytes(photo((3000, 2000)))
    copy = tmp_path / "copy of a.jpg"
    copy.write_bytes(first_file.read_bytes())
    started = time.perf_counter()
    made = thumbnail(first_file, 256, cache_dir=tmp_path / "cache")
    first = time.perf_counter() - started
    stamp = made.stat().st_mtime_ns
    assert Image.open(made).size == (256, 171)
    started = time.perf_counter()
    again = thumbnail(copy, 256, cache_dir=tmp_path / "cache")
    second = time.perf_counter() - started
    assert again == made and again.stat().st_mtime_ns == stamp  # not made again
    assert thumbnail(first_file, 64, cache_dir=tmp_path / "cache") != made
    assert second < first
    leftovers = [p for p in (tmp_path / "cache").rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_thumbnail_defaults_to_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AURAX_DATA_DIR", str(tmp_path))
    made = thumbnail(photo((100, 80)))
    assert tmp_path in made.parents
    assert os.path.getsize(made) > 0


def test_thumbnail_of_a_bad_file_is_an_image_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_text("nope")
    with pytest.raises(ImageError, match="not a picture"):
        thumbnail(bad, cache_dir=tmp_path)
