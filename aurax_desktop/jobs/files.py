"""Files in a job's folder, always written atomically (temporary file, then rename)."""

from __future__ import annotations

import shutil
from pathlib import Path

from aurax_desktop import atomic
from aurax_desktop.api.models import image_mime
from aurax_desktop.privacy import refuse_link
from aurax_desktop.translation import _

PRINT_SIDE = 1600
"""The longest side of a result's print preview (sharp at 300 dpi in a third of a page):
lookbooks and line sheets are made from it, never from the full picture."""
PRINT_NAME = "print.jpg"


def write_atomically(target: Path, data: bytes) -> Path:
    """A job's file, whole or absent, and on the disk before the job says it is there;
    never written through a symbolic link."""
    # Translators: the start of a sentence, followed by the file's path: "The job's file
    # /home/…/result.png is a link to another place, …".
    refuse_link(target, _("The job's file"))
    return atomic.write_atomically(target, data, durable=True)


def image_extension(data: bytes) -> str:
    """The file extension for image bytes, from their signature."""
    return {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}.get(
        image_mime(data), ".bin"
    )


def copy_inputs(source: Path, target: Path) -> None:
    """The prepared inputs of a job (not its results or previews) into another's folder."""
    for path in source.iterdir():
        if path.is_file() and not path.name.startswith(("result", "thumbnail", "print", ".")):
            shutil.copy2(path, target / path.name)
