"""The window's frame, its dialogs and what it says before and around them, in the
user's language: German and Arabic windows (Arabic mirrored), the counts in each
language's forms, and every dialog of the shell fitting a laptop in every language."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.account import Settings, SettingsStore
from aurax_desktop.app import build_parser, chosen_language, speak_before_the_window
from aurax_desktop.languages import LANGUAGES, choose
from aurax_desktop.translation import current_language, use_language
from aurax_desktop.ui.common.language import apply_language
from aurax_desktop.ui.shell.announcer import batch_summary, sent_text
from aurax_desktop.ui.shell.dialogs.already_open import AlreadyOpenDialog
from aurax_desktop.ui.shell.dialogs.settings import SettingsDialog
from aurax_desktop.ui.shell.dialogs.trash import TrashDialog
from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog
from aurax_desktop.ui.shell.display_check import display_problem
from aurax_desktop.ui.shell.keyring_wait import KeyringWaiter
from tests.ui.conftest import WindowFactory
from tests.ui.pseudo_check import clipped_texts

LAPTOP = (1366, 700)


@pytest.fixture
def speaking() -> Iterator[None]:
    """Whatever a test speaks, the next one starts in English."""
    yield
    use_language(choose(["en"]))


def items(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if action.text()]


def tabs_of(dialog: SettingsDialog) -> Iterator[str]:
    tabs = dialog.findChild(QTabWidget, "settingsTabs")
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        yield tabs.tabText(index)


def shown(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fits(dialog: QWidget) -> list[str]:
    size = dialog.frameGeometry()
    large = size.width() > LAPTOP[0] or size.height() > LAPTOP[1]
    return ([f"{size.width()} x {size.height()}"] if large else []) + clipped_texts(dialog)


def test_the_frame_and_the_account_speak_german(
    qtbot: QtBot, open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "de")
    driver = open_window(demo=True)
    window = driver.window
    assert window.windowTitle() == "AuraX Desktop — Demo-Modus"
    assert window.connection.badge.text() == "Demo-Modus · Ergebnisse sind simuliert"
    assert driver.connection_text().startswith("Demo-Server unter http://127.0.0.1:")
    assert driver.page_list.item(3).toolTip() == "Galerie (Strg+4)"
    assert driver.demo_banner.buttons[1].text() == "Rotes Kleid"
    assert items(driver.menu("Account")) == [
        "AuraX-Konto verbinden…",
        "Demo ausprobieren",
        "Wo ist mein Schlüssel?",
        "Abmelden",
        "Einstellungen…",
    ]
    assert driver.command("undo").text() == "Rückgängig"  # Qt's own words
    assert driver.command("showTrash").text() == "Papierkorb…"
    driver.command("signOut").trigger()
    assert driver.status() == "Abgemeldet. Der Schlüssel wurde aus dem Schlüsselbund entfernt."
    assert driver.connection_text() == "Nicht verbunden"
    window.setGeometry(0, 0, *LAPTOP)
    QApplication.processEvents()
    assert clipped_texts(window.statusBar()) == []


def test_the_settings_speak_german_with_counts_in_words(
    qtbot: QtBot, open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "de")
    driver = open_window(demo=True)
    settings = replace(driver.session.settings, trash_days=1, daily_limit=0.0)
    dialog = shown(qtbot, SettingsDialog(settings, driver.window, lambda: None))
    assert isinstance(dialog, SettingsDialog)
    assert dialog.windowTitle() == "Einstellungen"
    assert list(tabs_of(dialog)) == ["Allgemein", "Verlauf", "Lookbooks"]
    assert dialog.trash_days.text() == "1 Tag"
    dialog.trash_days.setValue(30)
    assert dialog.trash_days.text() == "30 Tage"
    assert dialog.daily_limit.text() == "Kein Limit"
    dialog.daily_limit.setValue(25)
    assert dialog.daily_limit.text() == "25,00 Credits"  # the number as German writes it
    assert dialog.forget.text() == "Nie"
    assert [problem for tab in tabs_of(dialog) for problem in fits(dialog)] == []


def test_the_window_and_its_dialogs_speak_arabic_right_to_left(
    qtbot: QtBot, open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "ar_AE.UTF-8")
    driver = open_window(demo=True)
    window = driver.window
    assert window.windowTitle() == "AuraX Desktop — وضع العرض التجريبي"
    assert driver.connection_text().startswith("خادم العرض التجريبي على \u2066http://127.0.0.1:")
    welcome = shown(qtbot, WelcomeDialog(driver.session, driver.work, parent=window))
    assert welcome.windowTitle() == "مرحبًا بك في AuraX Desktop"
    assert welcome.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert fits(welcome) == []
    trash = shown(qtbot, TrashDialog(driver.session.book, driver.work, driver.cache, 3, window))
    assert isinstance(trash, TrashDialog)
    qtbot.waitUntil(lambda: trash.list.count() == 1)
    assert trash.list.item(0).text() == "سلة المهملات فارغة."
    assert trash.windowTitle() == "سلة المهملات" and fits(trash) == []
    settings = shown(qtbot, SettingsDialog(Settings(), window, lambda: None))
    assert isinstance(settings, SettingsDialog)
    said = []
    for days in (1, 2, 3, 11, 100):  # the six forms of Arabic's counts, five of them here
        settings.trash_days.setValue(days)
        said.append(settings.trash_days.text())
    assert said == ["1 يوم", "2 يومان", "3 أيام", "11 يومًا", "100 يوم"]
    assert [problem for tab in tabs_of(settings) for problem in fits(settings)] == []


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_dialog_of_the_shell_fits_a_laptop_in_every_language(
    qtbot: QtBot, open_window: WindowFactory, code: str
) -> None:
    driver = open_window(demo=True)
    apply_language(choose([code]))  # the dialogs are made in this language
    window, session = driver.window, driver.session
    found = []
    settings = shown(qtbot, SettingsDialog(session.settings, window, lambda: None))
    assert isinstance(settings, SettingsDialog)
    found += [
        f"settings, {tab}: {problem}" for tab in tabs_of(settings) for problem in fits(settings)
    ]
    dialogs = {
        "welcome": WelcomeDialog(session, driver.work, parent=window),
        "trash": TrashDialog(session.book, driver.work, driver.cache, 30, window),
        "already open": AlreadyOpenDialog(session.store.path.parent, window),
    }
    for name, dialog in dialogs.items():
        shown(qtbot, dialog)
        found += [f"{name}: {problem}" for problem in fits(dialog)]
    answered = threading.Event()
    waiter = KeyringWaiter(
        lambda: answered.wait(10),
        window,
        done=lambda _result: None,
        failed=lambda _error: None,
        cancelled=lambda: None,
    )
    try:
        qtbot.waitUntil(waiter.dialog.isVisible, timeout=5000)
        found += [f"keyring: {problem}" for problem in fits(waiter.dialog)]
    finally:
        waiter.stop()
        answered.set()
    assert found == []


def test_what_is_said_before_the_window_speaks_german(speaking: None) -> None:
    use_language(choose(["de"]))
    assert display_problem({}, "linux") == (
        "AuraX Desktop hat keinen Bildschirm gefunden, auf dem es sein Fenster öffnen kann "
        "(weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt). Starten Sie es aus Ihrer "
        "Desktop-Sitzung; für Stapelarbeit ohne Bildschirm gibt es den Befehl aurax."
    )
    missing = display_problem({"DISPLAY": ":0"}, "linux", lambda name: None)
    assert missing is not None and missing.endswith(
        "Unter Debian oder Ubuntu: sudo apt install libegl1 libxcb-cursor0 libxkbcommon-x11-0"
    )
    helped = build_parser().format_help()
    assert helped.startswith("Aufruf: aurax-desktop")
    assert "Optionen:" in helped and "diese Hilfe zeigen und beenden" in helped
    assert "den eingebauten Demo-Server starten und verwenden" in helped


def test_the_language_chosen_in_the_window_is_spoken_before_it(speaking: None) -> None:
    store = SettingsStore()
    store.save(Settings(language="fr"))
    kept = store.path.read_bytes()
    assert chosen_language() == "fr"
    speak_before_the_window()
    assert current_language().code == "fr"
    assert build_parser().format_help().startswith("utilisation\u00a0: aurax-desktop")
    assert store.path.read_bytes() == kept  # read, never written
    store.path.write_text("{damaged")
    assert chosen_language() == ""  # a damaged file is the window's to set aside, later
    assert store.path.read_text() == "{damaged"


def test_counts_take_each_languages_forms(speaking: None) -> None:
    use_language(choose(["ar"]))
    assert batch_summary(4, 1) == "تجارب الارتداء المكتملة: 3 من 4، والفاشلة: 1."
    use_language(choose(["de"]))
    assert batch_summary(1, 0) == "1 von 1 Anprobe fertig."
    assert batch_summary(4, 0) == "4 von 4 Anproben fertig."
    assert (
        sent_text(1, "3 Credits") == "Gesendet (3 Credits). Der Auftrag steht in der Auftragsliste."
    )
    assert sent_text(2, "") == "2 Aufträge gesendet. Sie stehen in der Auftragsliste."
    use_language(choose(["fr"]))
    assert sent_text(2, "") == "2 tâches envoyées. Suivez-les dans la liste des tâches."
    use_language(choose(["en"]))
    assert batch_summary(4, 1) == "3 of 4 try-ons completed, 1 failed."
    assert sent_text(3, "9 credits") == "3 jobs sent (9 credits). Follow them in the Jobs list."
