"""The command's language, for its messages and the documents it writes: ``--language``,
else the one chosen in the window (View → Language), else the system's, as the
window would speak it."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from aurax_desktop.account import SettingsStore
from aurax_desktop.languages import Language, choose, known, system_preferences
from aurax_desktop.translation import use_language


def requested_language(arguments: Sequence[str]) -> str | None:
    """The language ``--language`` asks for among the command's ``arguments`` (looked for
    before they are checked, so that their help and refusals are said in it); None when
    none is asked for, or one the program does not speak (the check then refuses it)."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--language")
    try:
        given, _rest = early.parse_known_args(list(arguments))
    except argparse.ArgumentError:  # "--language" with nothing after it: the check says so
        return None
    return known(given.language.strip()) if given.language else None


def speak(requested: str | None) -> Language:
    """Choose the command's language and speak it from now on; the language chosen."""
    language = choose([requested, SettingsStore().load().settings.language, *system_preferences()])
    use_language(language)
    return language
