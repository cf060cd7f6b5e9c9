"""The photos of a pane, as a strip of thumbnails: the selected one is shown (and, for
the person, painted); each keeps its own masks, one per product type; each garment its
own type, written across its thumbnail's foot (``type_badge``). Names are shortened so
they stay apart (what they all share at the start goes, then the middle), whole in the
tooltip.
Hidden while the pane holds one photo.

Thumbnails are made on a worker from the file's header and a reduced decode; a file
that turns out not to be a picture is taken off the strip with a note. Photos of
people are not written to any cache: the thumbnails live in memory only.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QIcon,
    QImage,
    QKeyEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from aurax_desktop.api import ProductType
from aurax_desktop.api.suggest import suggest_product_type
from aurax_desktop.imaging import ImageError, SourceImage
from aurax_desktop.jobs.garments import LABEL, SKU
from aurax_desktop.jobs.inputs import ImageInput
from aurax_desktop.jobs.short_names import distinct_labels
from aurax_desktop.translation import _
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.isolate import isolated
from aurax_desktop.ui.common.qimages import to_qimage
from aurax_desktop.ui.photos.photo_loading import read_photo
from aurax_desktop.ui.photos.type_badge import TYPE_ROLE, TypeBadge

THUMB = 56
ITEM_WIDTH = 100
"""A strip item's least width: its name cut in the middle shows its start and its end."""
ITEM_WIDEST = 170
"""How wide an item grows when the strip has room (its name shown longer)."""
NAME_MARGIN = 8
"""Room kept either side of a name, inside its cell: names never touch."""
_ids = itertools.count(1)


@dataclass(eq=False)
class Photo:
    """One photo of a pane: a file, or bytes (pasted, dropped from a browser)."""

    name: str
    path: Path | None = None
    source: SourceImage | None = None
    """Kept only for photos that have no file."""
    masks: dict[str, tuple[QImage, QImage]] = field(default_factory=dict)
    """The painted masks (photo and preview resolution) by product type, kept while
    another photo or another type is shown: a mask belongs to a person and a type."""
    product_type: str | None = None
    """A garment's own product type (suggested from its name when it is added)."""
    details: dict[str, str] = field(default_factory=dict)
    """What a season's list says of a garment (SKU, name, price, colour)."""
    derived_from: str | None = None
    """The job whose result this photo is (an outfit built step by step)."""
    digest: str = ""
    """What its bytes hash to, once read: the same picture under another name is known."""
    key: int = field(default_factory=lambda: next(_ids))

    @property
    def input(self) -> ImageInput:
        if self.source is not None:
            return self.source
        assert self.path is not None
        return self.path


def _thumbnail(photo: Photo) -> tuple[str, QImage]:
    """What the photo's bytes hash to, and its thumbnail (on a worker)."""
    source = photo.source if photo.source is not None else read_photo(photo.path or Path())
    return hashlib.sha256(source.data).hexdigest(), to_qimage(source.decode(THUMB * 2))


class PhotoStrip(QListWidget):
    """``chosen`` when the user selects another photo; ``skipped`` with a sentence when a
    file is not a picture; ``emptied`` when the last photo goes."""

    chosen = Signal(object)
    skipped = Signal(str)
    emptied = Signal()
    changed = Signal()
    """Photos were added or removed."""
    describeAsked = Signal(object)
    """A garment photo to describe (its Photo)."""

    def __init__(
        self,
        work: BackgroundWork,
        kind: str,
        name: str,
        parent: QWidget | None = None,
        *,
        typed: bool = False,
    ) -> None:
        """``kind``: what its photos are ("person", "garment"), for its object's name;
        ``name``: what a screen reader calls it ("Person photos")."""
        super().__init__(parent)
        self.work = work
        self.typed = typed
        """Each photo has its own product type (garments), shown on its thumbnail."""
        self.setObjectName(f"{kind}Strip")
        self.setAccessibleName(name)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setItemDelegate(TypeBadge(self))  # a garment's type across its foot
        self.setSpacing(2)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # More photos than fit: a bar below the names says so (the strip grows to hold
        # it, never covering a name); the wheel and the arrow keys scroll too.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(THUMB + 24)
        self.horizontalScrollBar().rangeChanged.connect(self._fit_height)
        self.setToolTip(_("Click a photo to show it; Delete removes it"))
        self.setVisible(False)
        self._photos: dict[int, Photo] = {}
        self.currentItemChanged.connect(self._current_changed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        remove = QAction(_("Remove this photo"), self)
        remove.triggered.connect(self.remove_current)
        self.addAction(remove)
        if typed:
            describe = QAction(_("Describe this garment…"), self)
            describe.triggered.connect(self._describe_current)
            self.addAction(describe)

    # What the strip holds

    def photos(self) -> list[Photo]:
        return [
            self._photos[int(self.item(i).data(Qt.ItemDataRole.UserRole))]
            for i in range(self.count())
        ]

    def current(self) -> Photo | None:
        item = self.currentItem()
        return self._photos.get(int(item.data(Qt.ItemDataRole.UserRole))) if item else None

    def add(self, photos: list[Photo], *, select: bool = True) -> None:
        """Add photos (checked and drawn on a worker); the first is selected."""
        first: QListWidgetItem | None = None
        for photo in photos:
            self._photos[photo.key] = photo
            if self.typed and photo.product_type is None:
                kind = suggest_product_type(photo.name) or ProductType.GARMENT
                photo.product_type = kind.value
            item = QListWidgetItem(photo.name)
            item.setData(Qt.ItemDataRole.UserRole, photo.key)
            if self.typed:
                item.setData(TYPE_ROLE, photo.product_type)
            self._describe_item(item, photo)
            self.addItem(item)
            first = first or item
            self._draw(photo)
        self._relabel()
        self._show_when_several()
        if select and first is not None:
            self.blockSignals(True)
            self.setCurrentItem(first)
            self.blockSignals(False)

    def select(self, photo: Photo) -> None:
        """Mark ``photo`` as the one shown (without asking to show it)."""
        row = self._row(photo)
        if row is not None and row != self.currentRow():
            self.blockSignals(True)
            self.setCurrentRow(row)
            self.blockSignals(False)

    def remove(self, photo: Photo) -> Photo | None:
        """Take ``photo`` off the strip; the photo now selected (None when empty)."""
        row = self._row(photo)
        if row is None:
            return self.current()
        was_current = row == self.currentRow()
        self.blockSignals(True)
        self.takeItem(row)
        self._photos.pop(photo.key, None)
        if self.count() and was_current:  # the next one; any other stays the current one
            self.setCurrentRow(min(row, self.count() - 1))
        self.blockSignals(False)
        self._relabel()
        self._show_when_several()
        now = self.current()
        if now is None:
            self.emptied.emit()
        return now

    def clear_all(self) -> None:
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        self._photos.clear()
        self._show_when_several()

    def _row(self, photo: Photo) -> int | None:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == photo.key:
                return row
        return None

    def _show_when_several(self) -> None:
        self.setVisible(self.count() > 1)
        self.changed.emit()

    # Workers' answers

    def _draw(self, photo: Photo) -> None:
        self.work.run(
            lambda: _thumbnail(photo),
            lambda drawn: self._drawn(photo, *drawn),
            lambda error: self._unusable(photo, error),
        )

    def _drawn(self, photo: Photo, digest: str, image: QImage) -> None:
        row = self._row(photo)
        if row is None:
            return
        photo.digest = digest
        if self._skip_twin(photo):
            return
        if not image.isNull():
            self.item(row).setIcon(QIcon(QPixmap.fromImage(image)))

    def _skip_twin(self, photo: Photo) -> bool:
        """The same picture twice (the same bytes under two names): the later one in the
        strip goes, with a note; True when that was ``photo``. A garment from a season's
        list keeps its place (its row says what it is, whatever its picture)."""
        twin = next(
            (p for p in self.photos() if p is not photo and p.digest == photo.digest),
            None,
        )
        if twin is None or photo.details or twin.details:
            return False
        first, second = sorted((photo, twin), key=lambda p: self._row(p) or 0)
        was_current = self.current() is second
        now = self.remove(second)
        self.skipped.emit(
            _("Skipped “{name}”: it is the same picture as “{first}”.").format(
                name=second.name, first=first.name
            )
        )
        if was_current and now is not None:
            self.chosen.emit(now)
        return second is photo

    def _item_width(self) -> int:
        """Items share the strip's width, between the least and the widest."""
        room = self.viewport().width() - 2 * self.spacing() * max(1, self.count())
        return max(ITEM_WIDTH, min(ITEM_WIDEST, room // max(1, self.count())))

    def _relabel(self) -> None:
        """Name every item so the photos are told apart under their thumbnails: a
        garment by its list's name, else the files' names without what they all share,
        cut in the middle when still too long ("linen-mi…-navy")."""
        photos = self.photos()
        shortened = distinct_labels([photo.name for photo in photos])
        width = self._item_width()
        cell = QSize(width, THUMB + 20)
        for row, (photo, short) in enumerate(zip(photos, shortened, strict=True)):
            label = photo.details.get(LABEL) or short
            elided = self.fontMetrics().elidedText(
                label, Qt.TextElideMode.ElideMiddle, width - NAME_MARGIN
            )
            item = self.item(row)
            item.setText(isolated(elided) if self.isRightToLeft() else elided)
            item.setSizeHint(cell)
        # Every item in a cell of this size, laid out anew when it changes (items resized
        # one by one kept their old places, and wider names ran into each other).
        self.setGridSize(cell)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.count() and self._item_width() != self.gridSize().width():
            self._relabel()

    def _fit_height(self, _least: int, most: int) -> None:
        bar = self.horizontalScrollBar().sizeHint().height() if most > 0 else 0
        self.setFixedHeight(THUMB + 24 + bar)

    def _tip(self, photo: Photo) -> str:
        """The photo whole: a listed garment's name and SKU, its file, its type."""
        listed = " · ".join(v for v in (photo.details.get(LABEL), photo.details.get(SKU)) if v)
        lines = [listed, photo.name]
        if self.typed and photo.product_type:
            lines.append(ProductType(photo.product_type).label)
        return "\n".join(line for line in lines if line)

    def _describe_item(self, item: QListWidgetItem, photo: Photo) -> None:
        """The photo whole in the item's tooltip, and read so by a screen reader (the
        name under the thumbnail may be cut)."""
        tip = self._tip(photo)
        item.setToolTip(tip)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, tip.replace("\n", ", "))

    def set_type(self, photo: Photo, product_type: str | None) -> None:
        """Give ``photo`` its own product type (shown on its thumbnail)."""
        photo.product_type = product_type
        row = self._row(photo)
        if row is None:
            return
        item = self.item(row)
        self._describe_item(item, photo)
        item.setData(TYPE_ROLE, product_type)  # its badge is drawn anew

    def _unusable(self, photo: Photo, error: BaseException) -> None:
        if self._row(photo) is None:
            return
        reason = error.user_message if isinstance(error, ImageError) else str(error)
        was_current = self.current() is photo
        now = self.remove(photo)
        self.skipped.emit(_("Skipped: {reason}").format(reason=reason))
        if was_current and now is not None:
            self.chosen.emit(now)

    # The user's choices

    def _current_changed(self, current: QListWidgetItem | None, _old: object) -> None:
        if current is not None:
            self.chosen.emit(self._photos[int(current.data(Qt.ItemDataRole.UserRole))])

    def _describe_current(self) -> None:
        photo = self.current()
        if photo is not None:
            self.describeAsked.emit(photo)

    def remove_current(self) -> None:
        photo = self.current()
        if photo is not None:
            now = self.remove(photo)
            if now is not None:
                self.chosen.emit(now)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.current():
            self.remove_current()
            return
        super().keyPressEvent(event)
