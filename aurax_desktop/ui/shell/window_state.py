"""The window's size and dividers: a first size that fits the screen, the first split,
and where the user left them (kept in the settings)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from aurax_desktop.account import Settings

DEFAULT_SIZE = (1360, 860)
FRAME_ALLOWANCE = (16, 40)
"""What a window manager adds around a window (its borders, its title bar): unknown until
the window shows, so the first size leaves this much of the screen's room to it."""


def default_size(window: QMainWindow) -> None:
    """1360 x 860, or the screen's available room less the window's frame when there is
    less (a laptop: the window then opens as large as the screen lets it, which is the
    size its pages are made to fit without scrolling)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    width, height = DEFAULT_SIZE
    if room is None or room.isEmpty():
        window.resize(width, height)
        return
    frame_width, frame_height = FRAME_ALLOWANCE
    window.resize(min(width, room.width() - frame_width), min(height, room.height() - frame_height))


RESULT_LEAST = 300
"""The result's least height on a first run (the jobs give room down to three rows)."""


def first_split(
    main: QSplitter, studio: QWidget, results: QSplitter, jobs_heights: Sequence[int] = ()
) -> None:
    """First run: the studio gets the room it needs, the result column about a third;
    in that column the jobs get the first of ``jobs_heights`` (rows to show, most
    first) that leaves the result ``RESULT_LEAST``, and the result the rest."""
    window = main.window()
    central = window.centralWidget() if isinstance(window, QMainWindow) else None
    layout = central.layout() if central is not None else None
    if layout is not None:
        layout.activate()
    total = sum(main.sizes())
    if total <= 0:
        return
    need = studio.minimumSizeHint().width() + 4
    least = results.minimumSizeHint().width()
    room = max(least, min(int(total * 0.34), total - need))
    main.setSizes([total - room, room])
    column = sum(results.sizes())
    viewer = results.widget(0) if results.count() else None
    viewer_least = max(RESULT_LEAST, viewer.minimumSizeHint().height() if viewer is not None else 0)
    fitting = [h for h in jobs_heights if column - h >= viewer_least]
    if fitting:
        results.setSizes([column - fitting[0], fitting[0]])
    elif jobs_heights:
        least = min(jobs_heights)
        results.setSizes([max(0, column - least), least])


def restore_layout(window: QMainWindow, splitters: Sequence[QSplitter], settings: Settings) -> None:
    if settings.window_geometry:
        window.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode()))
    states = settings.panel_layout.split(",")
    if len(states) == len(splitters):
        for splitter, state in zip(splitters, states, strict=True):
            splitter.restoreState(QByteArray.fromBase64(state.encode()))


def saved_layout(window: QMainWindow, splitters: Sequence[QSplitter]) -> tuple[str, str]:
    """(window geometry, splitter states) as text for the settings."""

    def encoded(data: QByteArray) -> str:
        return bytes(data.toBase64().data()).decode()

    return encoded(window.saveGeometry()), ",".join(encoded(s.saveState()) for s in splitters)


def keep_studio_whole(main: QSplitter, studio: QWidget, results: QSplitter) -> None:
    """After a resize: when the studio has less than it needs and the result column can
    give it room, move the divider (the page then fits instead of scrolling)."""
    sizes = main.sizes()
    if len(sizes) != 2:
        return
    total = sum(sizes)
    need = studio.minimumSizeHint().width() + 4
    least = results.minimumSizeHint().width()
    if sizes[0] < need and total - need >= least:
        main.setSizes([need, total - need])
