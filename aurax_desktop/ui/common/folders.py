"""File dialogs start in the last folder used for each kind of file ("photos", "lists",
"exports", "results"), kept in the settings; until one is used, in the usual folder for
the kind (Pictures for photos, the Pictures/AuraX folder for results, Documents for the
rest), and never in a folder that is not there: the results folder is made on its first
use (``results_start``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Protocol

import platformdirs

from aurax_desktop.account import Settings
from aurax_desktop.session import Session
from aurax_desktop.ui.common.background import BackgroundWork

KINDS = ("photos", "lists", "exports", "results")


class FolderMemory(Protocol):
    """Where a file dialog for a kind of file starts, and where the last one ended."""

    def folder(self, kind: str) -> str: ...
    def remember(self, kind: str, folder: Path) -> None: ...


def start_folder(settings: Settings, kind: str) -> str:
    """Where a dialog for ``kind`` files starts: where the last one ended, else the usual
    folder for the kind."""
    remembered = settings.folders.get(kind)
    if remembered and Path(remembered).is_dir():
        return remembered
    if kind == "results":
        return settings.results_folder
    usual = platformdirs.user_pictures_dir() if kind == "photos" else None
    return _existing(usual or platformdirs.user_documents_dir())


class RememberedFolders:
    def __init__(self, session: Session, work: BackgroundWork) -> None:
        self.session, self.work = session, work

    def folder(self, kind: str) -> str:
        """Where a dialog for ``kind`` files starts: where the last one ended."""
        return start_folder(self.session.settings, kind)

    def remember(self, kind: str, folder: Path) -> None:
        if self.session.settings.folders.get(kind) == str(folder):
            return
        self.session.edit_settings(
            lambda now: replace(now, folders={**now.folders, kind: str(folder)})
        )
        self.work.run(self.session.save_settings, lambda _r: None)


class HomeFolder:
    """For a part of the window not yet given the remembered folders: the home folder,
    remembering nothing."""

    def folder(self, kind: str) -> str:
        return str(Path.home())

    def remember(self, kind: str, folder: Path) -> None:
        """Nothing is kept."""


def results_start(folders: FolderMemory) -> str:
    """Where a dialog saving or exporting results starts: where the last one ended, else
    the results folder (Pictures/AuraX), made now if it is not there yet; the home folder
    when it cannot be made. Given a folder that is not there, the desktop's dialog opened
    in the program's working folder with the missing folder's name typed in."""
    folder = Path(folders.folder("results") or Path.home())
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return str(Path.home())
    return str(folder)


def _existing(folder: str) -> str:
    """``folder`` when it is there, else the home folder: a dialog given a folder that is
    not there opens in the program's working folder, which means nothing to a user."""
    return folder if Path(folder).is_dir() else str(Path.home())
