"""Every word a user reads, in the user's language: one mechanism for the window, the
command, the documents and the messages the core makes (no Qt here).

Mark a message where it is written, and fill it in after translating it::

    from aurax_desktop.translation import _, ngettext, pgettext

    _("Zoom in")
    _("{name} was saved.").format(name=path.name)
    ngettext("{count} try-on", "{count} try-ons", count).format(count=count)
    pgettext("menu", "View")  # where one English word has two meanings

Never ``_(f"...")``, nor ``_()`` inside an f-string: the extraction (``pybabel
extract``, configured in pyproject.toml) reads only a literal between the brackets,
and a translator needs the placeholders' names. A comment beginning
``# Translators:`` just above a call goes to the translators with its message.

A module-level constant, made before any language is chosen, is
``lazy_gettext("...")``: a ``LazyText``, translated each time it becomes a string.

The program chooses the language once at start (``use_language``, from
``languages.choose``); until then, and in tests that choose none, it speaks English.
"""

from __future__ import annotations

import gettext

from aurax_desktop import catalogs
from aurax_desktop.languages import ENGLISH, Language, choose
from aurax_desktop.pseudo import PseudoTranslations

_state: tuple[Language, gettext.NullTranslations] = (choose([ENGLISH]), gettext.NullTranslations())
"""The language spoken and its catalog, replaced together (one assignment: a thread
reading them meanwhile sees the one pair or the other)."""


def use_language(language: Language) -> None:
    """Speak ``language`` from now on, everywhere in this process."""
    global _state  # noqa: PLW0603 - the process's one language
    if language.is_pseudo:
        catalog: gettext.NullTranslations = PseudoTranslations()
    elif language.code == ENGLISH:
        catalog = gettext.NullTranslations()
    else:
        catalog = catalogs.load(language.code)
    _state = (language, catalog)


def current_language() -> Language:
    """The language spoken now (its formats' locale too)."""
    return _state[0]


def _(message: str) -> str:
    """``message`` in the current language."""
    return _state[1].gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` things (languages have one to six forms)."""
    return _state[1].ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (a word with two meanings gets two entries)."""
    return _state[1].pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    return _state[1].npgettext(context, singular, plural, count)


class LazyText:
    """A message marked where it is defined (a module's constant, a table) and
    translated each time it is shown, in the language of that moment.

    Not a ``str``, on purpose: the type checker then asks for ``str(text)`` where a
    string is needed, so no English slips through; ``f"{text}"`` and ``format`` work.
    """

    __slots__ = ("context", "message")

    def __init__(self, message: str, context: str | None = None) -> None:
        self.message = message
        """The English text, as marked (the catalogs' key)."""
        self.context = context

    def __str__(self) -> str:
        return pgettext(self.context, self.message) if self.context else _(self.message)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def format(self, *args: object, **kwargs: object) -> str:
        """The translation, filled in as ``str.format`` fills it."""
        return str(self).format(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyText({self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LazyText):
            return NotImplemented
        return (self.message, self.context) == (other.message, other.context)

    def __hash__(self) -> int:
        return hash((self.message, self.context))


def lazy_gettext(message: str) -> LazyText:
    """``message``, marked now and translated when shown."""
    return LazyText(message)


def lazy_pgettext(context: str, message: str) -> LazyText:
    return LazyText(message, context)
