"""A batch of try-ons as a grid: people in rows, garments in columns, a cell per pair.

A view over the window's job cache: it keeps which jobs stand in which cell, and asks
the cache what each is now, so a batch reloaded from a read made before the last
event never shows an older state. A cell may hold several variants of its pair (the
first try-on, then each "Try again"); the chosen one stands for the cell, is shown,
exported and put in lookbooks.

Thumbnails come from each job's preview on disk (``thumbnail.jpg``), read and scaled
on a worker (``thumbnails``): the cells painted first, then those around the view the
grid tells of (``focus``); kept in a bounded cache, so scrolling through ten thousand
results never reads a file on the GUI thread and never holds them all.

One idea, though long: what Qt asks of the grid (its cells, headers and filter, the
cache's changes gathered once a frame); the thumbnails' order and the people's short
names, ideas of their own, live in their own modules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPixmap

from aurax_desktop.api import ProductType
from aurax_desktop.jobs import FAVOURITE, REJECTED, Job, JobKind, JobStatus
from aurax_desktop.jobs.garments import LABEL, SKU, garment_label
from aurax_desktop.jobs.params import batch_cell
from aurax_desktop.jobs.short_names import person_label, readable_names
from aurax_desktop.jobs.store import UNMARKED
from aurax_desktop.jobs.variants import chosen_variant
from aurax_desktop.translation import _, ngettext, pgettext
from aurax_desktop.ui.common.coalesce import Coalesced
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.gallery.thumbnails import Loader, Thumbnails

THUMBNAIL = "thumbnail.jpg"
"""A finished try-on's preview in its job's folder (what the grid shows)."""
THUMB_SIDE = 176
"""The longest side of a thumbnail in the grid at its default size (logical pixels)."""
THUMB_SIDES = (96, 128, 176, 240, 320)
"""The thumbnail sizes to choose from (Ctrl+= and Ctrl+-, the slider)."""
ASPECT = 2 / 3
"""The pictures' width to height until a batch's first thumbnail says (a portrait)."""
ASPECTS = (0.4, 2.5)
"""The narrowest and the widest shape a cell takes."""
JobRole = Qt.ItemDataRole.UserRole
MarkRole = Qt.ItemDataRole.UserRole + 1
CellRole = Qt.ItemDataRole.UserRole + 2
"""All a cell's painting needs (a ``CellState``), in one call."""


@dataclass(frozen=True)
class CellState:
    """A cell as it is drawn: asked for once per paint, since every call from Qt into
    Python waits its turn for the interpreter while the workers are busy."""

    job: Job
    thumbnail: QPixmap | None
    variants: int
    text: str
    """What shows while there is no picture (the job's state)."""


Index = QModelIndex | QPersistentModelIndex


def garment_name(job: Job) -> str:
    return str(job.params.get("garment_name") or "garment")


@dataclass(frozen=True)
class CullFilter:
    """Which results the grid offers: by flag and by rating (the rest show empty)."""

    marks: frozenset[str] = frozenset()
    """Among "favourite", "rejected" and ``UNMARKED`` (empty: any)."""
    min_stars: int = 0

    def passes(self, job: Job) -> bool:
        return (not self.marks or (job.mark or UNMARKED) in self.marks) and (
            job.stars >= self.min_stars
        )

    @property
    def active(self) -> bool:
        return bool(self.marks) or self.min_stars > 0


class GalleryModel(QAbstractTableModel):
    shapeChanged = Signal()
    """The batch's pictures turned out another shape (``aspect``): the cells follow."""

    def __init__(
        self,
        cache: JobCache,
        loader: Loader,
        parent: QObject | None = None,
        *,
        ratio: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self.cache = cache
        cache.changed.connect(self.update_job)
        cache.removed.connect(self.remove_job)
        self.thumbnails = Thumbnails(loader, self._loaded, ratio=ratio)
        self.ratio = ratio
        self.side = THUMB_SIDE
        self.aspect = ASPECT
        """The batch's pictures' width to height, as its first thumbnail shows it."""
        self._shape_known = False
        self.batch: str | None = None
        self.people: list[str] = []
        """Each row's person photo's file name ("" until a job of the row says)."""
        self.garments: list[str] = []
        """Each column's garment photo's file name ("" until a job of the column says)."""
        self._listed: dict[int, str] = {}
        """The season's list's names of the columns that have one."""
        self._named: dict[int, str] = {}
        """The names the user gave the rows' people (a people list, a rename)."""
        self._tips: dict[tuple[Qt.Orientation, int], str] = {}
        self._headers: dict[Qt.Orientation, list[str]] = {}
        self._cells: dict[tuple[int, int], list[str]] = {}
        """Each cell's variants, oldest first."""
        self._where: dict[str, tuple[int, int]] = {}
        self.filter = CullFilter()
        self._heard: dict[str, None] = {}
        """Jobs the cache announced since the last frame, in the order heard."""
        self._redraw: set[tuple[int, int]] = set()
        """Cells whose thumbnail came since the last frame."""
        self._changes = Coalesced(self._apply_changes, self)
        self._states: dict[str, str] = {}
        """Each job's state as counted ("done", "failed", "unsent", "working")."""
        self._tally: Counter[str] = Counter()

    @property
    def name(self) -> str:
        """The batch's name (as its jobs were last renamed)."""
        for ids in self._cells.values():
            for job_id in ids:
                job = self.cache.get(job_id)
                if job is not None and job.batch_name:
                    return job.batch_name
        return ""

    # Filling

    def show_batch(self, batch: str | None, jobs: list[Job]) -> None:
        """Show ``jobs`` (read on a worker), each as the cache now has it."""
        shown = [j for j in self.cache.absorb(jobs) if not j.in_trash and j.kind is JobKind.TRY_ON]
        self.beginResetModel()
        if batch != self.batch:
            self._shape_known = False  # the cells keep their shape until one says
        self.batch = batch
        self._redraw.clear()
        self._cells.clear()
        self._where.clear()
        self._states.clear()
        self._tally.clear()
        self.people, self.garments = [], []
        self._listed.clear()
        self._named.clear()
        self._tips.clear()
        self._headers.clear()
        for job in sorted(shown, key=lambda j: j.created_at):
            self._place(job)
        self.endResetModel()
        if not self._shape_known:  # a batch shown before: its thumbnails are kept
            side = round(self.side * self.ratio)
            kept = (self.thumbnails.get((job_id, side)) for job_id in self._where)
            seen = next((pixmap for pixmap in kept if pixmap is not None), None)
            if seen is not None:
                self._learn_shape(seen.width(), seen.height())

    def _place(self, job: Job) -> tuple[int, int]:
        """Put ``job`` in its cell (a new row or column grows the grid); where."""
        row, said = batch_cell(job.params)
        column = said if said is not None else len(self.garments)
        while len(self.people) <= row:
            self.people.append("")
        while len(self.garments) <= column:
            self.garments.append("")
        self._learn_names(job, row, column)
        self._cells.setdefault((row, column), []).append(job.id)
        self._where[job.id] = (row, column)
        self._count(job, job.id)
        return row, column

    def _learn_names(self, job: Job, row: int, column: int) -> bool:
        """Name ``job``'s row and column from it when they are not named yet (a job
        knows its garment's file once it is prepared); whether a header changed."""
        learnt = False
        if not self.people[row] and job.source_name:
            self.people[row] = job.source_name
            self._tips[(Qt.Orientation.Vertical, row)] = job.source_name
            learnt = True
        named = job.person_name or ""
        if named != self._named.get(row, ""):
            # the job heard of last says the row's name (a rename reaches all of the row's)
            if named:
                self._named[row] = named
            else:
                self._named.pop(row, None)
            learnt = True
        if not self.garments[column] and job.params.get("garment_name"):
            self.garments[column] = garment_name(job)
            if job.params.get(LABEL):
                self._listed[column] = str(job.params[LABEL])
            self._tips[(Qt.Orientation.Horizontal, column)] = garment_tip(job)
            learnt = True
        if learnt:
            self._headers.clear()
        return learnt

    def _header_names(self, orientation: Qt.Orientation) -> list[str]:
        """The headers' names for people: a garment's from the season's list, else the
        photos' file names without what they all share ("SS27-resort-look-") and
        without extensions, separators as spaces ("anna maria")."""
        names = self._headers.get(orientation)
        if names is None:
            files = self.people if orientation is Qt.Orientation.Vertical else self.garments
            readable = readable_names(files)
            names = [readable.get(name, "") for name in files]
            if orientation is Qt.Orientation.Horizontal:
                names = [self._listed.get(c) or name for c, name in enumerate(names)]
            else:
                names = [self._named.get(r) or name for r, name in enumerate(names)]
            self._headers[orientation] = names
        return names

    def stop(self) -> None:
        """The window closes: changes heard of later are not shown, nothing more is read."""
        self._changes.stop()
        self.thumbnails.stop()

    def update_job(self, job: Job) -> None:
        """The cache has ``job`` anew: its cell is drawn again at the next frame, with
        every other change heard of by then (a new variant of the shown batch joins its
        cell; one deleted to the Trash leaves it). The user's own edit shows at once."""
        self._heard[job.id] = None
        if self.cache.editing:
            self._changes.now()
        else:
            self._changes.ask()

    def remove_job(self, job_id: str) -> None:
        """The cache forgot ``job_id`` (deleted for good): it leaves its cell at the next
        frame."""
        self._heard[job_id] = None
        self._changes.ask()

    def _up_to_date(self) -> None:
        """Changes heard of and not yet shown are applied now (for a reader of the
        model's cells outside of a paint)."""
        if self._changes.pending:
            self._changes.now()

    def _apply_changes(self) -> None:
        """Every change heard of since the last frame, shown at once: one reset when
        the grid grows, else one ``dataChanged`` over the cells touched."""
        heard = list(self._heard)
        self._heard.clear()
        touched, self._redraw = self._redraw, set()
        newcomers = []
        for job_id in heard:
            job = self.cache.get(job_id)
            where = self._where.get(job_id)
            if where is None:
                if job is not None and self._belongs(job):
                    newcomers.append(job)
                continue
            if job is None or job.in_trash:
                self._forget(job_id)
                touched.add(where)
                continue
            self._count(job, job_id)
            if self._learn_names(job, *where):
                row, column = where
                self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
            touched.add(where)
        if newcomers:
            cells = [batch_cell(job.params) for job in newcomers]
            grows = any(
                row >= len(self.people) or column is None or column >= len(self.garments)
                for row, column in cells
            )
            if grows:  # a row or column more: the headers change too
                self.beginResetModel()
                for job in newcomers:
                    self._place(job)
                self.endResetModel()
                return
            touched.update(self._place(job) for job in newcomers)
        if touched:
            rows = [row for row, _column in touched]
            columns = [column for _row, column in touched]
            self.dataChanged.emit(
                self.index(min(rows), min(columns)), self.index(max(rows), max(columns))
            )

    def _belongs(self, job: Job) -> bool:
        """Whether ``job`` is a try-on of the batch shown (not in the Trash)."""
        return (
            job.batch is not None
            and job.batch == self.batch
            and not job.in_trash
            and job.kind is JobKind.TRY_ON
        )

    def _forget(self, job_id: str) -> None:
        where = self._where.pop(job_id, None)
        if where is None:
            return
        self._count(None, job_id)
        ids = self._cells.get(where, [])
        if job_id in ids:
            ids.remove(job_id)
        self.thumbnails.forget(job_id)

    def set_filter(self, chosen: CullFilter) -> None:
        self.filter = chosen
        self._all_changed()

    def set_side(self, side: int) -> None:
        """Thumbnails of ``side`` logical pixels from now on."""
        if side != self.side:
            self.side = side
            self._all_changed()

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    # Reading

    def variants(self, index: Index) -> list[Job]:
        """The cell's variants, oldest first."""
        if not index.isValid():
            return []
        return self._variants_in(index.row(), index.column())

    def _variants_in(self, row: int, column: int) -> list[Job]:
        ids = self._cells.get((row, column), [])
        return [job for job_id in ids if (job := self.cache.get(job_id)) is not None]

    def chosen_at(self, index: Index) -> Job | None:
        """The cell's chosen variant, whatever the filter."""
        return chosen_variant(self.variants(index))

    def job_at(self, index: Index) -> Job | None:
        """The cell's chosen variant, if the filter lets it show."""
        return self._shown_in(index.row(), index.column()) if index.isValid() else None

    def _shown_in(self, row: int, column: int) -> Job | None:
        job = chosen_variant(self._variants_in(row, column))
        return job if job is not None and self.filter.passes(job) else None

    def jobs(self) -> list[Job]:
        """The chosen variant of every cell, row by row (what a lookbook is made of)."""
        self._up_to_date()
        found = []
        for key in sorted(self._cells):
            job = chosen_variant(self.variants(self.index(*key)))
            if job is not None:
                found.append(job)
        return found

    def shown_jobs(self) -> list[Job]:
        """The chosen variants the filter lets show, row by row."""
        return [job for job in self.jobs() if self.filter.passes(job)]

    def index_of(self, job_id: str) -> QModelIndex:
        self._up_to_date()
        where = self._where.get(job_id)
        return self.index(*where) if where else QModelIndex()

    def counts(self) -> dict[str, int]:
        """How many of the batch's jobs are done, failed, waiting to be sent, at work
        (kept as changes are heard of: asked once a frame, it never walks the batch)."""
        self._up_to_date()
        counted = dict.fromkeys(("done", "failed", "unsent", "working"), 0)
        counted.update(self._tally)
        return counted

    def _count(self, job: Job | None, job_id: str) -> None:
        """``job``'s state counted anew (None: it left the batch)."""
        before = self._states.pop(job_id, None)
        if before is not None:
            self._tally[before] -= 1
        if job is not None:
            state = state_of(job.status)
            self._states[job_id] = state
            self._tally[state] += 1

    # The model's interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.garments)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.job_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def person_name(self, job: Job) -> str:
        """``job``'s person as its row is headed ("anna maria")."""
        where = self._where.get(job.id)
        named = self.headerData(where[0], Qt.Orientation.Vertical) if where else None
        return str(named or person_label(job) or _("Person"))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get((orientation, section))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        names = self._header_names(orientation)
        if not 0 <= section < len(names):
            return None
        person = orientation is Qt.Orientation.Vertical
        name = names[section]
        if not name:  # a row or column no job has named yet
            return (_("Person {number}") if person else _("Garment {number}")).format(
                number=section + 1
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:  # what the heading is, and its name
            return (_("Person: {name}") if person else _("Garment: {name}")).format(name=name)
        return name

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        job = self.job_at(index)
        if job is None:
            return None
        if role == JobRole:
            return job
        if role == CellRole:
            return CellState(
                job,
                self._thumbnail(job),
                len(self._cells.get((index.row(), index.column()), [])),
                "" if job.status is JobStatus.COMPLETED else job.status.label,
            )
        if role == MarkRole:
            return job.mark
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(job)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if job.status is JobStatus.COMPLETED else job.status.label
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            count = len(self._cells.get((index.row(), index.column()), []))
            said = describe_cell(job, self.person_name(job))
            if count < 2:
                return said
            # Translators: how many results a cell of the Gallery holds (it was tried
            # again), after what the cell shows.
            variants = ngettext("{count} variant", "{count} variants", count)
            return f"{said} · {variants.format(count=count)}"
        return None

    def _thumbnail(self, job: Job) -> QPixmap | None:
        """The cell's thumbnail when it is read; else it is asked for (painting never
        reads a file)."""
        if job.status is not JobStatus.COMPLETED:
            return None
        key = (job.id, round(self.side * self.ratio))
        pixmap = self.thumbnails.get(key)
        if pixmap is None:
            self.thumbnails.ask(key, lambda: job.folder / THUMBNAIL)
        return pixmap

    def focus(self, rows: range, columns: range) -> None:
        """The grid shows ``rows`` x ``columns``: their thumbnails are read first, then
        those of the cells around them (as many rows and columns again on each side),
        nearest first; what waits for cells further away is dropped."""
        if not rows or not columns:
            return
        side = round(self.side * self.ratio)
        around_rows = range(
            max(0, rows.start - len(rows)), min(self.rowCount(), rows.stop + len(rows))
        )
        around_columns = range(
            max(0, columns.start - len(columns)),
            min(self.columnCount(), columns.stop + len(columns)),
        )

        def distance(cell: tuple[int, int]) -> int:
            row, column = cell
            return max(
                rows.start - row,
                row - rows.stop + 1,
                columns.start - column,
                column - columns.stop + 1,
                0,
            )

        cells = sorted(
            ((row, column) for row in around_rows for column in around_columns),
            key=lambda cell: (distance(cell), cell),
        )
        wanted = []
        for row, column in cells:  # in Python alone: this runs once a frame while scrolling
            job = self._shown_in(row, column)
            if job is None or job.status is not JobStatus.COMPLETED:
                continue
            if self.thumbnails.known((job.id, side)):
                continue  # read already: no file to name
            wanted.append(((job.id, side), job.folder / THUMBNAIL))
        self.thumbnails.focus(wanted)

    def _loaded(self, key: tuple[str, int], image: QImage) -> None:
        """A thumbnail was read: its cell is drawn again at the next frame (the first
        says what shape the batch's pictures are)."""
        if key[0] not in self._where:
            return
        if not self._shape_known:
            self._learn_shape(image.width(), image.height())
        self._redraw.add(self._where[key[0]])
        self._changes.ask()

    def _learn_shape(self, width: int, height: int) -> None:
        """The batch's pictures are ``width`` to ``height``: the cells take that shape."""
        self._shape_known = True
        low, high = ASPECTS
        aspect = max(low, min(high, width / max(1, height)))
        if abs(aspect - self.aspect) > 0.02:
            self.aspect = aspect
            self.shapeChanged.emit()


def state_of(status: JobStatus) -> str:
    """How the Gallery's progress line counts a job: "done", "failed", "unsent" (waiting
    to be sent) or "working"."""
    if status is JobStatus.COMPLETED:
        return "done"
    if status in (JobStatus.PREPARING, JobStatus.WAITING):
        return "unsent"
    return "failed" if status.is_final else "working"


def product_type_label(product_type: str) -> str:
    """A product type as the window names it ("Dress", in the user's language)."""
    try:
        return ProductType(product_type.strip().upper()).label
    except ValueError:
        return product_type.capitalize()


def list_of(parts: list[str]) -> str:
    """Short facts said one after another: "Completed, favourite, 3 stars"."""
    # Translators: what separates the items of a short list ("Completed, favourite, 3
    # stars"): a comma and a space in English, "、" in Japanese.
    return pgettext("list separator", ", ").join(part for part in parts if part)


def flag_word(job: Job) -> str:
    """A result's flag in a word ("favourite", "rejected"), or "" when it has none."""
    if job.mark == FAVOURITE:
        # Translators: a result's flag, in the loupe's caption or said by a screen reader.
        return _("favourite")
    if job.mark == REJECTED:
        # Translators: a result's flag, in the loupe's caption or said by a screen reader.
        return _("rejected")
    return ""


def marks_of(job: Job) -> list[str]:
    """A result's flag and stars in words: ["favourite", "3 stars"]."""
    marks = [flag_word(job)] if flag_word(job) else []
    if job.stars:
        marks.append(ngettext("{count} star", "{count} stars", job.stars).format(count=job.stars))
    return marks


def garment_tip(job: Job) -> str:
    """A garment column's tooltip: its name, its SKU when known, and its file (the name
    is left out when it is the file's name without its extension: said once)."""
    label, file = garment_label(job.params), garment_name(job)
    if label == PurePath(file).stem:
        label = ""
    parts = [label, str(job.params.get(SKU) or ""), file]
    return " · ".join(dict.fromkeys(part for part in parts if part))


def describe_cell(job: Job, person: str | None = None) -> str:
    """The cell in words (its tooltip, and what a screen reader says): who wears what,
    the product type, the state, the flag and the stars. ``person``: the person's name
    as their row is headed (else their photo's)."""
    pair = _("{person} with {garment}").format(
        person=person or person_label(job) or _("Person"), garment=garment_label(job.params)
    )
    state = list_of([job.status.label, *marks_of(job)])
    return " · ".join([pair, product_type_label(job.product_type), state])


__all__ = [
    "THUMB_SIDE",
    "THUMB_SIDES",
    "CullFilter",
    "GalleryModel",
    "JobRole",
    "MarkRole",
    "describe_cell",
    "flag_word",
    "garment_name",
    "list_of",
    "marks_of",
    "product_type_label",
]
