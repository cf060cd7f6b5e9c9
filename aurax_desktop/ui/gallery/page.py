"""The Gallery page: a batch's results as a grid, its progress and controls (pause,
resume, cancel what is not sent), the favourites filter, compare and export; and the
loupe it opens (which the window shows in place of everything else)."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.formats import format_datetime
from aurax_desktop.jobs import FAVOURITE, REJECTED, Job
from aurax_desktop.jobs.model import MAX_STARS
from aurax_desktop.jobs.store import UNMARKED
from aurax_desktop.translation import LazyText, _, lazy_gettext, ngettext
from aurax_desktop.ui.common.choices import combo_box
from aurax_desktop.ui.common.elided_label import ElidedLabel
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.common.keys_hint import KeysHint
from aurax_desktop.ui.gallery.compare import MAX_COMPARED
from aurax_desktop.ui.gallery.grid import ResultsGallery
from aurax_desktop.ui.gallery.loupe import Loader, Loupe
from aurax_desktop.ui.gallery.model import THUMB_SIDES, CullFilter, GalleryModel

EMPTY_TEXT = lazy_gettext(
    "No try-ons yet. On the Try-On page, add one or more person photos and garment "
    "photos (drop several files, or a folder) and press Try on: every person is tried "
    "with every garment, and the results gather here."
)


GRID_KEYS: tuple[LazyText, ...] = (
    lazy_gettext("F favourite"),
    lazy_gettext("X reject"),
    lazy_gettext("1–5 stars"),
    # Translators: the Gallery's keys, each with what it does, as short as can be (the
    # keys' names stay as they are).
    lazy_gettext("Space loupe"),
)
"""The Gallery's keys above the grid, the most wanted first."""

FLAG_FILTERS: tuple[tuple[LazyText, frozenset[str]], ...] = (
    (lazy_gettext("All results"), frozenset()),
    (lazy_gettext("Favourites"), frozenset({FAVOURITE})),
    (lazy_gettext("Not rejected"), frozenset({FAVOURITE, UNMARKED})),
    (lazy_gettext("Unflagged"), frozenset({UNMARKED})),
    (lazy_gettext("Rejected"), frozenset({REJECTED})),
)


def progress_text(counts: dict[str, int], *, paused: bool) -> str:
    """How the batch is doing, on one line: "12 of 16 done · 1 failed · 3 waiting"."""
    total = sum(counts.values())
    if not total:
        return ""
    done = counts["done"]
    # Translators: how many of a batch's try-ons are done ("12 of 16 done").
    parts = [ngettext("{done} of {total} done", "{done} of {total} done", done)]
    if counts["failed"]:
        parts.append(ngettext("{failed} failed", "{failed} failed", counts["failed"]))
    if counts["working"]:
        # Translators: how many try-ons AuraX is working on now.
        parts.append(ngettext("{working} at AuraX", "{working} at AuraX", counts["working"]))
    if counts["unsent"]:
        parts.append(
            # Translators: how many try-ons of a paused batch are not sent.
            ngettext("{unsent} paused", "{unsent} paused", counts["unsent"])
            if paused
            # Translators: how many try-ons wait for their turn to be sent.
            else ngettext("{unsent} waiting", "{unsent} waiting", counts["unsent"])
        )
    return " · ".join(part.format(total=total, **counts) for part in parts)


class GalleryPage(QWidget):
    """The controls speak through signals; the Gallery's controller and its parts (batch
    controls, compare) answer them."""

    batchChosen = Signal(str)
    pauseAsked = Signal(str, bool)
    cancelAsked = Signal(str)
    compareAsked = Signal(list)
    renameAsked = Signal()
    loupeShown = Signal(bool)
    """The loupe opened (True) or closed: the window gives it its whole room, or takes
    it back."""

    def __init__(
        self,
        model: GalleryModel,
        load: Loader,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._load_picture = load
        self.paused: dict[str, str | None] = {}
        """The paused batches as the scheduler last announced them (``set_paused``), each
        with what AuraX said when it paused it (None: the user did)."""
        self.paused_note = QLabel()
        self.paused_note.setObjectName("warningBanner")
        self.paused_note.setWordWrap(True)
        self.paused_note.setAccessibleName(_("Why the batch is paused"))
        self.paused_note.hide()
        self.batch_combo: QComboBox = combo_box()
        self.batch_combo.setObjectName("batchCombo")
        self.batch_combo.setAccessibleName(_("Batch"))
        self.batch_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.batch_combo.setMinimumContentsLength(16)
        self.batch_combo.currentIndexChanged.connect(self._batch_picked)
        self.rename_button = QToolButton()
        self.rename_button.setObjectName("renameBatchButton")
        self.rename_button.setIcon(icon("edit"))
        self.rename_button.setToolTip(_("Rename the batch (its lookbook's title)"))
        self.rename_button.setAccessibleName(_("Rename the batch"))
        self.rename_button.clicked.connect(self.renameAsked.emit)
        self.progress = ElidedLabel("")
        self.progress.setObjectName("muted")
        # its whole line when there is room (before the keys' hint), cut when there is not
        self.progress.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.pause_button = QPushButton(icon("pause"), _("Pause"))
        self.pause_button.setObjectName("pauseBatchButton")
        self.pause_button.setToolTip(_("Send no more of this batch (those sent are followed)"))
        self.pause_button.clicked.connect(self._toggle_pause)
        self.cancel_button = QPushButton(_("Cancel unsent"))
        self.cancel_button.setObjectName("cancelUnsentButton")
        self.cancel_button.setToolTip(
            _("Cancel the try-ons of this batch not sent yet (no charge)")
        )
        self.cancel_button.clicked.connect(self._cancel)
        self.flag_filter = combo_box()
        self.flag_filter.setObjectName("flagFilter")
        self.flag_filter.setAccessibleName(_("Show results flagged"))
        for text, marks in FLAG_FILTERS:
            self.flag_filter.addItem(str(text), marks)
        self.star_filter = combo_box()
        self.star_filter.setObjectName("starFilter")
        self.star_filter.setAccessibleName(_("Show results rated at least"))
        self.star_filter.addItem(_("Any rating"), 0)
        for stars in range(1, MAX_STARS + 1):
            # Translators: a choice of the Gallery's filter: results with at least this
            # many stars.
            at_least = ngettext("{count}+ star", "{count}+ stars", stars)
            self.star_filter.addItem(at_least.format(count=stars), stars)
        self.flag_filter.currentIndexChanged.connect(self._filter_changed)
        self.star_filter.currentIndexChanged.connect(self._filter_changed)
        self.compare_button = QPushButton(icon("compare"), _("Compare"))
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setToolTip(_("Select two to four results, then compare them (C)"))
        self.compare_button.clicked.connect(self.compare)
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportLookbookButton")
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.gallery = ResultsGallery(model)
        self.gallery.selectionModel().selectionChanged.connect(lambda *_a: self.refresh())
        self.loupe = Loupe(model, self._load_picture)
        self.loupe.back.connect(self.close_loupe)
        self._in_loupe = False
        self.size_slider = QSlider(Qt.Orientation.Horizontal)
        self.size_slider.setObjectName("thumbnailSize")
        self.size_slider.setAccessibleName(_("Thumbnail size"))
        self.size_slider.setToolTip(_("Thumbnail size (Ctrl+= and Ctrl+- in the Gallery)"))
        self.size_slider.setRange(0, len(THUMB_SIDES) - 1)
        self.size_slider.setPageStep(1)
        self.size_slider.setValue(THUMB_SIDES.index(model.side))
        self.size_slider.setMaximumWidth(110)
        self.size_slider.valueChanged.connect(lambda n: self.gallery.set_side(THUMB_SIDES[n]))
        self.gallery.sizeChanged.connect(
            lambda side: self.size_slider.setValue(THUMB_SIDES.index(side))
        )
        self.empty = QLabel(str(EMPTY_TEXT))
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)

        hint = self.keys_hint = KeysHint(GRID_KEYS)  # as many keys as fit, each whole
        hint.setObjectName("muted")
        hint.setToolTip(
            _(
                "F favourite · X reject · 1–5 stars (0 clears) · Space or a double-click: the "
                "loupe · Tab: the grid full width · Ctrl+= and Ctrl+-: thumbnail size"
            )
        )
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.batch_combo)
        top.addWidget(self.rename_button)
        top.addWidget(self.progress)
        top.addWidget(hint, 1)  # where the progress line leaves room
        top.addWidget(self.pause_button)
        top.addWidget(self.cancel_button)
        tools = QHBoxLayout()
        tools.setSpacing(8)
        tools.addWidget(self.flag_filter)
        tools.addWidget(self.star_filter)
        tools.addStretch(1)
        tools.addWidget(self.size_slider)
        tools.addWidget(self.compare_button)
        tools.addWidget(self.export_button)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.gallery)
        self.stack.setCurrentWidget(self.gallery)  # blank until the history says: no hint
        self._batches_read = False
        """Whether the history's batches were read (until then "No try-ons yet" would say
        that a user's work is gone)."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.paused_note)
        layout.addLayout(tools)
        layout.addLayout(self.stack, 1)
        # the keyboard's order is the reading order: the top line, the tools, the grid
        order = [
            self.batch_combo,
            self.rename_button,
            self.pause_button,
            self.cancel_button,
            self.flag_filter,
            self.star_filter,
            self.size_slider,
            self.compare_button,
            self.export_button,
            self.gallery,
        ]
        for first, then in pairwise(order):
            QWidget.setTabOrder(first, then)
        self.refresh()

    @property
    def batch(self) -> str | None:
        return self.model.batch

    # The batches to choose from

    def set_batches(self, batches: list[tuple[str, str, float, int]], chosen: str | None) -> None:
        """(id, name, when, count) newest first; ``chosen`` is shown (else the newest)."""
        self._batches_read = True
        self.batch_combo.blockSignals(True)
        self.batch_combo.clear()
        for batch, name, when, count in batches:
            made = format_datetime(datetime.fromtimestamp(when), year=False)
            label = name or _("Try-ons {made}").format(made=made)
            self.batch_combo.addItem(f"{label} · {count}", batch)
        self.batch_combo.blockSignals(False)
        index = self.batch_combo.findData(chosen) if chosen else 0
        if batches:
            self.batch_combo.blockSignals(True)
            self.batch_combo.setCurrentIndex(max(0, index))
            self.batch_combo.blockSignals(False)
            self._batch_picked(max(0, index))
        elif self.model.batch is not None:  # the last batch went to the Trash
            self.model.show_batch(None, [])
        self.refresh()

    def _batch_picked(self, index: int) -> None:
        """Show the batch chosen (the one shown stays as it is: its cells, selection and
        loupe are not reloaded when the chooser's list is)."""
        batch = self.batch_combo.itemData(index)
        if batch and batch != self.model.batch:
            self.batchChosen.emit(str(batch))

    # State

    def refresh(self) -> None:
        """The progress line and which controls apply, from the model."""
        has_batch = self.model.rowCount() > 0
        self.batch_combo.setEnabled(self.batch_combo.count() > 0)
        if not has_batch:
            none = self._batches_read and self.batch_combo.count() == 0
            self.stack.setCurrentWidget(self.empty if none else self.gallery)
        elif self.stack.currentWidget() is self.empty:
            self.stack.setCurrentWidget(self.gallery)
        paused = self.batch in self.paused
        counts = self.model.counts()
        self.progress.setText(progress_text(counts, paused=paused))
        why = self.paused.get(self.batch or "")
        self.paused_note.setText(
            # Translators: {reason} is what AuraX said (a sentence without its full stop).
            _(
                "{reason}. Nothing more of this batch is sent; the try-ons not sent wait "
                "(nothing was charged for them). Top up your AuraX credits, then press Resume."
            ).format(reason=why.rstrip("."))
            if why
            else ""
        )
        self.paused_note.setVisible(paused and bool(why))
        self.pause_button.setText(_("Resume") if paused else _("Pause"))
        self.pause_button.setIcon(icon("play" if paused else "pause"))
        self.pause_button.setEnabled(bool(counts["unsent"]) or paused)
        self.cancel_button.setEnabled(bool(counts["unsent"]))
        self.compare_button.setEnabled(bool(self.comparable()))
        self.batch_combo.setEnabled(self.batch_combo.count() > 0)
        self.rename_button.setEnabled(has_batch)

    # The loupe

    _load_picture: Loader

    def open_loupe(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if self.model.job_at(index) is None:
            return
        if not self._in_loupe:
            self._in_loupe = True
            self.loupeShown.emit(True)
        self.loupe.show_at(index)

    def close_loupe(self) -> None:
        """Back to the grid, on the cell the loupe showed."""
        if not self._in_loupe:
            return
        self._in_loupe = False
        index = self.loupe.index
        self.loupeShown.emit(False)
        if index.isValid():
            self.gallery.setCurrentIndex(self.model.index(index.row(), index.column()))
        self.gallery.setFocus()

    @property
    def in_loupe(self) -> bool:
        return self._in_loupe

    def _filter_changed(self) -> None:
        self.model.set_filter(
            CullFilter(
                frozenset(self.flag_filter.currentData() or ()),
                int(self.star_filter.currentData() or 0),
            )
        )

    def set_filter(self, marks: frozenset[str], min_stars: int = 0) -> None:
        """Show the results with these flags (empty: any) and at least ``min_stars``."""
        found = [
            i for i in range(self.flag_filter.count()) if self.flag_filter.itemData(i) == marks
        ]
        self.flag_filter.setCurrentIndex(found[0] if found else 0)
        self.star_filter.setCurrentIndex(max(0, self.star_filter.findData(min_stars)))

    def set_paused(self, paused: dict[str, str | None]) -> None:
        """The batches paused now, as the scheduler says (an event, or a new connection:
        a new runner pauses nothing)."""
        self.paused = dict(paused)
        self.refresh()

    def _toggle_pause(self) -> None:
        """Asked for; the page shows it once the scheduler announces it."""
        batch = self.batch
        if batch is not None:
            self.pauseAsked.emit(batch, batch not in self.paused)

    def _cancel(self) -> None:
        if self.batch is not None:
            self.cancelAsked.emit(self.batch)

    def comparable(self) -> list[Job]:
        """The selected results when two to four are selected (what Compare shows), else
        none."""
        jobs = [j for j in self.gallery.selected_jobs() if j.result_paths]
        return jobs if 2 <= len(jobs) <= MAX_COMPARED else []

    def compare(self) -> None:
        jobs = self.comparable()
        if jobs:
            self.compareAsked.emit(jobs)
