"""Files that appear whole or not at all: written to a temporary file, then renamed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from aurax_desktop.privacy import FILE_MODE, is_own_file, user_umask


def write_atomically(target: Path, data: bytes, *, durable: bool = False) -> Path:
    """Write ``data`` to ``target`` so that it is never seen half-written.

    ``durable`` also flushes it to the disk before the rename (for results that
    cost money to make again).
    """
    with atomic_file(target, durable=durable) as out:
        out.write(data)
    return target


@contextmanager
def atomic_file(target: Path, *, durable: bool = False) -> Iterator[BinaryIO]:
    """A file to write ``target``'s bytes into as they are made (a document too large
    to hold twice in memory); it becomes ``target`` when the block ends, and is gone
    if the block fails."""
    target.parent.mkdir(parents=True, exist_ok=True)
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
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
