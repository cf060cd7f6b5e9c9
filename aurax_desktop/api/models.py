"""The AuraX service's vocabulary: product types, task states and request objects.

Requests validate the contract's rules on construction, so nothing invalid is
ever sent (and no credit is spent on a request the server would refuse).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from aurax_desktop.api.errors import InvalidRequestError

MAX_IMAGE_SIDE = 2048
"""The largest width or height an image generation may ask for."""

CREDITS: dict[str, float] = {
    "try-on": 3.0,
    "image-generation": 1.0,
    "product-description": 0.25,
}
"""What each kind of request costs, in credits: the one table of costs."""

COST_TRY_ON = CREDITS["try-on"]
COST_IMAGE_GENERATION = CREDITS["image-generation"]
COST_PRODUCT_DESCRIPTION = CREDITS["product-description"]


class ProductType(enum.StrEnum):
    """The nine product types the service knows, spelled as it spells them."""

    GARMENT = "GARMENT"
    DRESS = "DRESS"
    OUTFIT = "OUTFIT"
    FOOTWEAR = "FOOTWEAR"
    BAG = "BAG"
    JEWELLERY = "JEWELLERY"
    EYEWEAR = "EYEWEAR"
    BEAUTY = "BEAUTY"
    OTHER = "OTHER"

    @property
    def label(self) -> str:
        """The type in readable words, for menus and messages."""
        return self.value.capitalize()

    @classmethod
    def parse(cls, value: str | ProductType) -> ProductType:
        """The product type named by ``value`` (case and spaces forgiven)."""
        if isinstance(value, ProductType):
            return value
        text = str(value).strip().upper()
        try:
            return cls(text)
        except ValueError:
            names = ", ".join(member.label for member in cls)
            raise InvalidRequestError(
                f"'{value}' is not a product type. Choose one of: {names}."
            ) from None


class TaskStatus(enum.StrEnum):
    """A task's state, with the stream's and the status endpoint's spellings unified."""

    QUEUED = "QUEUED"
    PROCESSING = "PROCESSING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"
    UNKNOWN = "UNKNOWN"

    @property
    def is_terminal(self) -> bool:
        return self in (TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED)

    @classmethod
    def from_wire(cls, value: object) -> TaskStatus:
        """Map a status as the server spells it; anything unexpected is UNKNOWN."""
        if not isinstance(value, str):
            return cls.UNKNOWN
        text = value.strip().upper()
        aliases = {
            "IN_QUEUE": cls.QUEUED,
            "PENDING": cls.QUEUED,
            "QUEUED": cls.QUEUED,
            "PROCESSING": cls.PROCESSING,
            "IN_PROGRESS": cls.PROCESSING,
            "RUNNING": cls.PROCESSING,
            "COMPLETED": cls.COMPLETED,
            "SUCCEEDED": cls.COMPLETED,
            "FAILED": cls.FAILED,
            "ERROR": cls.FAILED,
            "CANCELLED": cls.CANCELLED,
            "CANCELED": cls.CANCELLED,
        }
        return aliases.get(text, cls.UNKNOWN)


@dataclass(frozen=True)
class TaskState:
    """What the server last said about a task."""

    task_id: str
    status: TaskStatus
    image_ids: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()
    raw_status: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def _require_image(name: str, data: object, *, required: bool) -> None:
    if data is None:
        if required:
            raise InvalidRequestError(f"The {name} is missing. Add a picture and try again.")
        return
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InvalidRequestError(f"The {name} must be image data (bytes).")
    if len(data) == 0:
        raise InvalidRequestError(f"The {name} is empty. Choose another picture.")


def _optional_text(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    return text or None


@dataclass(frozen=True)
class TryOnRequest:
    """A virtual try-on: the person photo wearing the garment photo.

    Images are the prepared upload bytes (JPEG or PNG); the client encodes them.
    """

    person_image: bytes
    garment_image: bytes
    product_type: ProductType = ProductType.GARMENT
    garment_strength: int = 2
    mask: bytes | None = None
    prompt: str | None = None
    run_with_prompt: bool = False

    def __post_init__(self) -> None:
        _require_image("person photo", self.person_image, required=True)
        _require_image("garment photo", self.garment_image, required=True)
        _require_image("mask", self.mask, required=False)
        object.__setattr__(self, "product_type", ProductType.parse(self.product_type))
        strength = self.garment_strength
        if isinstance(strength, bool) or not isinstance(strength, int) or strength not in (1, 2, 3):
            raise InvalidRequestError(f"Garment strength must be 1, 2 or 3 (it was {strength!r}).")
        object.__setattr__(self, "prompt", _optional_text(self.prompt))
        if self.run_with_prompt and self.prompt is None:
            raise InvalidRequestError("'Use prompt' is on but the prompt is empty. Write a prompt.")

    @property
    def cost(self) -> float:
        return COST_TRY_ON


@dataclass(frozen=True)
class ImageGenerationRequest:
    """A product image generated from a prompt, optionally following a shape image."""

    prompt: str
    product_type: ProductType = ProductType.OTHER
    shape_image: bytes | None = None
    width: int = 1024
    height: int = 1024

    def __post_init__(self) -> None:
        if not isinstance(self.prompt, str) or not self.prompt.strip():
            raise InvalidRequestError("The prompt is empty. Describe the image you want.")
        object.__setattr__(self, "prompt", self.prompt.strip())
        object.__setattr__(self, "product_type", ProductType.parse(self.product_type))
        _require_image("shape image", self.shape_image, required=False)
        for name in ("width", "height"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidRequestError(f"The {name} must be a whole number of pixels.")
            if not 1 <= value <= MAX_IMAGE_SIDE:
                raise InvalidRequestError(
                    f"The {name} must be between 1 and {MAX_IMAGE_SIDE} pixels (it was {value})."
                )

    @property
    def cost(self) -> float:
        return COST_IMAGE_GENERATION


def image_mime(data: bytes) -> str:
    """The MIME type of image bytes from their signature (JPEG, PNG, WebP)."""
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"
