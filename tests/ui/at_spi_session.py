"""The window on a real accessibility bus, read as a screen reader reads it.

Run inside a private D-Bus session (``dbus-run-session -- python -m
tests.ui.at_spi_session DATA_DIR OUT``): it starts an X server (Xvfb), the AT-SPI bus
(``at-spi-bus-launcher``), the program in demo mode on Qt's X11 platform with its
accessibility on, and ``at_spi_reader.py`` under the system's Python, which writes
what it read to the file OUT (JSON); then stops them all. Standard output is not used
for the tree: services the session's bus starts (the AT-SPI registry) print on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")
READER = Path(__file__).with_name("at_spi_reader.py")
APPLICATION = "AuraX Desktop"
SECONDS = 60.0
"""Longest wait for each step (the whole takes a few seconds)."""


def missing() -> str | None:
    """What this machine lacks for the check, or None."""
    for tool in ("Xvfb", "dbus-run-session", "dbus-send"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not BUS_LAUNCHER.is_file():
        return "at-spi2-core is not installed"
    found = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False
    )
    return None if found.returncode == 0 else "python3-pyatspi is not installed"


def start_display() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a free display (it names the display it took)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()  # blocks until Xvfb is ready, or ends
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def wait_for_accessibility_bus() -> None:
    """A bounded poll until the AT-SPI bus answers on the session bus."""
    deadline = time.monotonic() + SECONDS
    while time.monotonic() < deadline:
        asked = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.a11y.Bus",
                "/org/a11y/bus",
                "org.a11y.Bus.GetAddress",
            ],
            capture_output=True,
            check=False,
        )
        if asked.returncode == 0:
            return
        time.sleep(0.1)
    raise RuntimeError("the accessibility bus did not start")


def main() -> int:
    data_dir, out = sys.argv[1], sys.argv[2]
    started: list[subprocess.Popen[bytes]] = []
    try:
        display, name = start_display()
        started.append(display)
        started.append(
            subprocess.Popen(
                [str(BUS_LAUNCHER), "--launch-immediately", "--a11y=1"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        wait_for_accessibility_bus()
        environment = {
            **os.environ,
            "DISPLAY": name,
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "AURAX_DATA_DIR": data_dir,
        }
        started.append(
            subprocess.Popen(
                [sys.executable, "-m", "aurax_desktop", "--demo"],
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        reader = subprocess.run(
            [str(SYSTEM_PYTHON), str(READER), APPLICATION, str(SECONDS), out],
            env={**environment, "PYTHONPATH": ""},
            capture_output=True,
            text=True,
            timeout=SECONDS * 2,
            check=False,
        )
        sys.stdout.write(reader.stdout)
        sys.stderr.write(reader.stderr)
        return reader.returncode
    finally:
        for process in reversed(started):
            process.terminate()
        for process in reversed(started):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


if __name__ == "__main__":
    sys.exit(main())
