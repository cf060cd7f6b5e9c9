"""The demo server's checks of what it receives, answered as the real service answers:
NestJS error bodies with a list of messages (400), and the contract's field rules."""

from __future__ import annotations

import base64
import binascii
import io
import json
from typing import Any, ClassVar

from PIL import Image, UnidentifiedImageError
from werkzeug.wrappers import Response

PRODUCT_TYPES = (
    "GARMENT",
    "DRESS",
    "OUTFIT",
    "FOOTWEAR",
    "BAG",
    "JEWELLERY",
    "EYEWEAR",
    "BEAUTY",
    "OTHER",
)
MAX_DECODE_PIXELS = 64_000_000


class ApiError(Exception):
    """An error answer in NestJS's shape."""

    _NAMES: ClassVar[dict[int, str]] = {
        400: "Bad Request",
        401: "Unauthorized",
        402: "Payment Required",
        404: "Not Found",
        413: "Payload Too Large",
        429: "Too Many Requests",
    }

    def __init__(
        self, status: int, message: str | list[str], headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}

    def response(self) -> Response:
        body = {
            "statusCode": self.status,
            "message": self.message,
            "error": self._NAMES.get(self.status, "Error"),
        }
        return Response(
            json.dumps(body), status=self.status, headers=self.headers, mimetype="application/json"
        )


def product_type_message() -> str:
    return "productType must be one of the following values: " + ", ".join(PRODUCT_TYPES)


def checked_product_type(body: dict[str, Any], errors: list[str]) -> str | None:
    value = body.get("productType")
    if value is None:
        errors.append("productType should not be empty")
    elif value not in PRODUCT_TYPES:
        errors.append(product_type_message())
    return value if value in PRODUCT_TYPES else None


def optional_string(body: dict[str, Any], name: str, errors: list[str]) -> str | None:
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        errors.append(f"{name} must be a string")
        return None
    return value


def dimension(body: dict[str, Any], name: str, errors: list[str]) -> int:
    value = body.get(name, 1024)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        errors.append(f"{name} must be an integer number")
        return 1024
    if value < 1:
        errors.append(f"{name} must not be less than 1")
    elif value > 2048:
        errors.append(f"{name} must not be greater than 2048")
    return int(value)


def image_field(
    body: dict[str, Any], name: str, errors: list[str], *, required: bool
) -> Image.Image | None:
    value = body.get(name)
    if value is None or value == "":
        if required:
            errors.append(f"{name} should not be empty")
        return None
    if not isinstance(value, str):
        errors.append(f"{name} must be a string")
        return None
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        errors.append(f"{name} must be base64 encoded")
        return None
    return decode_image(data, name, errors)


def decode_image(data: bytes, name: str, errors: list[str]) -> Image.Image | None:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            w, h = probe.size
            if w * h > MAX_DECODE_PIXELS:
                errors.append(f"{name} is too large ({w} x {h} pixels)")
                return None
            probe.load()
            image = probe.copy()
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        Image.DecompressionBombError,
        SyntaxError,
        EOFError,
    ):
        errors.append(f"{name} must be a valid image (JPEG, PNG or WebP)")
        return None
    return image


def mask_summary(mask: Image.Image | None) -> dict[str, Any] | None:
    if mask is None:
        return None
    grey = mask.convert("L")
    histogram = grey.histogram()
    total = grey.width * grey.height
    set_pixels = sum(histogram[128:])
    return {
        "size": list(mask.size),
        "mode": mask.mode,
        "coverage": round(set_pixels / total, 6) if total else 0.0,
    }
