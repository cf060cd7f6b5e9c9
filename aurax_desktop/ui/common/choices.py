"""Small pieces every page shares: the product-type menu and credits in words."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from aurax_desktop.api import ProductType


def credits_text(amount: float) -> str:
    return f"{amount:g} credit" + ("" if amount == 1 else "s")


def combo_box(parent: QWidget | None = None) -> QComboBox:
    """A drop-down whose list draws its items through the style sheet (Qt's default
    menu-like delegate ignores it, and showed the highlighted item unreadable)."""
    combo = QComboBox(parent)
    combo.setItemDelegate(QStyledItemDelegate(combo))
    return combo


def product_type_combo(name: str, parent: QWidget) -> QComboBox:
    combo = combo_box(parent)
    combo.setObjectName(name)
    combo.setAccessibleName("Product type")
    for kind in ProductType:
        combo.addItem(kind.label, kind.value)
    return combo
