"""What the pseudo-language shows up, for the tests that run a page or dialog in it: a
visible text not marked for translation (plain words outside brackets) and a text that
a longer translation would not fit (``fit_check.text_problem``).

Qt's own words (standard buttons, key names) are pseudo-translated too
(``ui.common.language.PseudoQtTranslator``), so whatever shows unmarked is ours.
What a user typed or named (file names, batch names) is not marked either: a caller
passes ``data`` to say which widgets show such things.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMenuBar,
    QStatusBar,
    QTabBar,
    QWidget,
)

from aurax_desktop.pseudo import unmarked
from aurax_desktop.ui.shell.language_menu import LANGUAGE_COMMANDS
from tests.ui.fit_check import text_problem

Data = Callable[[QWidget], bool]
LANGUAGE_ITEM = LANGUAGE_COMMANDS[1].rsplit("_", 1)[0]
"""The start of the commands that name a language (``language_de``...)."""


def _nothing(_widget: QWidget) -> bool:
    return False


def shown_widgets(root: QWidget) -> Iterator[QWidget]:
    """``root`` and every widget in it a user can see now."""
    yield root
    for widget in root.findChildren(QWidget):
        if widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0:
            yield widget


def _plain(text: str) -> str:
    """Rich text as read (tags and entities resolved)."""
    if "<" not in text:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for each text ``widget`` shows or says of itself."""
    if isinstance(widget, QLabel):
        yield "label", _plain(widget.text())
    if isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    if isinstance(widget, QGroupBox):
        yield "group", widget.title()
    if isinstance(widget, QLineEdit):
        yield "placeholder", widget.placeholderText()
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield "choice", widget.itemText(index)
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield "tab", widget.tabText(index)
    if isinstance(widget, QAbstractSpinBox):
        yield "value", widget.text()  # its number in words ("30 days", "No limit")
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            item = widget.item(row)
            yield "item", item.text()
            yield "item's tip", _plain(item.toolTip())
            yield "item's name", str(item.data(Qt.ItemDataRole.AccessibleTextRole) or "")
    if isinstance(widget, QStatusBar):
        yield "status", widget.currentMessage()
    if widget.isWindow():
        yield "title", widget.windowTitle()
    yield "tooltip", _plain(widget.toolTip())
    yield "accessible name", widget.accessibleName()
    yield "accessible description", widget.accessibleDescription()


def menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    """(what, text) of a menu's title and every item in it, its submenus' too."""
    yield "menu", menu.title()
    for action in menu.actions():
        yield from action_texts(action)


def action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    submenu = action.menu()
    if isinstance(submenu, QMenu):
        yield from menu_texts(submenu)
        return
    if action.objectName().startswith(LANGUAGE_ITEM):
        return  # View → Language names each language in itself, on purpose
    yield "menu item", action.text()
    if action.toolTip() != action.text().replace("&", ""):  # Qt's default tooltip: the text
        yield "menu item's tip", action.toolTip()


def unmarked_texts(root: QWidget, data: Data = _nothing) -> list[str]:
    """Every visible text in ``root`` the pseudo-language did not write, as "what:
    text" lines (none when every text was marked for translation)."""
    found = []
    for widget in shown_widgets(root):
        if data(widget) or isinstance(widget, QMenuBar):
            continue
        for what, text in texts(widget):
            word = unmarked(text)
            if word is not None:
                name = widget.objectName() or type(widget).__name__
                found.append(f"{name} {what}: {text!r} ({word!r} is not marked)")
    return found


def unmarked_in_menus(menus: list[QMenu]) -> list[str]:
    """The same for menus (their items are actions, not widgets)."""
    return _unmarked(text for menu in menus for text in menu_texts(menu))


def unmarked_in_actions(actions: list[QAction]) -> list[str]:
    """The same for commands wherever they are placed (their text and their tip)."""
    return _unmarked(text for action in actions for text in action_texts(action))


def unmarked_in_said(said: list[tuple[str, str]]) -> list[str]:
    """The same for what was said some other way: (what, text) pairs, such as a
    question's title and text."""
    return _unmarked(iter(said))


def _unmarked(texts: Iterator[tuple[str, str]]) -> list[str]:
    found = []
    for what, text in texts:
        word = unmarked(text)
        if word is not None:
            found.append(f"{what}: {text!r} ({word!r} is not marked)")
    return found


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible text in ``root`` that does not fit its widget."""
    return [problem for w in shown_widgets(root) if (problem := text_problem(w)) is not None]
