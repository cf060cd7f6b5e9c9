"""The image pipeline's one JPEG encoder: Pillow's, or one the program sets."""

from __future__ import annotations

import io

from PIL import Image

from aurax_desktop.imaging import encode_jpeg, prepare_upload, previews, use_jpeg_encoder
from aurax_desktop.imaging.jpeg import jpeg_encoder
from aurax_desktop.imaging.source import load_image
from tests.factories import person_jpeg


def _decoded(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "JPEG"
        return picture.convert("RGB")


def test_pillow_encodes_until_an_encoder_is_set() -> None:
    assert jpeg_encoder() is None
    pixels = Image.new("RGB", (40, 30), (200, 40, 10))
    made = encode_jpeg(pixels, 90)
    assert _decoded(made).size == (40, 30)


def test_every_jpeg_of_the_pipeline_goes_through_the_encoder_set() -> None:
    """Uploads and previews alike: what the encoder returns is what is sent and kept."""
    asked: list[tuple[tuple[int, int], str, int]] = []

    def encoder(pixels: Image.Image, quality: int) -> bytes:
        asked.append((pixels.size, pixels.mode, quality))
        out = io.BytesIO()
        pixels.save(out, "JPEG", quality=quality, comment=b"set encoder")
        return out.getvalue()

    use_jpeg_encoder(encoder)
    source = load_image(person_jpeg((600, 900)), name="person.jpg")
    upload = prepare_upload(source, 512)
    small, large = previews(source, (64, 300))
    assert [mode for _size, mode, _quality in asked] == ["RGB", "RGB", "RGB"]
    assert asked[0] == ((341, 512), "RGB", 90)
    for made in (upload.data, small, large):
        with Image.open(io.BytesIO(made)) as picture:
            assert picture.info.get("comment") == b"set encoder"
    use_jpeg_encoder(None)
    assert jpeg_encoder() is None


def test_pillow_encodes_what_the_set_encoder_cannot() -> None:
    """An encoder that cannot (its plug-in missing) returns None: Pillow's encodes it."""
    use_jpeg_encoder(lambda _pixels, _quality: None)
    made = encode_jpeg(Image.new("L", (20, 10), 128), 85)
    assert _decoded(made).size == (20, 10)
