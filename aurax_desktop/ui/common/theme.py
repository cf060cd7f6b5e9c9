"""Light and dark themes that follow the system, on Qt's Fusion style, with one accent."""

from __future__ import annotations

import os
from importlib.resources import files

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
)

ACCENT = QColor("#6d4aff")
ACCENT_DARK = QColor("#9c86ff")
DANGER = QColor("#d92d20")
SUCCESS = QColor("#12805c")


_chosen = ""
"""The user's choice (View → Theme): "light", "dark", or "" for the system's."""
_announced: Qt.ColorScheme | None = None
"""The scheme the system announced last while the program runs (None: none yet)."""
_platform_dark: bool | None = None
"""Whether the system's own palette was dark, read before ours replaced it (for systems
that do not say their scheme)."""
_following = False


def choose_theme(theme: str) -> None:
    global _chosen  # noqa: PLW0603 - one choice for the whole program, like the palette
    _chosen = theme if theme in ("light", "dark") else ""


def _forced() -> str:
    """ "light" or "dark" when AURAX_THEME or the user's choice says; "" for the system's."""
    forced = os.environ.get("AURAX_THEME", "").strip().lower() or _chosen
    return forced if forced in ("light", "dark") else ""


def is_dark() -> bool:
    """The system's scheme, unless AURAX_THEME or the user's choice says otherwise."""
    forced = _forced()
    if forced:
        return forced == "dark"
    hints = QGuiApplication.styleHints()
    scheme = _announced
    if scheme is None or scheme == Qt.ColorScheme.Unknown:
        scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    if _platform_dark is not None:
        return _platform_dark
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def accent() -> QColor:
    return ACCENT_DARK if is_dark() else ACCENT


def on_accent() -> QColor:
    """Text drawn on the accent: white on the light theme's deep violet, near-black on
    the dark theme's light violet (white there reads at 2.9:1, below WCAG's 4.5:1)."""
    return QColor("#16171b") if is_dark() else QColor("#ffffff")


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two colours (1 to 21; text needs 4.5, large text 3)."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _palette(dark: bool) -> QPalette:
    palette = QPalette()
    if dark:
        colours = {
            QPalette.ColorRole.Window: "#1e1f24",
            QPalette.ColorRole.WindowText: "#e6e6ea",
            QPalette.ColorRole.Base: "#16171b",
            QPalette.ColorRole.AlternateBase: "#23242a",
            QPalette.ColorRole.Text: "#e6e6ea",
            QPalette.ColorRole.Button: "#2a2b31",
            QPalette.ColorRole.ButtonText: "#e6e6ea",
            QPalette.ColorRole.ToolTipBase: "#2a2b31",
            QPalette.ColorRole.ToolTipText: "#e6e6ea",
            QPalette.ColorRole.PlaceholderText: "#8b8c94",
            QPalette.ColorRole.Mid: "#3a3b42",
            QPalette.ColorRole.Midlight: "#32333a",
            QPalette.ColorRole.Dark: "#101114",
            QPalette.ColorRole.Light: "#3f4048",
        }
    else:
        colours = {
            QPalette.ColorRole.Window: "#f4f4f6",
            QPalette.ColorRole.WindowText: "#1d1d22",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#f7f7f9",
            QPalette.ColorRole.Text: "#1d1d22",
            QPalette.ColorRole.Button: "#ffffff",
            QPalette.ColorRole.ButtonText: "#1d1d22",
            QPalette.ColorRole.ToolTipBase: "#ffffff",
            QPalette.ColorRole.ToolTipText: "#1d1d22",
            QPalette.ColorRole.PlaceholderText: "#8a8a94",
            QPalette.ColorRole.Mid: "#d5d5db",
            QPalette.ColorRole.Midlight: "#e6e6ea",
            QPalette.ColorRole.Dark: "#a0a0a8",
            QPalette.ColorRole.Light: "#ffffff",
        }
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    highlight = ACCENT_DARK if dark else ACCENT
    palette.setColor(QPalette.ColorRole.Highlight, highlight)
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#16171b" if dark else "#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, highlight)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        muted = QColor(colours[role])
        muted.setAlpha(110)
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return palette


def _rgba(colour: QColor, alpha: float) -> str:
    """A colour with transparency, in the form Qt style sheets read unambiguously."""
    return f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, {alpha:.2f})"


def _icon_path(name: str) -> str:
    """An icon's file, for style sheets (which take paths, with forward slashes)."""
    return str(files("aurax_desktop.resources") / "icons" / f"{name}.svg").replace("\\", "/")


def surface_colours(dark: bool) -> dict[str, QColor]:
    """The style sheet's own colours: lines, card panels, muted text, hover."""
    values = (
        {"line": "#3a3b42", "panel": "#23242a", "muted": "#9a9ba3", "hover": "#33343b"}
        if dark
        else {"line": "#d9d9df", "panel": "#ffffff", "muted": "#6b6b75", "hover": "#ececf1"}
    )
    return {name: QColor(value) for name, value in values.items()}


def palette_for(dark: bool) -> QPalette:
    return _palette(dark)


def stylesheet(dark: bool) -> str:
    surfaces = {name: colour.name() for name, colour in surface_colours(dark).items()}
    line, panel = surfaces["line"], surfaces["panel"]
    muted, hover = surfaces["muted"], surfaces["hover"]
    tint = accent().name()
    ink = on_accent().name()
    scheme = "dark" if dark else "light"
    ring = palette_for(dark).color(QPalette.ColorRole.WindowText).name()  # around the accent
    chevron, chevron_up = _icon_path(f"chevron-down-{scheme}"), _icon_path(f"chevron-up-{scheme}")
    return f"""
    QMainWindow, QDialog {{ background: palette(window); }}
    QFrame[card="true"], QWidget[card="true"] {{ background: {panel};
        border: 1px solid {line}; border-radius: 8px; }}
    QFrame[card="true"][dropTarget="true"] {{ border: 2px dashed {tint};
        background: {_rgba(accent(), 0.06)}; }}
    QFrame#demoBanner {{ background: {_rgba(accent(), 0.10)}; border: 1px solid
        {_rgba(accent(), 0.45)}; border-radius: 8px; }}
    QToolButton#sample {{ border: 1px solid {line}; border-radius: 6px; background: {panel};
        padding: 2px 6px; }}
    QToolButton#sample:hover {{ border-color: {tint}; }}
    QLabel#sectionTitle {{ font-weight: 600; font-size: 11pt; }}
    QLabel#shortcutKeys {{ font-weight: 600; }}
    QLabel#muted, QLabel#hint {{ color: {muted}; }}
    QLabel#warning {{ color: {"#f5b83d" if dark else "#a15c07"}; }}
    QLabel#warningBanner {{ color: {"#f5b83d" if dark else "#7a4504"};
        background: {"rgba(245, 184, 61, 0.12)" if dark else "rgba(161, 92, 7, 0.10)"};
        border: 1px solid {"rgba(245, 184, 61, 0.45)" if dark else "rgba(161, 92, 7, 0.45)"};
        border-radius: 8px; padding: 8px 12px; }}
    QLabel#error {{ color: {DANGER.name()}; }}
    QLabel#demoBadge {{ background: {tint}; color: {ink}; border-radius: 10px;
        padding: 2px 10px; font-weight: 600; }}
    QPushButton {{ padding: 6px 14px; border: 1px solid {line}; border-radius: 6px;
        background: palette(button); }}
    QPushButton:hover {{ background: {hover}; }}
    QPushButton:disabled {{ color: palette(placeholder-text); }}
    QPushButton[role="primary"] {{ background: {tint}; color: {ink}; border: none; font-weight: 600;
        padding: 8px 18px; }}
    QPushButton[role="primary"]:hover {{ background: {accent().lighter(112).name()}; }}
    QPushButton[role="primary"]:disabled {{ background: {line}; color: {muted}; }}
    QToolButton {{ border: 1px solid transparent; border-radius: 6px; padding: 4px; }}
    QToolButton:hover {{ background: {hover}; }}
    QToolButton:checked {{ background: {hover}; border-color: {line}; }}
    QToolButton[popupMode="1"] {{ padding-right: 16px; }}
    QToolButton::menu-button {{ border: none; width: 14px; }}
    QToolButton::menu-arrow {{ image: url({chevron}); width: 10px; height: 10px; }}
    QListView#jobList {{ border: none; background: transparent; }}
    QListView#navigation {{ border: none; background: transparent; font-weight: 500; }}
    QListView#navigation::item {{ padding: 8px 10px; border-radius: 6px; }}
    QListView#navigation::item:selected {{ background: {hover}; color: palette(text); }}
    QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox {{ padding: 5px 8px;
        border: 1px solid {line}; border-radius: 6px; background: palette(base); }}
    QComboBox::drop-down {{ border: none; width: 22px; }}
    QComboBox {{ combobox-popup: 0; }}
    QComboBox QAbstractItemView {{ background: palette(base); color: palette(text);
        border: 1px solid {line}; outline: 0; selection-background-color: {tint};
        selection-color: {ink}; }}
    QComboBox QAbstractItemView::item {{ padding: 4px 8px; min-height: 22px; }}
    QComboBox QAbstractItemView::item:selected {{ background: {tint}; color: {ink}; }}
    QComboBox::down-arrow {{ image: url("{chevron}"); width: 12px; height: 12px; }}
    QAbstractSpinBox {{ padding: 5px 20px 5px 8px; }}
    QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ subcontrol-origin: border;
        width: 18px; border: none; background: transparent; }}
    QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
    QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
    QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover {{
        background: {hover}; }}
    QAbstractSpinBox::up-arrow {{ image: url("{chevron_up}"); width: 10px; height: 10px; }}
    QAbstractSpinBox::down-arrow {{ image: url("{chevron}"); width: 10px; height: 10px; }}
    QPushButton:focus {{ border: 2px solid {tint}; padding: 5px 13px; }}
    QPushButton[role="primary"]:focus {{ border: 2px solid {ring}; padding: 6px 16px; }}
    QToolButton:focus {{ border: 2px solid {tint}; padding: 3px; }}
    QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 2px solid {tint};
        padding: 4px 7px; }}
    QAbstractSpinBox:focus {{ border: 2px solid {tint}; padding: 4px 19px 4px 7px; }}
    QScrollArea#pageScroller, QScrollArea#pageScroller > QWidget > QWidget {{
        background: transparent; }}
    QSplitter::handle {{ background: transparent; }}
    QScrollBar:vertical {{ width: 10px; background: transparent; margin: 2px; }}
    QScrollBar:horizontal {{ height: 10px; background: transparent; margin: 2px; }}
    QScrollBar::handle {{ background: {line}; border-radius: 3px; min-height: 24px;
        min-width: 24px; }}
    QScrollBar::handle:hover {{ background: {muted}; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
    QStatusBar {{ color: {muted}; }}
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
    """


def apply_theme(app: QApplication) -> None:
    """Fusion with our palette for the chosen or the system's scheme, applied to every
    window at once (icons are tinted as they are drawn: they follow); from then on a
    change of the system's scheme while the program runs is followed too."""
    global _platform_dark, _following  # noqa: PLW0603 - one theme for the whole program
    if _platform_dark is None:  # the system's palette, before ours replaces it
        _platform_dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    dark = is_dark()
    app.setPalette(_palette(dark))
    app.setStyleSheet(stylesheet(dark))
    hints = app.styleHints()
    if not _following and hints is not None:
        _following = True
        hints.colorSchemeChanged.connect(_system_changed)


def _system_changed(scheme: Qt.ColorScheme) -> None:
    """The system switched between light and dark: followed unless the user chose."""
    global _announced  # noqa: PLW0603 - what the system said, for the whole program
    _announced = scheme
    app = QApplication.instance()
    if isinstance(app, QApplication) and not _forced():
        apply_theme(app)
