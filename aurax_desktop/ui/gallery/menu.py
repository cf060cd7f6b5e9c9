"""The menu of a cell of the Gallery's grid (a right-click), made of the Gallery's
commands: each shows its keys and is enabled by its own rule."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from aurax_desktop.jobs.model import MAX_STARS
from aurax_desktop.translation import _, lazy_gettext, ngettext
from aurax_desktop.ui.common.commands import SEPARATOR, Commands, MenuItem
from aurax_desktop.ui.gallery.grid import ResultsGallery

RATING = (*(f"rate{stars}" for stars in range(1, MAX_STARS + 1)), "rate0")
ON_A_RESULT: tuple[MenuItem, ...] = (
    "loupe",
    "favourite",
    "reject",
    (lazy_gettext("Rating"), RATING),
    SEPARATOR,
    "tryAgain",
    "compare",
    SEPARATOR,
    "useAsPerson",
    "useAsGarment",
    "describeResult",
    "renamePerson",
    SEPARATOR,
    "deleteResults",
    SEPARATOR,
)
"""A cell's commands, before the batch's exports."""
ON_THE_BATCH = ("exportLookbook", "exportPictures", "exportLineSheet")


def cell_menu(commands: Commands, grid: ResultsGallery) -> QMenu:
    """The menu for the grid's current cell (only the batch's exports on no result)."""
    menu = QMenu(grid)
    if grid.current_job() is not None:
        chosen = len(grid.chosen_jobs())
        commands["deleteResults"].setText(
            _("Delete")
            if chosen < 2
            else ngettext("Delete {count} result", "Delete {count} results", chosen).format(
                count=chosen
            )
        )
        commands.fill(menu, ON_A_RESULT)
    return commands.fill(menu, ON_THE_BATCH)


def connect_cell_menu(commands: Commands, grid: ResultsGallery) -> None:
    """A right-click on the grid opens its cell's menu."""

    def show(point: QPoint) -> None:
        menu = cell_menu(commands, grid)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(grid.viewport().mapToGlobal(point))

    grid.customContextMenuRequested.connect(show)
