"""Which pane a photo goes to, by what its name (or its folder's) says: garments,
products, clothes or a product type ("garments/", "silk-scarf-print.jpg", "boots/") go to
the Garment pane; models, people or portraits to the Person pane. A file given by its
own name stays where it was given; the pictures found in a folder go by their names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from aurax_desktop.api.suggest import suggest_product_type
from aurax_desktop.imaging import sort_out

Pane = Literal["person", "garment"]

GARMENT_WORDS = frozenset(
    {"garment", "garments", "product", "products", "clothes", "clothing", "apparel", "wardrobe"}
)
"""Words in a folder's or file's name that say it holds garments (besides the product
types' words: dress, boots, scarf…)."""
PEOPLE_WORDS = frozenset(
    {"model", "models", "person", "people", "persons", "portrait", "portraits", "talent"}
)
"""Words in a folder's or file's name that say it holds people."""


def said_by(path: Path) -> Pane | None:
    """The pane ``path``'s name says it belongs to, or None when it says neither."""
    words = {w for w in re.split(r"[^a-z]+", path.name.lower()) if w}
    if words & GARMENT_WORDS or suggest_product_type(path.name) is not None:
        return "garment"
    if words & PEOPLE_WORDS:
        return "person"
    return None


def says_garments(path: Path) -> bool:
    return said_by(path) == "garment"


def sort_for(here: Pane, paths: list[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(here, the other pane, skipped) for files and folders given to the ``here`` pane:
    a folder whose name says a pane sends it all its pictures; in any other folder each
    picture goes by its own name (the ones that say neither stay here); files given by
    their own name stay here; what is not a picture is skipped."""
    mine: list[Path] = []
    theirs: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        found, left = sort_out([path])
        skipped += left
        if not path.is_dir():
            mine += found
            continue
        folder = said_by(path)
        for picture in found:
            pane = folder or said_by(picture) or here
            (mine if pane == here else theirs).append(picture)
    return mine, theirs, skipped
