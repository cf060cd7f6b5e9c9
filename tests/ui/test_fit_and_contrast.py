"""The window at the screen sizes people have, readable in both themes.

Sizes: a 1366 x 768 laptop and a 1280 x 800 screen at 100 % (the window maximised,
less the desktop's panel), and a 2560 x 1440 screen at 200 % (in its own process: Qt
reads the scale factor when it starts). On every page, in both themes: nothing
scrolls, nothing is cut off or overlaps, every text fits (see ``fit_check``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.ui.common.theme import contrast, palette_for, surface_colours
from aurax_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.fit_check import jobs_rows_shown, load_samples, problems

ROOT = Path(__file__).resolve().parents[2]
SIZES = [(1366, 740), (1280, 770)]
"""1366 x 768 and 1280 x 800 screens, less a desktop panel of about 30 pixels."""


@pytest.fixture
def window(
    qapp: QApplication, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> Iterator[MainWindow]:
    shown = open_window(demo_factory())
    load_samples(qapp, shown)
    yield shown
    shown.set_theme("")


def settle(qapp: QApplication) -> None:
    for _ in range(10):
        qapp.processEvents()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_page_fits(
    qapp: QApplication, window: MainWindow, theme: str, width: int, height: int
) -> None:
    window.set_theme(theme)
    window.setGeometry(0, 0, width, height)
    settle(qapp)
    window.first_split()
    found = []
    for row in range(window.pages.count()):
        window.navigation.setCurrentRow(row)
        settle(qapp)
        found += [f"page {row}: {p}" for p in problems(window)]
    assert found == []
    if width == 1366:
        assert jobs_rows_shown(window) >= 4


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_page_fits_at_200_percent(theme: str) -> None:
    """A 2560 x 1440 screen at 200 %: 1280 x 720 points, less the panel."""
    arguments = [sys.executable, "-m", "tests.ui.fit_check", "1280x700", "--scale", "2"]
    if theme == "dark":
        arguments.append("--dark")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        arguments, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "0 problems at 1280x700 x2", done.stdout


def test_the_window_still_opens_at_1024_by_640(qapp: QApplication, window: MainWindow) -> None:
    least = window.minimumSizeHint()
    assert least.width() <= 1024 and least.height() <= 640
    window.setGeometry(0, 0, 1024, 640)
    settle(qapp)
    assert (window.width(), window.height()) == (1024, 640)
    cut = [p for p in problems(window) if "cut off" in p or "overlap" in p]
    assert cut == []  # a page may scroll at this size, but nothing is cut or overlaps


@pytest.mark.parametrize("dark", [False, True])
def test_text_contrast_meets_wcag_aa(dark: bool) -> None:
    palette = palette_for(dark)
    surfaces = surface_colours(dark)
    role = QPalette.ColorRole

    def ratio(text: QPalette.ColorRole | QColor, background: QPalette.ColorRole | QColor) -> float:
        one = text if isinstance(text, QColor) else palette.color(text)
        two = background if isinstance(background, QColor) else palette.color(background)
        return contrast(one, two)

    for text, background in (
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),  # selected text, and primary buttons
        (role.Link, role.Base),
        (role.Link, role.Window),
        (role.ToolTipText, role.ToolTipBase),
        (surfaces["muted"], role.Window),
        (surfaces["muted"], surfaces["panel"]),
    ):
        assert ratio(text, background) >= 4.5, (text, background)
    assert ratio(role.PlaceholderText, role.Base) >= 3.0
    assert ratio(role.Highlight, role.Window) >= 3.0  # focus rings and the accent


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_combo_popup_shows_its_highlighted_item_readably(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, theme: str
) -> None:
    window.set_theme(theme)
    combo = window.try_on.product_type
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    index = combo.model().index(2, 0)
    view.setCurrentIndex(index)
    settle(qapp)
    picture = view.viewport().grab().toImage()
    rect = view.visualRect(index)
    ratio = picture.devicePixelRatio()
    background = picture.pixelColor(
        QPoint(int((rect.right() - 4) * ratio), int(rect.center().y() * ratio))
    )
    best = 1.0
    for x in range(rect.left(), rect.right(), 2):
        for y in range(rect.top(), rect.bottom(), 2):
            colour = picture.pixelColor(QPoint(int(x * ratio), int(y * ratio)))
            best = max(best, contrast(colour, background))
    combo.hidePopup()
    assert best >= 4.5  # the item's text stands out from its highlight


def test_every_control_has_an_accessible_name(qapp: QApplication, window: MainWindow) -> None:
    unnamed = []
    for kind in (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QAbstractSlider,
        QSpinBox,
        QAbstractItemView,
    ):
        for control in window.findChildren(kind):
            if isinstance(control.parentWidget(), QComboBox | QSpinBox | QLineEdit):
                continue  # a combo's, a spin box's or a field's own parts
            if isinstance(control, QScrollBar) or control.objectName().startswith("qt_"):
                continue  # Qt's own parts of scrolling views and menu bars
            if isinstance(control, QLineEdit) and isinstance(
                control.parentWidget(), QComboBox | QSpinBox
            ):
                continue
            if control.window() is not window:
                continue
            name = control.accessibleName()
            if not name and isinstance(control, QAbstractButton):
                name = control.text().replace("&", "")
            if not name.strip():
                parent = control.parentWidget()
                unnamed.append(
                    f"{type(control).__name__} {control.objectName()} in "
                    f"{type(parent).__name__} {parent.objectName() if parent else ''}"
                )
    assert unnamed == [], unnamed
