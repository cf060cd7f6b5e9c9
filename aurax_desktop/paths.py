"""Where the program keeps its files (platform folders; overridable for tests and portable use).

``AURAX_DATA_DIR`` moves everything (data, cache, config, logs) below one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "aurax-desktop"
APP_AUTHOR = "AuraX"


def _override() -> Path | None:
    value = os.environ.get("AURAX_DATA_DIR", "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The history database and the job folders."""
    root = _override()
    return root if root else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    """Thumbnails and other things that can be made again."""
    root = _override()
    return root / "cache" if root else Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    """The settings file."""
    root = _override()
    return root / "config" if root else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    root = _override()
    return root / "logs" if root else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
