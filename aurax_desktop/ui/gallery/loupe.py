"""The loupe: one result as large as the window allows, as photographers cull.

It fills the window (the shell gives it the whole of it; F11 the whole screen). A bar
above the picture names the person, the garment and its type, its variant, flag and
stars, and holds its tools; nothing else takes the picture's room.

Left and Right go to the previous or next result in the grid's order (the filter's
leaving out what it hides); Up and Down browse the cell's variants, the one shown
becoming the one exported; F, X and the keys 0 to 5 flag and rate it. Z shows the
result at 100 % where the pointer is (again: fitted), and a drag pans it; D shows the
person photo left of a divider, and holding B shows the person photo whole. Space or
Esc goes back to the grid, on the same cell. The result shown is the window's current
result (``shown``). Pictures are read on a worker: the result's print preview first,
the full result when Z asks for its pixels.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QCursor,
    QImage,
    QImageReader,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from aurax_desktop.jobs import FAVOURITE, REJECTED, Job, JobKind
from aurax_desktop.jobs.files import PRINT_NAME
from aurax_desktop.jobs.garments import garment_label
from aurax_desktop.jobs.model import MAX_STARS
from aurax_desktop.translation import LazyText, _, lazy_gettext
from aurax_desktop.ui.common.comparison import ComparisonCanvas
from aurax_desktop.ui.common.elided_label import ElidedLabel
from aurax_desktop.ui.common.icons import tool_button
from aurax_desktop.ui.common.keys_hint import KeysHint
from aurax_desktop.ui.gallery.model import GalleryModel, flag_word, product_type_label

Loader = Callable[[Callable[[], Any], Callable[[Any], None]], None]
"""Runs the first callable on a worker and hands what it made to the second (GUI)."""
PERSON_NAME = "person.jpg"
"""The person photo a try-on was sent with, kept in the job's folder."""
FULL_PIXELS = 64_000_000
"""The largest result read whole for 100 % (its print preview stands in beyond)."""
# Translators: the loupe's keys, each with what it does, in a bar as short as can be
# (the keys' names, the arrows and the numbers stay as they are).
HINT: tuple[LazyText, ...] = (
    lazy_gettext("← → previous, next"),
    lazy_gettext("↑ ↓ variants"),
    lazy_gettext("Z 100 %"),
    lazy_gettext("D before and after"),
    lazy_gettext("hold B: the person photo"),
    lazy_gettext("F favourite"),
    lazy_gettext("X reject"),
    lazy_gettext("1–5 stars"),
    lazy_gettext("Esc: the grid"),
)
"""The loupe's keys, the most wanted first."""


def loupe_picture(job: Job) -> tuple[QImage, QSize, QImage | None]:
    """On a worker: the result's picture for the loupe (its print preview if it has
    one), the result's own size, and the person photo it was made from."""
    result = job.result_paths[0] if job.result_paths else Path()
    ready = job.folder / PRINT_NAME
    picture = QImage(str(ready if ready.is_file() else result))
    size = QImageReader(str(result)).size()
    person = job.folder / PERSON_NAME
    before = None
    if job.kind is JobKind.TRY_ON and person.is_file() and not picture.isNull():
        before = QImage(str(person))
        if not before.isNull() and before.size() != picture.size():
            before = before.scaled(
                picture.size(),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
    return picture, size if size.isValid() else picture.size(), before


def full_picture(job: Job) -> QImage:
    """On a worker: the whole result, when it is not too large to hold (else null)."""
    if not job.result_paths:
        return QImage()
    reader = QImageReader(str(job.result_paths[0]))
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > FULL_PIXELS:
        return QImage()
    return reader.read()


def caption(job: Job, person: str, variant: int, variants: int) -> list[str]:
    """What the loupe shows, in its bar: who, in what (these two are cut when short of
    room), its type, which variant, its flag and its stars (drawn as stars)."""
    from aurax_desktop.exports.fonts import clean  # noqa: PLC0415 - the fonts, when first shown

    parts = [
        clean(person) or _("Person"),
        clean(garment_label(job.params)),
        product_type_label(job.product_type),
    ]
    if variants > 1:
        parts.append(_("variant {number} of {count}").format(number=variant, count=variants))
    parts.append(flag_word(job))
    if job.stars:
        parts.append("★" * job.stars)
    return parts


class Loupe(QWidget):
    back = Signal()
    """Back to the grid (on the cell shown)."""
    marked = Signal(list, str)
    rated = Signal(list, int)
    variantChosen = Signal(object)
    """A variant was brought up for its cell (a Job): it is now the one exported."""
    shown = Signal(object)
    """Another result is shown (a Job): the window's current result."""

    def __init__(self, model: GalleryModel, load: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loupe")
        self.setAccessibleName(_("Loupe: one result large"))
        self.model, self._load = model, load
        self.cell: tuple[int, int] | None = None
        """The cell shown (kept as its place: a reload of the batch keeps it)."""
        self.canvas = ComparisonCanvas()
        self.canvas.setObjectName("loupeCanvas")
        self.canvas.setAccessibleName(_("The result, large"))
        self.canvas.fit_margin = 0  # the picture is all there is: every pixel for it
        self.canvas.placeholder = _("This result has no picture to show.")
        self.caption = ElidedLabel("")
        self.caption.setObjectName("sectionTitle")
        self.hint = KeysHint(HINT)
        self.hint.setObjectName("muted")
        self.compare_button = tool_button(
            "compare", _("Before and after: the person photo left of a divider (D)"), checkable=True
        )
        self.compare_button.setObjectName("loupeCompare")
        self.compare_button.toggled.connect(self.canvas.set_comparing)
        self.actual_button = tool_button("zoom-in", _("100 %: the result's own pixels (Z)"))
        self.actual_button.setObjectName("loupeActualSize")
        self.actual_button.clicked.connect(lambda: self.toggle_actual_size(None))
        fit_button = tool_button("fit", _("Fit the result in the window (double-click)"))
        fit_button.setObjectName("loupeFit")
        fit_button.clicked.connect(self.canvas.fit)
        back_button = tool_button("gallery", _("Back to the grid (Space or Esc)"))
        back_button.setObjectName("loupeBack")
        back_button.clicked.connect(self.back.emit)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 4, 8, 4)
        bar.setSpacing(6)
        bar.addWidget(self.caption, 3)
        bar.addWidget(self.hint, 2)
        for button in (self.compare_button, self.actual_button, fit_button, back_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        # the keyboard's order is the reading order: the bar's buttons, then the picture
        order = [self.compare_button, self.actual_button, fit_button, back_button, self.canvas]
        for first, then in pairwise(order):
            QWidget.setTabOrder(first, then)
        self._ticket = 0
        self._shown_id = ""
        self._full_for = ""
        """The job whose whole result the canvas holds (read for 100 %)."""
        keys: list[tuple[str, Callable[[], None]]] = [
            ("Left", lambda: self.step(-self._reading())),
            ("Right", lambda: self.step(self._reading())),
            ("Up", lambda: self.variant(-1)),
            ("Down", lambda: self.variant(1)),
            ("Space", self.back.emit),
            ("Esc", self.back.emit),
            ("F", lambda: self._flag(FAVOURITE)),
            ("X", lambda: self._flag(REJECTED)),
            ("Z", lambda: self.toggle_actual_size(self._pointer())),
            ("D", self.compare_button.toggle),
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
            self.canvas.set_before(None)
            return
        number = next((n for n, v in enumerate(variants, start=1) if v.id == job.id), 1)
        self.caption.set_fields(caption(job, self.model.person_name(job), number, len(variants)), 2)
        if load:
            self._shown_id = job.id
            self._ticket += 1
            ticket = self._ticket
            self._load(lambda: loupe_picture(job), lambda found: self._loaded(ticket, found))
            self.shown.emit(job)

    def _loaded(self, ticket: int, found: object) -> None:
        if ticket != self._ticket or not isinstance(found, tuple):
            return
        picture, size, before = found
        self._full_for = ""
        self.canvas.set_image(picture if not picture.isNull() else None, size)
        self.canvas.set_before(before)
        self.compare_button.setEnabled(before is not None)
        self.canvas.set_comparing(self.compare_button.isChecked())

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

    # Looking closer

    def toggle_actual_size(self, anchor: QPointF | None) -> None:
        """The result at 100 % around ``anchor`` (the middle without one), or, when it
        is zoomed in already, fitted again."""
        canvas = self.canvas
        if not canvas.has_image():
            return
        if not canvas.fitted:
            canvas.fit()
            return
        canvas.zoom_to(100, anchor)
        job = self.job()
        display = canvas.display
        if (
            job is None
            or display is None
            or self._full_for == job.id
            or display.width() >= canvas.source_size.width()
        ):
            return
        ticket = self._ticket
        self._load(lambda: full_picture(job), lambda full: self._full_loaded(ticket, job, full))

    def _full_loaded(self, ticket: int, job: Job, full: object) -> None:
        """The whole result, in place of its preview (the view stays where it is)."""
        if ticket == self._ticket and isinstance(full, QImage) and not full.isNull():
            self._full_for = job.id
            self.canvas.replace_display(full)

    def _pointer(self) -> QPointF | None:
        """Where the pointer is over the picture, if it is."""
        point = self.canvas.mapFromGlobal(QCursor.pos())
        return QPointF(point) if self.canvas.rect().contains(point) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """B held down: the person photo whole, until it is let go."""
        if event.key() == Qt.Key.Key_B and not event.isAutoRepeat():
            self.canvas.peek(True)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_B and not event.isAutoRepeat():
            self.canvas.peek(False)
            event.accept()
            return
        super().keyReleaseEvent(event)

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

    def _reading(self) -> int:
        """1 when the next result is to the right (left to right), -1 when it is to
        the left (right to left, as Arabic reads and the grid is mirrored)."""
        return -1 if self.isRightToLeft() else 1

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
