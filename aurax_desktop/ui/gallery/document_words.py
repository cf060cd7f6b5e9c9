"""What the Gallery says of each document it writes (a lookbook, a line sheet), whole
sentence by whole sentence: a document's name changes the words around it (its
gender, its article, its case), so no sentence is made by putting the name into
another.

The documents are named by their key, "lookbook" or "line sheet"; what a step of the
writing makes (its unit) by "page" or "look". Export pictures… shows its progress in
the same dialog, in words of its own (``PICTURE_WORDS``): it writes files, not a
document, and has no saving step at its end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from aurax_desktop.translation import LazyText, lazy_gettext


class ProgressWords(Protocol):
    """What the progress dialog says of what it shows being written."""

    @property
    def export(self) -> LazyText: ...
    @property
    def writing(self) -> LazyText: ...
    @property
    def being_written(self) -> LazyText: ...
    @property
    def saving(self) -> LazyText | None:
        """The last step's words; None: the last step is a step like the others."""

    @property
    def stopping(self) -> LazyText: ...
    def step(self, unit: str) -> LazyText: ...


@dataclass(frozen=True)
class DocumentWords:
    export: LazyText
    """A dialog's title: "Export lookbook"."""
    what_goes_in: LazyText
    """The question of the export's options: "What goes in the lookbook?"."""
    writing: LazyText
    """The progress before the first page: "Writing the lookbook…"."""
    being_written: LazyText
    """The progress dialog's name for a screen reader: "Writing the lookbook"."""
    saving: LazyText
    """The last step: "Writing the lookbook: saving the file…"."""
    page: LazyText
    """A page being made: "Writing the lookbook: page {number} of {count}…"."""
    look: LazyText
    """A look being drawn (a contact sheet): "Writing the lookbook: look {number} of
    {count}…"."""
    stopping: LazyText
    """Stop was pressed: "Stopping: the lookbook will not be written…"."""
    stopped: LazyText
    """It was stopped: "The lookbook was not written: it was stopped."."""
    not_written: LazyText
    """It failed: "The lookbook could not be written to {target}: {error}"."""

    def step(self, unit: str) -> LazyText:
        """The progress of a step making ``unit`` ("page" or "look")."""
        return self.look if unit == "look" else self.page


WORDS: dict[str, DocumentWords] = {
    "lookbook": DocumentWords(
        export=lazy_gettext("Export lookbook"),
        what_goes_in=lazy_gettext("What goes in the lookbook?"),
        writing=lazy_gettext("Writing the lookbook…"),
        being_written=lazy_gettext("Writing the lookbook"),
        saving=lazy_gettext("Writing the lookbook: saving the file…"),
        page=lazy_gettext("Writing the lookbook: page {number} of {count}…"),
        look=lazy_gettext("Writing the lookbook: look {number} of {count}…"),
        stopping=lazy_gettext("Stopping: the lookbook will not be written…"),
        stopped=lazy_gettext("The lookbook was not written: it was stopped."),
        not_written=lazy_gettext("The lookbook could not be written to {target}: {error}"),
    ),
    "line sheet": DocumentWords(
        export=lazy_gettext("Export line sheet"),
        what_goes_in=lazy_gettext("What goes in the line sheet?"),
        writing=lazy_gettext("Writing the line sheet…"),
        being_written=lazy_gettext("Writing the line sheet"),
        saving=lazy_gettext("Writing the line sheet: saving the file…"),
        page=lazy_gettext("Writing the line sheet: page {number} of {count}…"),
        look=lazy_gettext("Writing the line sheet: look {number} of {count}…"),
        stopping=lazy_gettext("Stopping: the line sheet will not be written…"),
        stopped=lazy_gettext("The line sheet was not written: it was stopped."),
        not_written=lazy_gettext("The line sheet could not be written to {target}: {error}"),
    ),
}
"""Each document's words, by its key."""


def words(document: str) -> DocumentWords:
    """The words of ``document`` ("lookbook" or "line sheet")."""
    return WORDS[document]


@dataclass(frozen=True)
class PictureWords:
    """What Export pictures… says as it copies the pictures, one by one."""

    export: LazyText
    """The dialog's title: "Export pictures"."""
    writing: LazyText
    being_written: LazyText
    picture: LazyText
    """A picture being copied: "Exporting the pictures: picture {number} of {count}…"."""
    stopping: LazyText
    saving: LazyText | None = None  # each picture is whole once copied: nothing to save

    def step(self, unit: str) -> LazyText:
        return self.picture


PICTURE_WORDS = PictureWords(
    export=lazy_gettext("Export pictures"),
    writing=lazy_gettext("Exporting the pictures…"),
    being_written=lazy_gettext("Exporting the pictures"),
    picture=lazy_gettext("Exporting the pictures: picture {number} of {count}…"),
    stopping=lazy_gettext("Stopping: the pictures exported so far are kept…"),
)
