"""What has the keyboard's focus shows it: buttons, tool buttons, fields, lists to
choose from and spin boxes are drawn with a ring in the accent (the primary button's in
the window's ink, around its accent fill), readable against the window (at least 3:1,
as WCAG asks of a focus indicator), in both themes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from aurax_desktop.ui.common.theme import accent, apply_theme, choose_theme, contrast

Make = Callable[[], QWidget]


def primary() -> QWidget:
    button = QPushButton("Try on")
    button.setProperty("role", "primary")
    return button


def tool() -> QWidget:
    button = QToolButton()
    button.setText("Zoom")
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def combo() -> QWidget:
    choices = QComboBox()
    choices.addItems(["Dress", "Garment"])
    return choices


KINDS: dict[str, Make] = {
    "button": lambda: QPushButton("Cancel"),
    "primary button": primary,
    "tool button": tool,
    "field": lambda: QLineEdit("AW26 season"),
    "list to choose from": combo,
    "spin box": QSpinBox,
}


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    choose_theme(request.param)
    apply_theme(qapp)
    yield request.param
    choose_theme("")
    apply_theme(qapp)


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for y in range(image.height()) for x in range(image.width())}


@pytest.mark.parametrize("kind", KINDS)
def test_the_focused_control_shows_a_ring_readable_against_the_window(
    qtbot: QtBot, qapp: QApplication, theme: str, kind: str
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    control, other = KINDS[kind](), QLineEdit("elsewhere")
    layout.addWidget(control)
    layout.addWidget(other)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    other.setFocus()
    qtbot.waitUntil(lambda: not control.hasFocus())
    unfocused = control.grab().toImage()
    control.setFocus()
    qtbot.waitUntil(control.hasFocus)
    qapp.processEvents()
    focused = control.grab().toImage()
    assert focused.size() == unfocused.size()  # the ring takes no room from the layout
    window = page.palette().window().color()
    text = page.palette().windowText().color()
    ring = text if kind == "primary button" else accent()  # around its accent fill: ink
    new = colours(focused) - colours(unfocused)
    assert any(QColor.fromRgb(pixel) == ring for pixel in new), f"no ring on the {kind}"
    assert contrast(ring, window) >= 3.0
