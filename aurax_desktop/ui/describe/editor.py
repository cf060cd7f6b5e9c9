"""The Describe page's side panel: the selected photo's description in a multi-line
editor with a word count, and what can be done to that row (describe it again, stating
the cost; take it out of the table)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from aurax_desktop.api import COST_PRODUCT_DESCRIPTION
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.choices import credits_text, number_text
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.describe.model import DescribeRow


def word_count(text: str) -> int:
    return len(text.split())


class DescriptionEditor(QFrame):
    edited = Signal(str)
    """The description as the user typed it (after a short pause)."""
    describeAgain = Signal()
    remove = Signal()

    def __init__(self, *, least_width: int = 0) -> None:
        """``least_width``: as narrow as the panel may be, though never narrower than
        its buttons (in some languages "Again · 0.25 credits" is wider)."""
        super().__init__()
        self.least_width = least_width
        self.setProperty("card", True)
        self.setObjectName("descriptionEditor")
        self.title = QLabel(_("Description"))
        self.title.setObjectName("sectionTitle")
        self.file = QLabel()
        self.file.setObjectName("muted")
        self.file.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("descriptionText")
        self.text.setAccessibleName(_("Description of the selected photo"))
        self.text.setTabChangesFocus(True)  # Tab goes on to the buttons, as it reads
        self.text.setPlaceholderText(_("Select a described photo to read and correct its text."))
        self.count = QLabel()
        self.count.setObjectName("muted")
        # Its words are written when the page first shows: a fraction of a credit needs
        # the language's plural rules, whose loading a start need not wait for.
        self.again = QPushButton(icon("retry"), "")
        self.again.setObjectName("describeAgainButton")
        self.again.setAccessibleName(_("Describe this photo again"))
        self.again.clicked.connect(self.describeAgain)
        self.drop = QPushButton(icon("trash"), _("Remove"))
        self.drop.setObjectName("removeRowButton")
        self.drop.setAccessibleName(_("Remove this photo from the table"))
        self.drop.setToolTip(_("Take the photo out of the table (Delete); its history stays"))
        self.drop.clicked.connect(self.remove)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(400)
        self._pause.timeout.connect(lambda: self.edited.emit(self.text.toPlainText()))
        self.text.textChanged.connect(self._typed)
        buttons = QVBoxLayout()  # stacked: the panel stays narrow beside the table
        buttons.setSpacing(6)
        buttons.addWidget(self.again)
        buttons.addWidget(self.drop)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.file)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.count, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(buttons)
        self.show_row(None)

    def minimumSizeHint(self) -> QSize:
        least = super().minimumSizeHint()
        return QSize(max(self.least_width, least.width()), least.height())

    def showEvent(self, event: QShowEvent) -> None:
        if not self.again.text():
            # Translators: describe the selected photo again, at this cost.
            again = _("Again · {credits}").format(credits=credits_text(COST_PRODUCT_DESCRIPTION))
            self.again.setText(again)
        super().showEvent(event)

    def show_row(self, row: DescribeRow | None) -> None:
        self.flush()
        with QSignalBlocker(self.text):
            self.text.setPlainText(row.description if row is not None else "")
        self.file.setText(row.name if row is not None else _("No photo selected"))
        self.text.setReadOnly(row is None or not row.description)
        self.again.setEnabled(row is not None and row.job_id is not None and row.done)
        self.drop.setEnabled(row is not None)
        self._count()

    def keyboard_order(self) -> list[QWidget]:
        """The panel's controls in reading order."""
        return [self.text, self.again, self.drop]

    def flush(self) -> None:
        """Hand over what was typed now (before another row is shown, or on export)."""
        if self._pause.isActive():
            self._pause.stop()
            self.edited.emit(self.text.toPlainText())

    def stop(self) -> None:
        self._pause.stop()

    def _typed(self) -> None:
        self._count()
        self._pause.start()

    def _count(self) -> None:
        words = word_count(self.text.toPlainText())
        self.count.setText(
            ngettext("{count} word", "{count} words", words).format(count=number_text(words))
        )
