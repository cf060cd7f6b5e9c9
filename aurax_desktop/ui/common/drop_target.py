"""The accent outline a card shows while something is dragged over it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def show_drop_target(card: QWidget, on: bool) -> None:
    """Outline ``card`` (a widget with the "card" property) while a drag is over it."""
    if bool(card.property("dropTarget")) != on:
        card.setProperty("dropTarget", on)
        card.style().unpolish(card)
        card.style().polish(card)
        card.update()
