"""Photos given when the program starts (the file manager's "Open with", the command
line): they go into the Try-On page. A name that says garments, products, clothes or a
product type ("garments/", "red-dress.jpg", "boots/") goes into the Garment pane, any
other into the Person pane (which sends the garments found in a folder on to the Garment
pane, see ``routing``); a missing file is named in the status bar."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aurax_desktop.translation import ngettext, pgettext
from aurax_desktop.ui.photos.routing import says_garments

if TYPE_CHECKING:
    from aurax_desktop.ui.shell.main_window import MainWindow


def sort_given(paths: Sequence[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(people, garments, missing): by what each file's or folder's name says."""
    people: list[Path] = []
    garments: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if not path.exists():
            missing.append(path)
        elif says_garments(path):
            garments.append(path)
        else:
            people.append(path)
    return people, garments, missing


def open_given(window: MainWindow, paths: Sequence[Path]) -> None:
    """Open ``paths`` in the Try-On page's panes (shown in front)."""
    people, garments, missing = sort_given([Path(p).expanduser().absolute() for p in paths])
    page = window.features.try_on
    if people or garments:
        window.frame.show_page("try-on")
    if people:
        page.person_pane.load_paths(people)
    if garments:
        page.garment_pane.load_paths(garments)
    if missing:
        names = pgettext("list", ", ").join(p.name for p in missing[:3]) + (
            "…" if len(missing) > 3 else ""
        )
        # Translators: {names} are the files' names, joined by ", ".
        said = ngettext(
            "Not found, so not opened: {names}", "Not found, so not opened: {names}", len(missing)
        )
        window.say(said.format(names=names), 15000)
