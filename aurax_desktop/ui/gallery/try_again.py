"""Try again: a cell's pair sent once more (optionally with another strength or prompt),
after a question that states its cost; the new result stacks in the cell as a variant."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.api import COST_TRY_ON
from aurax_desktop.jobs import Job
from aurax_desktop.jobs.garments import garment_label
from aurax_desktop.translation import _
from aurax_desktop.ui.common.choices import credits_text
from aurax_desktop.ui.common.fields import show_placeholder_whole
from aurax_desktop.ui.common.strength import StrengthWords, strength_slider


class TryAgainDialog(QDialog):
    def __init__(self, job: Job, person: str, parent: QWidget | None = None) -> None:
        """``person``: the person's name as the Gallery heads their row."""
        super().__init__(parent)
        self.setObjectName("tryAgainDialog")
        self.setWindowTitle(_("Try again"))
        heading = QLabel(
            _("{person} with {garment}, once more").format(
                person=person, garment=garment_label(job.params)
            )
        )
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        self.cost = QLabel(
            _(
                "This sends the pair again and costs {cost}. The new result stacks in its "
                "cell as a variant; ↑ and ↓ in the loupe choose the one exported."
            ).format(cost=credits_text(COST_TRY_ON))
        )
        self.cost.setWordWrap(True)
        self.strength = strength_slider(
            "tryAgainStrength", int(job.params.get("garment_strength", 2))
        )
        self.strength.setAccessibleName(_("Garment strength"))
        self.strength_words = StrengthWords(self.strength)
        strength = QHBoxLayout()
        strength.addWidget(self.strength, 1)
        strength.addWidget(self.strength_words)
        self.prompt = QLineEdit(job.prompt or "")
        self.prompt.setObjectName("tryAgainPrompt")
        self.prompt.setAccessibleName(_("Prompt"))
        self.prompt.setPlaceholderText(_("Optional: guide the try-on, e.g. “tucked in”"))
        show_placeholder_whole(self.prompt)
        self.use_prompt = QCheckBox(_("Use prompt"))
        self.use_prompt.setChecked(bool(job.params.get("run_with_prompt")))
        self.prompt.textEdited.connect(lambda t: self.use_prompt.setChecked(bool(t.strip())))
        form = QFormLayout()
        strength_label = QLabel(_("Garment strength"))
        strength_label.setBuddy(self.strength)
        form.addRow(strength_label, strength)
        form.addRow(_("Prompt"), self.prompt)
        form.addRow("", self.use_prompt)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Translators: the button that sends a try-on again, with what it costs.
        self.send_button.setText(_("Try again · {cost}").format(cost=credits_text(COST_TRY_ON)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.cost)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # as wide as the longest of its lines needs (a prompt's hint is long in German),
        # and never narrower than a question's usual width
        self.setMinimumWidth(max(460, layout.minimumSize().width()))

    def chosen(self) -> tuple[int, str | None, bool]:
        """(strength, prompt, use the prompt)."""
        prompt = self.prompt.text().strip() or None
        return self.strength.value(), prompt, self.use_prompt.isChecked() and bool(prompt)
