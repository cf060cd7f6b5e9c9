"""Save and open dialogs start where the user last went, else in the usual folder for
the kind of file; never in a folder that is not there (a dialog given one opens in the
program's working folder, which may be anywhere)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from aurax_desktop.account import SettingsStore
from aurax_desktop.ui.shell.dialogs.settings import SettingsDialog
from tests.factories import garment_jpeg, person_jpeg
from tests.ui.conftest import WindowFactory


def test_a_missing_documents_folder_falls_back_to_home(
    open_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = open_window(demo=True)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs file
    for name in ("XDG_DOCUMENTS_DIR", "XDG_PICTURES_DIR"):
        monkeypatch.delenv(name, raising=False)
    folders = driver.folders
    assert folders.folder("exports") == str(home)
    assert folders.folder("photos") == str(home)
    (home / "Documents").mkdir()
    assert folders.folder("exports") == str(home / "Documents")
    folders.remember("exports", tmp_path)
    assert folders.folder("exports") == str(tmp_path)  # where the last one ended


def test_every_file_dialog_starts_where_the_last_of_its_kind_ended(
    qtbot: QtBot,
    open_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The photo panes' dialogs started in the home folder every time, the garment list's
    in the photos' folder: each kind now starts where its last dialog ended. The dialogs
    are the desktop's own, so what they are offered is what is checked."""
    driver = open_window(demo=True)
    shoot, season, lists = tmp_path / "shoot", tmp_path / "season", tmp_path / "lists"
    for folder in (shoot, season, lists):
        folder.mkdir()
    (shoot / "anna.jpg").write_bytes(person_jpeg())
    (season / "linen-dress.jpg").write_bytes(garment_jpeg())
    (lists / "linen-dress.jpg").write_bytes(garment_jpeg())  # a list names its own folder's
    (lists / "SS27.csv").write_text("file,type\nlinen-dress.jpg,dress\n")
    offered: list[tuple[str, str]] = []

    def dialog(answer: list[str]) -> Callable[..., tuple[list[str], str]]:
        def ask(
            _parent: object, title: str, start: str, *_filters: object
        ) -> tuple[list[str], str]:
            offered.append((title, start))
            return answer, ""

        return ask

    page = driver.try_on
    first = driver.folders.folder("photos")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog([str(shoot / "anna.jpg")]))
    page.person_pane.browse()
    qtbot.waitUntil(lambda: len(page.person_pane.photos()) == 1, timeout=10_000)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog([str(season / "linen-dress.jpg")]))
    page.garment_pane.browse()  # photos are one kind, whichever pane asks
    qtbot.waitUntil(lambda: len(page.garment_pane.photos()) == 1, timeout=10_000)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog([]))
    page.person_pane.browse()  # cancelled: the folder stays the last one chosen
    page.person_pane.browse()
    assert offered == [
        ("Choose person photos", first),
        ("Choose garment photos", str(shoot)),
        ("Choose person photos", str(season)),
        ("Choose person photos", str(season)),
    ]
    offered.clear()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda _p, title, start: offered.append((title, start))
    )
    page.person_pane.browse_folder()
    driver.generate.shape_pane.browse_folder()
    assert offered == [
        ("Add a folder of person photos", str(season)),
        ("Add a folder of shape photos", str(season)),
    ]
    # lists are a kind of their own
    offered.clear()
    answers = iter([str(lists / "SS27.csv"), ""])

    def open_list(_parent: object, title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append((title, start))
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_list)
    driver.command("openGarmentList").trigger()
    driver.command("openGarmentList").trigger()
    assert offered[0] == ("Open a garment list", driver.folders.folder("exports"))
    assert offered[1] == ("Open a garment list", str(lists))
    assert driver.folders.folder("photos") == str(season)
    # kept with the settings, for the next start
    qtbot.waitUntil(lambda: SettingsStore().load().settings.folders.get("lists") == str(lists))
    # the logo in Settings → Lookbooks is a picture: it starts where photos were chosen
    dialog_ = SettingsDialog(driver.session.settings)
    qtbot.addWidget(dialog_)
    offered.clear()
    logo = season / "logo.png"
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda _p, title, start, _f: (offered.append((title, start)), (str(logo), ""))[1],
    )
    qtbot.mouseClick(
        dialog_.findChild(QPushButton, "settingsChooseLogo"), Qt.MouseButton.LeftButton
    )
    assert offered == [("Choose a logo", str(season))]
    assert dialog_.values().folders["photos"] == str(season)
