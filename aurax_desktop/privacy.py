"""The program's folders are private: photos of people are personal data.

On POSIX, every folder the program keeps (data, cache, settings, logs) is 0700 and
every file in it 0600: new ones are made so (``make_private`` sets the process's
file mode mask), and ones an older version left readable by others are corrected
at start (``secure_folders``). Nothing is followed through a symbolic link: a link
found where the program keeps its own files is reported, never written through.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from aurax_desktop import paths
from aurax_desktop.translation import _

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
FOLDER_MODE, FILE_MODE = 0o700, 0o600
CORRECTED_MARK = ".private-1"
"""Left in the data folder once every file in it was corrected: later starts correct
only the folders' own modes (a large history is not walked every time)."""


def posix() -> bool:
    return os.name == "posix" and sys.platform != "cygwin"


_remembered: dict[str, int] = {}
"""The mask the process had before ``make_private`` ("user"): the user's own."""


def make_private() -> None:
    """From now on, what this process creates is readable by its user only."""
    if posix():
        _remembered.setdefault("user", os.umask(PRIVATE_UMASK))


def user_umask() -> int:
    """The mask files the user takes out of the program are made with (a lookbook for a
    client, a result saved to Pictures): the user's own, as it was before the program
    made its own files private."""
    if "user" in _remembered:
        return _remembered["user"]
    current = os.umask(PRIVATE_UMASK)  # reading it means setting it, for an instant
    os.umask(current)
    return current


def own_folders() -> list[Path]:
    """The folders the program keeps its files in."""
    found: list[Path] = []
    for folder in (paths.data_dir(), paths.cache_dir(), paths.config_dir(), paths.log_dir()):
        if folder not in found:
            found.append(folder)
    return found


def is_own_file(target: Path) -> bool:
    """True when ``target`` lies in one of the program's own folders."""
    try:
        resolved = target.parent.resolve()
    except OSError:
        return False
    return any(resolved.is_relative_to(folder.resolve()) for folder in own_folders())


def secure_folders(folders: Iterable[Path] | None = None) -> list[Path]:
    """Correct the modes of the program's folders and files (the first time, every
    file; later, the folders themselves); the symbolic links found, never followed."""
    if not posix():
        return []
    links: list[Path] = []
    for folder in folders or own_folders():
        if folder.is_symlink():
            links.append(folder)
            continue
        if not folder.is_dir():
            continue
        mark = folder / CORRECTED_MARK
        if mark.exists():
            _chmod(folder, FOLDER_MODE)
            links += [p for p in _children(folder) if p.is_symlink()]
            continue
        links += _secure_tree(folder)
        try:
            mark.touch(mode=FILE_MODE)
        except OSError as exc:
            log.info("Could not mark %s as corrected: %s", folder, exc)
    for link in links:
        log.warning("A symbolic link in the program's folders is not followed: %s", link)
    return links


def _children(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _secure_tree(root: Path) -> list[Path]:
    links: list[Path] = []
    _chmod(root, FOLDER_MODE)
    for top, folders, files in os.walk(root, followlinks=False):
        for name in folders:
            path = Path(top, name)
            if path.is_symlink():
                links.append(path)
            else:
                _chmod(path, FOLDER_MODE)
        for name in files:
            path = Path(top, name)
            if path.is_symlink():
                links.append(path)
            else:
                _chmod(path, FILE_MODE)
    return links


def _chmod(path: Path, mode: int) -> None:
    try:
        current = stat.S_IMODE(os.lstat(path).st_mode)
        if current != mode:
            os.chmod(path, mode, follow_symlinks=False)
    except (OSError, NotImplementedError) as exc:
        log.info("Could not make %s private: %s", path, exc)


def refuse_link(path: Path, what: str) -> None:
    """Raise ``OSError`` when ``path`` (or its folder) is a symbolic link: the program
    never writes its own files through one. ``what`` names it, in the language spoken,
    as a sentence's subject ("The history file")."""
    for candidate in (path, path.parent):
        if candidate.is_symlink():
            raise OSError(
                40,  # ELOOP: "too many levels of symbolic links", the refusal's errno
                # Translators: {what} names a file or folder of the program's own ("The
                # history file", "The folder for jobs"), {path} is where it is.
                _(
                    "{what} {path} is a link to another place, so it is not written through. "
                    "Remove the link (AuraX Desktop keeps its own files only in its data "
                    "folder)."
                ).format(what=what, path=candidate),
            )
