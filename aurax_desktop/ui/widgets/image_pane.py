"""A photo slot: drop a file, an image or a link; paste; or click to browse.

Loading (and downloading links) runs off the GUI thread. A picture that
cannot be used is explained in plain words, and the photo already in the
pane stays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.imaging import ImageError, SourceImage, load_image, photo_warnings
from aurax_desktop.imaging.upload import Purpose
from aurax_desktop.ui.background import BackgroundWork
from aurax_desktop.ui.drop_target import show_drop_target
from aurax_desktop.ui.icons import tool_button
from aurax_desktop.ui.qimages import to_qimage
from aurax_desktop.ui.widgets.canvas import ImageCanvas, fitted_device_size, scaled_smoothly
from aurax_desktop.ui.widgets.mask_canvas import MaskCanvas, blank_masks

PREVIEW_SIDE = 2048
MAX_LINK_BYTES = 60 * 1024 * 1024
FILE_FILTER = (
    "Pictures (*.jpg *.jpeg *.png *.webp *.heic *.heif *.tif *.tiff *.bmp *.gif);;All files (*)"
)


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
class _Fit:
    """What the worker needs to know of the pane to prepare its pixels."""

    area: QSize
    ratio: float
    masks: bool

    def fitted(self, display: QImage) -> QImage:
        return scaled_smoothly(display, fitted_device_size(display.size(), self.area, self.ratio))


def _load(
    data: bytes | Path, name: str | None, purpose: Purpose, fit: _Fit | None = None
) -> LoadedPhoto:
    source = load_image(data, name=name) if isinstance(data, bytes) else load_image(data)
    display = to_qimage(source.decode(PREVIEW_SIDE))
    fitted = fit.fitted(display) if fit is not None else None
    blanks = blank_masks(QSize(*source.size), display.size()) if fit and fit.masks else None
    return LoadedPhoto(source, display, tuple(photo_warnings(source.size, purpose)), fitted, blanks)


def _download(url: str, purpose: Purpose, fit: _Fit | None = None) -> LoadedPhoto:
    name = Path(QUrl(url).path()).name or "picture from the web"
    try:
        with requests.get(
            url, timeout=(10, 30), stream=True, headers={"User-Agent": "AuraX-Desktop"}
        ) as answer:
            answer.raise_for_status()
            chunks, size = [], 0
            for chunk in answer.iter_content(256 * 1024):
                size += len(chunk)
                if size > MAX_LINK_BYTES:
                    raise ImageError(f"“{name}” is too large to download (over 60 MB).", name=name)
                chunks.append(chunk)
    except requests.RequestException as exc:
        raise ImageError(
            f"The picture at {QUrl(url).host()} could not be downloaded "
            f"({type(exc).__name__}). Save it to your computer and drop the file instead.",
            name=name,
        ) from None
    return _load(b"".join(chunks), name, purpose, fit)


def _png_bytes(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(array.data())


class ImagePane(QFrame):
    """Title row, the picture (any ``ImageCanvas``), size and warnings below."""

    photoChanged = Signal()
    loadingChanged = Signal(bool)

    def __init__(
        self,
        title: str,
        purpose: Purpose,
        canvas: ImageCanvas,
        work: BackgroundWork,
        parent: QWidget | None = None,
        *,
        icon_name: str = "image",
        paste_key: bool = True,
    ) -> None:
        """``paste_key``: Ctrl+V pastes here while the pane has the focus (off where the
        page routes Ctrl+V to its panes itself)."""
        super().__init__(parent)
        self.setProperty("card", True)
        self.setAcceptDrops(True)
        self.title, self.purpose, self.work = title, purpose, work
        self.canvas = canvas
        self.canvas.placeholder = (
            f"Drop a {title.lower()} photo here, paste it (Ctrl+V), or click to browse"
        )
        self.canvas.placeholder_icon = icon_name
        self.canvas.clicked.connect(self.browse)
        self.photo: LoadedPhoto | None = None
        self.loading = False
        self._ticket = 0

        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        self.size_label = QLabel("")
        self.size_label.setObjectName("muted")
        self.browse_button = self._tool("open", f"Choose a {title.lower()} photo…", self.browse)
        self.paste_button = self._tool("paste", "Paste from the clipboard (Ctrl+V)", self.paste)
        self.clear_button = self._tool("close", f"Remove the {title.lower()} photo", self.clear)
        self.clear_button.setEnabled(False)
        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(heading)
        top.addSpacing(6)
        top.addWidget(self.size_label)
        top.addStretch(1)
        for button in (self.browse_button, self.paste_button, self.clear_button):
            top.addWidget(button)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(canvas, 1)
        layout.addWidget(self.message)
        if paste_key:
            paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
            paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            paste.activated.connect(self.paste)

    def _tool(self, name: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = tool_button(name, tip, parent=self)
        button.clicked.connect(slot)
        return button

    @property
    def source(self) -> SourceImage | None:
        return self.photo.source if self.photo else None

    # Getting pictures

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, f"Choose a {self.title.lower()} photo", str(Path.home()), FILE_FILTER
        )
        if path:
            self.load_path(Path(path))

    def load_path(self, path: Path) -> None:
        self._start(lambda fit: _load(path, None, self.purpose, fit), f"Opening {path.name}…")

    def load_bytes(self, data: bytes, name: str) -> None:
        self._start(lambda fit: _load(data, name, self.purpose, fit), f"Opening {name}…")

    def load_url(self, url: str) -> None:
        self._start(
            lambda fit: _download(url, self.purpose, fit), f"Downloading from {QUrl(url).host()}…"
        )

    def load_mime(self, mime: QMimeData) -> bool:
        """Take a picture from a drop or the clipboard; False when there is none."""
        for url in mime.urls() if mime.hasUrls() else []:
            if url.isLocalFile():
                self.load_path(Path(url.toLocalFile()))
                return True
            if url.scheme() in ("http", "https"):
                self.load_url(url.toString())
                return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                data = _png_bytes(image)
                self.load_bytes(data, "pasted picture")
                return True
        text = mime.text().strip() if mime.hasText() else ""
        if text.startswith(("http://", "https://")) and "\n" not in text:
            self.load_url(text)
            return True
        return False

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not self.load_mime(mime):
            self._show_message(
                "The clipboard holds no picture. Copy a photo or its file first.", error=True
            )

    def clear(self) -> None:
        self._ticket += 1
        self.photo = None
        self.canvas.set_image(None)
        self.canvas.set_busy_note("")
        self.size_label.setText("")
        self.clear_button.setEnabled(False)
        self._show_message("")
        self._set_loading(False)
        self.photoChanged.emit()

    def _start(self, work: Callable[[_Fit], LoadedPhoto], note: str) -> None:
        self._ticket += 1
        ticket = self._ticket
        self._set_loading(True)
        self._show_message("")
        self.canvas.set_busy_note(note)
        fit = self._fit()
        self.work.run(
            lambda: work(fit),
            lambda photo: self._loaded(ticket, photo),
            lambda error: self._failed(ticket, error),
        )

    def _fit(self) -> _Fit:
        """The canvas's room once the layout has settled: the worker scales the preview
        to exactly this, so showing it costs the GUI thread no scaling."""
        self._settle_layout()
        area, ratio = self.canvas.fit_area()
        return _Fit(area, ratio, masks=isinstance(self.canvas, MaskCanvas))

    def _settle_layout(self) -> None:
        """Apply pending layout changes now (a message shown or hidden moves the canvas)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def _loaded(self, ticket: int, photo: LoadedPhoto) -> None:
        if ticket != self._ticket:
            return  # a newer picture was asked for meanwhile
        self.photo = photo
        self.canvas.set_busy_note("")
        self._show_message("\n".join(photo.warnings), warning=bool(photo.warnings))
        self._settle_layout()  # so the photo is fitted to the room it will have
        if isinstance(self.canvas, MaskCanvas):
            self.canvas.set_image(
                photo.display, QSize(*photo.source.size), photo.fitted, photo.blanks
            )
        else:
            self.canvas.set_image(photo.display, QSize(*photo.source.size), photo.fitted)
        w, h = photo.source.size
        self.size_label.setText(f"{w} × {h} px")
        self.size_label.setMinimumWidth(self.size_label.sizeHint().width())  # never cut
        self.clear_button.setEnabled(True)
        self._set_loading(False)
        self.photoChanged.emit()

    def _failed(self, ticket: int, error: BaseException) -> None:
        if ticket != self._ticket:
            return
        text = getattr(error, "user_message", None) or (
            f"That picture could not be opened ({type(error).__name__})."
        )
        if self.photo is not None:
            text += " The photo you had is still here."
        self.canvas.set_busy_note("")
        self._show_message(text, error=True)
        self._set_loading(False)

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loadingChanged.emit(loading)

    def _show_message(self, text: str, *, error: bool = False, warning: bool = False) -> None:
        name = "error" if error else "warning" if warning else "muted"
        if name != self.message.objectName():
            self.message.setObjectName(name)
            self.message.style().unpolish(self.message)  # re-apply the style for the new name
            self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # Drag and drop, and Ctrl+V in the focused pane

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage() or mime.hasText():
            event.acceptProposedAction()
            show_drop_target(self, True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        show_drop_target(self, False)

    def dropEvent(self, event: QDropEvent) -> None:
        show_drop_target(self, False)
        if self.load_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            self._show_message(
                "That is not a picture. Drop a photo file, an image or a link.", error=True
            )

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisible() else ""
