"""The AuraX service's vocabulary: product types, task states and request objects.

Requests validate the contract's rules on construction, so nothing invalid is
ever sent (and no credit is spent on a request the server would refuse).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from aurax_desktop.api.errors import InvalidRequestError
from aurax_desktop.translation import LazyText, _, lazy_gettext, lazy_pgettext

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
        """The type in readable words, in the language spoken, for menus and messages."""
        return str(_LABELS[self])

    @property
    def spelling(self) -> str:
        """The type as ``parse`` takes it, whatever the language: "Dress"."""
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
            names = ", ".join(member.spelling for member in cls)
            raise InvalidRequestError(
                # Translators: {names} are the types as they must be typed, in English
                # ("Garment, Dress, ..."): keep them as they are.
                _("'{value}' is not a product type. Choose one of: {names}.").format(
                    value=value, names=names
                )
            ) from None


_LABELS: dict[ProductType, LazyText] = {
    ProductType.GARMENT: lazy_pgettext("product type", "Garment"),
    ProductType.DRESS: lazy_pgettext("product type", "Dress"),
    ProductType.OUTFIT: lazy_pgettext("product type", "Outfit"),
    ProductType.FOOTWEAR: lazy_pgettext("product type", "Footwear"),
    ProductType.BAG: lazy_pgettext("product type", "Bag"),
    ProductType.JEWELLERY: lazy_pgettext("product type", "Jewellery"),
    ProductType.EYEWEAR: lazy_pgettext("product type", "Eyewear"),
    ProductType.BEAUTY: lazy_pgettext("product type", "Beauty"),
    ProductType.OTHER: lazy_pgettext("product type", "Other"),
}
"""Each type's name as people read it (a product's kind, in a menu or on a page)."""


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


@dataclass(frozen=True)
class _ImageField:
    """What a request says about one of its pictures when it is missing, not bytes or
    empty (``missing`` is None for a picture the request may go without)."""

    missing: LazyText | None
    not_bytes: LazyText
    empty: LazyText


_PERSON_PHOTO = _ImageField(
    lazy_gettext("The person photo is missing. Add a picture and try again."),
    lazy_gettext("The person photo must be image data (bytes)."),
    lazy_gettext("The person photo is empty. Choose another picture."),
)
_GARMENT_PHOTO = _ImageField(
    lazy_gettext("The garment photo is missing. Add a picture and try again."),
    lazy_gettext("The garment photo must be image data (bytes)."),
    lazy_gettext("The garment photo is empty. Choose another picture."),
)
_MASK = _ImageField(
    None,
    lazy_gettext("The mask must be image data (bytes)."),
    lazy_gettext("The mask is empty. Choose another picture."),
)
_SHAPE_IMAGE = _ImageField(
    None,
    lazy_gettext("The shape image must be image data (bytes)."),
    lazy_gettext("The shape image is empty. Choose another picture."),
)


def _require_image(image: _ImageField, data: object) -> None:
    if data is None:
        if image.missing is not None:
            raise InvalidRequestError(str(image.missing))
        return
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InvalidRequestError(str(image.not_bytes))
    if len(data) == 0:
        raise InvalidRequestError(str(image.empty))


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
        _require_image(_PERSON_PHOTO, self.person_image)
        _require_image(_GARMENT_PHOTO, self.garment_image)
        _require_image(_MASK, self.mask)
        object.__setattr__(self, "product_type", ProductType.parse(self.product_type))
        strength = self.garment_strength
        if isinstance(strength, bool) or not isinstance(strength, int) or strength not in (1, 2, 3):
            raise InvalidRequestError(
                _("Garment strength must be 1, 2 or 3 (it was {value}).").format(
                    value=repr(strength)
                )
            )
        object.__setattr__(self, "prompt", _optional_text(self.prompt))
        if self.run_with_prompt and self.prompt is None:
            raise InvalidRequestError(
                # Translators: 'Use prompt' is the check box of that name on the Try-On page.
                _("'Use prompt' is on but the prompt is empty. Write a prompt.")
            )

    @property
    def cost(self) -> float:
        return COST_TRY_ON


_WIDTH_WHOLE = lazy_gettext("The width must be a whole number of pixels.")
_HEIGHT_WHOLE = lazy_gettext("The height must be a whole number of pixels.")
_WIDTH_WITHIN = lazy_gettext("The width must be between 1 and {most} pixels (it was {value}).")
_HEIGHT_WITHIN = lazy_gettext("The height must be between 1 and {most} pixels (it was {value}).")


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
            raise InvalidRequestError(_("The prompt is empty. Describe the image you want."))
        object.__setattr__(self, "prompt", self.prompt.strip())
        object.__setattr__(self, "product_type", ProductType.parse(self.product_type))
        _require_image(_SHAPE_IMAGE, self.shape_image)
        for value, whole, within in (
            (self.width, _WIDTH_WHOLE, _WIDTH_WITHIN),
            (self.height, _HEIGHT_WHOLE, _HEIGHT_WITHIN),
        ):
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidRequestError(str(whole))
            if not 1 <= value <= MAX_IMAGE_SIDE:
                # Sides in pixels are written as they are, without grouping (as "2048 x 1024").
                raise InvalidRequestError(within.format(most=MAX_IMAGE_SIDE, value=value))

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
