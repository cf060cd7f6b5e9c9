"""Before Qt starts: no screen, or missing system libraries, are said in plain words."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

from aurax_desktop import __version__
from aurax_desktop.ui.shell.display_check import display_problem


def finder(*missing: str) -> Callable[[str], str | None]:
    """Finds every library except ``missing`` (as ctypes.util.find_library answers)."""
    return lambda name: None if name in missing else f"lib{name}.so"


def test_an_x11_session_with_its_libraries_is_fine() -> None:
    assert display_problem({"DISPLAY": ":0"}, "linux", finder()) is None


def test_missing_x11_libraries_are_named_with_their_packages() -> None:
    problem = display_problem({"DISPLAY": ":0"}, "linux", finder("xcb-cursor", "EGL"))
    assert problem == (
        "AuraX Desktop needs system libraries that are not installed: libegl1, "
        "libxcb-cursor0. On Debian or Ubuntu: sudo apt install libegl1 libxcb-cursor0"
    )


def test_wayland_falls_back_to_x11_as_qt_does() -> None:
    both = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert display_problem(both, "linux", finder("wayland-client")) is None
    only_wayland = {"WAYLAND_DISPLAY": "wayland-0"}
    assert "libwayland-client0" in (
        display_problem(only_wayland, "linux", finder("wayland-client")) or ""
    )


def test_other_platforms_and_chosen_qt_platforms_are_left_to_qt() -> None:
    assert display_problem({}, "win32", finder("EGL")) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", finder("EGL")) is None


def test_without_a_screen_the_program_says_so_and_help_still_works() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    started = subprocess.run(
        [sys.executable, "-m", "aurax_desktop", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert started.returncode == 1
    assert started.stderr.startswith("AuraX Desktop found no screen to open its window on")
    version = subprocess.run(
        [sys.executable, "-m", "aurax_desktop", "--version"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (version.returncode, version.stdout.strip()) == (0, f"aurax-desktop {__version__}")
