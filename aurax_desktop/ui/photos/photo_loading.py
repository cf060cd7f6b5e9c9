"""Opening a photo for a pane, on a worker: decode a preview, scale it to the pane,
make its blank masks; or download it from a link (bounded, with a plain error). The
file or the link is read where the read can be given up (``workers.abandonable``):
closing the window never waits on a link that drips, a pipe or a slow disk."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QSize, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from aurax_desktop.api.deadline import Alarm, Deadline
from aurax_desktop.imaging import ImageError, SourceImage, load_image, photo_warnings
from aurax_desktop.imaging.upload import Purpose
from aurax_desktop.translation import _, pgettext
from aurax_desktop.ui.common.canvas import fitted_device_size, scaled_smoothly
from aurax_desktop.ui.common.qimages import to_qimage
from aurax_desktop.ui.photos.mask_canvas import blank_masks
from aurax_desktop.workers import abandon_reads as abandon_reads_waited
from aurax_desktop.workers import abandonable

if TYPE_CHECKING:
    import requests

PREVIEW_SIDE = 2048
MAX_LINK_BYTES = 60 * 1024 * 1024
PICTURE_PATTERNS = "*.jpg *.jpeg *.png *.webp *.heic *.heif *.tif *.tiff *.bmp *.gif"


@dataclass(frozen=True)
class LoadedPhoto:
    source: SourceImage
    display: QImage
    warnings: tuple[str, ...]
    fitted: QImage | None = None
    """The preview already scaled to the pane (made on the worker)."""
    blanks: tuple[QImage, ...] | None = None
    """Empty masks for the person photo (made on the worker)."""


@dataclass(frozen=True)
class Fit:
    """What the worker needs to know of the pane to prepare its pixels."""

    area: QSize
    ratio: float
    masks: bool

    def fitted(self, display: QImage) -> QImage:
        return scaled_smoothly(display, fitted_device_size(display.size(), self.area, self.ratio))


def load_photo(
    data: bytes | Path, name: str | None, purpose: Purpose, fit: Fit | None = None
) -> LoadedPhoto:
    source = load_image(data, name=name) if isinstance(data, bytes) else read_photo(data)
    display = to_qimage(source.decode(PREVIEW_SIDE))
    fitted = fit.fitted(display) if fit is not None else None
    blanks = blank_masks(QSize(*source.size), display.size()) if fit and fit.masks else None
    return LoadedPhoto(source, display, tuple(photo_warnings(source.size, purpose)), fitted, blanks)


def read_photo(path: Path) -> SourceImage:
    """The photo at ``path``, read where the read can be given up as the window closes
    (a file on a disk that stalls)."""
    return abandonable(lambda: load_image(path))


LINK_SECONDS = 60.0
"""The longest a picture dragged from a browser may take to download, in all."""
_downloading: set[requests.Response] = set()
_downloading_lock = threading.Lock()


def abandon_reads() -> None:
    """The window closes: reads of photos and links still going are given up now (the
    workers waiting on them are free at once), and downloads are closed."""
    abandon_reads_waited()
    with _downloading_lock:
        going = list(_downloading)
    for answer in going:
        _cut_off(answer)


def _cut_off(answer: requests.Response) -> None:
    """End a download's blocked read at once: its connection is shut down, which never
    waits (closing the answer would wait for the read, holding its buffer's lock, to
    return: for ever from a server that drips); the reading thread closes it."""
    shutdown = getattr(answer.raw, "shutdown", None)
    with contextlib.suppress(OSError, RuntimeError, AttributeError):
        if shutdown is not None:
            shutdown()


def download_photo(url: str, purpose: Purpose, fit: Fit | None = None) -> LoadedPhoto:
    """A picture from a link: at most ``MAX_LINK_BYTES``, within ``LINK_SECONDS`` in all
    (a server that drips its answer, even its headers, is cut off), given up when the
    window closes."""
    # Translators: the name of a picture dragged from a browser whose link names no file.
    name = Path(QUrl(url).path()).name or _("picture from the web")
    try:  # the alarm closes a dripping body; headers that drip are given up on here
        chunks = abandonable(lambda: _download(url, name), seconds=LINK_SECONDS + 1)
    except TimeoutError:
        raise _too_slow(url, name) from None
    return load_photo(b"".join(chunks), name, purpose, fit)


def _too_slow(url: str, name: str) -> ImageError:
    return ImageError(
        _(
            "The picture at {host} took more than {seconds} s to download, so it was not "
            "used. Save it to your computer and drop the file instead."
        ).format(host=QUrl(url).host(), seconds=f"{LINK_SECONDS:.0f}"),
        name=name,
    )


def _download(url: str, name: str) -> list[bytes]:
    import requests  # noqa: PLC0415 - only when a link is dropped, not at the start

    limit = Deadline(LINK_SECONDS)
    try:
        with requests.get(
            url, timeout=(10, 30), stream=True, headers={"User-Agent": "AuraX-Desktop"}
        ) as answer:
            with _downloading_lock:
                _downloading.add(answer)
            try:
                with Alarm(lambda: _cut_off(answer), limit.at, name="link-download-alarm"):
                    chunks = _read_link(answer, name)
            finally:
                with _downloading_lock:
                    _downloading.discard(answer)
    except (requests.RequestException, OSError, AttributeError, ValueError) as exc:
        raise ImageError(
            _(
                "The picture at {host} could not be downloaded ({error}). Save it to your "
                "computer and drop the file instead."
            ).format(host=QUrl(url).host(), error=type(exc).__name__),
            name=name,
        ) from None
    if limit.expired():
        raise _too_slow(url, name)
    return chunks


def _read_link(answer: requests.Response, name: str) -> list[bytes]:
    answer.raise_for_status()
    chunks, size = [], 0
    for chunk in answer.iter_content(256 * 1024):
        size += len(chunk)
        if size > MAX_LINK_BYTES:
            raise ImageError(
                _("“{name}” is too large to download (over {size} MB).").format(
                    name=name, size=MAX_LINK_BYTES // (1024 * 1024)
                ),
                name=name,
            )
        chunks.append(chunk)
    return chunks


def png_bytes(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(array.data())


def pictures_in(mime: QMimeData) -> list[Path] | str | bytes | None:
    """What a drop or the clipboard holds: local files (a list), a link (a str), an
    image's PNG bytes, or None."""
    local = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    if local:
        return local
    for url in mime.urls() if mime.hasUrls() else []:
        if url.scheme() in ("http", "https"):
            return str(url.toString())
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            return png_bytes(image)
    text = mime.text().strip() if mime.hasText() else ""
    if text.startswith(("http://", "https://")) and "\n" not in text:
        return text
    return None


def file_filter() -> str:
    """The file dialog's kinds of file, in the language spoken."""
    pictures = pgettext("File dialog", "Pictures")  # a kind of file, as dialogs list them
    anything = _("All files")
    return f"{pictures} ({PICTURE_PATTERNS});;{anything} (*)"


def choose_photos(parent: QWidget, title: str, start: str, *, several: bool) -> list[Path]:
    """The file dialog called ``title``, starting in the folder ``start``: one photo, or
    several at once."""
    if several:
        paths, _kind = QFileDialog.getOpenFileNames(parent, title, start, file_filter())
        return [Path(p) for p in paths]
    path, _kind = QFileDialog.getOpenFileName(parent, title, start, file_filter())
    return [Path(path)] if path else []


def choose_folder(parent: QWidget, title: str, start: str) -> list[Path]:
    """The folder dialog called ``title``, starting in the folder ``start``."""
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    return [Path(folder)] if folder else []
