"""A drop-down's list opens below it with every choice whole: the style sheet's room
around each item is counted (Qt's menu-like list of the Fusion style did not, and cut
its last item behind a scroll arrow)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from tests.ui.conftest import WindowFactory


def test_every_choice_of_a_drop_down_shows_whole(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    driver = open_window(demo_factory())
    combo = driver.window.findChild(QComboBox, "jobFilter")
    assert combo is not None and 2 < combo.count() <= combo.maxVisibleItems()
    combo.showPopup()
    view = combo.view()
    try:
        qtbot.waitUntil(view.isVisible)
        rows = [view.visualRect(combo.model().index(row, 0)) for row in range(combo.count())]
        assert all(view.viewport().rect().contains(rect) for rect in rows), (
            view.viewport().rect(),
            rows,
        )
        below = view.mapToGlobal(view.rect().topLeft()).y()
        assert below >= combo.mapToGlobal(combo.rect().bottomLeft()).y() - 1  # under it
    finally:
        combo.hidePopup()
