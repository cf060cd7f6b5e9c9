"""Every file the program keeps for a job: photos of people are personal data, so
deleting a job deletes what was sent, its results and their previews, cached ones too.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path

from aurax_desktop.imaging.thumbnails import thumbnail_dir

log = logging.getLogger(__name__)

_CHUNK = 1 << 20


def remove_kept_files(folder: Path, *, previews: Path | None = None) -> int:
    """Delete a job's folder and the cached previews made of any file in it; the
    number of files removed. A file that cannot be removed is logged, not raised: the
    job is already gone from the history."""
    removed = 0
    cache = previews or thumbnail_dir()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                removed += _remove_previews_of(path, cache)
                removed += 1
        shutil.rmtree(folder, onerror=_log_failure)
    return removed


def _remove_previews_of(path: Path, cache: Path) -> int:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return 0
    name = digest.hexdigest()[:40]
    removed = 0
    for preview in (cache / name[:2]).glob(f"{name}-*.jpg"):
        try:
            preview.unlink()
            removed += 1
        except OSError as exc:
            log.warning("A cached preview could not be deleted: %s", exc)
    return removed


def _log_failure(_function: object, path: str, info: object) -> None:
    log.warning("A kept file could not be deleted: %s (%s)", path, info)
