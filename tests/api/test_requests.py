"""Requests validate the contract's rules before anything is sent."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aurax_desktop.api import (
    AuraxError,
    ImageGenerationRequest,
    InvalidRequestError,
    ProductType,
    TaskStatus,
    TryOnRequest,
)

PERSON, GARMENT = b"person-bytes", b"garment-bytes"


def test_nine_product_types_spelled_as_the_service_spells_them() -> None:
    assert [t.value for t in ProductType] == [
        "GARMENT",
        "DRESS",
        "OUTFIT",
        "FOOTWEAR",
        "BAG",
        "JEWELLERY",
        "EYEWEAR",
        "BEAUTY",
        "OTHER",
    ]
    assert ProductType.JEWELLERY.label == "Jewellery"
    assert ProductType.parse(" dress ") is ProductType.DRESS


def test_unknown_product_type_is_a_readable_value_error() -> None:
    with pytest.raises(ValueError, match="'HAT' is not a product type") as info:
        TryOnRequest(PERSON, GARMENT, product_type="HAT")  # type: ignore[arg-type]
    assert isinstance(info.value, AuraxError)
    assert "Jewellery" in info.value.user_message


@pytest.mark.parametrize("strength", [0, 4, -1, 2.0, True, "2", None])
def test_garment_strength_must_be_1_2_or_3(strength: object) -> None:
    with pytest.raises(InvalidRequestError, match="Garment strength must be 1, 2 or 3"):
        TryOnRequest(PERSON, GARMENT, ProductType.DRESS, garment_strength=strength)  # type: ignore[arg-type]


@pytest.mark.parametrize("strength", [1, 2, 3])
def test_valid_strengths(strength: int) -> None:
    assert TryOnRequest(PERSON, GARMENT, garment_strength=strength).garment_strength == strength


@pytest.mark.parametrize("field", ["person_image", "garment_image"])
def test_required_images(field: str) -> None:
    values = {"person_image": PERSON, "garment_image": GARMENT}
    values[field] = b""
    with pytest.raises(InvalidRequestError, match="empty"):
        TryOnRequest(**values)  # type: ignore[arg-type]
    values[field] = None  # type: ignore[assignment]
    with pytest.raises(InvalidRequestError, match="missing"):
        TryOnRequest(**values)  # type: ignore[arg-type]


def test_blank_prompt_becomes_none_and_use_prompt_needs_one() -> None:
    assert TryOnRequest(PERSON, GARMENT, prompt="   ").prompt is None
    assert TryOnRequest(PERSON, GARMENT, prompt=" red ").prompt == "red"
    with pytest.raises(InvalidRequestError, match="prompt is empty"):
        TryOnRequest(PERSON, GARMENT, prompt=" ", run_with_prompt=True)


@pytest.mark.parametrize("prompt", ["", "   ", "\n\t"])
def test_generation_needs_a_prompt(prompt: str) -> None:
    with pytest.raises(InvalidRequestError, match="prompt is empty"):
        ImageGenerationRequest(prompt=prompt, product_type=ProductType.BAG)


@pytest.mark.parametrize(("width", "height"), [(0, 10), (10, 0), (2049, 10), (10, 4096), (-5, 5)])
def test_generation_size_limits(width: int, height: int) -> None:
    with pytest.raises(InvalidRequestError, match="between 1 and 2048 pixels"):
        ImageGenerationRequest("a bag", ProductType.BAG, width=width, height=height)


def test_generation_size_bounds_are_inclusive() -> None:
    assert ImageGenerationRequest("a", ProductType.BAG, width=1, height=2048).height == 2048


def test_status_spellings_unified() -> None:
    assert TaskStatus.from_wire("IN_QUEUE") is TaskStatus.QUEUED
    assert TaskStatus.from_wire("PENDING") is TaskStatus.QUEUED
    assert TaskStatus.from_wire("completed") is TaskStatus.COMPLETED
    assert TaskStatus.from_wire("WEIRD") is TaskStatus.UNKNOWN
    assert TaskStatus.from_wire(None) is TaskStatus.UNKNOWN
    assert TaskStatus.CANCELLED.is_terminal and not TaskStatus.PROCESSING.is_terminal


def test_json_with_images_is_valid_json_with_plain_base64() -> None:
    import base64  # noqa: PLC0415
    import json  # noqa: PLC0415

    from aurax_desktop.api.client import json_with_images  # noqa: PLC0415

    body = json_with_images(
        {"prompt": 'say "hi"\n', "width": 5, "flag": True},
        {"maskBase64": b"\x00\xffpng", "personImage": b""},
    )
    decoded = json.loads(body)
    assert decoded == {
        "prompt": 'say "hi"\n',
        "width": 5,
        "flag": True,
        "maskBase64": base64.b64encode(b"\x00\xffpng").decode(),
        "personImage": "",
    }
    assert json.loads(json_with_images({}, {})) == {}


@given(st.binary(max_size=3 * 3 * 64 * 1024 + 7))
@settings(max_examples=40, deadline=None)
def test_base64_in_pieces_matches_one_call(data: bytes) -> None:
    """Piece by piece, the text is what one call gives (pieces join without padding)."""
    from aurax_desktop.api.client import base64_in_pieces  # noqa: PLC0415

    assert bytes(base64_in_pieces(data)) == base64.b64encode(data)


def test_an_upload_is_encoded_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large image is never base64-encoded in one call (one call holds the interpreter
    lock throughout and stalls the window's thread); a spy counts the calls."""
    from aurax_desktop.api import client  # noqa: PLC0415

    sizes: list[int] = []
    real = base64.b64encode

    def counted(piece: bytes) -> bytes:
        sizes.append(len(piece))
        return real(piece)

    monkeypatch.setattr(client.base64, "b64encode", counted)
    photo = bytes(range(256)) * (4 * 1024 * 1024 // 256)
    body = client.json_with_images({"productType": "tops"}, {"personImage": photo})
    assert max(sizes) <= client.BASE64_PIECE and len(sizes) >= 20
    assert json.loads(body)["personImage"] == real(photo).decode()
