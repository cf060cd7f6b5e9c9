"""The window's menus, as a desktop user expects them: File, Edit, View, Jobs, Account
and Help. Every item names its keys; items act on what is selected or shown."""

from __future__ import annotations

import functools
import platform
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from aurax_desktop import __version__, paths
from aurax_desktop.jobs import Job
from aurax_desktop.ui.common.icons import app_icon, icon
from aurax_desktop.ui.shell.dialogs.shortcuts import ShortcutsDialog

if TYPE_CHECKING:
    from aurax_desktop.ui.shell.main_window import MainWindow

Shortcut = str | QKeySequence | QKeySequence.StandardKey | None


def standard(key: QKeySequence.StandardKey, fallback: str) -> QKeySequence:
    """The platform's keys for ``key``, or ``fallback`` where it has none (Linux desktops
    often bind no Preferences, some no Quit)."""
    bound = QKeySequence.keyBindings(key)
    return bound[0] if bound else QKeySequence(fallback)


def add_action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    *,
    icon_name: str | None = None,
    shortcut: Shortcut = None,
) -> QAction:
    action = QAction(text, window)
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def open_folder(folder: object) -> None:
    path = Path(str(folder))
    path.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    _file_menu(window, bar.addMenu("&File"))
    _edit_menu(window, bar.addMenu("&Edit"))
    _view_menu(window, bar.addMenu("&View"))
    window.jobs_menu = _jobs_menu(window, bar.addMenu("&Jobs"))
    window.account_menu = _account_menu(window, bar.addMenu("&Account"))
    _help_menu(window, bar.addMenu("&Help"))


def _file_menu(window: MainWindow, menu: QMenu) -> None:
    page = window.try_on
    add_action(
        window,
        menu,
        "Open person photo…",
        page.person_pane.browse,
        icon_name="person",
        shortcut="Ctrl+O",
    )
    add_action(
        window,
        menu,
        "Open garment photo…",
        page.garment_pane.browse,
        icon_name="garment",
        shortcut="Ctrl+Shift+O",
    )
    menu.addSeparator()
    add_action(
        window,
        menu,
        "Save result as…",
        window.viewer.save_as,
        icon_name="save",
        shortcut=QKeySequence.StandardKey.Save,
    )
    add_action(
        window,
        menu,
        "Export descriptions as CSV…",
        lambda: window.describe.export(shopify=False),
        icon_name="save",
    )
    menu.addAction(window.catalog.export_action)
    add_action(
        window,
        menu,
        "Open the results folder",
        lambda: open_folder(window.session.settings.results_folder),
        icon_name="folder",
    )
    menu.addSeparator()
    add_action(
        window,
        menu,
        "Quit",
        window.close,
        icon_name="close",
        shortcut=standard(QKeySequence.StandardKey.Quit, "Ctrl+Q"),
    )


def _edit_menu(window: MainWindow, menu: QMenu) -> None:
    stack = window.try_on.mask_canvas.undo_stack
    undo = stack.createUndoAction(window, "Undo")
    undo.setIcon(icon("undo"))
    redo = stack.createRedoAction(window, "Redo")
    redo.setIcon(icon("redo"))
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()
    add_action(
        window, menu, "Copy result", window.viewer.copy, icon_name="copy", shortcut="Ctrl+Shift+C"
    )
    add_action(window, menu, "Paste photo", window.try_on.paste_photo, icon_name="paste")


def _view_menu(window: MainWindow, menu: QMenu) -> None:
    canvas = window.viewer.canvas
    add_action(
        window,
        menu,
        "Zoom in",
        lambda: canvas.zoom_by(1.25),
        icon_name="zoom-in",
        shortcut="Ctrl+=",
    )
    add_action(
        window,
        menu,
        "Zoom out",
        lambda: canvas.zoom_by(1 / 1.25),
        icon_name="zoom-out",
        shortcut="Ctrl+-",
    )
    add_action(window, menu, "Fit result in view", canvas.fit, icon_name="fit", shortcut="Ctrl+0")
    menu.addSeparator()
    theme = menu.addMenu("Theme")
    group = QActionGroup(window)
    for label, value in (("Follow the system", ""), ("Light", "light"), ("Dark", "dark")):
        action = add_action(window, theme, label, functools.partial(window.set_theme, value))
        action.setCheckable(True)
        action.setChecked(value == window.session.settings.theme)
        group.addAction(action)


def _jobs_menu(window: MainWindow, menu: QMenu) -> QMenu:
    actions = window.job_actions

    def on_current(act: Callable[[Job], object]) -> Callable[[], None]:
        def run() -> None:
            job = window.job_list.current_job()
            if job is not None:
                act(job)

        return run

    add_action(window, menu, "Retry as a new job…", on_current(actions.retry), icon_name="retry")
    add_action(window, menu, "Follow again", on_current(actions.follow), icon_name="retry")
    add_action(window, menu, "Stop following", on_current(actions.stop), icon_name="stop")
    add_action(
        window,
        menu,
        "Delete…",
        on_current(lambda job: window.delete_jobs(window.job_list.entry_jobs(job))),
        icon_name="trash",
    )
    menu.aboutToShow.connect(lambda: _enable_for_current(window, menu))
    return menu


def _enable_for_current(window: MainWindow, menu: QMenu) -> None:
    job = window.job_list.current_job()
    found = window.job_list.actions_for(job) if job else []
    allowed = {a.objectName() or a.text(): a.isEnabled() for a in found}
    names = {
        "Retry as a new job…": "Retry as a new job…",
        "Follow again": "Follow again",
        "Stop following": "Stop following",
        "Delete…": "deleteJobAction",
    }
    for action in menu.actions():
        action.setEnabled(allowed.get(names.get(action.text(), ""), False))


def _account_menu(window: MainWindow, menu: QMenu) -> QMenu:
    account = window.account
    add_action(
        window, menu, "Connect your AuraX account…", window.show_welcome, icon_name="account"
    )
    add_action(window, menu, "Try the demo", account.start_demo, icon_name="demo")
    add_action(window, menu, "Where is my key?", account.where_is_key)
    add_action(window, menu, "Sign out", account.sign_out)
    menu.addSeparator()
    add_action(
        window,
        menu,
        "Settings…",
        account.show_settings,
        icon_name="settings",
        shortcut=standard(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
    )
    return menu


def _help_menu(window: MainWindow, menu: QMenu) -> None:
    add_action(
        window,
        menu,
        "Keyboard shortcuts",
        lambda: ShortcutsDialog(window).exec(),
        shortcut=standard(QKeySequence.StandardKey.HelpContents, "F1"),
    )
    menu.addSeparator()
    add_action(
        window,
        menu,
        "Open the log folder",
        lambda: open_folder(paths.log_dir()),
        icon_name="folder",
    )
    add_action(
        window,
        menu,
        "Open the data folder",
        lambda: open_folder(paths.data_dir()),
        icon_name="folder",
    )
    menu.addSeparator()
    add_action(window, menu, "About AuraX Desktop", lambda: show_about(window))


def about_text() -> str:
    return (
        f"<p><b>AuraX Desktop {__version__}</b></p>"
        "<p>Virtual try-on, product images and product descriptions with the AuraX "
        "service.</p>"
        f"<p>Qt {qVersion()} (PySide6 {pyside_version}), Python {platform.python_version()}"
        f"<br>Data folder: {paths.data_dir()}<br>Log folder: {paths.log_dir()}</p>"
    )


def show_about(window: MainWindow) -> None:
    box = QMessageBox(window)
    box.setWindowTitle("About AuraX Desktop")
    box.setIconPixmap(app_icon().pixmap(48, 48))
    box.setText(about_text())
    box.exec()
