"""A spin box whose number reads with its words around it, as the user's language writes
them and in the number's form: "1 day", "30 days", "30 Tage", "30日". Qt's prefix and
suffix are a fixed text; here they follow the value."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

COUNT = "{count}"
"""Where the number goes in a phrase."""

Phrase = Callable[[float], str]
"""A value's phrase, with ``COUNT`` where the number goes: ``ngettext("{count} day",
"{count} days", value)``."""


def in_words(spin: QSpinBox | QDoubleSpinBox, phrase: Phrase) -> None:
    """``spin`` shows its value inside ``phrase(value)``, from now on."""

    def show(value: float) -> None:
        before, _count, after = phrase(value).partition(COUNT)
        spin.setPrefix(before)
        spin.setSuffix(after)

    spin.valueChanged.connect(show)
    show(spin.value())
