"""The Generate page: a product image from a prompt, optionally following a shape image."""

from __future__ import annotations

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
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.canvas import ImageCanvas
from aurax_desktop.ui.common.choices import combo_box, credits_text, product_type_combo
from aurax_desktop.ui.common.folders import FolderMemory
from aurax_desktop.ui.common.sending import SendingPage, SpendCheck
from aurax_desktop.ui.photos.image_pane import ImagePane

PRESETS = {
    "Square 1024": (1024, 1024),
    "Portrait 768 × 1024": (768, 1024),
    "Landscape 1024 × 768": (1024, 768),
    "Large 2048 × 2048": (2048, 2048),
}
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
            "Shape", "shape", ImageCanvas(), work, icon_name="image", folders=folders
        )
        self.shape_pane.setObjectName("shapePane")
        self.shape_pane.setAccessibleName("Shape image (optional)")
        self.shape_pane.canvas.placeholder = (
            "Optional: drop an image of the product's shape, paste it (Ctrl+V), or click to browse"
        )

        panel = QFrame()
        panel.setProperty("card", True)
        grid = QGridLayout(panel)
        grid.setContentsMargins(16, 14, 16, 14)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        title = QLabel("Describe the product to generate")
        title.setObjectName("sectionTitle")
        self.prompt = QPlainTextEdit()
        self.prompt.setObjectName("generatePromptEdit")
        self.prompt.setAccessibleName("Prompt")
        self.prompt.setPlaceholderText(
            "e.g. A quilted leather handbag in deep red, studio light, white background"
        )
        self.prompt.setMinimumHeight(110)
        self.product_type = product_type_combo("generateProductTypeCombo", panel)
        self.preset = combo_box()
        self.preset.setObjectName("generatePreset")
        self.preset.setAccessibleName("Size preset")
        for name in PRESETS:
            self.preset.addItem(name)
        self.preset.addItem("Custom")
        self.width_box = self._side("generateWidth", "Width")
        self.height_box = self._side("generateHeight", "Height")
        self.variations = QSpinBox()
        self.variations.setObjectName("generateVariations")
        self.variations.setAccessibleName("Variations")
        self.variations.setRange(1, 4)
        self.button = QPushButton()
        self.button.setObjectName("generateButton")
        self.button.setAccessibleName("Generate")
        self.button.setProperty("role", "primary")
        self.button.setToolTip("Generate (Ctrl+Enter)")
        self.button.clicked.connect(self.submit)
        self.reason = QLabel()
        self.reason.setObjectName("muted")
        # why Generate is off, in a sentence shown whole (over two lines where it must)
        self.reason.setWordWrap(True)
        self.reason.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        grid.addWidget(title, 0, 0, 1, 4)
        grid.addWidget(self.prompt, 1, 0, 1, 4)
        grid.addWidget(QLabel("Product type"), 2, 0)
        grid.addWidget(self.product_type, 2, 1, 1, 3)
        grid.addWidget(QLabel("Size"), 3, 0)
        grid.addWidget(self.preset, 3, 1, 1, 3)
        sizes = QHBoxLayout()  # under the preset: the form stays narrow enough for a laptop
        sizes.addWidget(self.width_box)
        sizes.addWidget(QLabel("×"))
        sizes.addWidget(self.height_box)
        sizes.addWidget(QLabel("px"))
        sizes.addStretch(1)
        grid.addLayout(sizes, 4, 1, 1, 3)
        grid.addWidget(QLabel("Variations"), 5, 0)
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

        self.preset.currentTextChanged.connect(self._preset_chosen)
        for box in (self.width_box, self.height_box):
            box.valueChanged.connect(self._size_edited)
        self.prompt.textChanged.connect(self.update_submit)
        self.variations.valueChanged.connect(self.update_submit)
        self.shape_pane.loadingChanged.connect(lambda _l: self.update_submit())
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.submit)
        self._preset_chosen(self.preset.currentText())
        self.update_submit()

    def _side(self, name: str, label: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setAccessibleName(label)
        box.setRange(MIN_SIDE, MAX_SIDE)
        box.setSingleStep(64)
        box.setValue(1024)
        return box

    def _preset_chosen(self, name: str) -> None:
        if name in PRESETS:
            width, height = PRESETS[name]
            for box, value in ((self.width_box, width), (self.height_box, height)):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)

    def _size_edited(self) -> None:
        size = (self.width_box.value(), self.height_box.value())
        match = next((n for n, s in PRESETS.items() if s == size), "Custom")
        self.preset.blockSignals(True)
        self.preset.setCurrentText(match)
        self.preset.blockSignals(False)

    def blocker(self) -> str:
        if not self.prompt.toPlainText().strip():
            return "Write a prompt: what should the image show?"
        if self.shape_pane.loading:
            return "Opening the shape image…"
        if self._sending:
            return "Sending…"
        return ""

    def update_submit(self) -> None:
        count = self.variations.value()
        total = COST_IMAGE_GENERATION * count
        label = "Generate" if count == 1 else f"Generate {count}"
        self.button.setText(f"{label} · {credits_text(total)}")
        reason = self.blocker()
        self.button.setEnabled(not reason)
        self.reason.setText(reason)

    def submit(self) -> None:
        count = self.variations.value()
        what = "This image" if count == 1 else f"These {count} images"
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
            return [self._submit(request, group) for _ in range(count)]

        self.send(send)
