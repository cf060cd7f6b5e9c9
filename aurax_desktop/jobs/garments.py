"""A garment as the catalog knows it: its photo, its product type, and what a season's
list says of it (SKU, name, category, prices and currency, colour, sizes, description).
Each try-on job keeps its garment's details among its parameters, so the history,
lookbooks, line sheets and exports show each job's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from aurax_desktop.api import ProductType
from aurax_desktop.api.suggest import suggest_product_type
from aurax_desktop.translation import ngettext, pgettext

SKU, LABEL, PRICE, COLOUR = "sku", "garment_label", "price", "colour"
CATEGORY, WHOLESALE, CURRENCY = "category", "wholesale", "currency"
SIZES, DESCRIPTION = "sizes", "list_description"
DETAILS = (SKU, LABEL, CATEGORY, PRICE, WHOLESALE, CURRENCY, COLOUR, SIZES, DESCRIPTION)
"""The keys of a garment's details among a job's parameters (``PRICE`` is the retail
price)."""
_SEPARATORS = re.compile(r"[\s_\-.]+")


def display_name(file_name: str, *, cut_from: str = "") -> str:
    """A name for people from a file's name: without its extension, separators as
    spaces ("SS27_linen-dress.jpg" -> "SS27 linen dress"). A name already written with
    spaces keeps its hyphens and underscores, which are then its own ("Anna-Maria
    Kowalska", "SKU WT-3310-CHR"); ``cut_from``: the whole file name ``file_name`` is a
    part of, whose spaces decide."""
    stem = _stem(file_name)
    if " " in _stem(cut_from or file_name).strip():
        return " ".join(stem.split()) or file_name
    return " ".join(_SEPARATORS.sub(" ", stem).split()) or file_name


def _stem(file_name: str) -> str:
    return PurePath(file_name).stem if "." in file_name else file_name


@dataclass(frozen=True)
class Garment:
    """A garment photo with its own type (and, from a list, its details)."""

    photo: Path
    product_type: ProductType | None = None
    """None when neither the list nor the file's name says (it must be chosen)."""
    sku: str = ""
    name: str = ""
    price: str = ""
    """The retail price as written in the list ("€ 49.90", "49,90"); documents show it
    by locale with its currency (``prices``)."""
    colour: str = ""
    category: str = ""
    """What the list calls it ("Trousers", "Scarf"): its own word, shown in documents
    in place of the product type's name."""
    wholesale: str = ""
    """The wholesale price, as written."""
    currency: str = ""
    """The prices' ISO 4217 code when the list gives one ("EUR")."""
    sizes: str = ""
    description: str = ""
    """The list's own description (a line sheet shows it before the service's)."""

    @classmethod
    def from_photo(cls, photo: Path, product_type: ProductType | None = None) -> Garment:
        """A garment whose type is the one given, else the one its name suggests."""
        return cls(photo, product_type or suggest_product_type(photo.name))

    @property
    def label(self) -> str:
        """Its name for people: the list's, else its file's."""
        return self.name or display_name(self.photo.name)

    def details(self) -> dict[str, Any]:
        """What a job keeps of it among its parameters (only what is known)."""
        found = {
            SKU: self.sku,
            LABEL: self.name,
            CATEGORY: self.category,
            PRICE: self.price,
            WHOLESALE: self.wholesale,
            CURRENCY: self.currency,
            COLOUR: self.colour,
            SIZES: self.sizes,
            DESCRIPTION: self.description,
        }
        return {key: value for key, value in found.items() if value}


def garment_details(params: dict[str, Any]) -> dict[str, str]:
    """A job's garment details (SKU, name, category, prices, colour...: those known)."""
    return {key: str(params[key]) for key in DETAILS if params.get(key)}


def garment_label(params: dict[str, Any]) -> str:
    """A try-on's garment for people: the list's name, else its file's."""
    label = params.get(LABEL)
    if label:
        return str(label)
    name = params.get("garment_name")
    # Translators: a garment's name when its photo's name is not known.
    return display_name(str(name)) if name else pgettext("unnamed garment", "garment")


def type_mix(types: list[ProductType]) -> str:
    """The garments' types in words: "2 dresses, 1 bag, 1 pair of shoes"."""
    counted: dict[ProductType, int] = {}
    for kind in types:
        counted[kind] = counted.get(kind, 0) + 1
    # Translators: what separates the items of a list ("2 dresses, 1 bag"): a comma and
    # a space in English, "、" in Chinese and Japanese.
    separator = pgettext("list separator", ", ")
    return separator.join(kind_count(kind, n) for kind, n in counted.items())


def kind_count(kind: ProductType, count: int) -> str:
    """So many garments of a type, in words: "1 dress", "2 pairs of shoes"."""
    return _counted(kind, count).format(count=count)


def _counted(kind: ProductType, count: int) -> str:
    match kind:
        case ProductType.GARMENT:
            # Translators: so many garments of a product type, in a batch's summary ("2
            # dresses, 1 bag, 1 pair of shoes"); as are the messages below.
            return ngettext("{count} garment", "{count} garments", count)
        case ProductType.DRESS:
            return ngettext("{count} dress", "{count} dresses", count)
        case ProductType.OUTFIT:
            return ngettext("{count} outfit", "{count} outfits", count)
        case ProductType.FOOTWEAR:
            return ngettext("{count} pair of shoes", "{count} pairs of shoes", count)
        case ProductType.BAG:
            return ngettext("{count} bag", "{count} bags", count)
        case ProductType.JEWELLERY:
            return ngettext("{count} piece of jewellery", "{count} pieces of jewellery", count)
        case ProductType.EYEWEAR:
            return ngettext("{count} pair of glasses", "{count} pairs of glasses", count)
        case ProductType.BEAUTY:
            return ngettext("{count} beauty product", "{count} beauty products", count)
    return ngettext("{count} other item", "{count} other items", count)  # sent as Other
