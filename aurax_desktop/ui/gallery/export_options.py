"""Before a lookbook or a line sheet is saved: which looks go in (every look the Gallery
shows, the favourites, or the results chosen in the grid) and the paper (the locale's,
or the other)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.exports import Paper
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.gallery.document_words import words


class Scope(enum.Enum):
    SHOWN = "shown"
    """Every look the Gallery shows (its filter's, when one is on)."""
    FAVOURITES = "favourites"
    SELECTED = "selected"


@dataclass(frozen=True)
class ExportChoice:
    scope: Scope
    paper: Paper


class ExportOptionsDialog(QDialog):
    def __init__(
        self,
        document: str,
        *,
        filtered: bool,
        selected: int,
        paper: Paper,
        parent: QWidget | None = None,
    ) -> None:
        """``document``: "lookbook" or "line sheet"; ``filtered``: the Gallery's filter
        is on; ``selected``: how many results are selected in the grid; ``paper``: the
        locale's."""
        super().__init__(parent)
        self.setObjectName("exportOptionsDialog")
        said = words(document)
        self.setWindowTitle(str(said.export))
        heading = QLabel(str(said.what_goes_in))
        heading.setObjectName("sectionTitle")
        self.shown = QRadioButton(
            _("The looks the Gallery's filter shows") if filtered else _("Every look of the batch")
        )
        self.shown.setObjectName("exportShown")
        self.favourites = QRadioButton(_("Favourites only"))
        self.favourites.setObjectName("exportFavourites")
        self.selected = QRadioButton(
            _("The selected result")
            if selected == 1
            # Translators: never said of one result ("The selected result" is).
            else ngettext(
                "The {count} selected results", "The {count} selected results", selected
            ).format(count=selected)
        )
        self.selected.setObjectName("exportSelected")
        self.selected.setEnabled(selected > 0)
        self.scopes = QButtonGroup(self)
        for button in (self.shown, self.favourites, self.selected):
            self.scopes.addButton(button)
        (self.selected if selected > 1 else self.shown).setChecked(True)
        note = QLabel(_("Rejected results never go in."))
        note.setObjectName("hint")
        self.paper = QComboBox()
        self.paper.setObjectName("exportPaper")
        self.paper.setAccessibleName(_("Paper"))
        for kind in Paper:
            # Translators: the paper the user's country uses, among the papers offered.
            ours = _("{paper} (your locale's)").format(paper=kind.label)
            self.paper.addItem(ours if kind is paper else kind.label, kind.value)
        self.paper.setCurrentIndex(self.paper.findData(paper.value))
        form = QFormLayout()
        form.addRow(_("Paper"), self.paper)
        paper_note = QLabel(_("A contact sheet picture has no paper: it is as wide as it needs."))
        paper_note.setObjectName("hint")
        paper_note.setWordWrap(True)
        paper_note.setVisible(document == "lookbook")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(_("Choose where to save…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(8)
        layout.addWidget(heading)
        for button in (self.shown, self.favourites, self.selected):
            layout.addWidget(button)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(paper_note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def chosen(self) -> ExportChoice:
        scope = (
            Scope.FAVOURITES
            if self.favourites.isChecked()
            else Scope.SELECTED
            if self.selected.isChecked()
            else Scope.SHOWN
        )
        return ExportChoice(scope, Paper(self.paper.currentData()))
