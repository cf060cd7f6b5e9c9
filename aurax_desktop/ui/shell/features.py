"""The window's features, as the main window builds them, for the shell's parts that
wire them to each other."""

from __future__ import annotations

from dataclasses import dataclass

from aurax_desktop.ui.describe.page import DescribePage
from aurax_desktop.ui.gallery.controller import GalleryController
from aurax_desktop.ui.generate.page import GeneratePage
from aurax_desktop.ui.jobs.panel import HistoryPanel
from aurax_desktop.ui.jobs.viewer import ResultViewer
from aurax_desktop.ui.studio.page import TryOnPage


@dataclass(frozen=True)
class Features:
    try_on: TryOnPage
    generate: GeneratePage
    describe: DescribePage
    gallery: GalleryController
    jobs: HistoryPanel
    """The Jobs list, with its filter and search."""
    viewer: ResultViewer
    """The Result pane."""
