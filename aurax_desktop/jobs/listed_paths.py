"""The files a list names stay in the list's folder: a row names a file in that folder
or below it, after every link on the way is resolved. A name that leads anywhere else
(``../../private/x.jpg``, an absolute path, a link to another place) is refused before
anything is opened, so a list someone else wrote cannot have the program read, and
send, what lies outside the folder it came in."""

from __future__ import annotations

from pathlib import Path

from aurax_desktop.translation import _


class OutsideTheFolderError(ValueError):
    """A row names a file outside the list's folder; ``user_message`` says which."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


def listed_file(folder: Path, given: str) -> Path:
    """The file that ``given`` (a cell of a list kept in ``folder``) names, links
    resolved; ``OutsideTheFolderError`` when it is not in ``folder`` or below. Nothing is
    opened: links are read, files are not."""
    home = folder.resolve()
    named = Path(given)
    try:
        found = (home / named).resolve()  # an absolute ``named`` replaces ``home``
    except (OSError, RuntimeError, ValueError) as exc:  # a loop of links, a name too long
        # Translators: {file} is what a list's row names; {reason} says why it cannot be
        # followed (the system's words, or one of this program's).
        message = _("“{file}” cannot be followed ({reason})")
        raise OutsideTheFolderError(message.format(file=given, reason=_why(exc))) from None
    if found != home and found.is_relative_to(home):
        return found
    return _refused(given, folder)


def _refused(given: str, folder: Path) -> Path:
    # Translators: a row's refusal, after "row 4: ". {file} is what the row names,
    # {folder} the name of the folder the list is in.
    message = _(
        "“{file}” is outside the folder of the list ({folder}): put the photo in that "
        "folder, or in a folder inside it, and name it from there"
    )
    raise OutsideTheFolderError(message.format(file=given, folder=folder.name or folder))


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    if isinstance(exc, ValueError):
        return _("it holds a character no file name can")
    return _("links lead round in a circle")
