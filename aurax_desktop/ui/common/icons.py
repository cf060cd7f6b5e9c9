"""The program's SVG icons, tinted as they are drawn in the colours of the theme shown (so
they follow a switch between light and dark at once, readable in both)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

_SIZES = (16, 20, 24, 32, 48)


@lru_cache(maxsize=128)
def _svg(name: str) -> bytes:
    return (files("aurax_desktop.resources") / "icons" / f"{name}.svg").read_bytes()


Colour = QColor | Callable[[], QColor] | None
"""An icon's colour: fixed, asked for each time it is drawn (``theme.accent``, which
changes with the theme), or None for the palette's text colour."""


def _render(name: str, size: int, colour: QColor, ratio: float) -> QPixmap:
    return _rendered(name, size, colour.rgba(), ratio)


@lru_cache(maxsize=1024)
def _rendered(name: str, size: int, rgba: int, ratio: float) -> QPixmap:
    """Drawn once per name, size, colour and pixel ratio (painting asks again and again,
    and each theme has its own colours)."""
    colour = QColor.fromRgba(rgba)
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(_svg(name))).render(painter, QRectF(0, 0, pixels, pixels))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), colour)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _screen_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return max(1.0, screen.devicePixelRatio() if screen is not None else 1.0)


_copies: list[TintedIconEngine] = []
"""The engines Qt asked to copy and still holds."""


class TintedIconEngine(QIconEngine):
    """An SVG icon tinted when it is drawn, in the colours of the theme shown then: every
    button, menu and list holding it follows a theme switch without being told."""

    def __init__(self, name: str, colour: Colour = None) -> None:
        super().__init__()
        self.name = name
        self.colour = colour

    def tint(self, mode: QIcon.Mode) -> QColor:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
        if isinstance(self.colour, QColor):
            return self.colour
        if self.colour is not None:
            return self.colour()
        return palette.color(QPalette.ColorRole.ButtonText)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        return _render(self.name, side, self.tint(mode), max(1.0, scale))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else _screen_ratio()
        side = max(1, min(rect.width(), rect.height()))
        drawn = _render(self.name, side, self.tint(mode), max(1.0, ratio))
        x = rect.x() + (rect.width() - side) // 2
        y = rect.y() + (rect.height() - side) // 2
        painter.drawPixmap(QRect(x, y, side, side), drawn)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(side, side) for side in _SIZES]

    def clone(self) -> QIconEngine:
        """A copy for Qt (an icon changed while shared): Qt owns it and deletes it, but
        PySide would free it as soon as Python forgets it, so it is kept until then."""
        _copies[:] = [kept for kept in _copies if shiboken6.isValid(kept)]
        copy = TintedIconEngine(self.name, self.colour)
        _copies.append(copy)
        return copy

    def key(self) -> str:
        return "aurax-tinted"

    def iconName(self) -> str:
        return self.name


def icon(name: str, colour: Colour = None) -> QIcon:
    """The icon ``name`` (a file in resources/icons), drawn in the palette's text colour
    (or ``colour``) of the theme shown when it is painted, dimmed when disabled."""
    return QIcon(TintedIconEngine(name, colour))


def pixmap(name: str, size: int, colour: QColor) -> QPixmap:
    """The icon drawn once in ``colour`` (for painting code that picks its colour as it
    paints)."""
    return _render(name, size, colour, _screen_ratio())


ICON_SIZE = QSize(20, 20)


def tool_button(
    name: str, tip: str, *, checkable: bool = False, parent: QWidget | None = None
) -> QToolButton:
    """An icon button whose tooltip is also its name for screen readers."""
    button = QToolButton(parent)
    button.setIcon(icon(name))
    button.setIconSize(ICON_SIZE)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setCheckable(checkable)
    return button


class IconLabel(QLabel):
    """A small icon that names the control beside it (its tooltip says it in words),
    drawn again in the new theme's colours when the theme changes."""

    def __init__(self, name: str, tip: str, colour: Colour = None) -> None:
        super().__init__()
        self.icon = icon(name, colour)
        self.setToolTip(tip)
        self.setAccessibleName(tip)
        self._draw()

    def _draw(self) -> None:
        self.setPixmap(self.icon.pixmap(ICON_SIZE, self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._draw()


def icon_label(name: str, tip: str, colour: Colour = None) -> IconLabel:
    return IconLabel(name, tip, colour)


def app_icon() -> QIcon:
    """The program's own icon, in its own colours (resources/icons/app.svg)."""
    result = QIcon()
    renderer = QSvgRenderer(QByteArray(_svg("app")))
    for size in (16, 24, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
