"""Uploads: the photo the service receives, and a mask that matches it pixel for pixel."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

from PIL import Image

from aurax_desktop.imaging.colour import flatten, to_srgb, to_working_mode
from aurax_desktop.imaging.errors import ImageError
from aurax_desktop.imaging.jpeg import encode_jpeg
from aurax_desktop.imaging.source import SourceImage
from aurax_desktop.translation import _

Purpose = Literal["person", "garment", "shape", "product", "photo"]
UploadFormat = Literal["JPEG", "PNG"]

SMALL_PERSON_SIDE = 512
_MIME = {"JPEG": "image/jpeg", "PNG": "image/png"}


@dataclass(frozen=True)
class PreparedImage:
    """Bytes ready to send, and how they relate to the photo they came from."""

    data: bytes
    mime: str
    size: tuple[int, int]
    source_size: tuple[int, int]
    scale: float
    warnings: tuple[str, ...] = ()

    @property
    def extension(self) -> str:
        return ".png" if self.mime == "image/png" else ".jpg"


def prepare_upload(
    image: SourceImage | Image.Image,
    max_side: int | None = 2048,
    *,
    purpose: Purpose = "photo",
    fmt: UploadFormat = "JPEG",
    quality: int = 90,
) -> PreparedImage:
    """The picture scaled down (never up) to ``max_side``, upright, sRGB, encoded.

    Transparency is laid onto white for JPEG. Metadata (EXIF, GPS) is not sent.
    ``max_side=None`` keeps the photo's own size.
    """
    if isinstance(image, SourceImage):
        source_size = image.size
        pixels = image.decode(max_side)
    else:
        source_size = image.size
        pixels = to_srgb(to_working_mode(image), image.info.get("icc_profile"))
        target = _fit(image.size, max_side)
        if pixels.size != target:
            pixels = pixels.resize(target, Image.Resampling.BICUBIC, reducing_gap=2.0)
    if fmt == "JPEG":
        data = encode_jpeg(flatten(pixels), quality)
    else:
        out = io.BytesIO()
        pixels.save(out, "PNG", compress_level=6)
        data = out.getvalue()
    scale = pixels.size[0] / source_size[0]
    return PreparedImage(
        data=data,
        mime=_MIME[fmt],
        size=pixels.size,
        source_size=source_size,
        scale=scale,
        warnings=tuple(photo_warnings(source_size, purpose)),
    )


def _fit(size: tuple[int, int], max_side: int | None) -> tuple[int, int]:
    w, h = size
    if not max_side or max(w, h) <= max_side:
        return w, h
    scale = max_side / max(w, h)
    return max(1, round(w * scale)), max(1, round(h * scale))


def photo_warnings(size: tuple[int, int], purpose: Purpose) -> list[str]:
    """What a window should tell about a photo of this size used for ``purpose``."""
    if purpose != "person":
        return []
    w, h = size
    found = []
    if min(w, h) < SMALL_PERSON_SIDE:
        found.append(
            # Translators: sides in pixels, written as they are ("800 x 600").
            _(
                "The person photo is small ({width} x {height} pixels). Try-ons look best "
                "with at least {least} pixels on the short side."
            ).format(width=w, height=h, least=SMALL_PERSON_SIDE)
        )
    if w > h * 1.1:
        found.append(
            _(
                "The person photo is landscape. An upright (portrait) photo of the whole "
                "person gives the best try-on."
            )
        )
    elif h > w * 2.6:
        found.append(_("The person photo is very narrow; the try-on may crop the person."))
    return found


def prepare_mask(mask: Image.Image, upload: PreparedImage) -> PreparedImage:
    """The painted mask as a single-channel PNG (0 or 255) of exactly ``upload.size``.

    ``mask`` may be drawn at the photo's own resolution or any other of the same
    shape; it is scaled like the person photo (nearest neighbour, so it stays
    binary). White marks the garment area. An empty mask is refused.
    """
    binary = _binary(mask)
    if binary.getbbox() is None:
        raise ImageError(
            _(
                "The mask is empty. Paint the garment area on the person photo, or clear the "
                "mask to let AuraX find the area itself."
            ),
            name="mask",
            reason="empty mask",
        )
    mw, mh = binary.size
    uw, uh = upload.size
    expected_height = mw * uh / uw
    if abs(expected_height - mh) > max(2.0, 0.02 * mh):
        raise ImageError(
            # Translators: sides in pixels, written as they are ("800 x 600").
            _(
                "The mask ({width} x {height}) does not have the shape of the person photo "
                "({photo_width} x {photo_height}). Paint the mask again."
            ).format(
                width=mw,
                height=mh,
                photo_width=upload.source_size[0],
                photo_height=upload.source_size[1],
            ),
            name="mask",
            reason="shape",
        )
    if binary.size != upload.size:
        binary = binary.resize(upload.size, Image.Resampling.NEAREST)
    out = io.BytesIO()
    binary.save(out, "PNG", optimize=False, compress_level=6)
    return PreparedImage(
        data=out.getvalue(),
        mime="image/png",
        size=binary.size,
        source_size=(mw, mh),
        scale=uw / mw,
    )


def _binary(mask: Image.Image) -> Image.Image:
    """Mode L with only 0 and 255: alpha marks the area when there is alpha, else brightness."""
    if mask.mode in ("RGBA", "LA", "PA") or (mask.mode == "P" and "transparency" in mask.info):
        grey = mask.convert("RGBA").getchannel("A")
    elif mask.mode == "1":
        grey = mask.convert("L")
    else:
        grey = to_working_mode(mask).convert("L")
    return grey.point(lambda v: 255 if v >= 128 else 0)
