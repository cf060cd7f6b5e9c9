"""What a photo pane says, for each kind of photo it holds, in whole sentences: never
built from the pane's title ("Choose a " + "person" + " photo…"), since German
declines "Person" and "Kleidungsstück" differently and Japanese and Arabic put the
words in another order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from aurax_desktop.translation import _, ngettext

PaneKind = Literal["person", "garment", "shape"]
"""What a pane holds: the Try-On page's person and garments, the Generate page's shape
image."""


@dataclass(frozen=True)
class PaneWords:
    """Every text of one kind of pane, in the language spoken when it was made."""

    title: str
    """The pane's heading ("Person")."""
    photo: str
    """What the pane holds, as a screen reader names it ("Person photo")."""
    placeholder: str
    """Said on the empty picture."""
    choose: str
    """The browse button's tooltip and name ("Choose a person photo…")."""
    choose_one: str
    """The file dialog's title, for one photo."""
    choose_several: str
    """The file dialog's title, for several photos."""
    choose_item: str
    """The browse button's menu item, for several photos."""
    folder_item: str
    """The browse button's menu item for a folder."""
    folder_title: str
    """The folder dialog's title."""
    remove: str
    """The remove button's tooltip and name."""
    remove_all: str
    """The browse button's menu item that empties the pane."""
    note: str
    """The note under the pane, as a screen reader names it."""
    strip: str
    """The strip of thumbnails, as a screen reader names it."""
    name: str
    """The shown photo's name, as a screen reader names it."""


def pane_words(purpose: PaneKind) -> PaneWords:
    """The texts of a pane for ``purpose`` photos."""
    if purpose == "person":
        return PaneWords(
            title=_("Person"),
            photo=_("Person photo"),
            placeholder=_("Drop person photos here, paste (Ctrl+V), or click to browse"),
            choose=_("Choose a person photo…"),
            choose_one=_("Choose a person photo"),
            choose_several=_("Choose person photos"),
            choose_item=_("Choose person photos…"),
            folder_item=_("Add a folder of person photos…"),
            folder_title=_("Add a folder of person photos"),
            remove=_("Remove the person photo"),
            remove_all=_("Remove all person photos"),
            note=_("Note on the person photos"),
            strip=_("Person photos"),
            name=_("Person photo's name"),
        )
    if purpose == "garment":
        return PaneWords(
            # Translators: the heading of the Try-On page's pane for what is tried on
            # (garments, and bags, shoes and jewellery too); its notes call it "the
            # Garment pane".
            title=_("Garment"),
            photo=_("Garment photo"),
            placeholder=_("Drop garment photos here, paste (Ctrl+V), or click to browse"),
            choose=_("Choose a garment photo…"),
            choose_one=_("Choose a garment photo"),
            choose_several=_("Choose garment photos"),
            choose_item=_("Choose garment photos…"),
            folder_item=_("Add a folder of garment photos…"),
            folder_title=_("Add a folder of garment photos"),
            remove=_("Remove the garment photo"),
            remove_all=_("Remove all garment photos"),
            note=_("Note on the garment photos"),
            strip=_("Garment photos"),
            name=_("Garment photo's name"),
        )
    if purpose == "shape":
        return PaneWords(
            # Translators: the heading of the Generate page's pane for a shape image.
            title=_("Shape"),
            photo=_("Shape image (optional)"),
            placeholder=_(
                "Optional: drop an image of the product's shape, paste it (Ctrl+V), or "
                "click to browse"
            ),
            choose=_("Choose a shape photo…"),
            choose_one=_("Choose a shape photo"),
            choose_several=_("Choose shape photos"),
            choose_item=_("Choose shape photos…"),
            folder_item=_("Add a folder of shape photos…"),
            folder_title=_("Add a folder of shape photos"),
            remove=_("Remove the shape photo"),
            remove_all=_("Remove all shape photos"),
            note=_("Note on the shape image"),
            strip=_("Shape photos"),
            name=_("Shape image's name"),
        )
    raise ValueError(f"no pane holds {purpose!r} photos")


def moved_note(to: PaneKind, count: int, names: str) -> str:
    """Said by the pane a folder was given to, of the pictures whose names sent them to
    the other pane (``to``)."""
    if to == "person":
        text = ngettext(
            "Moved {count} photo to the Person pane, as their names say: {names}",
            "Moved {count} photos to the Person pane, as their names say: {names}",
            count,
        )
    else:
        text = ngettext(
            "Moved {count} photo to the Garment pane, as their names say: {names}",
            "Moved {count} photos to the Garment pane, as their names say: {names}",
            count,
        )
    return text.format(count=count, names=names)


def some_names(names: list[str], shown: int) -> str:
    """The first ``shown`` names, then how many more ("a.jpg, b.jpg and 9 more")."""
    first = ", ".join(names[:shown])
    more = len(names) - shown
    if more <= 0:
        return first
    # Translators: {names} is a list of file or garment names, {count} how many more.
    return ngettext("{names} and {count} more", "{names} and {count} more", more).format(
        names=first, count=more
    )
