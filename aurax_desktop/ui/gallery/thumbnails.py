"""The Gallery's thumbnails: each result's preview read and scaled to its cell on a
worker, and kept in a bounded cache, so painting a cell never reads a file.

What waits to be read is in an order of its own: the cells being painted first (the
newest asked first), then the cells around the view (told by the grid after each
scroll), so a scroll finds its next cells ready. An ask whose cell has left the view
and its surroundings before its turn is dropped unread: scrolling fast through 10,000
results never leaves the worker reading the cells scrolled past. At most ``IN_FLIGHT``
reads are handed to the workers at once; the rest wait here, on the GUI thread, where
their order can still change.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap

Key = tuple[str, int]
"""A thumbnail: its job's id and its side in device pixels."""
Loader = Callable[[Callable[[], QImage], Callable[[QImage], None]], None]
"""Runs the first callable on a worker and hands its image to the second on the GUI."""
CACHE_BYTES = 96 * 1024 * 1024
"""What the thumbnails kept in memory may take (at 200 % each is four times larger)."""
IN_FLIGHT = 2
"""Reads handed to the workers at once (the window's workers are two)."""


def load_thumbnail(path: Path, side: int) -> QImage:
    """On a worker: the preview scaled to ``side`` (a null image when it is missing)."""
    image = QImage(str(path))
    if image.isNull():
        return image
    return image.scaled(
        side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class Thumbnails:
    """``get`` what is cached; ``ask`` for what is not (it comes to ``arrived``);
    ``focus`` on the cells around the view."""

    def __init__(
        self,
        load: Loader,
        arrived: Callable[[Key, QImage], None],
        *,
        ratio: float = 1.0,
        budget: int = CACHE_BYTES,
    ) -> None:
        self._load = load
        self._arrived = arrived
        self.ratio = ratio
        self._budget = budget
        self._cached: OrderedDict[Key, QPixmap] = OrderedDict()
        self._sizes: dict[Key, int] = {}
        self._bytes = 0
        self._waiting: OrderedDict[Key, Path] = OrderedDict()
        """Asked for and not handed to a worker yet: the next one first."""
        self._reading: set[Key] = set()
        self._missing: set[Key] = set()
        """Previews that could not be read: not asked for again."""
        self._stopped = False
        self._pumping = False
        self.reads = 0
        """How many previews were handed to the workers (what the tests count)."""

    def get(self, key: Key) -> QPixmap | None:
        pixmap = self._cached.get(key)
        if pixmap is not None:
            self._cached.move_to_end(key)  # the least recently drawn goes first
        return pixmap

    def ask(self, key: Key, path: Callable[[], Path]) -> None:
        """A cell being painted wants its thumbnail: it is read next (``path`` names
        its file, asked only when it does not wait already: a cell is painted again and
        again while its thumbnail comes)."""
        if self.known(key):
            return
        if key not in self._waiting:
            self._waiting[key] = path()
        self._waiting.move_to_end(key, last=False)
        self._pump()

    def focus(self, wanted: Iterable[tuple[Key, Path]]) -> None:
        """The cells in view and around it, nearest first: what waits to be read becomes
        these (the ones scrolled past are dropped), as many as the cache can hold."""
        room = max(1, self._budget // max(1, self._typical_bytes()))
        waiting: OrderedDict[Key, Path] = OrderedDict()
        for key, path in wanted:
            if len(waiting) >= room:
                break
            if not self.known(key):
                waiting[key] = path
        self._waiting = waiting
        self._pump()

    def forget(self, job_id: str) -> None:
        """The job left the Gallery: its thumbnails go."""
        for key in [key for key in self._cached if key[0] == job_id]:
            self._drop(key)
        for key in [key for key in self._waiting if key[0] == job_id]:
            del self._waiting[key]

    def stop(self) -> None:
        """The window closes: nothing more is read."""
        self._stopped = True
        self._waiting.clear()

    @property
    def waiting(self) -> list[Key]:
        """What waits to be read, the next one first."""
        return list(self._waiting)

    # Reading

    def known(self, key: Key) -> bool:
        """Kept, being read, or found missing: not to be asked for again."""
        return key in self._cached or key in self._reading or key in self._missing

    def _pump(self) -> None:
        """Hand the next reads to the workers while fewer than ``IN_FLIGHT`` are out (a
        loader that answers at once, as in tests, is served in a loop, not a recursion)."""
        if self._pumping:
            return
        self._pumping = True
        try:
            while self._waiting and len(self._reading) < IN_FLIGHT and not self._stopped:
                key, path = self._waiting.popitem(last=False)
                self._reading.add(key)
                self.reads += 1
                self._load(functools.partial(load_thumbnail, path, key[1]), self._reader(key))
        finally:
            self._pumping = False

    def _reader(self, key: Key) -> Callable[[QImage], None]:
        return lambda image: self._read(key, image)

    def _read(self, key: Key, image: QImage) -> None:
        self._reading.discard(key)
        if self._stopped:
            return
        if image.isNull():
            self._missing.add(key)
        else:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.ratio)
            self._cached[key] = pixmap
            self._sizes[key] = image.sizeInBytes()
            self._bytes += self._sizes[key]
            while self._bytes > self._budget and len(self._cached) > 1:
                self._drop(next(iter(self._cached)))
            self._arrived(key, image)
        self._pump()

    def _drop(self, key: Key) -> None:
        del self._cached[key]
        self._bytes -= self._sizes.pop(key)

    def _typical_bytes(self) -> int:
        """What a thumbnail takes, from the last one cached (a portrait's guess before)."""
        for size in reversed(self._sizes.values()):
            return size
        return 176 * 264 * 4
