"""The window's menus, as a desktop user expects them: File, Edit, View, Jobs, Account
and Help. The items are the features' declared commands (``common.commands``), placed
here by name; each names its keys, and is enabled by its own rule."""

from __future__ import annotations

import platform
from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

import aurax_desktop
from aurax_desktop import paths
from aurax_desktop.translation import LazyText, _, lazy_pgettext
from aurax_desktop.ui.common.commands import SEPARATOR, Commands, MenuItem
from aurax_desktop.ui.common.icons import app_icon
from aurax_desktop.ui.common.modal import run_modal
from aurax_desktop.ui.shell.language_menu import LANGUAGE_COMMANDS

MENUS: tuple[tuple[LazyText, tuple[MenuItem, ...]], ...] = (
    (
        lazy_pgettext("Menu bar", "&File"),
        (
            "openPerson",
            "openGarment",
            "openGarmentList",
            "openPeopleList",
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
        lazy_pgettext("Menu bar", "&Edit"),
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
        lazy_pgettext("Menu bar", "&View"),
        (
            "zoomIn",
            "zoomOut",
            "fitResult",
            SEPARATOR,
            "toggleSideColumn",
            "fullScreen",
            SEPARATOR,
            (lazy_pgettext("Menu bar", "Theme"), ("themeSystem", "themeLight", "themeDark")),
            (lazy_pgettext("Menu bar", "Language"), LANGUAGE_COMMANDS),
        ),
    ),
    (
        lazy_pgettext("Menu bar", "&Jobs"),
        ("retryJob", "followJob", "resumeJob", "stopJob", "deleteJob"),
    ),
    (
        lazy_pgettext("Menu bar", "&Account"),
        ("connectAccount", "startDemo", "whereIsKey", "signOut", SEPARATOR, "settings"),
    ),
    (
        lazy_pgettext("Menu bar", "&Help"),
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
"""Each menu's title (in the context "Menu bar", for translators: a title is a noun,
"View", not "to view") and its items by command name; a command not declared is left
out."""


def build_menus(bar: QMenuBar, commands: Commands) -> dict[str, QMenu]:
    """The menus, filled from ``commands``; each refreshes its items' state as it opens.
    The menus by English title (without the ``&``), whatever the language shown."""
    made: dict[str, QMenu] = {}
    for title, items in MENUS:
        menu = commands.fill(bar.addMenu(str(title)), items)
        menu.aboutToShow.connect(commands.refresh)
        made[title.message.replace("&", "")] = menu
    return made


def open_folder(folder: object) -> None:
    path = Path(str(folder))
    path.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def about_text() -> str:
    versions = f"Qt {qVersion()} (PySide6 {pyside_version}), Python {platform.python_version()}"
    folders = "<br>".join(
        (
            _("Data folder: {folder}").format(folder=escape(str(paths.data_dir()))),
            _("Log folder: {folder}").format(folder=escape(str(paths.log_dir()))),
        )
    )
    purpose = _("Virtual try-on, product images and product descriptions with the AuraX service.")
    return (
        f"<p><b>AuraX Desktop {aurax_desktop.__version__}</b></p><p>{escape(purpose)}</p>"
        f"<p>{versions}<br>{folders}</p>"
    )


def show_about(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(_("About AuraX Desktop"))
    box.setIconPixmap(app_icon().pixmap(48, 48))
    box.setText(about_text())
    run_modal(box)
