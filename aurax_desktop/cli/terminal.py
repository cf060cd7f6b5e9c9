"""Text from outside (AuraX's messages and descriptions, ids, file names) reaches the
terminal without control characters: an escape sequence in it could write the
clipboard (OSC 52), clear the screen or retitle the window. Every control character
but the newline and the tab is shown escaped instead (``\\x1b``), and so are the
bidirectional overrides that make text read other than it is.

``safe_streams()`` puts a guard on stdout and stderr for a command's whole run; the
command's own drawing (the live progress lines) writes through ``write_raw``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with its control characters shown escaped."""
    return _UNSAFE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class SafeTerminal:
    """A text stream that writes what it is given with control characters escaped."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        return self.inner.write(terminal_safe(text))

    def write_raw(self, text: str) -> int:
        """The program's own control sequences (cursor moves of the progress lines)."""
        return self.inner.write(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def write_raw(stream: TextIO, text: str) -> None:
    """Write the program's own control sequences, past a ``SafeTerminal`` guard."""
    raw = getattr(stream, "write_raw", None)
    if callable(raw):
        raw(text)
    else:
        stream.write(text)


@contextmanager
def safe_streams() -> Iterator[None]:
    """stdout and stderr guarded for the time of a command."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = SafeTerminal(out)
    sys.stderr = SafeTerminal(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
