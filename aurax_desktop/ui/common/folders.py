"""File dialogs remember the last folder for each kind of file (photos, results,
exports), in the settings; results go to the Pictures/AuraX folder until chosen."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import platformdirs

from aurax_desktop.session import Session
from aurax_desktop.ui.common.background import BackgroundWork

KINDS = ("photos", "results", "exports")


class RememberedFolders:
    def __init__(self, session: Session, work: BackgroundWork) -> None:
        self.session, self.work = session, work

    def folder(self, kind: str) -> str:
        """Where a dialog for ``kind`` files starts: where the last one ended."""
        settings = self.session.settings
        remembered = settings.folders.get(kind)
        if remembered and Path(remembered).is_dir():
            return remembered
        if kind == "results":
            return settings.results_folder
        usual = platformdirs.user_pictures_dir() if kind == "photos" else None
        return _existing(usual or platformdirs.user_documents_dir())

    def remember(self, kind: str, folder: Path) -> None:
        settings = self.session.settings
        if settings.folders.get(kind) == str(folder):
            return
        chosen = replace(settings, folders={**settings.folders, kind: str(folder)})
        self.session.settings = chosen.checked()
        self.work.run(lambda: self.session.update_settings(chosen), lambda _r: None)


def _existing(folder: str) -> str:
    """``folder`` when it is there, else the home folder: a dialog given a folder that is
    not there opens in the program's working folder, which means nothing to a user."""
    return folder if Path(folder).is_dir() else str(Path.home())
