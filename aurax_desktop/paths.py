"""Where the program keeps its files (platform folders; overridable for tests and portable use).

``AURAX_DATA_DIR`` moves everything (data, cache, config, logs) below one folder.

Each folder may be a symbolic link the user made (``~/.local/share/aurax-desktop`` to
a larger disk): it is resolved the first time it is asked for and its real place used
from then on, as the folder itself. Links inside it are not followed (``privacy``).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "aurax-desktop"
APP_AUTHOR = "AuraX"


_real: dict[Path, Path] = {}
"""Each folder as configured, and its real place, found the first time it was asked for."""


def _real_place(folder: Path) -> Path:
    """Where ``folder`` really is, a link the user made in its place (or above it)
    followed: found once, then kept, so that a link planted there later changes
    nothing."""
    if folder not in _real:
        try:
            _real[folder] = folder.resolve()  # not strict: it may not be made yet
        except (OSError, RuntimeError):  # a loop of links: the folder as it is named
            _real[folder] = folder
    return _real[folder]


def _override() -> Path | None:
    value = os.environ.get("AURAX_DATA_DIR", "").strip()
    return _real_place(Path(value).expanduser()) if value else None


def data_dir() -> Path:
    """The history database and the job folders."""
    root = _override()
    return root if root else _real_place(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def cache_dir() -> Path:
    """Thumbnails and other things that can be made again."""
    root = _override()
    if root:
        return root / "cache"
    return _real_place(Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)))


def config_dir() -> Path:
    """The settings file."""
    root = _override()
    if root:
        return root / "config"
    return _real_place(Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)))


def log_dir() -> Path:
    root = _override()
    return (
        root / "logs"
        if root
        else _real_place(Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)))
    )
