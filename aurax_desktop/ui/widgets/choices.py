"""Small pieces every page shares: the product-type menu and credits in words."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from aurax_desktop.api import ProductType


def credits_text(amount: float) -> str:
    return f"{amount:g} credit" + ("" if amount == 1 else "s")


def product_type_combo(name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName("Product type")
    for kind in ProductType:
        combo.addItem(kind.label, kind.value)
    return combo
