"""The window in the pseudo-language (``x-pseudo``: every marked text bracketed, accented
and a third longer) at a laptop's size: what is marked for translation shows marked,
and nothing of it is cut.

The window's frame (the menus' titles and the shell's own commands, the status bar,
the page list, the connection, the demo banner), every dialog of ``ui/shell/dialogs``
and the questions the shell asks are checked whole. The pages and their commands are
marked in their own packages (ui/studio, ui/photos, ui/generate, ui/describe,
ui/gallery, ui/jobs): their checks are written here too, expected to fail until
then."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.pseudo import pseudo, unmarked
from aurax_desktop.ui.shell.dialogs.already_open import AlreadyOpenDialog
from aurax_desktop.ui.shell.dialogs.settings import SettingsDialog
from aurax_desktop.ui.shell.dialogs.shortcuts import ShortcutsDialog
from aurax_desktop.ui.shell.dialogs.trash import TrashDialog
from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog
from aurax_desktop.ui.shell.frame import PAGE_NAMES
from aurax_desktop.ui.shell.keyring_wait import KeyringWaiter
from aurax_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, when_modal
from tests.ui.fit_check import load_samples, problems
from tests.ui.pseudo_check import (
    clipped_texts,
    unmarked_in_actions,
    unmarked_in_menus,
    unmarked_texts,
)
from tests.ui.window_driver import WindowDriver

LAPTOP = (1366, 700)
"""A 1366 x 768 laptop's room for a window (less the desktop's panel and title bar)."""

SHELL_COMMANDS = (
    "openResultsFolder",
    "quit",
    "undo",
    "redo",
    "showTrash",
    "toggleSideColumn",
    "fullScreen",
    "zoomIn",
    "zoomOut",
    "themeSystem",
    "themeLight",
    "themeDark",
    "languageSystem",
    "connectAccount",
    "startDemo",
    "whereIsKey",
    "signOut",
    "settings",
    "shortcuts",
    "openLogFolder",
    "openDataFolder",
    "about",
)
"""The commands the shell declares (ui/shell/commands.py, account.py, language_menu.py);
the others are the pages' own."""


def settle(qapp: QApplication) -> None:
    for _ in range(10):
        qapp.processEvents()


def at_laptop_size(qapp: QApplication, window: MainWindow) -> MainWindow:
    window.setGeometry(0, 0, *LAPTOP)
    settle(qapp)
    return window


@pytest.fixture
def pseudo_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "x-pseudo")


@pytest.fixture
def window(
    qapp: QApplication,
    pseudo_language: None,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
) -> MainWindow:
    """Connected to a server of its own (no demo banner)."""
    return at_laptop_size(qapp, open_window(demo_factory()).window)


@pytest.fixture
def demo(qapp: QApplication, pseudo_language: None, open_window: WindowFactory) -> WindowDriver:
    """In demo mode: the banner, the badge and the demo's connection shown."""
    driver = open_window(demo=True)
    at_laptop_size(qapp, driver.window)
    return driver


def fits(dialog: QWidget) -> list[str]:
    """What of ``dialog`` (shown) is larger than a laptop, or cut."""
    size = dialog.frameGeometry()
    large = size.width() > LAPTOP[0] or size.height() > LAPTOP[1]
    return ([f"{size.width()} x {size.height()}"] if large else []) + clipped_texts(dialog)


def shown(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()  # sized as it is when opened
    qtbot.waitExposed(dialog)
    return dialog


# The menus


def test_the_menus_titles_and_the_shells_commands_show_marked(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert all(text.startswith("[") for text in titles) and not any(map(unmarked, titles))
    menus = [window.menus[title] for title in ("View", "Account", "Help")]
    assert unmarked_in_menus(menus) == []
    shell = [window.commands[name] for name in SHELL_COMMANDS]
    assert unmarked_in_actions(shell) == []
    # the File menu's items of the Try-On, Generate and Describe pages show marked
    studio = ("openPerson", "openGarment", "openGarmentList", "openPeopleList", "openShape")
    for name in (*studio, "exportShopify"):
        action = window.commands[name]
        assert unmarked(action.text()) is None and unmarked(action.toolTip()) is None, name
    # the helper sees a command not marked
    window.commands["quit"].setText("Quit")
    assert unmarked_in_actions([window.commands["quit"]]) == [
        "menu item: 'Quit' ('Quit' is not marked)"
    ]


def test_every_menu_item_shows_marked(window: MainWindow) -> None:
    assert unmarked_in_menus(list(window.menus.values())) == []


def test_the_menu_bar_fits_a_laptop(window: MainWindow) -> None:
    assert window.menuBar().sizeHint().width() <= LAPTOP[0]


# The frame


def test_the_frame_shows_marked_and_fits_a_laptop(
    qapp: QApplication, qtbot: QtBot, demo: WindowDriver
) -> None:
    window = demo.window
    qtbot.waitUntil(lambda: unmarked(demo.spending.label.text()) is None, timeout=10000)
    assert demo.demo_banner.isVisible() and demo.demo_badge_shown()
    assert unmarked(window.windowTitle()) is None
    parts: list[QWidget] = [window.statusBar(), demo.page_list, demo.demo_banner]
    assert [line for part in parts for line in unmarked_texts(part)] == []
    assert [line for part in parts for line in clipped_texts(part)] == []
    assert problems(demo.demo_banner) == []
    # the page list's names, shown on a wide screen
    window.setGeometry(0, 0, 1600, LAPTOP[1])
    settle(qapp)
    assert demo.page_list.item(0).text() and unmarked_texts(demo.page_list) == []
    assert clipped_texts(demo.page_list) == []


def test_the_connection_shows_marked_when_not_connected(
    qapp: QApplication, demo: WindowDriver
) -> None:
    demo.command("signOut").trigger()
    settle(qapp)
    label = demo.window.connection.label
    assert not demo.demo_banner.isVisible() and label.text()
    assert unmarked_texts(demo.window.statusBar()) == []  # the sign-out said, the tip
    assert demo.window.windowTitle() == "AuraX Desktop"  # the program's name, as it is


def test_the_spend_fits_the_status_bar_at_a_laptops_size(
    qapp: QApplication, qtbot: QtBot, window: MainWindow
) -> None:
    load_samples(qapp, WindowDriver(window))
    label = window.spending.label
    qtbot.waitUntil(lambda: unmarked(label.text()) is None and "3" in label.text(), timeout=10000)
    assert unmarked_texts(label) == []
    assert problems(window) == []


# The dialogs


def test_the_keyboard_shortcuts_are_all_marked_and_fit_a_laptop(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = shown(qtbot, ShortcutsDialog(window))
    assert fits(dialog) == [] and unmarked_texts(dialog) == []
    # the helper sees an unmarked text, and a cut one
    label = next(label for label in dialog.findChildren(QLabel) if not label.objectName())
    label.setText("Zoom the result in")
    assert unmarked_texts(dialog) == ["QLabel label: 'Zoom the result in' ('Zoom' is not marked)"]
    label.setText(label.text() * 30)
    assert clipped_texts(dialog)


def test_the_welcome_dialog_shows_marked_and_fits(qtbot: QtBot, demo: WindowDriver) -> None:
    dialog = shown(qtbot, WelcomeDialog(demo.session, demo.work, parent=demo.window))
    # its fields show what the user typed and the server's address: data, not words
    assert unmarked_texts(dialog) == [] and fits(dialog) == []


def settings_tabs(dialog: SettingsDialog) -> Iterator[str]:
    """Each tab in front in turn (its name)."""
    tabs = dialog.findChild(QTabWidget, "settingsTabs")
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield tabs.tabText(index)


def test_every_tab_of_the_settings_shows_marked_and_fits(
    qapp: QApplication, qtbot: QtBot, demo: WindowDriver
) -> None:
    settings = replace(demo.session.settings, daily_limit=25.0, trash_days=1)
    dialog = shown(qtbot, SettingsDialog(settings, demo.window, lambda: None))
    assert isinstance(dialog, SettingsDialog)
    upload_sizes = dialog.upload  # their names are the core's (account/settings.py)
    found = []
    for tab in settings_tabs(dialog):
        settle(qapp)
        unmarked_here = unmarked_texts(dialog, lambda widget: widget is upload_sizes)
        found += [f"{tab}: {line}" for line in unmarked_here + fits(dialog)]
    assert found == []
    assert dialog.trash_days.text() == pseudo("{count} day").format(count=1)  # its form


def test_the_settings_upload_sizes_show_marked(qtbot: QtBot, demo: WindowDriver) -> None:
    dialog = shown(qtbot, SettingsDialog(demo.session.settings, demo.window, lambda: None))
    assert isinstance(dialog, SettingsDialog)
    assert unmarked_texts(dialog.upload) == []


def test_the_trash_shows_marked_and_fits(qtbot: QtBot, demo: WindowDriver) -> None:
    dialog = shown(qtbot, TrashDialog(demo.session.book, demo.work, demo.cache, 30, demo.window))
    assert isinstance(dialog, TrashDialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1)  # "The Trash is empty."
    assert unmarked_texts(dialog) == [] and fits(dialog) == []


def test_the_already_open_dialog_shows_marked_and_fits(qtbot: QtBot, demo: WindowDriver) -> None:
    folder = demo.session.store.path.parent
    dialog = shown(qtbot, AlreadyOpenDialog(folder, demo.window))
    assert unmarked_texts(dialog) == [] and fits(dialog) == []


def test_the_keyring_wait_shows_marked_and_fits(qtbot: QtBot, demo: WindowDriver) -> None:
    answered = threading.Event()
    waiter = KeyringWaiter(
        lambda: answered.wait(10),
        demo.window,
        done=lambda _result: None,
        failed=lambda _error: None,
        cancelled=lambda: None,
    )
    try:
        qtbot.waitUntil(waiter.dialog.isVisible, timeout=5000)  # a keyring that waits
        assert unmarked_texts(waiter.dialog) == [] and fits(waiter.dialog) == []
    finally:
        waiter.stop()
        answered.set()


def test_the_about_box_fits(qtbot: QtBot, demo: WindowDriver) -> None:
    seen: list[list[str]] = []
    when_modal(QMessageBox, lambda box: (seen.append(fits(box)), box.accept()))
    demo.command("about").trigger()
    assert seen == [[]]


# The questions


def answered(act: Callable[[], object]) -> list[str]:
    """What is unmarked or cut in the message box ``act`` opens (which is then closed)."""
    found: list[str] = []

    def look(box: QMessageBox) -> None:
        found.extend(unmarked_texts(box) + fits(box))
        found.append("seen")
        box.reject()

    when_modal(QMessageBox, look)
    act()
    return found


def test_where_is_my_key_shows_marked(demo: WindowDriver) -> None:
    assert answered(demo.command("whereIsKey").trigger) == ["seen"]


def test_the_daily_limit_asks_in_marked_words(demo: WindowDriver) -> None:
    demo.session.settings = replace(demo.session.settings, daily_limit=1.0)
    assert answered(lambda: demo.spending.allow(3.0, pseudo("Trying again"))) == ["seen"]


def test_emptying_the_trash_asks_in_marked_words(qtbot: QtBot, demo: WindowDriver) -> None:
    dialog = shown(qtbot, TrashDialog(demo.session.book, demo.work, demo.cache, 30, demo.window))
    assert isinstance(dialog, TrashDialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    assert answered(dialog.empty) == ["seen"]


def test_a_refused_key_asks_in_marked_words(
    qtbot: QtBot, demo: WindowDriver, demo_factory: Callable[..., DemoServer]
) -> None:
    server = demo_factory()
    dialog = shown(qtbot, WelcomeDialog(demo.session, demo.work, parent=demo.window))
    assert isinstance(dialog, WelcomeDialog)
    dialog.url_edit.setText(server.url)
    dialog.key_edit.setText("not-the-key")
    dialog.key_id_edit.setText(server.key_id)
    found: list[str] = []

    def look(box: QMessageBox) -> None:
        # the question's own words around AuraX's reason (the client's message)
        why, _reason, question = box.text().split("\n\n")
        found.extend(unmarked_texts(box, lambda widget: isinstance(widget, QLabel)) + fits(box))
        found.extend(f"said: {part!r}" for part in (why, question) if unmarked(part))
        found.append("seen")
        box.reject()

    when_modal(QMessageBox, look)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: found != [], timeout=10000)
    assert found == ["seen"]
    # what it says under the fields: ours, and AuraX's reason (the client's message)
    why, _reason = dialog.status_label.text().split("]", 1)
    assert unmarked(why + "]") is None


# The pages (marked in their own packages)


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_every_page_shows_marked_and_fits(
    qapp: QApplication, demo: WindowDriver, page: str
) -> None:
    widget = demo.page(page)  # in front
    settle(qapp)
    assert unmarked_texts(widget) + clipped_texts(widget) == []


def test_the_result_and_jobs_column_shows_marked_and_fits(
    qapp: QApplication, demo: WindowDriver
) -> None:
    column = [demo.pane("result"), demo.pane("jobs")]
    settle(qapp)
    assert [line for part in column for line in unmarked_texts(part) + clipped_texts(part)] == []
