"""A photo slot: drop files, an image or a link; paste; or click to browse.

Loading (and downloading links) runs off the GUI thread. A picture that
cannot be used is explained in plain words, and the photo already in the
pane stays. With ``several`` the pane holds a set of photos (a multi-file drop,
a multi-select, a folder) in a strip of thumbnails; the selected one is shown,
and for the person each keeps its own mask.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.imaging import SourceImage, sort_out
from aurax_desktop.jobs.people_list import is_list_file
from aurax_desktop.translation import _
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.canvas import ImageCanvas
from aurax_desktop.ui.common.drop_target import show_drop_target
from aurax_desktop.ui.common.elided_label import ElidedLabel
from aurax_desktop.ui.common.folders import FolderMemory, HomeFolder
from aurax_desktop.ui.common.icons import icon, tool_button
from aurax_desktop.ui.common.note_bar import NoteBar
from aurax_desktop.ui.photos.mask_canvas import MaskCanvas
from aurax_desktop.ui.photos.pane_words import (
    PaneKind,
    PaneWords,
    moved_note,
    pane_words,
    some_names,
)
from aurax_desktop.ui.photos.photo_loading import (
    Fit,
    LoadedPhoto,
    choose_folder,
    choose_photos,
    download_photo,
    load_photo,
    pictures_in,
)
from aurax_desktop.ui.photos.photo_strip import Photo, PhotoStrip
from aurax_desktop.ui.photos.routing import Pane, sort_for

Loader = Callable[[Fit], LoadedPhoto]
CANVAS_LEAST = 160
"""The least height of a pane's picture when the pane holds several photos (a laptop's
room goes to the strip, the notes, the mask's tools and the options too)."""
NAMED = 3
"""The files a note names (the rest are counted)."""


def _names(paths: list[Path]) -> str:
    """The first files' names, and how many more."""
    return some_names([p.name for p in paths], NAMED)


class ImagePane(QFrame):
    """Title row, the picture (any ``ImageCanvas``), size and warnings below. Its texts
    are those of its ``purpose`` (``pane_words``); a screen reader hears the picture as
    the photo it shows."""

    listGiven = Signal(object)
    """A list file dropped or chosen here (a Path): the page reads it."""
    photoChanged = Signal()
    loadingChanged = Signal(bool)

    def __init__(
        self,
        purpose: PaneKind,
        canvas: ImageCanvas,
        work: BackgroundWork,
        parent: QWidget | None = None,
        *,
        icon_name: str = "image",
        paste_key: bool = True,
        several: bool = False,
        folders: FolderMemory | None = None,
    ) -> None:
        """``paste_key``: Ctrl+V pastes here while the pane has the focus (off where the
        page routes Ctrl+V to its panes itself). ``several``: a set of photos.
        ``folders``: where its file dialogs start (the window's remembered folders)."""
        super().__init__(parent)
        self.setProperty("card", True)
        self.setAcceptDrops(True)
        self.purpose, self.work = purpose, work
        self.words: PaneWords = pane_words(purpose)
        self.title = self.words.title
        self.canvas = canvas
        self.canvas.placeholder = self.words.placeholder
        self.canvas.placeholder_icon = icon_name
        self.canvas.clicked.connect(self.browse)
        self.photo: LoadedPhoto | None = None
        self.loading = False
        self._ticket = 0
        self.several = several
        self.folders: FolderMemory = folders or HomeFolder()
        """Where its file dialogs start (the window's remembered folders)."""
        self.strip = PhotoStrip(work, purpose, self.words.strip, self, typed=purpose == "garment")
        self.mask_type = ""
        """The product type whose mask the canvas shows (a person's masks are one per
        type: the one painted while a dress is shown goes only with dresses)."""
        self.strip.chosen.connect(self._show)
        self.strip.skipped.connect(self._skipped)
        self._notes: list[str] = []
        """What was skipped while adding photos: said with the photo shown next."""
        self.strip.emptied.connect(self._cleared)
        self.strip.changed.connect(self.photoChanged)
        self._replacing: Photo | None = None
        self.shown: Photo | None = None
        """The photo in the canvas (a strip entry)."""
        self.other: ImagePane | None = None
        """The page's other pane (person or garment): the pictures of a folder given here
        whose names say they are its go there (see ``routing``)."""

        heading = QLabel(self.words.title)
        heading.setObjectName("sectionTitle")
        self.size_label = QLabel("")
        self.size_label.setObjectName("muted")
        self.name_label = ElidedLabel("")
        self.name_label.setObjectName("photoName")
        self.name_label.setAccessibleName(self.words.name)
        self.browse_button = self._tool("open", self.words.choose, self.browse)
        self.clear_button = self._tool("close", self.words.remove, self.clear)
        self.clear_button.setEnabled(False)
        top = self.heading_row = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(heading)
        top.addSpacing(6)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.size_label)
        if several:  # the button's arrow offers a whole folder
            menu = QMenu(self.browse_button)
            menu.addAction(self.words.choose_item, self.browse)
            menu.addAction(self.words.folder_item, self.browse_folder)
            paste_keys = QKeySequence(QKeySequence.StandardKey.Paste).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            paste_item = "\t".join((_("Paste from the clipboard"), paste_keys))
            menu.addAction(icon("paste"), paste_item, self.paste)
            menu.addSeparator()
            menu.addAction(self.words.remove_all, self.remove_all)
            self.browse_button.setMenu(menu)
            self.browse_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            top.addWidget(self.browse_button)
            self.paste_button: QToolButton | None = None
        else:  # room for a paste button: the heading holds no list of photos' names
            top.addWidget(self.browse_button)
            self.paste_button = self._tool(
                "paste", _("Paste from the clipboard (Ctrl+V)"), self.paste
            )
            top.addWidget(self.paste_button)
        top.addWidget(self.clear_button)
        self.message = NoteBar()  # one line: what does not fit opens from Details…
        self.message.setAccessibleName(self.words.note)
        if several:  # a strip and notes share the pane's height: the picture gives way first
            canvas.setMinimumHeight(CANVAS_LEAST)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(canvas, 1)
        layout.addWidget(self.strip)
        layout.addWidget(self.message)
        if paste_key:
            paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
            paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            paste.activated.connect(self.paste)
        self._tell_canvas()

    def keyboard_order(self) -> list[QWidget]:
        """The pane's controls in reading order: its buttons, the picture, the strip of
        photos, the note's buttons."""
        buttons = [self.browse_button, self.paste_button, self.clear_button]
        note = [self.message.details_button, self.message.dismiss_button]
        return [b for b in buttons if b is not None] + [self.canvas, self.strip, *note]

    def _tool(self, name: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = tool_button(name, tip, parent=self)
        button.clicked.connect(slot)
        return button

    @property
    def source(self) -> SourceImage | None:
        return self.photo.source if self.photo else None

    # Getting pictures

    def browse(self) -> None:
        """The file dialog, in the folder photos were last chosen from."""
        title = self.words.choose_several if self.several else self.words.choose_one
        paths = choose_photos(self, title, self.folders.folder("photos"), several=self.several)
        if paths:
            self.folders.remember("photos", paths[0].parent)
        self.load_paths(paths)

    def browse_folder(self) -> None:
        """The folder dialog, in the folder photos were last chosen from (and, once a
        folder is chosen, in the one holding it the next time)."""
        paths = choose_folder(self, self.words.folder_title, self.folders.folder("photos"))
        if paths:
            self.folders.remember("photos", paths[0].parent)
        self.load_paths(paths)

    def load_paths(self, paths: list[Path]) -> None:
        """Files and folders: one file opens as usual; several (or a folder) join the
        strip, what is not a picture skipped with a note; a folder's pictures whose names
        say they belong in the other pane go there, with a note. A list (CSV or XLSX)
        given is handed on (``listGiven``): the page reads it (people, or garments)."""
        lists = [p for p in paths if is_list_file(p) and not p.is_dir()]
        if lists:
            self.listGiven.emit(lists[0])
            paths = [p for p in paths if p not in lists]
            if not paths:
                return
        if (len(paths) == 1 and not paths[0].is_dir()) or (paths and not self.several):
            self.load_path(paths[0])
            return
        other = self.other
        moved: list[Path] = []
        if other is not None and self.purpose in ("person", "garment"):
            here: Pane = "person" if self.purpose == "person" else "garment"
            found, moved, skipped = sort_for(here, paths)
        else:
            found, skipped = sort_out(paths)
        found = [p for p in dict.fromkeys(found) if self._known(p) is None]
        if found:
            self.strip.add([Photo(p.name, path=p) for p in found])
            first = self.strip.current()
            if first is not None:
                self._show(first)
        if other is not None and moved:
            other.load_paths(moved)
            self._skipped(moved_note(other.purpose, len(moved), _names(moved)))
        if skipped:
            self._skipped(_("Skipped what is not a picture: {names}").format(names=_names(skipped)))

    def add_photos(self, photos: list[Photo]) -> None:
        """Photos made elsewhere (a season's list: each with its type and details) join
        the strip; the first is shown."""
        fresh = [p for p in photos if p.path is None or self._known(p.path) is None]
        if not fresh:
            return
        self.strip.add(fresh)
        first = self.strip.current()
        if first is not None:
            self._show(first)

    def remove_all(self) -> None:
        """Every photo of the pane goes."""
        self.strip.clear_all()
        self._cleared()

    def load_path(self, path: Path, *, derived_from: str | None = None) -> None:
        """Open one photo (a file already here is shown again, not added twice)."""
        known = self._known(path)
        if known is not None:
            self._show(known)
            return
        photo = Photo(path.name, path=path, derived_from=derived_from)
        self._start(lambda fit: load_photo(path, None, self.purpose, fit), path.name, photo)

    def use_result(
        self,
        path: Path,
        name: str,
        job_id: str,
        made_from: str | None,
        *,
        product_type: str | None = None,
    ) -> None:
        """A job's result as a photo of this pane (named ``name``), in place of the photo
        it was made from when that is here; the history keeps which job it came from.
        ``product_type``: a garment's type (a generated product image's)."""
        self._replacing = next(
            (p for p in self.photos() if made_from and p.name == made_from), None
        )
        photo = Photo(name, derived_from=job_id, product_type=product_type)
        self._start(lambda fit: load_photo(path.read_bytes(), name, self.purpose, fit), name, photo)

    def load_bytes(self, data: bytes, name: str) -> None:
        self._start(lambda fit: load_photo(data, name, self.purpose, fit), name, None)

    def load_url(self, url: str) -> None:
        self._start(
            lambda fit: download_photo(url, self.purpose, fit),
            _("Downloading from {host}…").format(host=QUrl(url).host()),
            None,
        )

    def load_mime(self, mime: QMimeData) -> bool:
        """Take pictures from a drop or the clipboard; False when there is none."""
        found = pictures_in(mime)
        if isinstance(found, list):
            self.load_paths(found)
        elif isinstance(found, str):
            self.load_url(found)
        elif isinstance(found, bytes):
            # Translators: the name a picture pasted from the clipboard is known by.
            self.load_bytes(found, _("pasted picture"))
        return found is not None

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not self.load_mime(mime):
            self._show_message(
                _("The clipboard holds no picture. Copy a photo or its file first."), error=True
            )

    def clear(self) -> None:
        """Remove the photo shown (the next one in the strip is shown, if any)."""
        shown = self.shown
        self.shown = None
        after = self.strip.remove(shown) if shown is not None else None
        if after is not None:
            self._show(after)
            return
        self.strip.clear_all()
        self._cleared()

    def _cleared(self) -> None:
        self.shown = None
        self._ticket += 1
        self.photo = None
        self.canvas.set_image(None)
        self.canvas.set_busy_note("")
        self.size_label.setText("")
        self.name_label.setText("")
        self._tell_canvas()
        self.clear_button.setEnabled(False)
        self._show_message("")
        self._set_loading(False)
        self.photoChanged.emit()

    def _show(self, photo: Photo) -> None:
        """Show one of the strip's photos (its mask kept while another is shown)."""
        if photo is self.shown:
            return
        self._keep_mask()
        data: Path | bytes = photo.source.data if photo.source else photo.path or Path()
        name = photo.source.name if photo.source else None
        self._start(lambda fit: load_photo(data, name, self.purpose, fit), photo.name, photo)

    def _keep_mask(self) -> None:
        canvas = self.canvas
        if isinstance(canvas, MaskCanvas) and self.shown is not None and canvas.has_image():
            kept = self.shown.masks
            if canvas.undo_stack.count() > 0 or self.mask_type in kept:
                kept[self.mask_type] = (canvas.full_mask, canvas.preview_mask)

    def set_mask_type(self, product_type: str, *, carry: bool = False) -> None:
        """Show the shown person's mask for ``product_type`` (the one for the type shown
        until now is kept). ``carry``: the garment was given another type, so each
        person's mask for the old type serves the new one too, where it has none."""
        if product_type == self.mask_type:
            return
        self._keep_mask()
        old, self.mask_type = self.mask_type, product_type
        if carry:
            for photo in self.photos():
                if old in photo.masks and product_type not in photo.masks:
                    full, preview = photo.masks[old]
                    photo.masks[product_type] = (full.copy(), preview.copy())
        canvas = self.canvas
        if isinstance(canvas, MaskCanvas) and self.shown is not None and canvas.has_image():
            canvas.swap_masks(self.shown.masks.get(product_type))

    def _known(self, path: Path) -> Photo | None:
        return next((p for p in self.photos() if p.path is not None and p.path == path), None)

    def mask_of(self, photo: Photo, product_type: str | None = None) -> QImage | None:
        """The mask painted on ``photo`` for ``product_type`` (default: the type shown)
        at the photo's own resolution (None: not painted)."""
        kind = self.mask_type if product_type is None else product_type
        canvas = self.canvas
        if photo is self.shown and kind == self.mask_type and isinstance(canvas, MaskCanvas):
            return QImage(canvas.full_mask) if not canvas.full_mask.isNull() else None
        kept = photo.masks.get(kind)
        return QImage(kept[0]) if kept else None

    def masks_of(self, photo: Photo) -> dict[str, QImage]:
        """Every mask painted on ``photo``, by product type."""
        kinds = {*photo.masks, *([self.mask_type] if photo is self.shown else [])}
        found = {kind: self.mask_of(photo, kind) for kind in kinds}
        return {kind: mask for kind, mask in found.items() if mask is not None}

    def photos(self) -> list[Photo]:
        """Every photo of the pane, in the strip's order."""
        return self.strip.photos()

    def _start(self, work: Loader, note: str, photo: Photo | None) -> None:
        """Open a photo on a worker; ``photo`` is its strip entry (None: made when it
        opens, from what was read)."""
        self._ticket += 1
        ticket = self._ticket
        self._set_loading(True)
        self._show_message("")
        self.canvas.set_busy_note(
            note if note.endswith("…") else _("Opening {name}…").format(name=note)
        )
        fit = self._fit()
        self.work.run(
            lambda: work(fit),
            lambda loaded: self._loaded(ticket, loaded, photo),
            lambda error: self._failed(ticket, error, photo),
        )

    def _fit(self) -> Fit:
        """The canvas's room once the layout has settled: the worker scales the preview
        to exactly this, so showing it costs the GUI thread no scaling."""
        self._settle_layout()
        area, ratio = self.canvas.fit_area()
        return Fit(area, ratio, masks=isinstance(self.canvas, MaskCanvas))

    def _settle_layout(self) -> None:
        """Apply pending layout changes now (a message shown or hidden moves the canvas)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def _loaded(self, ticket: int, photo: LoadedPhoto, entry: Photo | None) -> None:
        if ticket != self._ticket:
            return  # a newer picture was asked for meanwhile
        if entry is None:
            entry = Photo(photo.source.name, source=photo.source)
        elif entry.path is None and entry.source is None:
            entry.source = photo.source  # a result used as a photo: kept in memory
        if self.strip.photos() and entry not in self.strip.photos() and not self.several:
            self.strip.clear_all()  # one photo at a time: the new one replaces it
        if entry not in self.strip.photos():
            self._keep_mask()
            self.strip.add([entry])
            replaced, self._replacing = self._replacing, None
            if replaced is not None and replaced is not entry:
                self.strip.remove(replaced)
                self.strip.select(entry)
        else:
            self.strip.select(entry)
        self.shown = entry
        stored = entry.masks.get(self.mask_type)
        if stored is not None and photo.blanks is not None:
            photo = replace(photo, blanks=stored)
        self.photo = photo
        self.canvas.set_busy_note("")
        said = [*self._notes, *photo.warnings]
        self._notes.clear()
        self._show_message("\n".join(said), warning=bool(said))
        self._settle_layout()  # so the photo is fitted to the room it will have
        if isinstance(self.canvas, MaskCanvas):
            self.canvas.set_image(
                photo.display, QSize(*photo.source.size), photo.fitted, photo.blanks
            )
        else:
            self.canvas.set_image(photo.display, QSize(*photo.source.size), photo.fitted)
        w, h = photo.source.size
        self.size_label.setText(_("{width} × {height} px").format(width=w, height=h))
        self.size_label.setMinimumWidth(self.size_label.sizeHint().width())  # never cut
        self.name_label.setText(entry.name)
        self._tell_canvas()
        self._fit_heading()
        self.clear_button.setEnabled(True)
        self._set_loading(False)
        self.photoChanged.emit()

    def _failed(self, ticket: int, error: BaseException, entry: Photo | None) -> None:
        if ticket != self._ticket:
            return
        if entry is not None and entry in self.strip.photos():
            self.strip.remove(entry)  # what cannot be opened does not stay in the set
            if self.shown is not None:
                self.strip.select(self.shown)
        text = getattr(error, "user_message", None) or _(
            "That picture could not be opened ({error})."
        ).format(error=type(error).__name__)
        if self.photo is not None:
            text = _("{problem} The photo you had is still here.").format(problem=text)
        self.canvas.set_busy_note("")
        self._show_message(text, error=True)
        self._set_loading(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # the heading's layout has its new geometry already
        self._fit_heading()

    def _fit_heading(self) -> None:
        """Short of room for the photo's whole name, its size in pixels gives way (and
        is said in the name's tooltip): the name tells photos apart, the size does not."""
        size = self.size_label.text()
        if not size:
            return
        self._settle_layout()  # the widths of the name and the size just set, not before
        gap = self.heading_row.spacing()
        room = self.name_label.width()
        if not self.size_label.isHidden():
            room += self.size_label.width() + gap
        wanted = self.name_label.sizeHint().width() + self.size_label.sizeHint().width() + gap
        fits = room >= wanted
        self.size_label.setHidden(not fits)
        name = self.name_label.full_text()
        self.name_label.setToolTip(name if fits else f"{name} · {size}")

    def _tell_canvas(self) -> None:
        """The picture, as a screen reader hears it: the photo it shows, by name, and its
        size (and, on the person, how to paint); empty, what can be done there."""
        shown = self.shown if self.photo is not None else None
        if shown is None:
            self.canvas.setAccessibleName(self.words.photo)
            self.canvas.setAccessibleDescription(self.words.placeholder)
            return
        # Translators: a picture's name for screen readers: what it is ("Person photo")
        # and the photo's file name.
        name = _("{photo}: {name}").format(photo=self.words.photo, name=shown.name)
        self.canvas.setAccessibleName(name)
        size = self.size_label.text()
        if isinstance(self.canvas, MaskCanvas):
            size = _(
                "{size}. Paint where the garment goes: B brush, E eraser, [ and ] brush size."
            ).format(size=size)
        self.canvas.setAccessibleDescription(size)

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loadingChanged.emit(loading)

    def add_note(self, text: str) -> None:
        """A warning about the photos just added (a list's row sent as Other), shown in
        the pane's note with any others, whole from Details… when it does not fit."""
        self._skipped(text)

    def _skipped(self, text: str) -> None:
        """A note on the photos being added: said with the photo being opened, or added
        to the notes already shown (a thumbnail drawn late says its note last)."""
        if self.loading:
            self._notes.append(text)  # said once the photo being opened is shown
            return
        shown = self.message_text()
        error = bool(shown) and self.message.kind() == "error"
        said = [line for line in (shown, *self._notes, text) if line]
        self._show_message("\n".join(said), error=error, warning=not error)
        self._notes.clear()

    def _show_message(self, text: str, *, error: bool = False, warning: bool = False) -> None:
        self.message.set_note(text, "error" if error else "warning" if warning else "muted")

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
                _("That is not a picture. Drop a photo file, an image or a link."), error=True
            )

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisible() else ""
