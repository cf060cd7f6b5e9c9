"""A people list, as an agency or a shoot keeps it: the models' photos and their names,
so lookbooks and line sheets say "Amira", not "SS27-resort-look-021-model".

A CSV (UTF-8; comma or semicolon) or an XLSX (its first sheet) with a header row; its
columns matched by name whatever their case: ``file`` (required, also ``photo``: a
photo in the list's folder or below it, ``listed_paths``) and ``name`` (also
``person``, ``model``). It is read within the bounds every list is (``list_files``).
Every bad row is named at once, with its number and why (no file, a file outside the
list's folder, one that is not a picture, a cell that cannot be used, the same photo
twice); a row without a name keeps the name made from its photo's file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aurax_desktop.jobs.garments import display_name
from aurax_desktop.jobs.list_files import ListFileError, cell_problem, read_rows
from aurax_desktop.jobs.listed_paths import OutsideTheFolderError, listed_file
from aurax_desktop.jobs.manifest import BadRow, ManifestError, refused_rows, unusable_photo
from aurax_desktop.translation import _

ALIASES = {"file": "file", "photo": "file", "name": "name", "person": "name", "model": "name"}
"""The columns read, by the names a header may give them."""
LIST_SUFFIXES = (".csv", ".xlsx", ".xlsm")
"""The files a people list (or a garment list) may be."""


@dataclass(frozen=True)
class Person:
    photo: Path
    name: str
    """As the list gives it ("" when its row gives none)."""


@dataclass(frozen=True)
class PeopleList:
    path: Path
    people: tuple[Person, ...]

    def name_of(self, photo: Path) -> str | None:
        """The name the list gives the person in ``photo`` (None: the list names no such
        photo, or gives it no name)."""
        wanted = photo.resolve()
        for person in self.people:
            if person.photo == wanted and person.name:
                return person.name
        return None


def is_list_file(path: Path) -> bool:
    return path.suffix.lower() in LIST_SUFFIXES


def read_people_list(path: Path) -> PeopleList:
    """The people of the list at ``path``; ``ManifestError`` naming every bad row."""
    try:
        rows = read_rows(path)
    except ListFileError as exc:
        raise ManifestError(exc.user_message) from None
    if not rows:
        message = _("“{name}” is empty: it needs a header row with “file”.")
        raise ManifestError(message.format(name=path.name))
    header = [
        ALIASES.get(" ".join(str(cell or "").strip().lower().split()), "") for cell in rows[0][1]
    ]
    if "file" not in header:
        message = _(
            "“{name}” has no “file” column in its first row: a people list names each "
            "person's photo in a “file” column and their name in a “name” column."
        )
        raise ManifestError(message.format(name=path.name))
    people: list[Person] = []
    bad: list[BadRow] = []
    seen: dict[Path, int] = {}
    for number, values in rows[1:]:
        cells = _cells(header, values, number)
        found = cells if isinstance(cells, BadRow) else _person(path.parent, cells, number, seen)
        if isinstance(found, BadRow):
            bad.append(found)
        elif found is not None:  # None: an empty row
            people.append(found)
    if bad:
        raise refused_rows(path, bad)
    if not people:
        raise ManifestError(_("“{name}” lists no people.").format(name=path.name))
    return PeopleList(path, tuple(people))


def _cells(header: list[str], values: list[object], number: int) -> dict[str, str] | BadRow:
    """The row's cells by column, or the first that cannot be used, named."""
    cells: dict[str, str] = {}
    for i, column in enumerate(header):
        if not column or i >= len(values) or values[i] is None:
            continue
        why = cell_problem(values[i], column)
        if why is not None:
            return BadRow(number, why)
        cells[column] = " ".join(str(values[i]).split())
    return cells


def _person(
    folder: Path, cells: dict[str, str], number: int, seen: dict[Path, int]
) -> Person | BadRow | None:
    given = cells.get("file", "")
    if not given:
        return BadRow(number, _("no file is named")) if cells.get("name") else None
    try:
        photo = listed_file(folder, given)  # nothing outside the list's folder is opened
    except OutsideTheFolderError as exc:
        return BadRow(number, exc.user_message)
    if photo in seen:
        why = _("“{file}” is also on row {row}")
        return BadRow(number, why.format(file=given, row=seen[photo]))
    seen[photo] = number
    unusable = unusable_photo(photo)
    if unusable is not None:
        return BadRow(number, unusable)
    return Person(photo, cells.get("name", ""))


def readable(person: Person) -> str:
    """The person's name, else the one made from their photo's file."""
    return person.name or display_name(person.photo.name)
