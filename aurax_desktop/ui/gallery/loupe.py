"""The loupe: one result large, as photographers cull.

Captioned with the person, the garment and its type, its variant, flag and stars.
Left and Right go to the previous or next result in the grid's order (the filter's
leaving out what it hides); Up and Down browse the cell's variants, the one shown
becoming the one exported; F, X and the keys 0 to 5 flag and rate it; Space or Esc
goes back to the grid, on the same cell. The picture is read on a worker, from the
result's print preview when it has one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from aurax_desktop.exports.fonts import clean
from aurax_desktop.jobs import FAVOURITE, REJECTED, Job
from aurax_desktop.jobs.garments import garment_label
from aurax_desktop.jobs.model import MAX_STARS
from aurax_desktop.jobs.results import PRINT_NAME
from aurax_desktop.ui.common.canvas import ImageCanvas
from aurax_desktop.ui.common.elided_label import ElidedLabel
from aurax_desktop.ui.gallery.model import GalleryModel

Loader = Callable[[Callable[[], QImage], Callable[[QImage], None]], None]


def loupe_picture(job: Job) -> QImage:
    """On a worker: the result's picture for the loupe (its print preview if it has one)."""
    ready = job.folder / PRINT_NAME
    path = ready if ready.is_file() else (job.result_paths[0] if job.result_paths else Path())
    return QImage(str(path))


def caption(job: Job, person: str, variant: int, variants: int) -> str:
    parts = [
        clean(person) or "Person",
        clean(garment_label(job.params)),
        job.product_type.capitalize(),
    ]
    if variants > 1:
        parts.append(f"variant {variant} of {variants}")
    if job.mark == FAVOURITE:
        parts.append("favourite")
    elif job.mark == REJECTED:
        parts.append("rejected")
    if job.stars:
        parts.append("★" * job.stars)
    return " · ".join(part for part in parts if part)


class Loupe(QWidget):
    back = Signal()
    """Back to the grid (on the cell shown)."""
    marked = Signal(list, str)
    rated = Signal(list, int)
    variantChosen = Signal(object)
    """A variant was brought up for its cell (a Job): it is now the one exported."""

    def __init__(self, model: GalleryModel, load: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loupe")
        self.setAccessibleName("Loupe: one result large")
        self.model, self._load = model, load
        self.cell: tuple[int, int] | None = None
        """The cell shown (kept as its place: a reload of the batch keeps it)."""
        self.canvas = ImageCanvas()
        self.canvas.setAccessibleName("The result, large")
        self.caption = ElidedLabel("")
        self.caption.setObjectName("sectionTitle")
        self.hint = ElidedLabel(
            "← → previous, next · ↑ ↓ variants · F favourite · X reject · 1–5 stars · "
            "Space or Esc back to the grid"
        )
        self.hint.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.caption)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint)
        self._ticket = 0
        self._shown_id = ""
        keys: list[tuple[str, Callable[[], None]]] = [
            ("Left", lambda: self.step(-1)),
            ("Right", lambda: self.step(1)),
            ("Up", lambda: self.variant(-1)),
            ("Down", lambda: self.variant(1)),
            ("Space", self.back.emit),
            ("Esc", self.back.emit),
            ("F", lambda: self._flag(FAVOURITE)),
            ("X", lambda: self._flag(REJECTED)),
        ]
        keys += [(str(n), functools.partial(self._rate, n)) for n in range(MAX_STARS + 1)]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        model.dataChanged.connect(self._changed)
        model.modelReset.connect(self._reset)

    # What it shows

    def show_at(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self.cell = (index.row(), index.column()) if index.isValid() else None
        self._refresh(load=True)
        self.canvas.setFocus()

    @property
    def index(self) -> QModelIndex:
        return self.model.index(*self.cell) if self.cell is not None else QModelIndex()

    def job(self) -> Job | None:
        index = self.index
        return self.model.job_at(index) if index.isValid() else None

    def _refresh(self, *, load: bool) -> None:
        job = self.job()
        variants = self.model.variants(self.index)
        if job is None:
            self.caption.setText("")
            self.canvas.set_image(None)
            return
        number = next((n for n, v in enumerate(variants, start=1) if v.id == job.id), 1)
        self.caption.setText(caption(job, self.model.person_name(job), number, len(variants)))
        if load:
            self._shown_id = job.id
            self._ticket += 1
            ticket = self._ticket
            self._load(
                lambda: loupe_picture(job),
                lambda image: self._loaded(ticket, image),
            )

    def _loaded(self, ticket: int, image: QImage) -> None:
        if ticket == self._ticket:
            self.canvas.set_image(image if not image.isNull() else None)

    def _changed(
        self,
        top: QModelIndex,
        bottom: QModelIndex,
        _roles: object = None,
    ) -> None:
        index = self.index
        if (
            index.isValid()
            and top.row() <= index.row() <= bottom.row()
            and top.column() <= index.column() <= bottom.column()
        ):
            job = self.job()
            self._refresh(load=job is not None and job.id != self._shown_id)

    def _reset(self) -> None:
        """The batch was read again: the same cell, its picture read again only if
        another job stands there now."""
        job = self.job()
        self._refresh(load=job is not None and job.id != self._shown_id)

    # Moving

    def step(self, direction: int) -> None:
        """The previous or next result the grid shows, in its order (row by row)."""
        model = self.model
        cells = [
            (row, column)
            for row in range(model.rowCount())
            for column in range(model.columnCount())
            if model.job_at(model.index(row, column)) is not None
        ]
        if not cells or not self.index.isValid():
            return
        here = (self.index.row(), self.index.column())
        place = cells.index(here) if here in cells else 0
        target = cells[max(0, min(len(cells) - 1, place + direction))]
        if target != here:
            self.show_at(model.index(*target))

    def variant(self, direction: int) -> None:
        """Bring up the cell's previous or next variant (it becomes the chosen one)."""
        variants = self.model.variants(self.index)
        job = self.job()
        if job is None or len(variants) < 2:
            return
        place = next((n for n, v in enumerate(variants) if v.id == job.id), 0)
        target = variants[max(0, min(len(variants) - 1, place + direction))]
        if target.id != job.id:
            self.variantChosen.emit(target)

    def _flag(self, mark: str) -> None:
        job = self.job()
        if job is not None:
            self.marked.emit([job], "" if job.mark == mark else mark)

    def _rate(self, stars: int) -> None:
        job = self.job()
        if job is not None:
            self.rated.emit([job], stars)
