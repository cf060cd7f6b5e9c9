"""The window's own commands, beside the features': quit, undo and redo (of the mask's
strokes or of deletions, whichever was done last), the Trash, zoom (of what is in
front), the result and jobs column, full screen, the theme, and Help's."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup, QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import QMainWindow

from aurax_desktop import paths
from aurax_desktop.session import Session
from aurax_desktop.translation import _, lazy_gettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.commands import Commands, standard
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.common.modal import run_modal
from aurax_desktop.ui.gallery.controller import GalleryController
from aurax_desktop.ui.jobs.viewer import ResultViewer
from aurax_desktop.ui.shell.dialogs.shortcuts import ShortcutsDialog
from aurax_desktop.ui.shell.dialogs.trash import TrashDialog
from aurax_desktop.ui.shell.frame import WindowFrame
from aurax_desktop.ui.shell.menus import open_folder, show_about

THEMES = (
    ("themeSystem", lazy_gettext("Follow the system"), ""),
    ("themeLight", lazy_gettext("Light"), "light"),
    ("themeDark", lazy_gettext("Dark"), "dark"),
)


def declare_window_commands(
    commands: Commands,
    window: QMainWindow,
    *,
    session: Session,
    work: BackgroundWork,
    cache: JobCache,
    undo: QUndoGroup,
    frame: WindowFrame,
) -> None:
    """``window``: what Quit closes and Full screen fills the screen with, and the
    dialogs' parent; ``undo``: the stacks Edit → Undo and Redo work on."""
    add = commands.add
    add(
        "openResultsFolder",
        _("Open the results folder"),
        lambda: open_folder(session.settings.results_folder),
        icon_name="folder",
    )
    add(
        "quit",
        _("Quit"),
        window.close,
        icon_name="close",
        shortcut=standard(QKeySequence.StandardKey.Quit, "Ctrl+Q"),
    )
    # No prefix: Qt's own words, in the user's language ("Undo %1", "%1 rückgängig machen")
    undo_action = undo.createUndoAction(window)
    undo_action.setIcon(icon("undo"))
    undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo_action = undo.createRedoAction(window)
    redo_action.setIcon(icon("redo"))
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    commands.adopt("undo", undo_action)
    commands.adopt("redo", redo_action)
    add(
        "showTrash",
        _("Trash…"),
        lambda: run_modal(
            TrashDialog(session.book, work, cache, session.settings.trash_days, window)
        ),
        icon_name="trash",
        tip=_("Deleted jobs: restore them, or empty the Trash"),
    )
    side = add(
        "toggleSideColumn",
        _("Result and jobs column"),
        frame.toggle_side_column,
        icon_name="sidebar",
        tip=_("Hide the result and the jobs for a full-width Gallery (Tab in the Gallery)"),
    )
    side.setCheckable(True)
    side.setChecked(True)
    frame.sideColumnShown.connect(side.setChecked)
    tab = QShortcut(QKeySequence("Tab"), frame.page_widgets["gallery"])
    tab.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    tab.activated.connect(frame.toggle_side_column)
    full = add(
        "fullScreen",
        _("Full screen"),
        lambda: window.showNormal() if window.isFullScreen() else window.showFullScreen(),
        shortcut=standard(QKeySequence.StandardKey.FullScreen, "F11"),
        tip=_("The window fills the screen (F11 again: back)"),
    )
    full.setCheckable(True)


def declare_zoom_commands(
    commands: Commands, frame: WindowFrame, gallery: GalleryController, viewer: ResultViewer
) -> None:
    """Zoom what is in front: the loupe's picture, the Gallery's thumbnails, else the
    result."""

    def zoom(factor: float) -> None:
        if gallery.page.in_loupe:
            gallery.loupe.canvas.zoom_by(factor)
        elif frame.current_page() == "gallery":
            if factor > 1:
                gallery.gallery.larger()
            else:
                gallery.gallery.smaller()
        else:
            viewer.canvas.zoom_by(factor)

    commands.add(
        "zoomIn",
        _("Zoom in"),
        lambda: zoom(1.25),
        tip=_("The result larger; in the Gallery, larger thumbnails"),
        icon_name="zoom-in",
        shortcut="Ctrl+=",
    )
    commands.add(
        "zoomOut",
        _("Zoom out"),
        lambda: zoom(1 / 1.25),
        tip=_("The result smaller; in the Gallery, smaller thumbnails"),
        icon_name="zoom-out",
        shortcut="Ctrl+-",
    )


def declare_theme_commands(
    commands: Commands, chosen: str, set_theme: Callable[[str], None], parent: QMainWindow
) -> None:
    """View → Theme: follow the system, light or dark (``chosen`` checked)."""
    themes = QActionGroup(parent)
    for name, label, value in THEMES:
        action = commands.add(name, str(label), functools.partial(set_theme, value))
        action.setCheckable(True)
        action.setChecked(value == chosen)
        themes.addAction(action)


def declare_help_commands(commands: Commands, window: QMainWindow) -> None:
    commands.add(
        "shortcuts",
        _("Keyboard shortcuts"),
        lambda: run_modal(ShortcutsDialog(window)),
        shortcut=standard(QKeySequence.StandardKey.HelpContents, "F1"),
    )
    commands.add(
        "openLogFolder",
        _("Open the log folder"),
        lambda: open_folder(paths.log_dir()),
        icon_name="folder",
    )
    commands.add(
        "openDataFolder",
        _("Open the data folder"),
        lambda: open_folder(paths.data_dir()),
        icon_name="folder",
    )
    commands.add("about", _("About AuraX Desktop"), lambda: show_about(window))
