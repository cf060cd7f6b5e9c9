"""The window's commands, declared once: what each does, its keys, and when it is enabled.

A feature declares its commands (``Commands.add``) with a rule for when they apply,
computed from the program's state (a job selected and retryable, a connection, a
batch shown), never from a menu item's text. The shell places them in menus by
name, and ``refresh`` sets every command's enabled state from its rule: when a menu
opens, and whenever the state they read changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from aurax_desktop.ui.common.icons import icon

Shortcut = str | QKeySequence | QKeySequence.StandardKey | None
Rule = Callable[[], bool]


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
        shortcut: Shortcut = None,
        enabled_when: Rule | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.parent())
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
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
