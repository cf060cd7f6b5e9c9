"""What can go wrong with the history file, in plain words that name the folder (in the
language spoken when it went wrong)."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from aurax_desktop.disk_errors import FULL
from aurax_desktop.translation import _


class HistoryError(Exception):
    """The history file cannot be used; ``user_message`` says why and what to do."""

    def __init__(self, user_message: str, *, corrupt: bool = False) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.corrupt = corrupt
        """True when the file itself is damaged (not a database, malformed)."""


_CORRUPT = ("not a database", "malformed", "corrupt", "unsupported file format")


def history_error(exc: BaseException, path: Path) -> HistoryError:
    """A plain sentence for what SQLite (or the disk) said about the history file."""
    text = str(exc).lower()
    folder = path.parent
    if any(mark in text for mark in _CORRUPT):
        # Translators: {path} is the history file's path; {reason} is what the database
        # said, in English.
        message = _("The history file {path} is damaged ({reason}).")
        return HistoryError(message.format(path=path, reason=exc), corrupt=True)
    if any(_full(cause) for cause in _causes(exc)) or ("i/o error" in text and _no_room(folder)):
        message = _(
            "The disk that holds {folder} is full, so the history cannot be written. Free "
            "some space and start again."
        )
        return HistoryError(message.format(folder=folder))
    unwritable = (errno.EACCES, errno.EROFS, errno.ENOTDIR, errno.EPERM, errno.EEXIST)
    if (
        "readonly" in text
        or "read-only" in text
        or "unable to open" in text
        or getattr(exc, "errno", None) in unwritable
    ):
        message = _(
            "The data folder {folder} cannot be written (it is read-only, belongs to "
            "another user, or is not a folder). Check its permissions, or choose another "
            "data folder with the AURAX_DATA_DIR environment variable."
        )
        return HistoryError(message.format(folder=folder))
    if "locked" in text or "busy" in text:
        message = _(
            "The history file {path} is busy in another program. Wait a moment and try again."
        )
        return HistoryError(message.format(path=path))
    # Translators: {reason} is what the database or the system said, in English.
    return HistoryError(
        _("The history file {path} cannot be used ({reason}).").format(path=path, reason=exc)
    )


NO_ROOM_BYTES = 1024 * 1024
"""Free space below which a disk is full for SQLite: its "disk I/O error" on such a disk
(growing the shared-memory file of the write-ahead log fails) is the full disk."""


def _no_room(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NO_ROOM_BYTES
    except OSError:
        return False


def _full(exc: BaseException) -> bool:
    return "full" in str(exc).lower() or getattr(exc, "errno", None) in FULL


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it happened during or because of (a full disk, then the rollback
    that failed after it), first to last."""
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found
