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


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        # French
        ("Veste", ProductType.GARMENT),
        ("Jupe plissée", ProductType.GARMENT),
        ("Écharpe", ProductType.GARMENT),
        ("baskets cuir blanc", ProductType.FOOTWEAR),
        ("Sac cabas", ProductType.BAG),
        ("Lunettes de soleil", ProductType.EYEWEAR),
        # German, compounds by their last part, umlauts as they are
        ("Sommerkleid", ProductType.DRESS),
        ("Röcke", ProductType.GARMENT),
        ("Lederjacke", ProductType.GARMENT),
        ("Turnschuhe", ProductType.FOOTWEAR),
        ("Handschuhe", ProductType.GARMENT),  # gloves, not shoes: the longest ending
        ("Umhängetasche", ProductType.BAG),
        ("Sonnenbrille", ProductType.EYEWEAR),
        ("Halskette", ProductType.JEWELLERY),
        ("Straße", None),
        ("Anna Brock", None),  # a name, not a compound of "Rock"
        # Spanish, Italian
        ("Pantalón", ProductType.GARMENT),
        ("Zapatillas", ProductType.FOOTWEAR),
        ("Vestido de lino", ProductType.DRESS),
        ("Borsa a mano", ProductType.BAG),
        ("Orecchini", ProductType.JEWELLERY),
        ("Rossetto", ProductType.BEAUTY),
        # A word of two languages keeps its English sense
        ("Robe", ProductType.GARMENT),  # a bathrobe, not the French dress
        ("collar", None),  # a shirt's, not the Spanish necklace
    ],
)
def test_a_word_of_the_languages_the_program_speaks_names_its_type(
    words: str, kind: ProductType | None
) -> None:
    assert product_type_in_words(words) is kind


def test_a_french_or_german_photos_name_says_its_type() -> None:
    assert suggest_product_type("SS27-Veste-en-lin-écru.jpg") is ProductType.GARMENT
    assert suggest_product_type("HW26_Abendkleid_schwarz_042.jpg") is ProductType.DRESS
    assert suggest_product_type("SS27 zapatos-tacón rojo.jpg") is ProductType.FOOTWEAR
