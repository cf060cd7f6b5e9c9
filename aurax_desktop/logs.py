"""The log file: rotating, in the platform log folder, with API keys redacted."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
from pathlib import Path

from aurax_desktop import paths
from aurax_desktop.redaction import redact

LOG_NAME = "aurax-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes every secret (tracebacks included)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(level: int = logging.INFO, *, folder: Path | None = None) -> Path:
    """Send the program's log to a rotating file (1 MB x 5) and return its path."""
    target = (folder or paths.log_dir()) / LOG_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "aurax", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.aurax = True  # type: ignore[attr-defined]
    with contextlib.suppress(OSError):  # a log made by an older version: private too
        os.chmod(target, 0o600)
    handler.setFormatter(RedactingFormatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.WARNING, level))
    logging.getLogger("urllib3").setLevel(logging.INFO)
    logging.getLogger("PIL").setLevel(logging.INFO)
    return target


def log_file() -> Path:
    """Where the log file is (or would be): for messages that point the user to it."""
    return paths.log_dir() / LOG_NAME
