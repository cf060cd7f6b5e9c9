"""The garment's strength (1 to 3, as AuraX takes it) on a slider, with its value said in
words beside it: "2 · Balanced"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSlider, QWidget

from aurax_desktop.translation import _, lazy_gettext, lazy_pgettext

STRENGTH_WORDS = {
    1: lazy_pgettext("Garment strength", "Subtle"),
    2: lazy_pgettext("Garment strength", "Balanced"),
    3: lazy_pgettext("Garment strength", "Prominent"),
}
STRENGTH_HELP = lazy_gettext(
    "How strongly the garment's own details show in the result: 1 keeps them "
    "subtle, 3 makes them prominent."
)


def strength_words(value: int) -> str:
    # Translators: the garment strength's value and its word, "2 · Balanced".
    return _("{value} · {words}").format(value=value, words=STRENGTH_WORDS[value])


def strength_slider(name: str, value: int = 2, parent: QWidget | None = None) -> QSlider:
    """A slider from 1 to 3 (ticks below, one step a key press), named ``name``."""
    slider = QSlider(Qt.Orientation.Horizontal, parent)
    slider.setObjectName(name)
    slider.setAccessibleName(_("Garment strength"))
    slider.setRange(1, 3)
    slider.setPageStep(1)
    slider.setValue(value)
    slider.setTickPosition(QSlider.TickPosition.TicksBelow)
    slider.setToolTip(str(STRENGTH_HELP))
    slider.setMinimumWidth(100)
    return slider


class StrengthWords(QLabel):
    """The slider's value in words, following it (and said to screen readers with it);
    as wide as its widest words, so the slider never moves."""

    def __init__(self, slider: QSlider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = slider
        self.setToolTip(str(STRENGTH_HELP))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(strength_words(3)) + 4)
        slider.valueChanged.connect(self._show)
        self._show(slider.value())

    def _show(self, value: int) -> None:
        self.setText(strength_words(value))
        self.slider.setAccessibleDescription(strength_words(value))
