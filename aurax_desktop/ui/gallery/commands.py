"""The Gallery's commands: what is done to the selected results (the loupe, flags, stars,
try again, compare, hand on, delete), with the keys that work while the grid has the
focus, and the exports of the batch shown (File menu, the Export button, the cell's
menu). Each is enabled by the Gallery's own state: a batch shown, results chosen."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtGui import QKeySequence

from aurax_desktop.jobs import FAVOURITE, REJECTED, Job
from aurax_desktop.jobs.model import MAX_STARS
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.commands import Commands, Rule
from aurax_desktop.ui.gallery.controller import GalleryController
from aurax_desktop.ui.gallery.menu import connect_cell_menu

RATINGS = tuple(f"rate{stars}" for stars in range(MAX_STARS + 1))


def star_text(stars: int) -> str:
    """A rating's command: "No stars", "1 star", "3 stars"."""
    if stars == 0:
        # Translators: the command that clears a result's rating.
        return _("No stars")
    return ngettext("{count} star", "{count} stars", stars).format(count=stars)


def declare_gallery_commands(
    commands: Commands, gallery: GalleryController, connected: Rule
) -> None:
    """``connected``: whether jobs can be sent (Try again)."""
    grid, page, exports = gallery.gallery, gallery.page, gallery.exports
    add = commands.add

    def current() -> Job | None:
        return grid.current_job()

    def on_current(act: Callable[[Job], object]) -> Callable[[], None]:
        def run() -> None:
            job = current()
            if job is not None:
                act(job)

        return run

    def has_batch() -> bool:
        return gallery.model.batch is not None

    def chosen() -> bool:
        return bool(grid.chosen_jobs())

    def current_has_result() -> bool:
        return (job := current()) is not None and bool(job.result_paths)

    add(
        "exportLookbook",
        _("Export lookbook…"),
        exports.export_lookbook,
        icon_name="lookbook",
        shortcut="Ctrl+Shift+E",
        enabled_when=has_batch,
        tip=_("The batch shown in the Gallery as a PDF or contact sheet"),
    )
    page.export_button.setDefaultAction(commands["exportLookbook"])
    add(
        "exportLineSheet",
        _("Export line sheet…"),
        exports.export_linesheet,
        icon_name="lookbook",
        enabled_when=has_batch,
        tip=_("The Gallery's batch for wholesale buyers: each garment, its details, its looks"),
    )
    add(
        "exportPictures",
        _("Export pictures…"),
        exports.export_pictures,
        icon_name="save",
        enabled_when=has_batch,
        tip=_("The Gallery's results at full size, named as you choose"),
    )
    add(
        "loupe",
        _("Loupe"),
        grid.open_large,
        icon_name="loupe",
        shortcut="Space",
        enabled_when=lambda: current() is not None,
        tip=_("The result large (Space or Esc: back to the grid)"),
        keys_in=grid,
    )
    add(
        "favourite",
        _("Favourite"),
        lambda: grid.toggle_mark(FAVOURITE),
        icon_name="flag",
        shortcut="F",
        enabled_when=chosen,
        tip=_("Mark the selected results favourite (again: unmark)"),
        keys_in=grid,
    )
    add(
        "reject",
        _("Reject"),
        lambda: grid.toggle_mark(REJECTED),
        icon_name="reject",
        shortcut="X",
        enabled_when=chosen,
        tip=_("Reject the selected results (again: unmark)"),
        keys_in=grid,
    )
    for stars, name in enumerate(RATINGS):
        add(
            name,
            star_text(stars),
            functools.partial(grid.rate, stars),
            shortcut=str(stars),
            enabled_when=chosen,
            keys_in=grid,
        )
    add(
        "tryAgain",
        _("Try again…"),
        on_current(gallery.try_again),
        icon_name="retry",
        enabled_when=lambda: connected() and current() is not None,
        tip=_("The same person and garment once more, as a new variant of the cell"),
    )
    add(
        "compare",
        _("Compare selected"),
        page.compare,
        icon_name="compare",
        shortcut="C",
        enabled_when=lambda: bool(page.comparable()),
        tip=_("Select two to four results, then compare them"),
        keys_in=grid,
    )
    add(
        "useAsPerson",
        _("Use as person photo"),
        on_current(gallery.use_as_person),
        icon_name="use-as-person",
        enabled_when=current_has_result,
        tip=_("Try the next garment on this result"),
    )
    add(
        "useAsGarment",
        _("Use as garment photo"),
        on_current(gallery.use_as_garment),
        icon_name="garment",
        enabled_when=current_has_result,
        tip=_("Try this whole look on another person"),
    )
    add(
        "describeResult",
        _("Describe it…"),
        on_current(gallery.describe),
        icon_name="describe",
        enabled_when=current_has_result,
    )
    add(
        "renamePerson",
        _("Name this person…"),
        on_current(lambda job: gallery.controls.rename_person(grid.currentIndex().row())),
        icon_name="edit",
        shortcut="F2",
        enabled_when=lambda: current() is not None and gallery.session.book.read_only is False,
        tip=_("The name lookbooks and line sheets give the person of this row"),
        keys_in=grid,
    )
    grid.verticalHeader().sectionDoubleClicked.connect(gallery.controls.rename_person)
    add(
        "deleteResults",
        _("Delete"),
        grid.delete_chosen,
        icon_name="trash",
        shortcut=[QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")],
        enabled_when=chosen,
        tip=_("Move the selected results to the Trash (Ctrl+Z brings them back)"),
        keys_in=grid,
    )
    # The keys ask the rules as the grid's choice is now.
    grid.selectionModel().selectionChanged.connect(lambda *_a: commands.refresh())
    grid.selectionModel().currentChanged.connect(lambda *_a: commands.refresh())
    gallery.model.modelReset.connect(commands.refresh)  # a batch shown, or none
    gallery.model.dataChanged.connect(lambda *_a: commands.refresh())
    connect_cell_menu(commands, grid)
