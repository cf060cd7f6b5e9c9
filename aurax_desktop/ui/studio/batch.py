"""Every person photo with every garment photo: what the Try on button costs, the
question asked before a batch is sent (what goes, what it costs, the batch's name),
and the batch built (on a worker) from the panes' photos, each garment's type and each
person's masks by type."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.api import COST_PRODUCT_DESCRIPTION, COST_TRY_ON, ProductType
from aurax_desktop.jobs import TryOnBatchInput
from aurax_desktop.jobs.batches import default_batch_name
from aurax_desktop.jobs.garments import LABEL, display_name, type_mix
from aurax_desktop.jobs.inputs import ImageInput
from aurax_desktop.jobs.short_names import readable_names
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.choices import credits_text, number_text
from aurax_desktop.ui.common.modal import run_modal
from aurax_desktop.ui.common.qimages import mask_to_pil
from aurax_desktop.ui.photos.image_pane import ImagePane
from aurax_desktop.ui.photos.pane_words import some_names

LIST_FILE = "list_file"
"""Among a garment photo's details: the list it came from (the batch's name)."""
PERSON_NAME = LABEL
"""Among a person photo's details: the name a people list gives them (the key a listed
garment's name has: the strip names both by it)."""


@dataclass(frozen=True)
class Pairs:
    """What the panes hold, taken on the GUI thread (masks are shared copies)."""

    people: tuple[ImageInput, ...]
    masks: tuple[dict[str, QImage], ...]
    """Each person's masks by product type."""
    derived_from: tuple[str | None, ...]
    garments: tuple[ImageInput, ...]
    types: tuple[ProductType, ...]
    """Each garment's own type."""
    details: tuple[dict[str, str], ...]
    """What a season's list says of each garment (empty: not from a list)."""
    person_names: tuple[str, ...] = ()
    garment_names: tuple[str, ...] = ()
    """As the user knows them: a season's list's names, else the files'."""
    garment_paths: tuple[Path | None, ...] = ()
    given_names: tuple[str | None, ...] = ()
    """The names a people list gives the people (None: none given)."""

    @classmethod
    def of(cls, person: ImagePane, garment: ImagePane) -> Pairs:
        people = person.photos()
        shown_person = person.source
        garments = garment.photos()
        shown_garment = garment.source
        readable = readable_names([p.name for p in people])
        return cls(
            tuple(
                shown_person if p is person.shown and shown_person is not None else p.input
                for p in people
            ),
            tuple(person.masks_of(p) for p in people),
            tuple(p.derived_from for p in people),
            tuple(
                shown_garment if g is garment.shown and shown_garment is not None else g.input
                for g in garments
            ),
            tuple(ProductType(g.product_type or ProductType.GARMENT.value) for g in garments),
            tuple(dict(g.details) for g in garments),
            # a list's names, else the names the Gallery will show ("anna maria")
            tuple(p.details.get(PERSON_NAME) or readable.get(p.name, p.name) for p in people),
            tuple(g.details.get(LABEL) or display_name(g.name) for g in garments),
            tuple(g.path for g in garments),
            tuple(p.details.get(PERSON_NAME) or None for p in people),
        )

    @property
    def count(self) -> int:
        return len(self.people) * len(self.garments)

    @property
    def cost(self) -> float:
        return self.count * COST_TRY_ON

    def suggested_name(self) -> str:
        """The batch's name to offer: the garments' list or folder ("SS27"), else the
        date."""
        listed = {d.get(LIST_FILE, "") for d in self.details} - {""}
        if len(listed) == 1:
            return display_name(listed.pop())
        folders = {p.parent.name for p in self.garment_paths if p is not None}
        if len(folders) == 1 and (folder := folders.pop()):
            return display_name(folder)
        return default_batch_name()

    def batch(
        self,
        strength: int,
        prompt: str | None,
        *,
        use_prompt: bool,
        name: str,
        describe: bool = False,
    ) -> TryOnBatchInput:
        """On a worker: the masks become pictures (an unpainted one is no mask)."""
        masks = []
        for person in self.masks:
            painted = {}
            for kind, mask in person.items():
                picture = mask_to_pil(mask) if not mask.isNull() else None
                if picture is not None and picture.getbbox():
                    painted[kind] = picture
            masks.append(painted)
        return TryOnBatchInput(
            self.people,
            self.garments,
            ProductType.GARMENT,
            strength,
            tuple(masks),
            prompt,
            use_prompt,
            name=name,
            garment_types=self.types,
            garment_details=tuple(
                {k: v for k, v in d.items() if k != LIST_FILE} for d in self.details
            ),
            derived_from=self.derived_from,
            describe_garments=describe,
            person_names=self.given_names,
        )


def button_text(count: int) -> str:
    """The Try on button's words: what it sends, and what that costs."""
    if count <= 1:
        return _("Try on · {credits}").format(credits=credits_text(COST_TRY_ON))
    # Translators: the Try on button with two or more try-ons to send: "Try on 4 · 12
    # credits".
    return ngettext("Try on {count} · {credits}", "Try on {count} · {credits}", count).format(
        count=number_text(count), credits=credits_text(count * COST_TRY_ON)
    )


def try_ons(count: int) -> str:
    """The count of try-ons in words ("3 try-ons")."""
    return ngettext("{count} try-on", "{count} try-ons", count).format(count=number_text(count))


SHOWN_NAMES = 4
"""The people's and the garments' names the question shows (the rest are counted)."""


class BatchQuestion(QDialog):
    """Asked before more than one try-on is sent: what goes (the mix of types, the
    photos by name), what it costs, and the batch's name; optionally a description of
    each garment, for the line sheet."""

    def __init__(self, parent: QWidget, pairs: Pairs) -> None:
        super().__init__(parent)
        self.setObjectName("confirmBatch")
        self.setWindowTitle(_("Send a batch of try-ons"))
        self.pairs = pairs
        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        people = QLabel(
            _("People: {names}").format(names=some_names(list(pairs.person_names), SHOWN_NAMES))
        )
        garments = QLabel(
            _("Garments: {names}").format(names=some_names(list(pairs.garment_names), SHOWN_NAMES))
        )
        for label in (people, garments):
            label.setWordWrap(True)
            label.setObjectName("muted")
        self.name_edit = QLineEdit(pairs.suggested_name())
        self.name_edit.setObjectName("batchNameEdit")
        self.name_edit.setAccessibleName(_("Batch name"))
        self.name_edit.setPlaceholderText(_("The batch's name, e.g. SS27"))
        self.name_edit.setToolTip(_("Shown in the Gallery, and as the lookbook's title"))
        self.describe = QCheckBox(
            _("Describe each garment too ({credits} each), for the line sheet").format(
                credits=credits_text(COST_PRODUCT_DESCRIPTION)
            )
        )
        self.describe.setObjectName("describeGarmentsCheck")
        # its words whole: the question widens for a language that says it at length
        self.describe.setMinimumWidth(self.describe.sizeHint().width())
        note = QLabel(
            _(
                "You can pause the batch or cancel what is not sent yet; try-ons already at "
                "AuraX are followed to the end."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(_("Send {try_ons}").format(try_ons=try_ons(pairs.count)))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        form = QFormLayout()
        # Translators: the batch's name, in the question asked before a batch is sent.
        form.addRow(_("Name"), self.name_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        for widget in (self.summary, people, garments):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.describe)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(max(520, layout.minimumSize().width()))
        self.name_edit.textChanged.connect(self._update)
        self.describe.toggled.connect(self._update)
        self._update()

    @property
    def cost(self) -> float:
        described = len(self.pairs.garments) * COST_PRODUCT_DESCRIPTION
        return self.pairs.cost + (described if self.describe.isChecked() else 0)

    def text(self) -> str:
        """What the question says (for tests and screen readers)."""
        return self.summary.text()

    def _update(self) -> None:
        pairs = self.pairs
        people = len(pairs.people)
        who = ngettext("{count} person", "{count} people", people).format(count=number_text(people))
        # Translators: the batch at a glance, "12 try-ons: 2 dresses, 1 bag (times) 4
        # people, 36 credits": each garment, by type, with each person.
        self.summary.setText(
            _("{try_ons}: {garments} × {people}, {credits}").format(
                try_ons=try_ons(pairs.count),
                garments=type_mix(list(pairs.types)),
                people=who,
                credits=credits_text(self.cost),
            )
        )
        described = len(pairs.garments) if self.describe.isChecked() else 0
        if described:
            descriptions = ngettext(
                "{count} description", "{count} descriptions", described
            ).format(count=number_text(described))
            send = _("Send {try_ons} and {descriptions}").format(
                try_ons=try_ons(pairs.count), descriptions=descriptions
            )
        else:
            send = _("Send {try_ons}").format(try_ons=try_ons(pairs.count))
        self.send_button.setText(send)
        self.send_button.setEnabled(bool(self.name_edit.text().strip()))


def confirm_batch(parent: QWidget, pairs: Pairs) -> tuple[str, bool] | None:
    """The batch's name and whether to describe the garments; None when declined."""
    question = BatchQuestion(parent, pairs)
    if run_modal(question) != QDialog.DialogCode.Accepted:
        return None
    return " ".join(question.name_edit.text().split()), question.describe.isChecked()
