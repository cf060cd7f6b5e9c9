"""Start the demo server in its own process, so a benchmark measures only the client.

The demo stands in for AuraX, which runs on other machines: it runs at a lower
priority here so that its simulated work does not take the client's cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

DEMO_NICENESS = 19
"""The demo's priority here: below the client's background workers (8), so the
server's simulated work never takes a core the client would have."""


def _lowered() -> None:
    os.nice(DEMO_NICENESS)  # before the server starts a thread: all of them inherit it


@contextmanager
def demo_process(*options: str) -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "aurax_desktop.demo", "--port", "0", *options],
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=_lowered if hasattr(os, "nice") else None,  # noqa: PLW1509 - no threads yet
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)
