"""The log file: rotating, in the platform log folder, with API keys redacted; and the
terminal's share of the log: one plain line a record, never a traceback (those are in
the file only)."""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from aurax_desktop import paths
from aurax_desktop.privacy import refuse_link
from aurax_desktop.redaction import redact
from aurax_desktop.translation import _

LOG_NAME = "aurax-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


FILE_ONLY = {"terminal": False}
"""``extra`` for a record that goes to the log file and not to the terminal (the
terminal says the same thing in its own sentence)."""


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes every secret (tracebacks included)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """The log file; a record that cannot be written (a full disk, a folder gone) is
    lost quietly: logging's own report of it is a traceback on the terminal. It is
    opened never through a symbolic link (at start and after each rotation): a link
    planted where the log goes is refused, not written through."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        return

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(self.baseFilename, flags, 0o600)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


class TerminalHandler(logging.Handler):
    """Warnings on the terminal as one plain line each: the level and the message's first
    line, without the traceback or the stack a record may carry. Written to the
    ``sys.stderr`` of the moment, so a command's guard against control characters
    applies. A record with ``extra=FILE_ONLY`` stays in the file."""

    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.addFilter(lambda record: getattr(record, "terminal", True) is not False)

    def format(self, record: logging.LogRecord) -> str:
        lines = record.getMessage().strip().splitlines() or [""]
        return redact(f"{record.levelname} {lines[0]}")

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):  # a closed terminal: nothing left to tell
            print(self.format(record), file=sys.stderr, flush=True)


def log_to_terminal(level: int = logging.WARNING) -> TerminalHandler:
    """Put the one terminal handler on the root logger (replacing any earlier one)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, TerminalHandler):
            root.removeHandler(handler)
    handler = TerminalHandler(level)
    root.addHandler(handler)
    return handler


def setup_logging(level: int = logging.INFO, *, folder: Path | None = None) -> Path:
    """Send the program's log to a rotating file (1 MB x 5) and return its path."""
    target = (folder or paths.log_dir()) / LOG_NAME
    # Translators: a sentence's subject, as in "The log file … is a link to another place"
    refuse_link(target, _("The log file"))  # a link planted for it, or for its folder
    target.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "aurax", False):
            root.removeHandler(handler)
            handler.close()
    handler = _LogFileHandler(target, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
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
