"""Photos opened while the program already runs ("Open with" from the file manager, or
``aurax-desktop photo.jpg`` again): the new process leaves them in the data folder's
inbox and ends; the running window, which watches the inbox, opens them and comes to the
front. A file in the inbox is a JSON list of paths, written whole (atomically)."""

from __future__ import annotations

import contextlib
import json
import logging
import stat
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent

from aurax_desktop import paths
from aurax_desktop.atomic import write_atomically
from aurax_desktop.ui.shell.opening import open_given

if TYPE_CHECKING:
    from aurax_desktop.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

STALE_S = 600.0
"""A handover older than this, found at start, is from a window that has gone: dropped."""
HANDOVER_BYTES = 256 * 1024
"""The largest handover read (a list of paths; many thousands fit)."""
UNREADABLE = "unreadable"
"""Where a handover that cannot be read is moved: it never blocks the next one."""


def inbox_dir(root: Path | None = None) -> Path:
    return (root or paths.data_dir()) / "inbox"


def hand_over(photos: Sequence[Path], root: Path | None = None) -> bool:
    """Leave ``photos`` for the running window; False when the inbox cannot be written."""
    wanted = [str(Path(p).expanduser().absolute()) for p in photos]
    target = inbox_dir(root) / f"{time.time():.6f}-{uuid.uuid4().hex}.json"
    try:
        write_atomically(target, json.dumps(wanted).encode("utf-8"))
    except OSError as exc:
        log.warning("Could not hand the photos over: %s", exc)
        return False
    return True


def file_opened(event: QEvent) -> bool:
    """macOS gives the files opened with the program ("Open with", a drop on its Dock
    icon) to the application as FileOpen events: handed over like any other."""
    if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
        return False
    return bool(event.file()) and hand_over([Path(event.file())])


class Inbox(QObject):
    """The running window's side: opens what is handed over, then deletes it."""

    def __init__(self, window: MainWindow, root: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.folder = inbox_dir(root)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("No inbox for photos opened later: %s", exc)
            return
        self._soon = QTimer(self)  # several files at once: read together
        self._soon.setSingleShot(True)
        self._soon.setInterval(50)
        self._soon.timeout.connect(self.read)
        self._watcher = QFileSystemWatcher([str(self.folder)], self)
        self._watcher.directoryChanged.connect(lambda _path: self._soon.start())
        window.closing.connect(self.stop)
        self._drop_stale()
        QTimer.singleShot(0, self.read)

    def stop(self) -> None:
        """Nothing more is opened (the window closes)."""
        self._watcher.removePath(str(self.folder))
        self._soon.stop()

    def read(self) -> None:
        """Open every photo handed over so far (in the order they came)."""
        photos: list[Path] = []
        for entry in sorted(self.folder.glob("[!.]*.json")):
            found = self._take(entry)
            photos.extend(Path(p) for p in found if isinstance(p, str) and "\x00" not in p)
        if photos:
            open_given(self.window, photos)
            if self.window.isMinimized():
                self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def _take(self, entry: Path) -> list[object]:
        """A handover's paths, and the handover gone from the inbox: read when it is a
        regular file of a sensible size holding a list; otherwise moved aside into
        ``inbox/unreadable`` (and said in the log), so it never blocks the next one."""
        try:
            found = entry.lstat()
            if not stat.S_ISREG(found.st_mode) or found.st_size > HANDOVER_BYTES:
                raise ValueError("not a regular file of a sensible size")
            with entry.open("rb") as handle:
                paths = json.loads(handle.read(HANDOVER_BYTES + 1).decode("utf-8"))
            if not isinstance(paths, list):
                raise ValueError("not a list of paths")
            entry.unlink()
            return paths[:1000]
        except Exception as exc:  # broken, nested past any depth, a device: set aside
            log.warning("A handover that cannot be read was moved aside: %s (%s)", entry, exc)
            self._move_aside(entry)
            return []

    def _move_aside(self, entry: Path) -> None:
        aside = self.folder / UNREADABLE
        try:
            aside.mkdir(exist_ok=True)
            entry.rename(aside / entry.name)
        except OSError:
            with contextlib.suppress(OSError):
                entry.unlink()

    def _drop_stale(self) -> None:
        now = time.time()
        for entry in self.folder.glob("*.json"):
            try:
                if now - entry.stat().st_mtime > STALE_S:
                    entry.unlink()
            except OSError:
                continue
