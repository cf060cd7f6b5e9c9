"""The theme switches while the program runs: View → Theme, or the system's own switch,
redraws every page, icon and open dialog at once, with no restart; every icon reads at
3:1 at least in both themes; the demo banner's samples show no light squares."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.ui.common.theme import contrast, palette_for
from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog
from tests.ui.conftest import WindowFactory
from tests.ui.fit_check import load_samples
from tests.ui.readability import READABLE, seen, unreadable_icons
from tests.ui.window_driver import WindowDriver

SIZES = [(1366, 700), (1280, 740)]
"""A 1366 x 768 laptop and a 1280 x 800 screen, less the desktop's panel and title bar."""
OTHER = {"light": "dark", "dark": "light"}


@pytest.fixture
def driver(
    qapp: QApplication, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> Iterator[WindowDriver]:
    shown = open_window(demo_factory())
    load_samples(qapp, shown)
    yield shown
    shown.set_theme("")


def settle(qapp: QApplication) -> None:
    for _ in range(10):
        qapp.processEvents()


def background(widget: QWidget) -> QColor:
    """The colour at the widget's left middle (its background), as its window draws it."""
    image = seen(widget, widget.rect())
    point = QPoint(int(4 * image.devicePixelRatio()), int(image.height() / 2))
    return image.pixelColor(point)


def dark(colour: QColor) -> bool:
    return colour.lightness() < 128


def icon_ink(button: QPushButton) -> QColor:
    """The ink of the icon a text button draws now (its most opaque pixel)."""
    picture = button.icon().pixmap(button.iconSize(), button.devicePixelRatioF()).toImage()
    pixels = (
        picture.pixelColor(x, y) for y in range(picture.height()) for x in range(picture.width())
    )
    return max(pixels, key=lambda colour: colour.alpha())


def test_view_theme_redraws_every_page_icon_and_open_dialog_at_once(
    qtbot: QtBot, qapp: QApplication, driver: WindowDriver
) -> None:
    driver.window.setGeometry(0, 0, *SIZES[0])
    welcome = WelcomeDialog(driver.session, driver.work, parent=driver.window)
    qtbot.addWidget(welcome)
    welcome.show()  # a dialog open while the theme changes
    qtbot.waitExposed(welcome)
    for theme in ("dark", "light", "dark"):
        driver.command(f"theme{theme.capitalize()}").trigger()  # View → Theme
        settle(qapp)
        wanted = palette_for(theme == "dark").color(palette_for(False).ColorRole.Window)
        for name in driver.page_names:
            driver.page(name)
            settle(qapp)
            assert background(driver.window) == wanted, (theme, name)
            assert unreadable_icons(driver.window) == [], (theme, name)
        row = driver.job_list.visualRect(driver.job_model.index(0))  # a job's card, drawn anew
        card = seen(driver.job_list.viewport(), QRect(row.right() - 14, row.bottom() - 7, 2, 2))
        base = palette_for(theme == "dark").color(palette_for(False).ColorRole.Base)
        assert card.pixelColor(0, 0) == base, theme
        assert dark(background(welcome)) == (theme == "dark")
        assert unreadable_icons(welcome) == []
        for button in welcome.findChildren(QPushButton):
            if button.isVisible() and not button.icon().isNull():
                ratio = contrast(icon_ink(button), background(button))
                assert ratio >= READABLE, (theme, button.text(), ratio)
    welcome.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_icon_reads_at_three_to_one_at_laptop_sizes(
    qapp: QApplication, driver: WindowDriver, theme: str, width: int, height: int
) -> None:
    driver.set_theme(OTHER[theme])  # shown first in the other theme, then switched
    driver.window.setGeometry(0, 0, width, height)
    settle(qapp)
    driver.set_theme(theme)
    settle(qapp)
    found = []
    for name in driver.page_names:
        driver.page(name)
        settle(qapp)
        found += [f"page {name}: {problem}" for problem in unreadable_icons(driver.window)]
    assert found == []


def test_a_system_switch_is_followed_unless_a_theme_was_chosen(
    qapp: QApplication, driver: WindowDriver
) -> None:
    hints = qapp.styleHints()
    driver.window.setGeometry(0, 0, *SIZES[0])
    driver.set_theme("")  # View → Theme → Follow the system
    try:
        for scheme, is_dark in ((Qt.ColorScheme.Dark, True), (Qt.ColorScheme.Light, False)):
            hints.colorSchemeChanged.emit(scheme)  # as the desktop announces its switch
            settle(qapp)
            assert dark(background(driver.window)) == is_dark
            assert unreadable_icons(driver.window) == []
        driver.set_theme("light")  # the user's choice holds over the system's
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        settle(qapp)
        assert not dark(background(driver.window))
    finally:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Unknown)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_demo_samples_show_no_light_squares(
    qapp: QApplication, open_window: WindowFactory, theme: str
) -> None:
    driver = open_window(demo=True)  # the banner shows in demo mode
    driver.set_theme(theme)
    driver.window.setGeometry(0, 0, *SIZES[0])
    settle(qapp)
    buttons = driver.demo_banner.buttons
    assert len(buttons) == 5 and all(button.isVisible() for button in buttons)
    for button in buttons:
        assert dark(background(button)) == (theme == "dark")
        picture = button.icon().pixmap(button.iconSize(), button.devicePixelRatioF()).toImage()
        right, bottom = picture.width() - 1, picture.height() - 1
        corners = [(0, 0), (right, 0), (0, bottom), (right, bottom)]
        # the person or the garment alone: its square's corners let the button show
        assert all(picture.pixelColor(x, y).alpha() == 0 for x, y in corners), button.text()
    driver.set_theme("")
