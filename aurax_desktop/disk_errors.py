"""What the file system's refusals mean, in plain words: why a file could not be written
(a full disk, a folder that does not allow it, ...) and what to do about it."""

from __future__ import annotations

import errno

FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
"""A full disk, or the user's share of it used up."""


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in FULL


def why_not_written(exc: OSError) -> str:
    """Why writing failed and what to do, as sentences that follow a file's name ("…
    could not be saved: " + this)."""
    if is_disk_full(exc):
        return "the disk is full. Free some space or choose another disk."
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return "this folder does not allow writing. Choose another folder."
    if isinstance(exc, FileNotFoundError | FileExistsError | NotADirectoryError):
        return "that folder cannot be made. Choose another folder."
    return f"{(exc.strerror or str(exc)).rstrip('.')}."
