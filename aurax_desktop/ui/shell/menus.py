"""The window's menus, as a desktop user expects them: File, Edit, View, Jobs, Account
and Help. The items are the features' declared commands (``common.commands``), placed
here by name; each names its keys, and is enabled by its own rule."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from aurax_desktop import __version__, paths
from aurax_desktop.ui.common.commands import SEPARATOR, Commands, MenuItem
from aurax_desktop.ui.common.icons import app_icon
from aurax_desktop.ui.common.modal import run_modal

MENUS: tuple[tuple[str, tuple[MenuItem, ...]], ...] = (
    (
        "&File",
        (
            "openPerson",
            "openGarment",
            "openGarmentList",
            "openShape",
            SEPARATOR,
            "saveResult",
            "exportDescriptions",
            "exportShopify",
            "exportLookbook",
            "exportLineSheet",
            "exportPictures",
            "openResultsFolder",
            SEPARATOR,
            "quit",
        ),
    ),
    (
        "&Edit",
        (
            "undo",
            "redo",
            SEPARATOR,
            "copyResult",
            "pastePhoto",
            SEPARATOR,
            "showTrash",
        ),
    ),
    (
        "&View",
        (
            "zoomIn",
            "zoomOut",
            "fitResult",
            SEPARATOR,
            "toggleSideColumn",
            "fullScreen",
            SEPARATOR,
            ("Theme", ("themeSystem", "themeLight", "themeDark")),
        ),
    ),
    ("&Jobs", ("retryJob", "followJob", "stopJob", "deleteJob")),
    (
        "&Account",
        ("connectAccount", "startDemo", "whereIsKey", "signOut", SEPARATOR, "settings"),
    ),
    (
        "&Help",
        (
            "shortcuts",
            SEPARATOR,
            "openLogFolder",
            "openDataFolder",
            SEPARATOR,
            "about",
        ),
    ),
)
"""Each menu's items by command name; a command not declared is left out."""


def build_menus(bar: QMenuBar, commands: Commands) -> dict[str, QMenu]:
    """The menus, filled from ``commands``; each refreshes its items' state as it opens.
    The menus by title (without the ``&``)."""
    made: dict[str, QMenu] = {}
    for title, items in MENUS:
        menu = commands.fill(bar.addMenu(title), items)
        menu.aboutToShow.connect(commands.refresh)
        made[title.replace("&", "")] = menu
    return made


def open_folder(folder: object) -> None:
    path = Path(str(folder))
    path.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def about_text() -> str:
    return (
        f"<p><b>AuraX Desktop {__version__}</b></p>"
        "<p>Virtual try-on, product images and product descriptions with the AuraX "
        "service.</p>"
        f"<p>Qt {qVersion()} (PySide6 {pyside_version}), Python {platform.python_version()}"
        f"<br>Data folder: {paths.data_dir()}<br>Log folder: {paths.log_dir()}</p>"
    )


def show_about(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("About AuraX Desktop")
    box.setIconPixmap(app_icon().pixmap(48, 48))
    box.setText(about_text())
    run_modal(box)
