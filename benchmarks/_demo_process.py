"""Start the demo server in its own process, so a benchmark measures only the client.

The demo stands in for AuraX, which runs on other machines: it runs at a lower
priority here so that its simulated work does not take the client's cores.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def demo_process(*options: str) -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "aurax_desktop.demo", "--port", "0", *options],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)
