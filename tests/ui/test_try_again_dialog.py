"""Try again's question, in both themes, over the laptop's window: the strength slider says
its value in words, as the Try-On page's does, and the prompt field shows what to write
there whole."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobQuery
from aurax_desktop.ui.gallery.try_again import TryAgainDialog
from tests.ui.conftest import WindowFactory
from tests.ui.fit_check import load_samples, placeholder_problem, problems
from tests.ui.window_driver import WindowDriver

SIZES = [(1366, 700), (1280, 740)]


@pytest.fixture
def driver(
    qapp: QApplication, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> Iterator[WindowDriver]:
    shown = open_window(demo_factory())
    load_samples(qapp, shown)  # a finished try-on to try again
    yield shown
    shown.set_theme("")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_strength_says_its_value_and_the_prompt_shows_its_hint(
    qtbot: QtBot, driver: WindowDriver, theme: str, width: int, height: int
) -> None:
    driver.set_theme(theme)
    driver.window.setGeometry(0, 0, width, height)
    job = driver.session.store.query(JobQuery(limit=1))[0]
    dialog = TryAgainDialog(job, "anna", driver.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    said = []
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Right):
        qtbot.keyClick(dialog.strength, key)
        said.append((dialog.strength.value(), dialog.strength_words.text()))
    assert said == [(1, "1 · Subtle"), (2, "2 · Balanced"), (3, "3 · Prominent")]
    assert dialog.strength.accessibleDescription() == "3 · Prominent"  # read out too
    assert dialog.chosen()[0] == 3
    assert dialog.prompt.text() == ""
    assert placeholder_problem(dialog.prompt) is None, dialog.prompt.placeholderText()
    assert problems(dialog) == []  # type: ignore[arg-type]
    frame = dialog.frameGeometry()
    assert frame.width() <= width and frame.height() <= height
    dialog.close()


def test_the_studio_prompt_shows_its_hint_whole_at_laptop_sizes(driver: WindowDriver) -> None:
    for width, height in SIZES:
        driver.window.setGeometry(0, 0, width, height)
        QApplication.processEvents()
        assert placeholder_problem(driver.try_on.prompt_edit) is None, (width, height)
