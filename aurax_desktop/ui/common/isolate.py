"""Texts laid out in a right-to-left window: a name keeps its own direction, and a line
of parts reads right to left whatever its first word.

Qt reads a line's direction from its first strong letter: in Arabic, a caption that
began with a Latin name ("anna maria · فستان") was laid out left to right, and the
Gallery's keys ("F مفضلة · X رفض") read from the wrong end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

FIRST_STRONG, RIGHT_TO_LEFT, LEFT_TO_RIGHT, POP = "\u2068", "\u2067", "\u2066", "\u2069"
"""Unicode's isolates: of the direction of their first letter, right to left, left to
right; and their end."""
RIGHT_TO_LEFT_MARK = "\u200f"
_RANGE = re.compile(r"\d+\s*[–—-]\s*\d+")
"""A range of numbers ("1–5"): its dash between two numbers would turn it round."""


def isolated(name: str) -> str:
    """``name`` as a Unicode first-strong isolate: laid out in its own direction,
    whatever the text around it. In a right-to-left window a list or a header lays its
    texts out right to left, and "022-model-ben" read "model-ben-022", a Latin name cut
    at its end showed its "…" before it ("…Wool-blend")."""
    return f"{FIRST_STRONG}{name}{POP}"


def key_and_word(part: str) -> str:
    """A key and what it does ("F مفضلة"), read as one right-to-left phrase: the key
    first, at its right; a range of keys (one to five) kept in its order."""
    kept = _RANGE.sub(lambda found: f"{LEFT_TO_RIGHT}{found.group()}{POP}", part)
    return f"{RIGHT_TO_LEFT}{kept}{POP}"


def right_to_left_line(parts: Sequence[str], separator: str) -> str:
    """``parts`` (isolated already, as they need) on a line read right to left: the
    first part at its right, whatever its first letter."""
    return RIGHT_TO_LEFT_MARK + separator.join(parts)
