"""The words merchandisers write in a season list's Type column, or in a photo's name,
name the product type AuraX tries them on as: whole words only."""

from __future__ import annotations

import pytest

from aurax_desktop.api import ProductType
from aurax_desktop.api.suggest import product_type_in_words, suggest_product_type


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("OUTERWEAR", ProductType.GARMENT),
        ("Bottoms", ProductType.GARMENT),
        ("BOTTOM", ProductType.GARMENT),
        ("Denim", ProductType.GARMENT),
        ("Knitwear", ProductType.GARMENT),
        ("Activewear", ProductType.GARMENT),
        ("camel overcoat", ProductType.GARMENT),
        ("Tops", ProductType.GARMENT),
        ("ankle boots", ProductType.FOOTWEAR),
        ("Kaftan", None),
        ("topaz", None),
        ("suitcase", None),  # not a suit
    ],
)
def test_a_merchandisers_word_names_its_type(words: str, kind: ProductType | None) -> None:
    assert product_type_in_words(words) is kind


def test_a_photos_name_says_its_type_by_its_last_type_word() -> None:
    assert suggest_product_type("AW26 Wool-blend double-breasted overcoat camel.jpg") is (
        ProductType.GARMENT
    )
    assert suggest_product_type("AW26 outerwear 014.jpg") is ProductType.GARMENT
