"""Demo mode, where it cannot be missed, with sample photos one click away."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from aurax_desktop.translation import LazyText, _, lazy_gettext
from aurax_desktop.ui.common.icons import icon_label
from aurax_desktop.ui.common.theme import accent

SAMPLE_NAMES: dict[str, LazyText] = {
    "person.jpg": lazy_gettext("Person"),
    "dress-red.png": lazy_gettext("Red dress"),
    "top-striped.png": lazy_gettext("Striped top"),
    "bag-leather.png": lazy_gettext("Leather bag"),
    "sneakers-white.png": lazy_gettext("Sneakers"),
}
"""The samples' names on their buttons, by file, in the user's language (the index's
own label, in English, names a sample added without one here)."""


@dataclass(frozen=True)
class Sample:
    path: Path
    product_type: str
    label: str
    """Its name, in the language spoken when the list was read."""
    button: Path
    """Its picture on its button: the person or the garment on nothing (a photo's light
    backdrop would show as a light square on the dark theme)."""


def samples() -> list[Sample]:
    """The sample photos shipped in resources/samples (see its README for their source)."""
    folder = files("aurax_desktop.resources") / "samples"
    index = json.loads((folder / "samples.json").read_text(encoding="utf-8"))
    found = []
    for entry in index:
        with as_file(folder / entry["file"]) as path, as_file(folder / entry["button"]) as button:
            name = SAMPLE_NAMES.get(entry["file"])
            label = str(name) if name is not None else entry["label"]
            found.append(Sample(Path(path), entry["product_type"], label, Path(button)))
    return found


class DemoBanner(QFrame):
    personChosen = Signal(object)  # Path
    garmentChosen = Signal(object, str)  # Path, product type

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        row.setSpacing(6)
        badge = icon_label("demo", _("Demo mode"), accent)  # in the accent of the theme shown
        text = QLabel(
            _(
                "<b>Demo mode</b> · a local demo server simulates AuraX; results are "
                "not real try-ons. Try a sample:"
            )
        )
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)  # narrow windows wrap it rather than grow
        text.setMinimumWidth(180)
        row.addWidget(badge)
        row.addWidget(text, 1)
        self.buttons: list[QToolButton] = []
        for sample in samples():
            button = QToolButton(self)
            button.setObjectName("sample")
            button.setText(sample.label)
            button.setToolTip(_("Use the sample: {name}").format(name=sample.label))
            button.setAccessibleName(_("Sample: {name}").format(name=sample.label))
            button.setIcon(QIcon(QPixmap(str(sample.button))))
            button.setIconSize(QSize(22, 22))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            if sample.product_type == "PERSON":
                button.clicked.connect(lambda _c=False, s=sample: self.personChosen.emit(s.path))
            else:
                button.clicked.connect(
                    lambda _c=False, s=sample: self.garmentChosen.emit(s.path, s.product_type)
                )
            row.addWidget(button)
            self.buttons.append(button)
