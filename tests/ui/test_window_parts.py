"""The window's parts, each doing its one thing: the commands each feature declares (the
menus name only declared ones, the Gallery's cell menu is made of its commands and
enabled by the Gallery's own state), the announcer (a batch said once, when its last
try-on has ended), and the connection (what the title and the status bar say)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobQuery
from aurax_desktop.ui.common.commands import MenuItem
from aurax_desktop.ui.gallery.menu import cell_menu
from aurax_desktop.ui.shell.menus import MENUS
from tests.ui.conftest import WindowFactory, sent_grid


def _names(items: Iterable[MenuItem]) -> list[str]:
    found: list[str] = []
    for item in items:
        if isinstance(item, tuple):
            found += _names(item[1])
        elif item is not None:
            found.append(item)
    return found


def _actions(menu: QMenu) -> list[QAction]:
    """A menu's commands, its submenus' included."""
    found: list[QAction] = []
    for action in menu.actions():
        inner = action.menu()
        if isinstance(inner, QMenu):
            found += _actions(inner)
        elif not action.isSeparator():
            found.append(action)
    return found


def test_every_menu_item_is_a_declared_command(
    open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    """A name in the menus that no feature declares would leave its item out unseen."""
    driver = open_window(demo_factory())
    named = [name for _title, items in MENUS for name in _names(items)]
    missing = [name for name in named if name not in driver.window.commands]
    assert missing == []
    for title in ("File", "Edit", "View", "Jobs", "Account", "Help"):
        assert all(action.objectName() for action in _actions(driver.menu(title)))
    assert driver.command("open-shape").text() == "Open shape image…"  # either spelling


def test_the_cell_menu_is_made_of_the_gallerys_commands(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    driver = open_window(demo_factory(task_seconds=0.1))
    sent_grid(qtbot, driver, tmp_path)
    grid, model = driver.grid, driver.gallery.model
    driver.page("gallery")
    grid.setCurrentIndex(model.index(0, 0))
    menu = cell_menu(driver.window.commands, grid)
    shown = {action.objectName(): action for action in _actions(menu)}
    # the very commands, with their keys: nothing of the menu's own
    for name in ("loupe", "favourite", "reject", "rate3", "compare", "deleteResults"):
        assert shown[name] is driver.command(name)
    assert shown["favourite"].shortcut().toString() == "F"
    assert shown["rate3"].shortcut().toString() == "3"
    texts = [action.text() for action in _actions(menu)]
    assert "Use as person photo" in texts and "Use as garment photo" in texts
    assert {"Export lookbook…", "Export pictures…", "Export line sheet…"} <= set(texts)
    # compare asks the Gallery's selection, never the Compare button
    assert not shown["compare"].isEnabled()
    grid.selectionModel().select(model.index(1, 1), QItemSelectionModel.SelectionFlag.Select)
    menu.deleteLater()
    menu = cell_menu(driver.window.commands, grid)
    assert driver.command("compare").isEnabled()
    assert driver.command("deleteResults").text() == "Delete 2 results"
    driver.gallery.page.compare_button.setEnabled(False)  # another control's state...
    menu.deleteLater()
    menu = cell_menu(driver.window.commands, grid)
    assert driver.command("compare").isEnabled()  # ...is not what the rule reads
    menu.deleteLater()


def test_a_result_goes_to_the_garment_pane_with_its_type(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    driver = open_window(demo_factory(task_seconds=0.1))
    sent_grid(qtbot, driver, tmp_path)
    grid, model = driver.grid, driver.gallery.model
    driver.page("gallery")
    grid.setCurrentIndex(model.index(1, 0))
    job = grid.current_job()
    assert job is not None
    garments = driver.pane("garment")
    before = len(garments.photos())
    driver.command("useAsGarment").trigger()
    assert driver.current_page() == "try-on"
    qtbot.waitUntil(lambda: len(garments.photos()) == before + 1, timeout=10_000)
    added = garments.photos()[-1]
    assert added.name == "SS27-resort-look-ben + linen-dress.jpg"
    assert added.derived_from == job.id and added.product_type == "DRESS"
    assert driver.status() == "The result is now a garment photo: choose a person."


def test_a_batch_is_announced_once_when_its_last_try_on_has_ended(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    # No session bus and no tray here: what is told reaches the taskbar alert.
    driver = open_window(demo_factory(task_seconds=0.2))
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: other.isActiveWindow() and not driver.window.isActiveWindow())
    told: list[tuple[str, str, str]] = []
    driver.notifications.connect(lambda *args: told.append(args))
    with qtbot.waitSignal(driver.notifications, timeout=30_000):
        sent_grid(qtbot, driver, tmp_path)
    assert told == [("Batch of try-ons finished", "4 of 4 try-ons completed.", "taskbar")]
    assert driver.status() == ("Batch finished: 4 of 4 try-ons completed. See them in the Gallery.")
    assert len(driver.session.store.query(JobQuery(limit=10))) == 4


def test_the_title_and_the_status_bar_follow_the_connection(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    driver = open_window(demo=True)
    assert driver.window.windowTitle() == "AuraX Desktop — Demo mode"
    assert driver.connection_text().startswith("Demo server at http://127.0.0.1:")
    assert driver.demo_badge_shown() and driver.demo_banner.isVisible()
    assert driver.command("signOut").isEnabled()
    driver.command("signOut").trigger()
    assert driver.window.windowTitle() == "AuraX Desktop"
    assert driver.connection_text() == "Not connected"
    assert not driver.demo_badge_shown() and not driver.demo_banner.isVisible()
    assert not driver.try_on.isEnabled() and not driver.command("openPerson").isEnabled()
    assert not driver.command("tryAgain").isEnabled()
    driver.command("startDemo").trigger()
    assert driver.window.windowTitle() == "AuraX Desktop — Demo mode"
    assert driver.try_on.isEnabled() and driver.command("openPerson").isEnabled()
    assert driver.command("fullScreen").shortcut().toString() == "F11"
