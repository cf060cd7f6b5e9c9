"""The Generate page: a product image from a prompt, optionally following a shape image."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.api import COST_IMAGE_GENERATION, ProductType
from aurax_desktop.jobs import GenerationInput, new_job_id
from aurax_desktop.translation import LazyText, _, lazy_gettext, ngettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.choices import (
    combo_box,
    credits_text,
    number_text,
    product_type_combo,
)
from aurax_desktop.ui.common.folders import FolderMemory
from aurax_desktop.ui.common.sending import SendingPage, SpendCheck
from aurax_desktop.ui.photos.image_pane import ImagePane
from aurax_desktop.ui.photos.photo_canvas import PhotoCanvas

PRESETS: tuple[tuple[LazyText, tuple[int, int]], ...] = (
    (lazy_gettext("Square 1024"), (1024, 1024)),
    (lazy_gettext("Portrait 768 × 1024"), (768, 1024)),
    (lazy_gettext("Landscape 1024 × 768"), (1024, 768)),
    (lazy_gettext("Large 2048 × 2048"), (2048, 2048)),
)
"""The sizes offered by name, and their width and height in pixels (the Size list's
last item is "Custom": any other size)."""
MIN_SIDE, MAX_SIDE = 64, 2048


class GeneratePage(SendingPage):
    def __init__(
        self,
        work: BackgroundWork,
        submit: Callable[[GenerationInput, str | None], str],
        allow_spend: SpendCheck,
        parent: QWidget | None = None,
        *,
        folders: FolderMemory | None = None,
    ) -> None:
        """``folders``: where the shape pane's file dialogs start."""
        super().__init__(work, allow_spend, parent)
        self._submit = submit
        self.shape_pane = ImagePane(
            "shape", PhotoCanvas(), work, icon_name="image", folders=folders
        )
        self.shape_pane.setObjectName("shapePane")
        self.shape_pane.setAccessibleName(self.shape_pane.words.photo)

        panel = QFrame()
        panel.setProperty("card", True)
        grid = QGridLayout(panel)
        grid.setContentsMargins(16, 14, 16, 14)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        title = QLabel(_("Describe the product to generate"))
        title.setObjectName("sectionTitle")
        self.prompt = QPlainTextEdit()
        self.prompt.setObjectName("generatePromptEdit")
        self.prompt.setAccessibleName(_("Prompt"))
        self.prompt.setPlaceholderText(
            _("e.g. A quilted leather handbag in deep red, studio light, white background")
        )
        title.setBuddy(self.prompt)
        self.prompt.setMinimumHeight(110)
        self.prompt.setTabChangesFocus(True)  # Tab goes on to the next field, as it reads
        self.product_type = product_type_combo("generateProductTypeCombo", panel)
        self.preset = combo_box()
        self.preset.setObjectName("generatePreset")
        self.preset.setAccessibleName(_("Size preset"))
        for name, _size in PRESETS:  # the list's items in the order of PRESETS
            self.preset.addItem(str(name))
        # Translators: a size of the generated image, neither of the named ones.
        self.preset.addItem(_("Custom"))
        self.width_box = self._side("generateWidth", _("Width"))
        self.height_box = self._side("generateHeight", _("Height"))
        self.variations = QSpinBox()
        self.variations.setObjectName("generateVariations")
        self.variations.setAccessibleName(_("Variations"))
        self.variations.setRange(1, 4)
        self.button = QPushButton()
        self.button.setObjectName("generateButton")
        self.button.setAccessibleName(_("Generate"))
        self.button.setProperty("role", "primary")
        self.button.setToolTip(_("Generate (Ctrl+Enter)"))
        self.button.clicked.connect(self.submit)
        self.reason = QLabel()
        self.reason.setObjectName("muted")
        # why Generate is off, in a sentence shown whole (over two lines where it must)
        self.reason.setWordWrap(True)
        self.reason.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        grid.addWidget(title, 0, 0, 1, 4)
        grid.addWidget(self.prompt, 1, 0, 1, 4)
        for row, (text, field) in enumerate(
            (
                (_("Product type"), self.product_type),
                # Translators: the generated image's size in pixels.
                (_("Size"), self.preset),
            ),
            start=2,
        ):
            label = QLabel(text)
            label.setBuddy(field)  # read with the field: "Product type, Garment, combo box"
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1, 1, 3)
        sizes = QHBoxLayout()  # under the preset: the form stays narrow enough for a laptop
        sizes.addWidget(self.width_box)
        sizes.addWidget(QLabel("×"))
        sizes.addWidget(self.height_box)
        # Translators: pixels, after a width and a height.
        sizes.addWidget(QLabel(_("px")))
        sizes.addStretch(1)
        grid.addLayout(sizes, 4, 1, 1, 3)
        variations_label = QLabel(_("Variations"))
        variations_label.setBuddy(self.variations)
        grid.addWidget(variations_label, 5, 0)
        grid.addWidget(self.variations, 5, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.reason, 1)
        actions.addWidget(self.button)
        grid.addLayout(actions, 6, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(7, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 16, 16, 16)
        layout.setSpacing(12)
        left = QVBoxLayout()
        left.addWidget(panel, 1)
        layout.addLayout(left, 3)
        layout.addWidget(self.shape_pane, 2)

        self.preset.currentIndexChanged.connect(lambda _i: self._preset_chosen())
        for box in (self.width_box, self.height_box):
            box.valueChanged.connect(self._size_edited)
        self.prompt.textChanged.connect(self.update_submit)
        self.variations.valueChanged.connect(self.update_submit)
        self.shape_pane.loadingChanged.connect(lambda _l: self.update_submit())
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.submit)
        self._preset_chosen()
        reading_order = [
            self.prompt,
            self.product_type,
            self.preset,
            self.width_box,
            self.height_box,
            self.variations,
            self.button,
            *self.shape_pane.keyboard_order(),
        ]
        for before, after in itertools.pairwise(reading_order):  # Tab reads as the eye does
            QWidget.setTabOrder(before, after)
        self.update_submit()

    def _side(self, name: str, label: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setAccessibleName(label)
        box.setRange(MIN_SIDE, MAX_SIDE)
        box.setSingleStep(64)
        box.setValue(1024)
        return box

    def _preset_chosen(self) -> None:
        index = self.preset.currentIndex()
        if 0 <= index < len(PRESETS):
            width, height = PRESETS[index][1]
            for box, value in ((self.width_box, width), (self.height_box, height)):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)

    def _size_edited(self) -> None:
        size = (self.width_box.value(), self.height_box.value())
        sizes = [preset for _name, preset in PRESETS]
        match = sizes.index(size) if size in sizes else len(PRESETS)  # else "Custom"
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(match)
        self.preset.blockSignals(False)

    def blocker(self) -> str:
        if not self.prompt.toPlainText().strip():
            return _("Write a prompt: what should the image show?")
        if self.shape_pane.loading:
            return _("Opening the shape image…")
        if self._sending:
            return _("Sending…")
        return ""

    def update_submit(self) -> None:
        count = self.variations.value()
        total = COST_IMAGE_GENERATION * count
        if count == 1:
            label = _("Generate · {credits}").format(credits=credits_text(total))
        else:
            # Translators: the Generate button with two or more variations to make.
            label = ngettext(
                "Generate {count} · {credits}", "Generate {count} · {credits}", count
            ).format(count=number_text(count), credits=credits_text(total))
        self.button.setText(label)
        reason = self.blocker()
        self.button.setEnabled(not reason)
        self.reason.setText(reason)

    def submit(self) -> None:
        count = self.variations.value()
        what = (
            _("This image")
            if count == 1
            else ngettext("These {count} images", "These {count} images", count).format(
                count=number_text(count)
            )
        )
        if self.blocker() or not self.allow_spend(COST_IMAGE_GENERATION * count, what):
            return
        request = GenerationInput(
            self.prompt.toPlainText(),
            ProductType(self.product_type.currentData()),
            self.width_box.value(),
            self.height_box.value(),
            self.shape_pane.source,
        )
        count = self.variations.value()

        group = new_job_id() if count > 1 else None  # variations, shown as one entry

        def send() -> list[str]:
            return [self._submit(request, group) for _variation in range(count)]

        self.send(send)
