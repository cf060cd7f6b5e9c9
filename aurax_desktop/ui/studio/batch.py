"""Every person photo with every garment photo: what the Try on button costs, the
question asked before a batch is sent, and the batch built (on a worker) from the
panes' photos and masks."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from aurax_desktop.api import COST_TRY_ON, ProductType
from aurax_desktop.jobs import TryOnBatchInput
from aurax_desktop.jobs.inputs import ImageInput
from aurax_desktop.ui.common.choices import credits_text
from aurax_desktop.ui.common.qimages import mask_to_pil
from aurax_desktop.ui.photos.image_pane import ImagePane


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def people_word(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


@dataclass(frozen=True)
class Pairs:
    """What the panes hold, taken on the GUI thread (masks are shared copies)."""

    people: tuple[ImageInput, ...]
    masks: tuple[QImage | None, ...]
    derived_from: tuple[str | None, ...]
    garments: tuple[ImageInput, ...]

    @classmethod
    def of(cls, person: ImagePane, garment: ImagePane) -> Pairs:
        people = person.photos()
        shown_person = person.source
        garments = garment.photos()
        shown_garment = garment.source
        return cls(
            tuple(
                shown_person if p is person.shown and shown_person is not None else p.input
                for p in people
            ),
            tuple(person.mask_of(p) for p in people),
            tuple(p.derived_from for p in people),
            tuple(
                shown_garment if g is garment.shown and shown_garment is not None else g.input
                for g in garments
            ),
        )

    @property
    def count(self) -> int:
        return len(self.people) * len(self.garments)

    @property
    def cost(self) -> float:
        return self.count * COST_TRY_ON

    def batch(
        self, kind: ProductType, strength: int, prompt: str | None, *, use_prompt: bool
    ) -> TryOnBatchInput:
        """On a worker: the masks become pictures (an unpainted one is no mask)."""
        masks = []
        for mask in self.masks:
            painted = mask_to_pil(mask) if mask is not None and not mask.isNull() else None
            masks.append(painted if painted is not None and painted.getbbox() else None)
        return TryOnBatchInput(
            self.people,
            self.garments,
            kind,
            strength,
            tuple(masks),
            prompt,
            use_prompt,
            derived_from=self.derived_from,
        )


def button_text(count: int) -> str:
    if count <= 1:
        return f"Try on · {credits_text(COST_TRY_ON)}"
    return f"Try on {count} · {credits_text(count * COST_TRY_ON)}"


def confirm_batch(parent: QWidget, pairs: Pairs) -> bool:
    """Asked before more than one try-on is sent: how many, and what they cost."""
    people, garments = len(pairs.people), len(pairs.garments)
    box = QMessageBox(parent)
    box.setObjectName("confirmBatch")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Send a batch of try-ons")
    box.setText(f"Send {pairs.count} try-ons for {credits_text(pairs.cost)}?")
    box.setInformativeText(
        f"Each of the {people_word(people)} is tried with each of the "
        f"{plural(garments, 'garment')} ({people} × {garments}), one job each, "
        f"{credits_text(COST_TRY_ON)} each. You can pause the batch or cancel what is not "
        "sent yet; try-ons already at AuraX are followed to the end."
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(f"Send {pairs.count} try-ons")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Ok
