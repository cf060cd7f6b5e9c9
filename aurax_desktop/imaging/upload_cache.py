"""Prepared uploads, kept while a batch runs: each distinct photo is decoded, oriented,
scaled and encoded once, however many pairs it is in.

Keyed by the photo's identity (a file: its path, size and modification time; a photo
already open: the object itself) and the preparation settings (longest side, purpose,
format). Bounded: the least recently used entries go first once the prepared bytes
pass ``max_bytes``.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from aurax_desktop.imaging.source import SourceImage
from aurax_desktop.imaging.upload import PreparedImage, Purpose, UploadFormat, prepare_upload

Key = tuple[object, ...]
DEFAULT_MAX_BYTES = 128 * 1024 * 1024


def _identity(photo: Path | SourceImage) -> object:
    if isinstance(photo, SourceImage):
        return ("open", id(photo))
    path = Path(photo)
    try:
        stat = path.stat()
    except OSError:
        return ("missing", str(path))  # opening it says why, in plain words
    return ("file", str(path.resolve()), stat.st_size, stat.st_mtime_ns)


class UploadCache:
    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._entries: OrderedDict[Key, PreparedImage] = OrderedDict()
        self._size = 0
        self._preparing: dict[Key, threading.Event] = {}
        self.made = 0
        """How many uploads were prepared (not found here): for tests and benchmarks."""

    def prepared(
        self,
        photo: Path | SourceImage,
        opener: Callable[[], SourceImage],
        max_side: int | None,
        *,
        purpose: Purpose,
        fmt: UploadFormat = "JPEG",
    ) -> PreparedImage:
        """The upload of ``photo`` (``opener`` opens it when it must be prepared)."""
        key: Key = (_identity(photo), max_side, purpose, fmt)
        while True:
            with self._lock:
                found = self._entries.get(key)
                if found is not None:
                    self._entries.move_to_end(key)
                    return found
                busy = self._preparing.get(key)
                if busy is None:
                    self._preparing[key] = threading.Event()
                    break
            busy.wait()  # another worker is preparing this very photo: share its work
        try:
            upload = prepare_upload(opener(), max_side, purpose=purpose, fmt=fmt)
            with self._lock:
                self.made += 1
                self._keep(key, upload, photo)
            return upload
        finally:
            with self._lock:
                self._preparing.pop(key).set()

    def _keep(self, key: Key, upload: PreparedImage, photo: Path | SourceImage) -> None:
        self._entries[key] = upload
        self._size += len(upload.data)
        if isinstance(photo, SourceImage):  # forgotten with the photo it was made from
            weakref.finalize(photo, self._forget, key)
        while self._size > self.max_bytes and len(self._entries) > 1:
            _old, dropped = self._entries.popitem(last=False)
            self._size -= len(dropped.data)

    def _forget(self, key: Key) -> None:
        with self._lock:
            dropped = self._entries.pop(key, None)
            if dropped is not None:
                self._size -= len(dropped.data)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0


UPLOADS = UploadCache()
"""The program's one cache of prepared uploads."""
