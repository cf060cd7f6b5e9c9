"""Files that appear whole or not at all: written to a temporary file, then renamed.

The temporary file is made exclusively, under a random name, in the target's own
folder, and never through a symbolic link (``tempfile.mkstemp``: ``O_EXCL`` and
``O_NOFOLLOW``); it is gone if writing fails (a full disk leaves nothing behind). A
name can be claimed (``claim=True``): the file then appears only if nothing had that
name, even when another process takes it at the same moment, so two exports into
one folder never replace each other's files. What the program keeps for itself is
private; what it writes for the user to hand on (a result saved to Pictures, a
lookbook, an export's folders) is made with the user's own file mask.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from aurax_desktop.privacy import FILE_MODE, FOLDER_MODE, is_own_file, user_umask

_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}
)
"""What a file system without hard links (FAT, some network shares) answers ``link``."""
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def write_atomically(
    target: Path, data: bytes, *, durable: bool = False, claim: bool = False
) -> Path:
    """Write ``data`` to ``target`` so that it is never seen half-written.

    ``durable`` also flushes it to the disk before the rename (for results that
    cost money to make again); ``claim`` writes it only if the name is free
    (``FileExistsError`` otherwise).
    """
    with atomic_file(target, durable=durable, claim=claim) as out:
        out.write(data)
    return target


@contextmanager
def atomic_file(target: Path, *, durable: bool = False, claim: bool = False) -> Iterator[BinaryIO]:
    """A file to write ``target``'s bytes into as they are made (a document too large
    to hold twice in memory); it becomes ``target`` when the block ends, and is gone
    if the block fails. With ``claim``, an existing file, link or folder of that name
    is never replaced: ``FileExistsError``, and the temporary file is gone too.

    An error while writing names ``target`` (not the temporary file)."""
    make_folders(target.parent)
    # Private in the program's own folders; elsewhere (a result saved to Pictures) the
    # permissions any new file of the user's would have.
    mode = FILE_MODE if is_own_file(target) else 0o666 & ~user_umask()
    # The temporary name stays short: a target's name may be as long as names can be.
    handle, temp = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name[:32]}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            if hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), mode)
            yield out
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if claim:
            _claim(Path(temp), target)
        else:
            os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        if exc.filename is None and exc.errno is not None:
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        raise
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _claim(temp: Path, target: Path) -> None:
    """Give ``temp`` the name ``target`` only if nothing has it: a hard link is made at
    once or not at all; where the file system has none, the name is first taken by an
    empty file made exclusively, then replaced."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        try:
            placeholder = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except FileExistsError:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.close(placeholder)
        try:
            os.replace(temp, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(target)
            raise
    else:
        os.unlink(temp)


def make_folders(folder: Path) -> None:
    """``folder`` and any folder missing above it: private among the program's own
    folders, else as the user's new folders are (an export's folder for a client)."""
    if folder.is_dir():
        return
    missing: list[Path] = []
    current = folder
    while not os.path.lexists(current) and current != current.parent:
        missing.append(current)
        current = current.parent
    folder.mkdir(parents=True, exist_ok=True)
    mode = FOLDER_MODE if is_own_file(folder / "-") else 0o777 & ~user_umask()
    for made in missing:
        with contextlib.suppress(OSError):  # made by another process meanwhile: theirs
            os.chmod(made, mode)
