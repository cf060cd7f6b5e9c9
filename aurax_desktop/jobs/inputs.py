"""What a user asks for, and how it becomes prepared files in the job's folder.

Inputs are checked against the service's rules at once (through the request
objects of ``aurax_desktop.api``) so a mistake is reported before a job exists.
Preparation (decoding, scaling, encoding) runs later on a worker thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aurax_desktop.api import ImageGenerationRequest, ProductType, TryOnRequest
from aurax_desktop.imaging import (
    PreparedImage,
    SourceImage,
    load_image,
    prepare_mask,
    prepare_upload,
)
from aurax_desktop.imaging.upload import Purpose
from aurax_desktop.imaging.upload_cache import UPLOADS
from aurax_desktop.jobs.files import write_atomically
from aurax_desktop.jobs.params import DescriptionParams, GenerationParams, TryOnParams, encode
from aurax_desktop.translation import _

if TYPE_CHECKING:
    from PIL import Image

ImageInput = SourceImage | Path | str | bytes
_CHECK = b"\xff\xd8\xff"  # stands in for image bytes while only the rules are checked

SHAPE_SIDE = 1024
DESCRIBE_SIDE = 1024


def readable_name(name: str) -> str:
    """A file name fit to show and store: bytes that are not valid UTF-8 (a name from
    an old disk or another system) become replacement marks."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _name_of(image: ImageInput, fallback: str) -> str:
    if isinstance(image, SourceImage):
        return readable_name(image.name)
    if isinstance(image, str | os.PathLike):
        return readable_name(Path(image).name)
    return fallback


def _source(image: ImageInput, name: str) -> SourceImage:
    if isinstance(image, SourceImage):
        return image
    if isinstance(image, bytes):
        return load_image(image, name=name)
    return load_image(Path(image))


def _prepared(
    image: ImageInput, name: str, max_side: int | None, purpose: Purpose
) -> PreparedImage:
    """The upload of ``image``: prepared once however many jobs of a batch it is in."""
    if isinstance(image, SourceImage | Path | str):
        key = image if isinstance(image, SourceImage) else Path(image)
        return UPLOADS.prepared(key, lambda: _source(image, name), max_side, purpose=purpose)
    return prepare_upload(_source(image, name), max_side, purpose=purpose)


@dataclass(frozen=True)
class TryOnInput:
    person: ImageInput
    garment: ImageInput
    product_type: ProductType = ProductType.GARMENT
    garment_strength: int = 2
    mask: Image.Image | None = None
    """Painted at the person photo's own resolution (or any of the same shape)."""
    prompt: str | None = None
    run_with_prompt: bool = False

    def check(self) -> TryOnRequest:
        """The request's rules, checked now (raises ``InvalidRequestError``)."""
        return TryOnRequest(
            _CHECK,
            _CHECK,
            self.product_type,
            self.garment_strength,
            None,
            self.prompt,
            self.run_with_prompt,
        )

    @property
    def source_name(self) -> str:
        # Translators: the name of a photo given without a file name (pasted); so are
        # "garment photo", "shape image" and "product photo".
        return _name_of(self.person, _("person photo"))

    def prepare(self, folder: Path, max_side: int | None) -> dict[str, Any]:
        checked = self.check()
        # Translators: a photo, named in quotes in a message about it ("“The person photo”
        # is not a picture."); so are the garment photo and the shape image.
        person = _prepared(self.person, _("The person photo"), max_side, "person")
        garment = _prepared(self.garment, _("The garment photo"), max_side, "garment")
        write_atomically(folder / "person.jpg", person.data)
        write_atomically(folder / "garment.jpg", garment.data)
        mask_name = None
        if self.mask is not None:
            mask = prepare_mask(self.mask, person)
            write_atomically(folder / "mask.png", mask.data)
            mask_name = "mask.png"
        return encode(
            TryOnParams(
                garment_strength=checked.garment_strength,
                run_with_prompt=checked.run_with_prompt,
                mask=mask_name,
                person_size=person.size,
                person_source_size=person.source_size,
                garment_name=_name_of(self.garment, _("garment photo")),
                warnings=tuple(person.warnings + garment.warnings),
            )
        )


@dataclass(frozen=True)
class GenerationInput:
    prompt: str
    product_type: ProductType = ProductType.OTHER
    width: int = 1024
    height: int = 1024
    shape: ImageInput | None = None

    def check(self) -> ImageGenerationRequest:
        return ImageGenerationRequest(self.prompt, self.product_type, None, self.width, self.height)

    def prepare(self, folder: Path) -> dict[str, Any]:
        checked = self.check()
        shape_file = shape_name = None
        if self.shape is not None:
            shape = prepare_upload(
                _source(self.shape, _("The shape image")), SHAPE_SIDE, purpose="shape", fmt="PNG"
            )
            write_atomically(folder / "shape.png", shape.data)
            shape_file, shape_name = "shape.png", _name_of(self.shape, _("shape image"))
        return encode(GenerationParams(checked.width, checked.height, shape_file, shape_name))


@dataclass(frozen=True)
class DescriptionInput:
    image: ImageInput
    product_type: ProductType = ProductType.GARMENT
    batch: str | None = None

    def check(self) -> ProductType:
        return ProductType.parse(self.product_type)

    @property
    def source_name(self) -> str:
        return _name_of(self.image, _("product photo"))

    def prepare(self, folder: Path) -> dict[str, Any]:
        upload = prepare_upload(
            _source(self.image, self.source_name), DESCRIBE_SIDE, purpose="product"
        )
        write_atomically(folder / "product.jpg", upload.data)
        return encode(DescriptionParams("product.jpg"))
