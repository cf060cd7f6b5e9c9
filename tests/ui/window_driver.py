"""A small driver for the main window in GUI tests: its pages, panes and commands by
name, the jobs it lists, and what it says, as a user finds them.

Tests drive the window through this and never through the window's own attributes:
when the window is rebuilt inside, only this file follows it.

    driver = open_window(demo=True)
    driver.page("gallery")                      # brought to the front, as Ctrl+4 does
    driver.command("exportLookbook").trigger()  # or "export-lookbook"
    driver.pane("person").load_path(photo)
"""

from __future__ import annotations

import re
from typing import Literal, overload

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget, QMenu, QScrollArea, QSplitter, QWidget

from aurax_desktop.jobs import Job
from aurax_desktop.session import Session
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.folders import RememberedFolders
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.describe.page import DescribePage
from aurax_desktop.ui.gallery.controller import GalleryController
from aurax_desktop.ui.gallery.grid import ResultsGallery
from aurax_desktop.ui.gallery.loupe import Loupe
from aurax_desktop.ui.gallery.page import GalleryPage
from aurax_desktop.ui.generate.page import GeneratePage
from aurax_desktop.ui.jobs.actions import JobActions
from aurax_desktop.ui.jobs.forgetting import HistoryForgetting
from aurax_desktop.ui.jobs.model import JobListModel
from aurax_desktop.ui.jobs.panel import HistoryPanel
from aurax_desktop.ui.jobs.view import JobListView
from aurax_desktop.ui.jobs.viewer import ResultViewer
from aurax_desktop.ui.photos.image_pane import ImagePane
from aurax_desktop.ui.shell.account import AccountActions
from aurax_desktop.ui.shell.announcer import Announcer
from aurax_desktop.ui.shell.demo_banner import DemoBanner
from aurax_desktop.ui.shell.frame import PAGE_NAMES
from aurax_desktop.ui.shell.main_window import MainWindow
from aurax_desktop.ui.shell.spending import SpendingWatch
from aurax_desktop.ui.studio.page import TryOnPage

PageName = Literal["try-on", "generate", "describe", "gallery"]
PaneName = Literal["person", "garment", "shape", "result", "jobs"]


def command_name(name: str) -> str:
    """A command's declared name from either spelling: "exportLookbook" or
    "export-lookbook"."""
    return re.sub(r"-(\w)", lambda m: m.group(1).upper(), name)


class WindowDriver:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        """The window itself, for what any window does (resize, its status bar, being
        activated)."""

    # Where things are

    @property
    def session(self) -> Session:
        return self.window.session

    @property
    def page_names(self) -> tuple[str, ...]:
        return PAGE_NAMES

    @overload
    def page(self, name: Literal["try-on"]) -> TryOnPage: ...
    @overload
    def page(self, name: Literal["generate"]) -> GeneratePage: ...
    @overload
    def page(self, name: Literal["describe"]) -> DescribePage: ...
    @overload
    def page(self, name: Literal["gallery"]) -> GalleryPage: ...
    @overload
    def page(self, name: str) -> QWidget: ...
    def page(self, name: str) -> QWidget:
        """The page named ``name``, brought to the front as the page list does."""
        return self.window.frame.show_page(name)

    def current_page(self) -> str:
        return self.window.frame.current_page()

    def page_area(self, name: str) -> QScrollArea:
        """The room the page named ``name`` is shown in (it scrolls where it must)."""
        frame = self.window.frame
        area = frame.pages.widget(PAGE_NAMES.index(name))
        assert isinstance(area, QScrollArea)
        return area

    @overload
    def pane(self, name: Literal["person", "garment", "shape"]) -> ImagePane: ...
    @overload
    def pane(self, name: Literal["result"]) -> ResultViewer: ...
    @overload
    def pane(self, name: Literal["jobs"]) -> HistoryPanel: ...
    @overload
    def pane(self, name: str) -> QWidget: ...
    def pane(self, name: str) -> QWidget:
        """A pane by the name its heading gives it: the Person and Garment panes (the
        Try-On page), the Shape pane (Generate), the Result and the Jobs (the column on
        the right)."""
        features = self.window.features
        panes: dict[str, QWidget] = {
            "person": features.try_on.person_pane,
            "garment": features.try_on.garment_pane,
            "shape": features.generate.shape_pane,
            "result": features.viewer,
            "jobs": features.jobs,
        }
        return panes[name]

    def command(self, name: str) -> QAction:
        """A command of the window's menus (or the Gallery's), by its name."""
        return self.window.commands[command_name(name)]

    def menu(self, title: str) -> QMenu:
        """A menu of the menu bar, by its title ("File", "Edit", ...)."""
        return self.window.menus[title]

    # The features

    @property
    def try_on(self) -> TryOnPage:
        return self.window.features.try_on

    @property
    def generate(self) -> GeneratePage:
        return self.window.features.generate

    @property
    def describe(self) -> DescribePage:
        return self.window.features.describe

    @property
    def gallery(self) -> GalleryController:
        return self.window.features.gallery

    @property
    def grid(self) -> ResultsGallery:
        """The Gallery's grid of results."""
        return self.window.features.gallery.gallery

    @property
    def loupe(self) -> Loupe:
        return self.window.features.gallery.loupe

    @property
    def viewer(self) -> ResultViewer:
        """The Result pane."""
        return self.window.features.viewer

    @property
    def job_list(self) -> JobListView:
        return self.window.features.jobs.job_list

    @property
    def job_model(self) -> JobListModel:
        """The Jobs list's rows."""
        return self.window.features.jobs.model

    def jobs(self) -> list[Job]:
        """The jobs the Jobs list holds, as it shows them now."""
        model = self.job_model
        model.flush()
        return model.jobs()

    def edits_saved(self) -> bool:
        """True when every mark, rating and variant chosen has been saved."""
        return not self.window.features.gallery.culling.saving

    # The window's own parts

    @property
    def cache(self) -> JobCache:
        return self.window.cache

    @property
    def work(self) -> BackgroundWork:
        return self.window.work

    @property
    def folders(self) -> RememberedFolders:
        return self.window.folders

    @property
    def job_actions(self) -> JobActions:
        return self.window.job_actions

    @property
    def account(self) -> AccountActions:
        return self.window.account

    @property
    def forgetting(self) -> HistoryForgetting:
        return self.window.forgetting

    @property
    def spending(self) -> SpendingWatch:
        return self.window.spending

    @property
    def announcer(self) -> Announcer:
        return self.window.announcer

    @property
    def demo_banner(self) -> DemoBanner:
        return self.window.demo_banner

    @property
    def job_events(self) -> SignalInstance:
        """A job as the job book announced it (before the cache)."""
        return self.window.bridge.jobUpdated

    @property
    def notifications(self) -> SignalInstance:
        """(title, text, how): told to the desktop, a tray or the taskbar."""
        return self.window.notifier.delivered

    # What it says and shows

    def status(self) -> str:
        """The status bar's note."""
        return self.window.statusBar().currentMessage()

    def connection_text(self) -> str:
        """What the status bar says of the connection."""
        return self.window.connection.label.text()

    def demo_badge_shown(self) -> bool:
        return self.window.connection.badge.isVisible()

    def loupe_open(self) -> bool:
        """Whether the Gallery's loupe is open (it then fills the window)."""
        return self.window.features.gallery.page.in_loupe

    def room(self) -> QWidget:
        """The window's room for its pages and columns (or what fills it): all of the
        window but its menu bar and status bar."""
        return self.window.frame

    def side_column_shown(self) -> bool:
        """Whether the Result and the Jobs are shown beside the page."""
        return self.window.frame.side_column.isVisible()

    @property
    def main_splitter(self) -> QSplitter:
        """The divider between the page and the column of the result and the jobs."""
        return self.window.frame.main_splitter

    @property
    def results_splitter(self) -> QSplitter:
        """The divider between the result and the jobs."""
        return self.window.frame.results_splitter

    @property
    def page_list(self) -> QListWidget:
        """The list of pages on the window's left."""
        return self.window.frame.navigation

    def refresh_commands(self) -> None:
        """Every command enabled as its rule says now (as a menu does when it opens)."""
        self.window.commands.refresh()

    def first_split(self) -> None:
        """The dividers as on a first run at the window's size."""
        self.window.frame.first_split()

    def set_theme(self, theme: str) -> None:
        """View → Theme: "light", "dark", or "" for the system's."""
        self.window.set_theme(theme)
