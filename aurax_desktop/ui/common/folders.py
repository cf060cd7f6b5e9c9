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
        if kind == "photos":
            return platformdirs.user_pictures_dir()
        return platformdirs.user_documents_dir()

    def remember(self, kind: str, folder: Path) -> None:
        settings = self.session.settings
        if settings.folders.get(kind) == str(folder):
            return
        chosen = replace(settings, folders={**settings.folders, kind: str(folder)})
        self.session.settings = chosen.checked()
        self.work.run(lambda: self.session.update_settings(chosen), lambda _r: None)
