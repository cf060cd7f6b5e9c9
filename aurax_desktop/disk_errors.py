"""What the file system's refusals mean, in plain words: why a file could not be written
(a full disk, a folder that does not allow it, ...) and what to do about it."""

from __future__ import annotations

import errno

from aurax_desktop.translation import _

FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
"""A full disk, or the user's share of it used up."""


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in FULL


def why_not_written(exc: OSError) -> str:
    """Why writing failed and what to do, as sentences that follow a file's name ("…
    could not be saved: " + this), in the language spoken (the system's own words when
    the failure is none of the usual ones)."""
    if is_disk_full(exc):
        # Translators: follows a colon ("“look.pdf” could not be saved: "); a clause,
        # then a sentence saying what to do.
        return _("the disk is full. Free some space or choose another disk.")
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        # Translators: follows a colon ("“look.pdf” could not be saved: ").
        return _("this folder does not allow writing. Choose another folder.")
    if isinstance(exc, FileNotFoundError | FileExistsError | NotADirectoryError):
        # Translators: follows a colon ("“look.pdf” could not be saved: ").
        return _("that folder cannot be made. Choose another folder.")
    return f"{(exc.strerror or str(exc)).rstrip('.')}."
