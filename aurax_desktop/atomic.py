"""Files that appear whole or not at all: written to a temporary file, then renamed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# The process's umask, read once (reading it means setting it): temporary files are
# made private, and the finished file gets the permissions any new file would have.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def write_atomically(target: Path, data: bytes, *, durable: bool = False) -> Path:
    """Write ``data`` to ``target`` so that it is never seen half-written.

    ``durable`` also flushes it to the disk before the rename (for results that
    cost money to make again).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    # The temporary name stays short: a target's name may be as long as names can be.
    handle, temp = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name[:32]}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            if hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), 0o666 & ~_UMASK)
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
