"""The languages the program speaks, and which one a user gets.

The user's choice (View → Language, kept in the settings; ``--language`` for the
command's documents) comes first; without one, the system's: on Linux and other Unix
systems the variables gettext reads, in its order (``LANGUAGE``, a list, then
``LC_ALL``, ``LC_MESSAGES``, ``LANG``), elsewhere the list the window takes from Qt's
system locale. The first preference the program has a catalog for wins; English when
none has. Numbers and dates keep the preference's country (``de_AT`` writes Austrian
dates in German words).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

ENGLISH = "en"
PSEUDO = "x-pseudo"
"""The pseudo-language of the tests: every marked text bracketed, accented and a third
longer (``pseudo``), so what is not marked, and what is cut, shows."""

LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "zh_CN": "简体中文",
    "ja": "日本語",
    "ar": "العربية",
}
"""The languages that ship, each named in itself (as a menu of languages names them)."""

RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})
"""Languages written right to left: the window is mirrored for them."""

COUNTRIES = {
    "en": "GB",
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "zh_CN": "CN",
    "ja": "JP",
    "ar": "AE",
}
"""A chosen language's country for numbers and dates, when no system preference
names one (the README's English is British)."""

SYSTEM_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where gettext looks for the language on Unix, first found first."""

_LOCALE_NAME = re.compile(r"^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{4}))?(?:[_-]([A-Za-z]{2}|\d{3}))?$")


@dataclass(frozen=True)
class Language:
    """A language to speak: ``code`` names its catalog (``de``, ``zh_CN``, ``x-pseudo``),
    ``locale`` the formats of its numbers and dates (``de_AT``)."""

    code: str
    locale: str
    country_given: bool = field(default=False, compare=False)
    """True when the system named the country (``de_AT``), not taken from ``COUNTRIES``:
    only a country the user has is a reason to show a price in its currency."""

    @property
    def name(self) -> str:
        """The language in its own words ("Deutsch")."""
        return LANGUAGES.get(self.code, self.code)

    @property
    def right_to_left(self) -> bool:
        return self.code.split("_")[0] in RIGHT_TO_LEFT

    @property
    def is_pseudo(self) -> bool:
        return self.code == PSEUDO


def system_preferences(environ: Mapping[str, str] | None = None) -> list[str]:
    """The system's languages, most wanted first, as gettext reads them on Unix: the
    first of ``LANGUAGE`` (a colon-separated list), ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set. ``C`` and ``POSIX`` mean no language (English)."""
    values = os.environ if environ is None else environ
    for variable in SYSTEM_VARIABLES:
        value = values.get(variable, "").strip()
        if value:
            return [part for part in value.split(":") if part]
    return []


def choose(preferences: Iterable[str | None]) -> Language:
    """The first of ``preferences`` (locale names such as ``de_AT.UTF-8``, ``zh-Hans-CN``,
    ``ar``, or a shipped code) the program speaks; English when it speaks none. Empty
    and unknown names are passed over; ``C`` or ``POSIX`` stops the search at English."""
    for preference in preferences:
        if not preference:
            continue
        if preference == PSEUDO:
            return Language(PSEUDO, f"{ENGLISH}_{COUNTRIES[ENGLISH]}")
        parsed = _parse(preference)
        if parsed is None:
            if _bare(preference) in ("C", "POSIX"):
                break
            continue
        language, script, country = parsed
        code = _catalog_code(language, script, country)
        if code is None:
            continue
        return Language(
            code, f"{language}_{country or COUNTRIES[code][-2:]}", country_given=bool(country)
        )
    return Language(ENGLISH, f"{ENGLISH}_{COUNTRIES[ENGLISH]}")


def known(code: str) -> str | None:
    """``code`` as the shipped language it names (``de-DE`` and ``de`` are ``de``,
    ``zh`` is ``zh_CN``), the pseudo-language as itself, or None."""
    if code == PSEUDO:
        return PSEUDO
    parsed = _parse(code)
    return _catalog_code(*parsed) if parsed else None


def _bare(name: str) -> str:
    """A locale name without its encoding and modifier (``de_DE.UTF-8@euro``: ``de_DE``)."""
    return name.split(".", maxsplit=1)[0].split("@", maxsplit=1)[0].strip()


def _parse(name: str) -> tuple[str, str, str] | None:
    """(language, script, country) of a locale name, lower, title and upper case."""
    found = _LOCALE_NAME.match(_bare(name))
    if found is None:
        return None
    language, script, country = found.groups()
    return language.lower(), (script or "").title(), (country or "").upper()


def _catalog_code(language: str, script: str, country: str) -> str | None:
    """The shipped catalog for a parsed locale: the language's own, and for Chinese the
    simplified script's (mainland China, Singapore, or ``Hans``), never the traditional."""
    if language == "zh":
        simplified = script == "Hans" or (not script and country in ("", "CN", "SG"))
        return "zh_CN" if simplified else None
    return language if language in LANGUAGES else None
