"""The program's SVG icons, tinted to the current palette (readable light and dark)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

_SIZES = (16, 20, 24, 32, 48)


@lru_cache(maxsize=128)
def _svg(name: str) -> bytes:
    return (files("aurax_desktop.resources") / "icons" / f"{name}.svg").read_bytes()


def _render(name: str, size: int, colour: QColor, ratio: float) -> QPixmap:
    return _rendered(name, size, colour.rgba(), ratio)


@lru_cache(maxsize=512)
def _rendered(name: str, size: int, rgba: int, ratio: float) -> QPixmap:
    """Drawn once per name, size, colour and pixel ratio (painting asks again and again)."""
    colour = QColor.fromRgba(rgba)
    pixels = int(size * ratio)
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


def icon(name: str, colour: QColor | None = None) -> QIcon:
    """The icon ``name`` (a file in resources/icons), drawn in the palette's text colour
    (or ``colour``), with a dimmed variant for disabled buttons."""
    palette = QGuiApplication.palette()
    normal = colour or palette.color(QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    ratio = max(
        1.0,
        QGuiApplication.primaryScreen().devicePixelRatio()
        if QGuiApplication.primaryScreen()
        else 1.0,
    )
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_render(name, size, normal, ratio), QIcon.Mode.Normal)
        result.addPixmap(_render(name, size, disabled, ratio), QIcon.Mode.Disabled)
    return result


def pixmap(name: str, size: int, colour: QColor) -> QPixmap:
    ratio = (
        QGuiApplication.primaryScreen().devicePixelRatio()
        if QGuiApplication.primaryScreen()
        else 1.0
    )
    return _render(name, size, colour, max(1.0, ratio))


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


def icon_label(name: str, tip: str) -> QLabel:
    """A small icon that names the control beside it (its tooltip says it in words)."""
    label = QLabel()
    label.setPixmap(icon(name).pixmap(ICON_SIZE))
    label.setToolTip(tip)
    label.setAccessibleName(tip)
    return label


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
