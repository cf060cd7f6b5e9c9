"""The Try-On studio: person and garment photos, the mask, the options, and Submit.

Each pane holds one photo or several; Try on sends every person with every garment
as one batch (asking first when that is more than one try-on)."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.api import COST_PRODUCT_DESCRIPTION, ProductType, suggest_product_type
from aurax_desktop.jobs import BatchSent, TryOnBatchInput
from aurax_desktop.jobs.manifest import Manifest, ManifestError, read_manifest
from aurax_desktop.jobs.people_list import PeopleList, read_people_list
from aurax_desktop.logs import log_file
from aurax_desktop.translation import _, lazy_gettext, ngettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.choices import number_text, product_type_combo
from aurax_desktop.ui.common.elided_label import ElidedLabel
from aurax_desktop.ui.common.fields import show_placeholder_whole
from aurax_desktop.ui.common.folders import FolderMemory
from aurax_desktop.ui.common.icons import icon_label, tool_button
from aurax_desktop.ui.common.sending import SendingPage, SpendCheck
from aurax_desktop.ui.common.strength import StrengthWords, strength_slider
from aurax_desktop.ui.photos.image_pane import ImagePane
from aurax_desktop.ui.photos.mask_canvas import MaskCanvas
from aurax_desktop.ui.photos.photo_canvas import PhotoCanvas
from aurax_desktop.ui.photos.photo_strip import Photo
from aurax_desktop.ui.studio.batch import (
    LIST_FILE,
    PERSON_NAME,
    Pairs,
    button_text,
    confirm_batch,
)

log = logging.getLogger(__name__)

SHOWN_BAD_ROWS = 10
"""The bad rows of a refused list its message names (the rest are counted): a message
box taller than a laptop's screen would hide its own button."""


MASK_HINT = lazy_gettext(
    "Optional: paint where the garment goes on the person. A mask belongs to the person "
    "and the garment's type; with none painted for a type, AuraX finds the area itself."
)


class TryOnPage(SendingPage):
    batchSent = Signal(object)
    """A batch went (a ``BatchSent``), after ``submitted`` with its jobs' ids."""
    listOpened = Signal(str)
    """A season's list filled the Garment pane: what it held, in words."""

    def __init__(
        self,
        work: BackgroundWork,
        submit: Callable[[TryOnBatchInput], BatchSent],
        allow_spend: SpendCheck,
        parent: QWidget | None = None,
        *,
        folders: FolderMemory | None = None,
    ) -> None:
        """``folders``: where the panes' and the list's file dialogs start."""
        super().__init__(work, allow_spend, parent)
        self._submit = submit
        self.mask_canvas = MaskCanvas()
        self.person_pane = ImagePane(
            "person",
            self.mask_canvas,
            work,
            icon_name="person",
            paste_key=False,
            several=True,
            folders=folders,
        )
        self.person_pane.setObjectName("personPane")
        self.person_pane.setAccessibleName(self.person_pane.words.photo)
        self.garment_pane = ImagePane(
            "garment",
            PhotoCanvas(),
            work,
            icon_name="garment",
            paste_key=False,
            several=True,
            folders=folders,
        )
        self.garment_pane.setObjectName("garmentPane")
        self.garment_pane.setAccessibleName(self.garment_pane.words.photo)
        # a folder dropped on either pane: its garments go to one, its people to the other
        self.person_pane.other, self.garment_pane.other = self.garment_pane, self.person_pane
        # a list dropped on a pane: a people list there, a garment list here
        self.person_pane.listGiven.connect(self.load_people_list)
        self.garment_pane.listGiven.connect(self.load_garment_list)

        panes = QHBoxLayout()
        panes.setSpacing(12)
        panes.addWidget(self.person_pane, 1)
        panes.addWidget(self.garment_pane, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 16, 16)
        layout.setSpacing(12)
        layout.addLayout(panes, 1)
        # the mask's tools span both panes: the mask is the person's, for the garment's type
        layout.addWidget(self._mask_tools())
        layout.addWidget(self._options())

        self.garment_pane.photoChanged.connect(self._garment_shown)
        self.person_pane.photoChanged.connect(self._follow_type)
        self.last_pane = self.person_pane
        """The pane that last received a photo: Ctrl+V fills it when neither is empty."""
        for pane in (self.person_pane, self.garment_pane):
            pane.photoChanged.connect(lambda p=pane: self._used(p))
            pane.photoChanged.connect(self.update_submit)
            pane.loadingChanged.connect(lambda _l: self.update_submit())
        self.prompt_edit.textChanged.connect(self.update_submit)
        self.run_with_prompt.toggled.connect(self.update_submit)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.submit)
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self, self.paste_photo)
        paste.setContext(Qt.ShortcutContext.WindowShortcut)
        reading_order = [
            *self.person_pane.keyboard_order(),
            *self.garment_pane.keyboard_order(),
            *self.mask_tools,
            self.product_type,
            self.all_types_button,
            self.strength,
            self.prompt_edit,
            self.run_with_prompt,
            self.submit_button,
        ]
        for before, after in itertools.pairwise(reading_order):  # Tab reads as the eye does
            QWidget.setTabOrder(before, after)
        self.update_submit()

    # Building the page

    def _mask_tools(self) -> QWidget:
        bar = QFrame()
        bar.setProperty("card", True)
        row = QHBoxLayout(bar)
        row.setContentsMargins(6, 4, 6, 4)
        row.setSpacing(2)
        canvas = self.mask_canvas
        self.brush_button = self._tool("brush", _("Paint the garment area (B)"), checkable=True)
        self.eraser_button = self._tool(
            "eraser", _("Erase (E, or paint with the right button)"), checkable=True
        )
        self.brush_button.setChecked(True)
        self.brush_button.toggled.connect(lambda on: self._pick_tool(erasing=not on))
        self.eraser_button.toggled.connect(lambda on: self._pick_tool(erasing=on))
        QShortcut(QKeySequence("B"), self, lambda: self.brush_button.setChecked(True))
        QShortcut(QKeySequence("E"), self, lambda: self.eraser_button.setChecked(True))
        QShortcut(QKeySequence("["), self, canvas.smaller_brush)
        QShortcut(QKeySequence("]"), self, canvas.larger_brush)
        self.brush_size = QSlider(Qt.Orientation.Horizontal)
        self.brush_size.setRange(4, 300)
        self.brush_size.setValue(canvas.brush_size)
        self.brush_size.setToolTip(_("Brush size ([ and ] change it)"))
        self.brush_size.setAccessibleName(_("Brush size"))
        self.brush_size.setAccessibleDescription(_("[ and ] change it"))
        self.brush_size.setMinimumWidth(48)
        self.brush_size.setMaximumWidth(100)
        self.brush_size.valueChanged.connect(canvas.set_brush_size)
        canvas.brushSizeChanged.connect(self.brush_size.setValue)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(10, 90)
        self.opacity.setValue(int(canvas.opacity * 100))
        self.opacity.setToolTip(_("Mask overlay opacity"))
        self.opacity.setAccessibleName(_("Mask overlay opacity"))
        self.opacity.setMinimumWidth(40)
        self.opacity.setMaximumWidth(80)
        self.opacity.valueChanged.connect(lambda v: canvas.set_opacity(v / 100))
        undo = self.undo_button = self._tool("undo", _("Undo stroke (Ctrl+Z)"))
        undo.clicked.connect(canvas.undo_stack.undo)
        canvas.undo_stack.canUndoChanged.connect(undo.setEnabled)
        undo.setEnabled(False)
        redo = self.redo_button = self._tool("redo", _("Redo stroke (Ctrl+Shift+Z)"))
        redo.clicked.connect(canvas.undo_stack.redo)
        canvas.undo_stack.canRedoChanged.connect(redo.setEnabled)
        redo.setEnabled(False)
        # Ctrl+Z and Ctrl+Shift+Z are Edit → Undo and Redo: the window's one undo, which
        # undoes the last kind of thing done (a stroke here, or a deletion).
        invert = self._tool("invert", _("Invert the mask"))
        invert.clicked.connect(canvas.invert)
        clear = self._tool("clear", _("Clear the mask"))
        clear.clicked.connect(canvas.clear_mask)
        fit = self._tool("fit", _("Fit the photo in view (double-click)"))
        fit.clicked.connect(canvas.fit)
        self.mask_tools = [self.brush_button, self.eraser_button, self.brush_size, self.opacity]
        self.mask_tools += [undo, redo, invert, clear, fit]
        """The mask's tools in reading order (the keyboard's order)."""
        label = self.mask_label = ElidedLabel(_("Mask"))
        label.setObjectName("sectionTitle")
        size_label = icon_label("brush-size", _("Brush size"))
        size_label.setBuddy(self.brush_size)
        opacity_label = icon_label("opacity", _("Mask overlay opacity"))
        opacity_label.setBuddy(self.opacity)
        row.addWidget(label, 1)
        for widget in (
            self.brush_button,
            self.eraser_button,
            size_label,
            self.brush_size,
            opacity_label,
            self.opacity,
        ):
            row.addWidget(widget)
        for widget in (undo, redo, invert, clear, fit):
            row.addWidget(widget)
        bar.setToolTip(str(MASK_HINT))
        bar.setWhatsThis(str(MASK_HINT))
        return bar

    def _tool(self, name: str, tip: str, *, checkable: bool = False) -> QToolButton:
        button = tool_button(name, tip, checkable=checkable)
        button.setAutoExclusive(checkable)
        return button

    def _pick_tool(self, *, erasing: bool) -> None:
        self.mask_canvas.erasing = erasing

    def _options(self) -> QWidget:
        panel = QFrame()
        panel.setProperty("card", True)
        grid = QGridLayout(panel)
        grid.setContentsMargins(16, 10, 16, 10)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        self.product_type = product_type_combo("productTypeCombo", panel)
        self._suggesting = False
        self.type_hint = ElidedLabel()
        self.type_hint.setObjectName("hint")
        self.type_hint.setVisible(False)
        self.product_type.currentIndexChanged.connect(lambda _i: self._type_chosen())
        self.strength = strength_slider("garmentStrength")
        self.strength_word = StrengthWords(self.strength)
        self.prompt_edit = QLineEdit()
        self.prompt_edit.setObjectName("promptEdit")
        self.prompt_edit.setAccessibleName(_("Prompt"))
        self.prompt_edit.setPlaceholderText(_("Optional: guide the try-on"))
        self.prompt_edit.setToolTip(
            _(
                "Words that guide the try-on, for example “tucked in, sleeves rolled up”; "
                "they are used when “Use prompt” is on."
            )
        )
        show_placeholder_whole(self.prompt_edit)
        self.run_with_prompt = QCheckBox(_("Use prompt"))
        self.run_with_prompt.setObjectName("runWithPromptCheck")
        self.run_with_prompt.setAccessibleName(_("Use prompt"))
        self.prompt_edit.textEdited.connect(
            lambda text: self.run_with_prompt.setChecked(bool(text.strip()))
        )
        self.submit_button = QPushButton(button_text(1))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setAccessibleName(_("Try on"))
        self.submit_button.setProperty("role", "primary")
        self.submit_button.setDefault(True)
        self.submit_button.setToolTip(_("Send the try-on (Ctrl+Enter)"))
        self.submit_button.clicked.connect(self.submit)
        # Why Send is off, in a sentence shown whole (over two lines where it must).
        self.reason = QLabel()
        self.reason.setObjectName("muted")
        self.reason.setWordWrap(True)
        self.reason.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        type_label = QLabel(_("Product type"))
        type_label.setBuddy(self.product_type)
        grid.addWidget(type_label, 0, 0)
        self.all_types_button = QToolButton()
        self.all_types_button.setObjectName("typeForAllButton")
        self.all_types_button.setText(_("Use for all"))
        self.all_types_button.setToolTip(_("Give every garment this product type"))
        self.all_types_button.setVisible(False)
        self.all_types_button.clicked.connect(self.type_for_all)
        type_column = QVBoxLayout()
        type_column.setSpacing(2)
        type_row = QHBoxLayout()
        type_row.setSpacing(6)
        type_row.addWidget(self.product_type, 1)
        type_row.addWidget(self.all_types_button)
        type_column.addLayout(type_row)
        type_column.addWidget(self.type_hint)
        grid.addLayout(type_column, 0, 1)
        strength_label = QLabel(_("Garment strength"))
        strength_label.setBuddy(self.strength)
        grid.addWidget(strength_label, 0, 2)
        strength_row = QHBoxLayout()
        strength_row.addWidget(self.strength, 1)
        strength_row.addWidget(self.strength_word)
        grid.addLayout(strength_row, 0, 3)
        prompt_label = QLabel(_("Prompt"))
        prompt_label.setBuddy(self.prompt_edit)
        grid.addWidget(prompt_label, 1, 0)
        prompt_row = QHBoxLayout()
        prompt_row.setSpacing(8)
        prompt_row.addWidget(self.prompt_edit, 3)
        prompt_row.addWidget(self.run_with_prompt)
        prompt_row.addWidget(self.reason, 2)
        prompt_row.addWidget(self.submit_button)
        grid.addLayout(prompt_row, 1, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return panel

    # State

    def blocker(self) -> str:
        """Why Submit is disabled, or "" when it is not."""
        person, garment = self.person_pane, self.garment_pane
        if person.loading or garment.loading:
            return _("Opening the photo…")
        if person.source is None and garment.source is None:
            return _("Add a person and a garment photo.")
        if person.source is None:
            return _("Add a person photo.")
        if garment.source is None:
            return _("Add a garment photo.")
        if self.run_with_prompt.isChecked() and not self.prompt_edit.text().strip():
            return _("Write a prompt, or turn off “Use prompt”.")
        if self._sending:
            return _("Sending…")
        return ""

    def update_submit(self) -> None:
        reason = self.blocker()
        self.submit_button.setEnabled(not reason)
        self.reason.setText(reason)
        count = len(self.person_pane.photos()) * len(self.garment_pane.photos())
        self.submit_button.setText(button_text(count))

    def submit(self) -> None:
        """Every person with every garment, one job each, each garment with its own type
        (asked first when several, with the batch's name)."""
        if self.blocker():
            return
        pairs = Pairs.of(self.person_pane, self.garment_pane)
        name, describe = pairs.suggested_name(), False
        if pairs.count > 1:
            answer = confirm_batch(self, pairs)
            if answer is None:
                return
            name, describe = answer
        cost = pairs.cost + (len(pairs.garments) * COST_PRODUCT_DESCRIPTION if describe else 0)
        what = (
            _("This try-on")
            if pairs.count == 1
            else ngettext("These {count} try-ons", "These {count} try-ons", pairs.count).format(
                count=number_text(pairs.count)
            )
        )
        if not self.allow_spend(cost, what):
            return
        strength = self.strength.value()
        prompt = self.prompt_edit.text().strip() or None
        use_prompt = self.run_with_prompt.isChecked()

        def build() -> BatchSent:
            return self._submit(
                pairs.batch(strength, prompt, use_prompt=use_prompt, name=name, describe=describe)
            )

        self.send(build)

    def _sent(self, result: object) -> None:
        """The batch went: its jobs are announced, then the batch as a whole."""
        if isinstance(result, BatchSent):
            super()._sent(list(result.job_ids))
            self.batchSent.emit(result)

    def open_garment_list(self, folders: FolderMemory) -> None:
        """File → Open a garment list…: a season's CSV or XLSX fills the Garment pane,
        each garment with its type and its details. The dialog starts where the last
        list was opened from."""
        lists, anything = _("Garment lists"), _("All files")
        chosen, _kind = QFileDialog.getOpenFileName(
            self,
            _("Open a garment list"),
            folders.folder("lists"),
            f"{lists} (*.csv *.xlsx);;{anything} (*)",
        )
        if chosen:
            folders.remember("lists", Path(chosen).parent)
            self.load_garment_list(Path(chosen))

    def load_garment_list(self, path: Path) -> None:
        """Read the list on a worker (every photo's header is checked)."""
        self.garment_pane.canvas.set_busy_note(_("Reading {file}…").format(file=path.name))
        self.work.run(
            lambda: read_manifest(path),
            self._list_read,
            lambda error: self._list_refused(path, error, self.garment_pane),
        )

    def open_people_list(self, folders: FolderMemory) -> None:
        """File → Open a people list…: the models' photos and their names fill the
        Person pane. The dialog starts where the last list was opened from."""
        lists, anything = _("People lists"), _("All files")
        chosen, _kind = QFileDialog.getOpenFileName(
            self,
            _("Open a people list"),
            folders.folder("lists"),
            f"{lists} (*.csv *.xlsx);;{anything} (*)",
        )
        if chosen:
            folders.remember("lists", Path(chosen).parent)
            self.load_people_list(Path(chosen))

    def load_people_list(self, path: Path) -> None:
        """Read a people list on a worker (every photo's header is checked)."""
        self.person_pane.canvas.set_busy_note(_("Reading {file}…").format(file=path.name))
        self.work.run(
            lambda: read_people_list(path),
            self._people_read,
            lambda error: self._list_refused(path, error, self.person_pane),
        )

    def _people_read(self, listed: PeopleList) -> None:
        self.person_pane.canvas.set_busy_note("")
        photos = [
            Photo(person.photo.name, path=person.photo, details={PERSON_NAME: person.name})
            if person.name
            else Photo(person.photo.name, path=person.photo)
            for person in listed.people
        ]
        self.person_pane.remove_all()
        self.person_pane.add_photos(photos)
        named = sum(1 for person in listed.people if person.name)
        said = ngettext(
            "{count} person from “{file}”", "{count} people from “{file}”", len(photos)
        ).format(count=number_text(len(photos)), file=listed.path.name)
        # Translators: {people} is "3 people from “models.csv”"; {count} of them have names
        self.listOpened.emit(
            ngettext(
                "{people}, {count} of them named.", "{people}, {count} of them named.", named
            ).format(people=said, count=number_text(named))
        )

    def _list_read(self, manifest: Manifest) -> None:
        self.garment_pane.canvas.set_busy_note("")
        photos = [
            Photo(
                garment.photo.name,
                path=garment.photo,
                product_type=(garment.product_type or ProductType.GARMENT).value,
                details={**garment.details(), LIST_FILE: manifest.path.name},
            )
            for garment in manifest.garments
        ]
        self.garment_pane.remove_all()
        self.garment_pane.add_photos(photos)
        said = ngettext(
            "{count} garment from “{file}”.", "{count} garments from “{file}”.", len(photos)
        ).format(count=number_text(len(photos)), file=manifest.path.name)
        self.listOpened.emit(said)  # the status bar's one line: how many, from where
        for note in manifest.notes:  # the rows' warnings stay, under the pane, whole
            self.garment_pane.add_note(note)

    def _list_refused(self, path: Path, error: BaseException, pane: ImagePane) -> None:
        """The list was not opened: said as opening (nothing was about to be sent), with
        each bad row and why; the pane keeps what it had."""
        pane.canvas.set_busy_note("")
        if isinstance(error, ManifestError) and error.bad_rows:
            count = len(error.bad_rows)
            rows = [f"• {row}" for row in error.bad_rows[:SHOWN_BAD_ROWS]]
            more = count - SHOWN_BAD_ROWS
            if more > 0:
                rows.append(
                    "• "
                    + ngettext("and {count} more row", "and {count} more rows", more).format(
                        count=number_text(more)
                    )
                )
            if pane is self.person_pane:
                said = ngettext(
                    "“{file}” was not opened: {count} of its rows cannot be used. The Person "
                    "pane was left as it was; correct this row and open the list again.",
                    "“{file}” was not opened: {count} of its rows cannot be used. The Person "
                    "pane was left as it was; correct these rows and open the list again.",
                    count,
                )
            else:
                said = ngettext(
                    "“{file}” was not opened: {count} of its rows cannot be used. The Garment "
                    "pane was left as it was; correct this row and open the list again.",
                    "“{file}” was not opened: {count} of its rows cannot be used. The Garment "
                    "pane was left as it was; correct these rows and open the list again.",
                    count,
                )
            said = said.format(file=path.name, count=number_text(count))
            self.failed.emit("\n\n".join((said, "\n".join(rows))))
            return
        if isinstance(error, ManifestError):
            self.failed.emit(error.user_message)
            return
        log.error("List %s not opened", path, exc_info=error)
        self.failed.emit(
            (
                _(
                    "“{file}” was not opened: something unexpected went wrong; the details "
                    "are in the log file {log}. The Person pane was left as it was."
                )
                if pane is self.person_pane
                else _(
                    "“{file}” was not opened: something unexpected went wrong; the details "
                    "are in the log file {log}. The Garment pane was left as it was."
                )
            ).format(file=path.name, log=log_file())
        )

    def _garment_shown(self) -> None:
        """The Product type field follows the garment shown; the person's mask follows
        its type."""
        shown = self.garment_pane.shown
        kind = shown.product_type if shown is not None else None
        if kind is not None:
            self._suggesting = True
            self.product_type.setCurrentIndex(self.product_type.findData(kind))
            self._suggesting = False
        several = len(self.garment_pane.photos()) > 1
        suggested = shown is not None and suggest_product_type(shown.name) is not None
        # With several garments each thumbnail shows its type and the pane's heading names
        # the one shown: the field says whose type it is in its tooltip, not a line more.
        self.type_hint.setVisible(shown is not None and suggested and not several)
        self.type_hint.setText(_("Suggested from the file name"))
        self.product_type.setToolTip(
            _("The product type of {name}; each garment keeps its own.").format(name=shown.name)
            if shown is not None and several
            else ""
        )
        self.all_types_button.setVisible(several)
        self._follow_type()

    def _type_chosen(self) -> None:
        """The user's own choice: the shown garment's type."""
        if self._suggesting:
            return
        shown = self.garment_pane.shown
        if shown is not None:
            self.garment_pane.strip.set_type(shown, self.product_type.currentData())
            self.type_hint.setVisible(False)  # the user's own choice now
        self._follow_type(carry=True)  # the mask painted for this garment stays with it

    def type_for_all(self) -> None:
        """Every garment gets the type shown."""
        kind = self.product_type.currentData()
        for photo in self.garment_pane.photos():
            self.garment_pane.strip.set_type(photo, kind)

    def _follow_type(self, *, carry: bool = False) -> None:
        kind = str(self.product_type.currentData() or ProductType.GARMENT.value)
        self.person_pane.set_mask_type(kind, carry=carry)
        person = self.person_pane.shown
        label = ProductType(kind).label
        mask_for = _("Mask for {type}").format(type=label)
        if person is None:
            self.mask_label.setText(mask_for)
            said = _(
                "The mask painted here goes only with this person's try-ons of the product "
                "type {type}; with none painted for a type, AuraX finds the area."
            ).format(type=label)
        else:  # the type whole; the photo's name cut in the middle when short of room
            self.mask_label.set_parts(f"{mask_for} · ", person.name)
            said = _(
                "The mask painted here goes only with {person}'s try-ons of the product type "
                "{type}; with none painted for a type, AuraX finds the area."
            ).format(person=person.name, type=label)
        self.mask_label.setWhatsThis(said)

    def _used(self, pane: ImagePane) -> None:
        if pane.source is not None or pane.loading:
            self.last_pane = pane

    def paste_target(self) -> ImagePane:
        """Where Ctrl+V goes: the pane with the focus; else the empty one (the person
        first); else the pane last used."""
        focused = self.focusWidget()
        for pane in (self.person_pane, self.garment_pane):
            if focused is not None and (focused is pane or pane.isAncestorOf(focused)):
                return pane
        for pane in (self.person_pane, self.garment_pane):
            if pane.source is None and not pane.loading:
                return pane
        return self.last_pane

    def paste_photo(self) -> None:
        """Ctrl+V anywhere on the page: the clipboard's picture into ``paste_target()``."""
        target = self.paste_target()
        self.last_pane = target
        target.paste()

    def set_choices(self, product_type: str, strength: int) -> None:
        index = self.product_type.findData(product_type)
        if index >= 0:
            self.product_type.setCurrentIndex(index)
        self.strength.setValue(strength)
