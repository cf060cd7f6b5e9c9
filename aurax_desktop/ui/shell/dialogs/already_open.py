"""Shown when another AuraX Desktop window owns the data folder: one window runs the jobs
of a folder; a second one may browse the history, read-only."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from aurax_desktop.translation import _
from aurax_desktop.ui.common.icons import icon


class AlreadyOpenDialog(QMessageBox):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alreadyOpenDialog")
        self.setWindowTitle(_("AuraX Desktop is already open"))
        self.setIconPixmap(icon("alert").pixmap(48, 48))
        heading = _("AuraX Desktop is already open.")
        said = _(
            "Another AuraX Desktop window uses the data folder {folder} and runs its "
            "jobs. Switch to that window to send or follow jobs, or browse the history "
            "here, read-only."
        ).format(folder=folder)
        # One label, the heading above the explanation: a message box sizes a second,
        # wrapped label too short for its last line (a long folder's path, a translation).
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(f"<p><b>{escape(heading)}</b></p><p>{escape(said)}</p>")
        self.browse = self.addButton(_("Browse the history"), QMessageBox.ButtonRole.AcceptRole)
        self.quit = self.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.quit)

    def wants_to_browse(self) -> bool:
        self.exec()
        return self.clickedButton() is self.browse
