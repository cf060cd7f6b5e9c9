"""View → Language: the system's language, or one the user picks, kept in the settings
and spoken from the next start (the window's words are set as it is built)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QActionGroup

from aurax_desktop.account import Settings
from aurax_desktop.languages import LANGUAGES, choose
from aurax_desktop.translation import _
from aurax_desktop.ui.common.commands import Commands

SYSTEM = "languageSystem"
LANGUAGE_COMMANDS = (SYSTEM, *(f"language_{code}" for code in LANGUAGES))
"""The menu's items by command name: the system's language, then each that ships."""


def declare_language_commands(
    commands: Commands,
    settings: Callable[[], Settings],
    save: Callable[[Settings], None],
    say: Callable[[str, int], None],
) -> None:
    """The language commands (checkable, one checked: the setting's), which save the
    choice with ``save`` and ``say`` when it takes effect."""
    group = QActionGroup(commands)
    chosen = settings().language
    for name in LANGUAGE_COMMANDS:
        code = "" if name == SYSTEM else name.removeprefix("language_")
        # Translators: View → Language; the other items are each language in itself.
        label = _("Follow the system") if not code else LANGUAGES[code]
        pick = functools.partial(_pick, code, settings, save, say)
        action = commands.add(name, label, pick)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        group.addAction(action)


def _pick(
    code: str,
    settings: Callable[[], Settings],
    save: Callable[[Settings], None],
    say: Callable[[str, int], None],
) -> None:
    current = settings()
    if code == current.language:
        return
    save(replace(current, language=code))
    name = choose([code]).name if code else _("the system's language")
    say(_("AuraX Desktop will be in {language} from its next start.").format(language=name), 10000)
