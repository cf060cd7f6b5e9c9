"""Files in a job's folder, always written atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from aurax_desktop.api.client import image_mime


def write_atomically(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` so that it is either whole or absent, never partial."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def image_extension(data: bytes) -> str:
    """The file extension for image bytes, from their signature."""
    return {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}.get(
        image_mime(data), ".bin"
    )
