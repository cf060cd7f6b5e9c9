"""The window in the user's language: started under German, Chinese and Arabic locales it
shows translated menus and Qt's own words, Arabic mirrors the layout, numbers are
written as the locale writes them; View → Language overrides the system's language
from the next start."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMenu
from pytestqt.qtbot import QtBot

from aurax_desktop.account import SettingsStore
from aurax_desktop.jobs import Job, JobKind, JobStatus, JobStore
from aurax_desktop.languages import LANGUAGES, choose
from aurax_desktop.ui.common.language import apply_language
from aurax_desktop.ui.shell.dialogs.shortcuts import ShortcutsDialog
from aurax_desktop.ui.shell.language_menu import LANGUAGE_COMMANDS
from aurax_desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.pseudo_check import clipped_texts


def menus(window: MainWindow) -> dict[str, QMenu]:
    """The menu bar's menus by their title as shown, without the mnemonic's marks."""
    return {
        action.text().replace("(&", "(").replace("&", ""): action.menu()
        for action in window.menuBar().actions()
        if isinstance(action.menu(), QMenu)
    }


def items(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if action.text()]


def spend(credits: float) -> None:
    """A charge in the history's ledger today, as a job sent earlier left it."""
    store = JobStore()
    now = time.time()
    job = Job(
        id="spent-earlier",
        kind=JobKind.TRY_ON,
        status=JobStatus.COMPLETED,
        product_type="DRESS",
        created_at=now,
        updated_at=now,
        cost=credits,
    )
    store.insert([job])
    store.close()


def test_german_menus_qt_words_and_numbers(
    qtbot: QtBot, open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "de")
    spend(1234.5)
    window = open_window(demo=True).window
    shown = menus(window)
    assert list(shown) == ["Datei", "Bearbeiten", "Ansicht", "Aufträge", "Konto", "Hilfe"]
    view = items(shown["Ansicht"])
    assert {"Vergrößern", "Verkleinern", "Ergebnis einpassen", "Erscheinungsbild"} <= set(view)
    assert "Sprache" in view and "Tastenkürzel" in items(shown["Hilfe"])
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QLocale().name() == "de_DE"
    qtbot.waitUntil(lambda: "1.234,5 Credits" in window.spending.label.text(), timeout=10000)
    assert window.spending.label.text() == (
        "Heute ausgegeben: 1.234,5 Credits · diesen Monat: 1.234,5"
    )
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert dialog.windowTitle() == "Tastenkürzel" and "Überall" in texts
    assert "Strg+Umschalt+O" in texts  # the keys as Qt writes them in German
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.text().replace("&", "") == "Schließen"  # Qt's own catalog


def test_simplified_chinese_from_lang(
    open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    window = open_window(demo=True).window
    shown = menus(window)
    assert list(shown) == ["文件(F)", "编辑(E)", "视图(V)", "任务(J)", "账户(A)", "帮助(H)"]
    assert {"放大", "缩小", "主题", "语言"} <= set(items(shown["视图(V)"]))
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_arabic_mirrors_the_window(
    open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "ar_AE.UTF-8")
    spend(3)
    window = open_window(demo=True).window
    shown = menus(window)
    assert list(shown) == ["ملف", "تحرير", "عرض", "المهام", "الحساب", "مساعدة"]
    assert "تكبير" in items(shown["عرض"])
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # the page list sits on the right, the result column on the left
    assert window.frame.navigation.mapTo(window, window.frame.navigation.rect().center()).x() > (
        window.width() // 2
    )


def test_view_language_is_kept_and_spoken_from_the_next_start(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    window = open_window(demo=True).window
    view = menus(window)["View"]
    language = next(a.menu() for a in view.actions() if a.text() == "Language")
    assert items(language)[0] == "Follow the system"
    assert items(language)[1:] == [
        "English",
        "Deutsch",
        "Français",
        "Español",
        "Italiano",
        "简体中文",
        "日本語",
        "العربية",
    ]
    assert language.actions()[0].isChecked()
    next(a for a in language.actions() if a.text() == "Deutsch").trigger()
    qtbot.waitUntil(lambda: SettingsStore().load().settings.language == "de", timeout=5000)
    assert "Deutsch" in window.statusBar().currentMessage()
    assert "next start" in window.statusBar().currentMessage()
    assert menus(window)["View"] is view  # this window stays in English
    window.close()
    again = open_window(demo=True).window
    assert "Ansicht" in menus(again)
    picked = [
        again.commands[name] for name in LANGUAGE_COMMANDS if again.commands[name].isChecked()
    ]
    assert [action.text() for action in picked] == ["Deutsch"]


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_the_keyboard_shortcuts_fit_a_laptop_in_every_language(qtbot: QtBot, code: str) -> None:
    apply_language(choose([code]))
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    dialog.show()  # sized as it is when opened
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 700  # a laptop's room
    assert clipped_texts(dialog) == []
