"""Pixel formats and colour: every picture becomes 8-bit sRGB (RGB, or RGBA with alpha)."""

from __future__ import annotations

import io
import logging
from functools import lru_cache

from PIL import Image, ImageCms

log = logging.getLogger(__name__)

_NATIVE = ("RGB", "RGBA", "L", "CMYK")
"""Modes that resize well as they are (colour management comes after resizing)."""


@lru_cache(maxsize=1)
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@lru_cache(maxsize=16)
def _transform(icc: bytes, in_mode: str) -> ImageCms.ImageCmsTransform | None:
    """A cached transform from the embedded profile to sRGB; None when not needed or broken."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        description = (ImageCms.getProfileDescription(source) or "").lower()
        if in_mode == "RGB" and "srgb" in description:
            return None  # already sRGB
        return ImageCms.buildTransform(
            source, _srgb(), in_mode, "RGB", renderingIntent=ImageCms.Intent.PERCEPTUAL
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as exc:
        log.warning("Ignoring a colour profile that cannot be used: %s", exc)
        return None


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )


def to_working_mode(image: Image.Image) -> Image.Image:
    """A mode that resizes correctly: 16-bit and float greys scaled to 8 bits,
    palettes expanded, premultiplied alpha undone. Native modes are kept."""
    mode = image.mode
    if mode in _NATIVE:
        return image
    if mode.startswith("I;16") or mode in ("I", "F"):
        return _scale_to_8_bit(image)
    if has_alpha(image):
        return image.convert("RGBA")
    return image.convert("RGB")


def _scale_to_8_bit(image: Image.Image) -> Image.Image:
    wide = image.convert("F")
    extrema = wide.getextrema()
    high = float(extrema[1]) if isinstance(extrema[1], int | float) else 65535.0
    top = 65535.0 if high > 255 else 255.0
    if image.mode == "F" and high <= 1.0:
        top = 1.0
    factor = 255.0 / top
    return wide.point(lambda v: v * factor).convert("L")


def to_srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """8-bit sRGB: RGB, or RGBA when the picture has transparency.

    Colours go through the embedded ICC profile (Display P3 phone photos, CMYK
    print files) so they do not shift; a broken profile is ignored.
    """
    alpha: Image.Image | None = None
    if image.mode == "RGBA":
        alpha = image.getchannel("A")
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "L", "CMYK"):
        image = to_working_mode(image)
        if image.mode == "RGBA":
            alpha = image.getchannel("A")
            image = image.convert("RGB")
    transform = _transform(icc_profile, image.mode) if icc_profile else None
    if transform is not None:
        try:
            image = ImageCms.applyTransform(image, transform) or image
        except (ImageCms.PyCMSError, ValueError) as exc:
            log.warning("Colour conversion failed; using the pixels as they are: %s", exc)
    if image.mode != "RGB":
        image = image.convert("RGB")
    if alpha is not None:
        image.putalpha(alpha)
    return image


def flatten(image: Image.Image, background: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    """RGB, with any transparency laid onto ``background``."""
    if image.mode == "RGBA":
        canvas = Image.new("RGB", image.size, background)
        canvas.paste(image, mask=image.getchannel("A"))
        return canvas
    return image if image.mode == "RGB" else image.convert("RGB")
