"""Whether the icons a user sees can be read: each icon's ink against what is behind it,
measured on the pixels the widget draws (WCAG asks 3:1 of graphics a control needs).

An icon is found where its widget draws it: a tool button's icon square (left of its
menu arrow), an icon label, a page list's entry (icons only on laptops). Its ink is the
pixel that stands out most from the square's most common colour, its background; a
disabled control is left out (WCAG asks nothing of it).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QListWidget, QToolButton, QWidget

from aurax_desktop.ui.common.icons import IconLabel
from aurax_desktop.ui.common.theme import contrast

READABLE = 3.0
"""WCAG 2.1's least contrast for the graphics a user needs to understand a control."""
MENU_ARROW = 16
"""The room a tool button's menu arrow takes at its right (the style sheet's padding)."""


def seen(widget: QWidget, area: QRect) -> QImage:
    """``area`` of ``widget`` as its window draws it (what is behind a transparent
    widget included)."""
    window = widget.window()
    return window.grab(QRect(widget.mapTo(window, area.topLeft()), area.size())).toImage()


def ink_contrast(image: QImage) -> float:
    """The contrast of the pixel of ``image`` that stands out most from its most common
    colour."""
    counts = Counter(image.pixel(x, y) for y in range(image.height()) for x in range(image.width()))
    if not counts:
        return 1.0
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(pixel), background) for pixel in counts)


def icon_area(button: QToolButton) -> QRect:
    """Where a tool button without text draws its icon."""
    room = button.rect()
    if button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup:
        room.setRight(room.right() - MENU_ARROW)
    side = min(button.iconSize().width(), room.width(), room.height())
    square = QRect(0, 0, side, side)
    square.moveCenter(room.center())
    return square


def _shown(widget: QWidget) -> bool:
    """Shown, enabled, and not scrolled out of view (a page that scrolls is caught by
    the fit checks)."""
    visible = widget.visibleRegion().boundingRect()
    return widget.isVisible() and widget.isEnabled() and visible == widget.rect()


def unreadable_icons(top: QWidget) -> list[str]:
    """Every icon shown in ``top`` (a window or a dialog) that reads below 3:1, named."""
    QApplication.processEvents()
    found: list[str] = []
    for button in top.findChildren(QToolButton):
        if not _shown(button) or button.icon().isNull() or button.text():
            continue
        if button.objectName() == "sample" or button.objectName().startswith("qt_"):
            continue  # pictures of the samples, and Qt's own parts
        ratio = ink_contrast(seen(button, icon_area(button)))
        if ratio < READABLE:
            found.append(f"{button.toolTip() or button.objectName()!r} reads at {ratio:.1f}:1")
    for label in top.findChildren(IconLabel):
        if _shown(label):
            ratio = ink_contrast(seen(label, label.rect()))
            if ratio < READABLE:
                found.append(f"{label.toolTip()!r} reads at {ratio:.1f}:1")
    for pages in top.findChildren(QListWidget, "navigation"):
        for row in range(pages.count()):
            item = pages.item(row)
            if item.text():
                continue  # named in words beside the icon: the words are read
            ratio = ink_contrast(seen(pages.viewport(), pages.visualItemRect(item)))
            if ratio < READABLE:
                found.append(f"the page list's {item.toolTip()!r} reads at {ratio:.1f}:1")
    return found
