"""The user's language, applied to Qt: the words of Qt's own dialogs and buttons (its
``qtbase`` catalogs), the window's direction (mirrored for Arabic and Hebrew), and the
locale by which widgets write numbers and dates (``QLocale``).

Our own words come from the gettext catalogs (``aurax_desktop.translation``), chosen
here at the same time. On Linux and other Unix systems the system's language is what
gettext reads (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``); elsewhere it is
the list Qt reads from the system.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from aurax_desktop.languages import Language, choose, system_preferences
from aurax_desktop.pseudo import pseudo
from aurax_desktop.translation import use_language

_installed: list[QTranslator] = []
"""The Qt catalogs in use (kept alive here: Qt holds no reference of its own)."""


def system_languages() -> list[str]:
    """The system's languages, most wanted first."""
    if sys.platform in ("win32", "darwin"):
        return [name.replace("-", "_") for name in QLocale.system().uiLanguages()]
    return system_preferences()


def window_language(chosen: str = "") -> Language:
    """The window's language: ``chosen`` (View → Language), else the system's."""
    return choose([chosen, *system_languages()])


def apply_language(language: Language) -> None:
    """Speak ``language`` everywhere: our catalogs, Qt's, the direction, the locale."""
    use_language(language)
    QLocale.setDefault(QLocale(language.locale))
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    qt_catalog = _qt_translator(language)
    if qt_catalog is not None and QCoreApplication.installTranslator(qt_catalog):
        _installed.append(qt_catalog)
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if language.right_to_left
            else Qt.LayoutDirection.LeftToRight
        )


def _qt_translator(language: Language) -> QTranslator | None:
    if language.is_pseudo:
        return PseudoQtTranslator()
    translator = QTranslator()
    for folder in _qt_translation_folders():
        if translator.load(f"qtbase_{language.code}", str(folder)):
            return translator
    return None


def _qt_translation_folders() -> list[Path]:
    """Where Qt's catalogs are: Qt's own answer, and PySide6's folder beside it (a
    bundle may place them there without telling Qt)."""
    import PySide6  # noqa: PLC0415

    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
    ]


class PseudoQtTranslator(QTranslator):
    """Qt's own words in the pseudo-language, so a test sees every text on screen as
    either marked or not ours."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        if context == "QGuiApplication" and source_text == "QT_LAYOUT_DIRECTION":
            return "LTR"
        return pseudo(source_text)

    def isEmpty(self) -> bool:
        return False
