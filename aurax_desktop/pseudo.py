"""The pseudo-language (``x-pseudo``): every marked text bracketed, its letters
accented and a third longer, as a translation would make it.

Run in it, the window shows at a glance which texts were never marked for
translation (plain letters outside brackets) and which controls cut a longer
translation short. Placeholders (``{count}``, ``%s``), markup (``<b>``, ``&amp;``) and
the ``&`` of a menu's mnemonic are kept as they are, so the texts still work.
"""

from __future__ import annotations

import gettext
import math
import re

OPEN, CLOSE = "[", "]"
SEPARATOR, FILLER = "·", "ẋ"
"""What lengthens a text: a dot, then letters about as wide as the text's own."""

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçðéƒĝĥíĵķĺɱñöþʠŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĹṀÑÖÞǪŔŠŢÚṼŴẊÝŽ",
)
_KEPT = re.compile(
    r"\{[^{}]*\}"  # str.format fields
    r"|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifgGeExXr%]"  # printf-style fields
    r"|<[^<>]*>"  # markup
    r"|&[A-Za-z]+;|&#\d+;"  # entities
)
_PLAIN_WORD = re.compile(r"[A-Za-z]{2,}")
_MARKED = re.compile(r"\[[^\[\]]*\]")


def pseudo(text: str) -> str:
    """``text`` as the pseudo-language writes it (empty stays empty)."""
    if not text:
        return text
    parts: list[str] = []
    shown = 0
    end = 0
    for kept in _KEPT.finditer(text):
        plain = text[end : kept.start()]
        parts.append(plain.translate(_ACCENTED))
        parts.append(kept.group())
        shown += len(plain)
        end = kept.end()
    parts.append(text[end:].translate(_ACCENTED))
    shown += len(text) - end
    extra = math.ceil(shown / 3)
    padding = SEPARATOR + FILLER * (extra - 1) if extra else ""
    return f"{OPEN}{''.join(parts)}{padding}{CLOSE}"


def unmarked(text: str) -> str | None:
    """What of ``text`` (as shown) the pseudo-language did not write: a word of plain
    letters outside every bracketed part; None when it all was (or holds no word)."""
    rest = _MARKED.sub(" ", text)
    rest = _KEPT.sub(" ", rest)
    found = _PLAIN_WORD.search(rest)
    return found.group() if found else None


class PseudoTranslations(gettext.NullTranslations):
    """A catalog that translates every message into the pseudo-language."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
