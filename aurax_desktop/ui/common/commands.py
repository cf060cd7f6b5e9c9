"""The window's commands, declared once: what each does, its keys, and when it is enabled.

Each feature declares its own commands in its ``commands`` module (the studio's
``ui/studio/commands.py``, the Gallery's ``ui/gallery/commands.py``, ...) into the
one ``Commands`` the shell holds, as napari declares its actions per menu. A rule
says when a command applies, computed from the feature's own state (a job selected
and retryable, a batch shown, results selected), never from a menu item's text or
another control's enabled state. The shell places the commands in menus by name
(``ui/shell/menus.py``), a feature in its own menus (the Gallery's cell menu); and
``refresh`` sets every command's enabled state from its rule: when a menu opens, and
whenever the state a rule reads changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from aurax_desktop.translation import LazyText
from aurax_desktop.ui.common.icons import icon

Shortcut = str | QKeySequence | QKeySequence.StandardKey | None
Rule = Callable[[], bool]
SEPARATOR = None
"""In a list of command names: a line between groups."""
MenuItem = str | tuple[str | LazyText, tuple[str | None, ...]] | None
"""A command's name, (a submenu's title, its items), or ``SEPARATOR``."""


def standard(key: QKeySequence.StandardKey, fallback: str) -> QKeySequence:
    """The platform's keys for ``key``, or ``fallback`` where it has none (Linux desktops
    often bind no Preferences, some no Quit)."""
    bound = QKeySequence.keyBindings(key)
    return bound[0] if bound else QKeySequence(fallback)


class Commands(QObject):
    """Named actions and the rules that enable them."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        self._rules: dict[str, Rule] = {}

    def add(
        self,
        name: str,
        text: str,
        run: Callable[[], object],
        *,
        icon_name: str | None = None,
        shortcut: Shortcut | list[QKeySequence] = None,
        enabled_when: Rule | None = None,
        tip: str = "",
        keys_in: QWidget | None = None,
    ) -> QAction:
        """Declare a command. ``keys_in``: its keys work only while that widget (or one
        inside it) has the focus, as the Gallery's single letters do; otherwise they
        work anywhere in the window."""
        action = QAction(text, self.parent())
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
        if keys_in is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keys_in.addAction(action)
        action.triggered.connect(lambda _checked=False: run())
        return self.adopt(name, action, enabled_when)

    def adopt(self, name: str, action: QAction, enabled_when: Rule | None = None) -> QAction:
        """An action made elsewhere (an undo stack's, a feature's own button's), placed
        and enabled like the others."""
        if name in self._actions:
            raise ValueError(f"a command named {name!r} exists already")
        action.setObjectName(name)
        self._actions[name] = action
        if enabled_when is not None:
            self._rules[name] = enabled_when
            action.setEnabled(enabled_when())
        return action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __contains__(self, name: object) -> bool:
        return name in self._actions

    def names(self) -> list[str]:
        return list(self._actions)

    def refresh(self) -> None:
        """Every command enabled as its rule now says."""
        for name, rule in self._rules.items():
            self._actions[name].setEnabled(rule())

    def fill(self, menu: QMenu, items: Iterable[MenuItem]) -> QMenu:
        """``menu`` with the commands named, as their rules now say: ``SEPARATOR``
        between groups, (title, items) for a submenu; a name not declared is left
        out."""
        self.refresh()
        self._fill(menu, items)
        return menu

    def _fill(self, menu: QMenu, items: Iterable[MenuItem]) -> None:
        for item in items:
            if item is SEPARATOR:
                if menu.actions() and not menu.actions()[-1].isSeparator():
                    menu.addSeparator()
            elif isinstance(item, tuple):
                title, inner = item
                self._fill(menu.addMenu(str(title)), inner)
            elif item in self._actions:
                menu.addAction(self._actions[item])
