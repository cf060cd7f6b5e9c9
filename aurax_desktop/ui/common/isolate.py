"""A name kept in its own direction inside a right-to-left window."""

from __future__ import annotations


def isolated(name: str) -> str:
    """``name`` as a Unicode first-strong isolate: laid out in its own direction,
    whatever the text around it. In a right-to-left window a list or a header lays its
    texts out right to left, and "022-model-ben" read "model-ben-022", a Latin name cut
    at its end showed its "…" before it ("…Wool-blend")."""
    return f"\u2068{name}\u2069"
