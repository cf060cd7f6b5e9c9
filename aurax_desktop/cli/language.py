"""The command's language, for its messages and the documents it writes: ``--language``,
else the one chosen in the window (View → Language), else the system's, as the
window would speak it."""

from __future__ import annotations

from aurax_desktop.account import SettingsStore
from aurax_desktop.languages import Language, choose, system_preferences
from aurax_desktop.translation import use_language


def speak(requested: str | None) -> Language:
    """Choose the command's language and speak it from now on; the language chosen."""
    language = choose([requested, SettingsStore().load().settings.language, *system_preferences()])
    use_language(language)
    return language
