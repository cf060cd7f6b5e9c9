"""The program's icons: drawn in the colours of the theme shown when they are painted,
and safe to copy and change (Qt then asks their engine for a copy of its own)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.common.theme import apply_theme, choose_theme, contrast, palette_for


def ink(picture: QIcon) -> QColor:
    """The colour of an icon's most opaque pixel, drawn now."""
    image = picture.pixmap(QSize(20, 20)).toImage()
    pixels = (image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width()))
    return max(pixels, key=lambda colour: colour.alpha())


def test_an_icon_is_tinted_for_the_theme_shown_when_it_is_drawn(qapp: QApplication) -> None:
    brush = icon("brush")
    try:
        for theme in ("light", "dark", "light"):
            choose_theme(theme)
            apply_theme(qapp)
            palette = palette_for(theme == "dark")
            text = palette.color(palette.ColorRole.ButtonText)
            drawn = ink(brush)
            assert drawn.rgb() == text.rgb(), theme
            assert contrast(drawn, palette.color(palette.ColorRole.Button)) >= 3.0
    finally:
        choose_theme("")
        apply_theme(qapp)


def test_an_icon_copied_and_changed_stays_whole(qtbot: QtBot) -> None:
    button = QToolButton()
    qtbot.addWidget(button)
    original = icon("trash")
    changed = QIcon(original)
    changed.addPixmap(QPixmap(16, 16))  # Qt copies the shared engine to change it
    button.setIcon(changed)
    del original, changed
    gc.collect()  # what Python held of the copy is gone: Qt's copy must live on
    for _ in range(3):
        assert not button.icon().pixmap(QSize(20, 20)).isNull()
        button.grab()
        gc.collect()
