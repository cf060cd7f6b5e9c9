"""A job's parameters as typed objects: the one codec between the history's JSON and the
requests that are sent (and what the window shows of them).

Preparation writes a kind's parameters with ``encode``; everything that reads them
(sending, retrying, showing, recovering) goes through ``decode`` and the request
builders here, so the dictionary in the history is never rebuilt by hand.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from aurax_desktop.api import ImageGenerationRequest, ProductType, TryOnRequest


@dataclass(frozen=True)
class TryOnParams:
    garment_strength: int
    run_with_prompt: bool = False
    person: str = "person.jpg"
    garment: str = "garment.jpg"
    mask: str | None = None
    person_size: tuple[int, int] = (0, 0)
    person_source_size: tuple[int, int] = (0, 0)
    garment_name: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class GenerationParams:
    width: int
    height: int
    shape: str | None = None
    shape_name: str | None = None


@dataclass(frozen=True)
class DescriptionParams:
    image: str = "product.jpg"


@dataclass(frozen=True)
class Sent:
    """Where and from what a job was sent (known before its kind's parameters)."""

    server: str | None = None
    batch_row: int | None = None
    batch_column: int | None = None
    derived_from: str | None = None
    """The job whose result was used as this one's person photo (an outfit, step by step)."""
    extra: dict[str, Any] = field(default_factory=dict)


KindParams = TryOnParams | GenerationParams | DescriptionParams
_KINDS: dict[str, type[KindParams]] = {
    "try-on": TryOnParams,
    "image-generation": GenerationParams,
    "product-description": DescriptionParams,
}
_SENT = {f.name for f in fields(Sent)} - {"extra"}


def encode(params: KindParams | None = None, sent: Sent | None = None) -> dict[str, Any]:
    """The history's JSON for a job's parameters."""
    data: dict[str, Any] = {}
    if sent is not None:
        data.update({k: v for k, v in asdict(sent).items() if k != "extra" and v is not None})
        data.update(sent.extra)
    if params is not None:
        for key, value in asdict(params).items():
            data[key] = list(value) if isinstance(value, tuple) else value
    return data


def decode(kind: str, data: dict[str, Any]) -> KindParams | None:
    """The kind's parameters from the history (None before they are prepared)."""
    cls = _KINDS[kind]
    names = {f.name: f for f in fields(cls)}
    known = {k: v for k, v in data.items() if k in names}
    required = [
        n for n, f in names.items() if f.default is MISSING and f.default_factory is MISSING
    ]
    if any(name not in known for name in required):
        return None
    for key, value in list(known.items()):
        if isinstance(value, list):
            known[key] = tuple(value)
    return cls(**known)


def batch_cell(data: dict[str, Any]) -> tuple[int, int | None]:
    """A job's row in its batch (0 when it says none) and its column (None when it says
    none), read without the rest of what was sent: a batch of 10,000 try-ons is placed
    in its grid at once, on the window's thread."""
    row, column = data.get("batch_row"), data.get("batch_column")
    return (
        row if isinstance(row, int) and row >= 0 else 0,
        column if isinstance(column, int) and column >= 0 else None,
    )


def sent_of(data: dict[str, Any]) -> Sent:
    """Where and from what the job was sent."""
    return Sent(
        **{k: data[k] for k in _SENT if k in data},
        extra={k: v for k, v in data.items() if k not in _SENT and k not in _ALL_KIND_FIELDS},
    )


_ALL_KIND_FIELDS = {f.name for cls in _KINDS.values() for f in fields(cls)}


def try_on_request(
    folder: Path, product_type: str, prompt: str | None, p: TryOnParams
) -> TryOnRequest:
    """The request from a job's prepared files (for the first send and for retries)."""
    return TryOnRequest(
        person_image=(folder / p.person).read_bytes(),
        garment_image=(folder / p.garment).read_bytes(),
        product_type=ProductType.parse(product_type),
        garment_strength=int(p.garment_strength),
        mask=(folder / p.mask).read_bytes() if p.mask else None,
        prompt=prompt,
        run_with_prompt=p.run_with_prompt,
    )


def generation_request(
    folder: Path, product_type: str, prompt: str | None, p: GenerationParams
) -> ImageGenerationRequest:
    return ImageGenerationRequest(
        prompt=prompt or "",
        product_type=ProductType.parse(product_type),
        shape_image=(folder / p.shape).read_bytes() if p.shape else None,
        width=int(p.width),
        height=int(p.height),
    )
