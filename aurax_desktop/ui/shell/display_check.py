"""Before Qt starts on Linux: is there a screen, and the libraries Qt needs to use it?

Without them Qt aborts with a terse message about "platform plugins"; this says in
plain words what is missing and how to get it.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from aurax_desktop.translation import _

# Libraries Qt's X11 (xcb) platform needs that desktops do not always install,
# with the Debian and Ubuntu packages that hold them.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
}
WAYLAND_LIBRARIES = {"wayland-client": "libwayland-client0", "EGL": "libegl1"}


def find_library(name: str) -> str | None:
    """The library on this system, or in the program's own folder when it is an installed
    bundle that carries its libraries (a bundle is never refused for want of them)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        for folder in (Path(bundle), Path(bundle) / "PySide6" / "Qt" / "lib"):
            found = next(folder.glob(f"lib{name}.so*"), None) if folder.is_dir() else None
            if found is not None:
                return str(found)
    return ctypes.util.find_library(name)


def display_problem(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    find_library: Callable[[str], str | None] = find_library,
) -> str | None:
    """A plain explanation of why the window cannot open here, or None when it can."""
    env = os.environ if env is None else env
    if not platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc...: the user chose; Qt will say if it fails
    # Qt takes Wayland when a Wayland session is there, and X11 when that fails.
    ways = []
    if chosen.startswith("wayland") or (not chosen and env.get("WAYLAND_DISPLAY")):
        ways.append(WAYLAND_LIBRARIES)
    if not chosen.startswith("wayland") and env.get("DISPLAY"):
        ways.append(XCB_LIBRARIES)
    if not ways:
        return _(
            "AuraX Desktop found no screen to open its window on (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set). Start it from your desktop session; for batch work "
            "without a screen, use the aurax command."
        )
    missing: list[str] = []
    for needed in ways:
        missing = sorted({pkg for lib, pkg in needed.items() if find_library(lib) is None})
        if not missing:
            return None
    # Translators: {packages} are Debian packages' names; the command stays as it is.
    return _(
        "AuraX Desktop needs system libraries that are not installed: {packages}. "
        "On Debian or Ubuntu: sudo apt install {command}"
    ).format(packages=", ".join(missing), command=" ".join(missing))
