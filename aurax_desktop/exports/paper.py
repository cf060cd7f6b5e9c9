"""The paper documents are laid out for: Letter where it is the custom, A4 everywhere else,
as the user's locale says (``LC_PAPER``, else ``LC_ALL``, else ``LANG``); the user may
choose the other (``--paper``, the export dialog)."""

from __future__ import annotations

import enum
import locale
import os

from reportlab.lib.pagesizes import A4, LETTER

from aurax_desktop.translation import pgettext

LETTER_TERRITORIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)
"""Where paper is Letter: CLDR's paper size preferences (supplemental measurement data,
"US-Letter"); A4 everywhere else. Babel does not carry this table."""


class Paper(enum.StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def size(self) -> tuple[float, float]:
        """Its width and height in points (portrait)."""
        chosen: tuple[float, float] = A4 if self is Paper.A4 else LETTER
        return chosen

    @property
    def label(self) -> str:
        """Its name for people: "A4", "Letter" (the US paper, "Carta" in Spanish)."""
        # Translators: the US paper size, as the paper is called where it is used
        return "A4" if self is Paper.A4 else pgettext("paper size", "Letter")


def locale_paper(name: str | None = None) -> Paper:
    """The paper of the locale ``name`` ("en_US.UTF-8", "fr-CA"), else of the user's."""
    chosen = name or _users_locale()
    territory = _territory(chosen)
    return Paper.LETTER if territory in LETTER_TERRITORIES else Paper.A4


def paper_for_locale(name: str | None = None) -> tuple[float, float]:
    """The size of the locale's paper, in points."""
    return locale_paper(name).size


def _users_locale() -> str:
    for variable in ("LC_PAPER", "LC_ALL", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return value
    return locale.getlocale()[0] or ""  # where the environment says nothing (Windows)


def _territory(name: str) -> str:
    """The country of a locale's name: "US" of "en_US.UTF-8@euro" or "en-US"; "" of "C"."""
    language = name.split(".", maxsplit=1)[0].split("@", maxsplit=1)[0].replace("-", "_")
    parts = language.split("_")
    # the country is the two-letter part after the language; a script may stand
    # between them ("sr_Latn_RS")
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return ""
