"""Small pieces every page shares: the product-type menu, numbers and credits in words."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from aurax_desktop.api import ProductType
from aurax_desktop.formats import credits_phrase
from aurax_desktop.translation import _


def number_text(value: float) -> str:
    """A number as the window's locale writes it, with as many decimals as it has
    ("1.234,5" in German, "0.25" in English)."""
    return QLocale().toString(
        float(value), "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest
    )


def credits_text(amount: float) -> str:
    """Credits in words, the number as the window's locale writes it ("1.234,5 Credits")."""
    return credits_phrase(amount, number_text(amount))


def combo_box(parent: QWidget | None = None) -> QComboBox:
    """A drop-down whose list draws its items through the style sheet (Qt's default
    menu-like delegate ignores it, and showed the highlighted item unreadable)."""
    combo = QComboBox(parent)
    combo.setItemDelegate(QStyledItemDelegate(combo))
    return combo


def product_type_combo(name: str, parent: QWidget) -> QComboBox:
    combo = combo_box(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(_("Product type"))
    for kind in ProductType:
        combo.addItem(kind.label, kind.value)
    return combo
