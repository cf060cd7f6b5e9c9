"""The settings dialog, in tabs that fit a laptop's screen: General (server, upload size,
jobs at once, time limit, spending, results folder), History (forgetting, the Trash)
and Lookbooks (a subtitle and a logo for lookbooks and line sheets, a brand and a
contact for a line sheet's cover)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop import paths
from aurax_desktop.account import Settings, UploadSize
from aurax_desktop.api import InsecureConnectionError
from aurax_desktop.api.addresses import check_base_url
from aurax_desktop.formats import credits_phrase, plural_count
from aurax_desktop.translation import _, ngettext, pgettext
from aurax_desktop.ui.common.choices import combo_box
from aurax_desktop.ui.common.fields import show_placeholder_whole
from aurax_desktop.ui.common.folders import start_folder
from aurax_desktop.ui.common.spin_words import COUNT, in_words
from aurax_desktop.ui.common.whole_texts import keep_texts_whole


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        delete_all: Callable[[], None] | None = None,
    ) -> None:
        """``delete_all``: asks, then deletes the whole history (the dialog closes first)."""
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.setObjectName("settingsDialog")
        self.original = settings
        self.folders = dict(settings.folders)
        """The remembered folders, with the logo's once one is chosen."""
        tabs = QTabWidget()
        tabs.setObjectName("settingsTabs")
        tabs.setAccessibleName(_("Settings"))
        general, form = _tab()
        history, history_form = _tab()
        lookbooks, lookbook_form = _tab()
        tabs.addTab(general, _("General"))
        tabs.addTab(history, _("History"))
        tabs.addTab(lookbooks, _("Lookbooks"))
        self.url_edit = QLineEdit(settings.base_url)
        self.url_edit.setObjectName("settingsServer")
        form.addRow(_("AuraX server"), self.url_edit)
        self.upload = combo_box()
        self.upload.setObjectName("settingsUploadSize")
        for size in UploadSize:
            self.upload.addItem(size.label, size.value)
        self.upload.setCurrentIndex(self.upload.findData(settings.upload_size.value))
        form.addRow(_("Upload size"), self.upload)
        self.concurrency = QSpinBox()
        self.concurrency.setObjectName("settingsConcurrency")
        self.concurrency.setRange(1, 8)
        self.concurrency.setValue(settings.concurrency)
        form.addRow(_("Jobs sent at once"), self.concurrency)
        self.deadline = QSpinBox()
        self.deadline.setObjectName("settingsDeadline")
        self.deadline.setRange(1, 120)
        self.deadline.setValue(settings.task_deadline_minutes)
        in_words(self.deadline, lambda _minutes: _("{count} min"))
        form.addRow(_("Give up waiting after"), self.deadline)
        self.daily_limit = QDoubleSpinBox()
        self.daily_limit.setObjectName("settingsDailyLimit")
        self.daily_limit.setAccessibleName(_("Daily spending limit"))
        self.daily_limit.setRange(0, 100_000)
        self.daily_limit.setDecimals(2)
        self.daily_limit.setSingleStep(5)
        self.daily_limit.setSpecialValueText(_("No limit"))
        self.daily_limit.setValue(settings.daily_limit)
        in_words(self.daily_limit, lambda amount: credits_phrase(amount, COUNT))
        self.daily_limit.setToolTip(
            _("Before a submission would pass this many credits in a day, AuraX Desktop asks.")
        )
        form.addRow(_("Daily spending limit"), self.daily_limit)
        self.folder = QLineEdit(settings.results_folder)
        self.folder.setObjectName("settingsResultsFolder")
        self.folder.setAccessibleName(_("Save results in"))  # its label holds a row, not it
        browse = QPushButton(_("Choose…"))
        browse.setAccessibleName(_("Choose the results folder"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(_("Save results in"), row)
        where = QLabel(
            _(
                "“Save result as…” starts in this folder (it is made on the first save). "
                "Every result is also kept with its job in the history."
            )
        )
        where.setObjectName("hint")
        where.setWordWrap(True)
        form.addRow("", where)
        self.forget = QSpinBox()
        self.forget.setObjectName("settingsForgetAfter")
        self.forget.setAccessibleName(_("Delete finished jobs after"))
        self.forget.setRange(0, 3650)
        self.forget.setSpecialValueText(pgettext("Delete finished jobs after", "Never"))
        self.forget.setValue(settings.forget_after_days)
        in_words(self.forget, _days)
        self.forget.setToolTip(
            _(
                "Photos of people are personal data: finished jobs older than this are "
                "deleted with their photos and results, at start and once a day."
            )
        )
        history_form.addRow(_("Delete finished jobs after"), self.forget)
        self.trash_days = QSpinBox()
        self.trash_days.setObjectName("settingsTrashDays")
        self.trash_days.setAccessibleName(_("Keep deleted jobs in the Trash for"))
        self.trash_days.setRange(1, 365)
        self.trash_days.setValue(settings.trash_days)
        in_words(self.trash_days, _days)
        history_form.addRow(_("Keep the Trash for"), self.trash_days)
        trash_note = QLabel(
            _(
                "Deleted jobs wait in the Trash (Edit → Trash), files and all, until then; "
                "Edit → Undo brings back the last deletion."
            )
        )
        trash_note.setObjectName("hint")
        trash_note.setWordWrap(True)
        history_form.addRow("", trash_note)
        if delete_all is not None:  # below what is kept, on its own: it empties everything
            everything = QPushButton(_("Delete all history…"))
            everything.setObjectName("deleteAllHistoryButton")
            everything.clicked.connect(lambda: self._delete_all(delete_all))
            everything_row = QHBoxLayout()
            everything_row.addStretch(1)
            everything_row.addWidget(everything)
            history_form.addRow(everything_row)
        self.subtitle = QLineEdit(settings.lookbook_subtitle)
        self.subtitle.setObjectName("settingsSubtitle")
        self.subtitle.setPlaceholderText(_("e.g. Atelier Nord · Resort 2027"))
        lookbook_form.addRow(_("Subtitle"), self.subtitle)
        self.logo = QLineEdit(settings.lookbook_logo)
        self.logo.setObjectName("settingsLogo")
        self.logo.setPlaceholderText(_("No logo"))
        choose_logo = QPushButton(_("Choose…"))
        choose_logo.setObjectName("settingsChooseLogo")
        choose_logo.setAccessibleName(_("Choose a logo"))
        choose_logo.clicked.connect(self._browse_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(choose_logo)
        lookbook_form.addRow(_("Logo"), logo_row)
        logo_note = QLabel(
            _(
                "Printed at the top of every page of lookbooks and line sheets, beside the "
                "batch's name and the date. A PNG, JPEG or SVG picture."
            )
        )
        logo_note.setObjectName("hint")
        logo_note.setWordWrap(True)
        lookbook_form.addRow("", logo_note)
        self.brand = QLineEdit(settings.lookbook_brand)
        self.brand.setObjectName("settingsBrand")
        self.brand.setAccessibleName(_("Brand"))
        self.brand.setPlaceholderText(_("e.g. Atelier Nord"))
        lookbook_form.addRow(_("Brand"), self.brand)
        self.contact = QLineEdit(settings.lookbook_contact)
        self.contact.setObjectName("settingsContact")
        self.contact.setAccessibleName(_("Contact for buyers"))
        self.contact.setPlaceholderText(
            _("e.g. Anna Berg · sales@ateliernord.com · +33 1 23 45 67 89")
        )
        lookbook_form.addRow(_("Contact"), self.contact)
        cover_note = QLabel(
            _(
                "The brand and the contact are printed on the cover of line sheets, for "
                "buyers to know whose collection it is and whom to write to."
            )
        )
        cover_note.setObjectName("hint")
        cover_note.setWordWrap(True)
        lookbook_form.addRow("", cover_note)
        note = QLabel(
            _(
                "Upload size, jobs at once and the time limit apply to new jobs at once; "
                "a new server address applies from the next start."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.error = QLabel("")
        self.error.setObjectName("error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.addWidget(tabs)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for field in (self.subtitle, self.brand, self.contact):
            show_placeholder_whole(field)  # the example is what to write there
        keep_texts_whole(self)
        self.result_settings: Settings | None = None

    def _delete_all(self, delete_all: Callable[[], None]) -> None:
        self.reject()
        delete_all()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Save results in"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _browse_logo(self) -> None:
        """A picture's dialog, starting where photos were last chosen from."""
        start = start_folder(replace(self.original, folders=self.folders), "photos")
        # Translators: a file dialog's filter; {patterns} are the files' patterns.
        pictures = _("Pictures ({patterns})").format(patterns="*.png *.jpg *.jpeg *.svg")
        chosen, _kind = QFileDialog.getOpenFileName(self, _("Choose a logo"), start, pictures)
        if chosen:
            self.logo.setText(chosen)
            self.folders["photos"] = str(Path(chosen).parent)

    def values(self) -> Settings:
        return replace(
            self.original,
            base_url=self.url_edit.text().strip(),
            upload_size=UploadSize(self.upload.currentData()),
            concurrency=self.concurrency.value(),
            task_deadline_minutes=self.deadline.value(),
            results_folder=self.folder.text().strip() or self.original.results_folder,
            daily_limit=self.daily_limit.value(),
            forget_after_days=self.forget.value(),
            trash_days=self.trash_days.value(),
            lookbook_subtitle=" ".join(self.subtitle.text().split()),
            lookbook_logo=self.logo.text().strip(),
            folders=self.folders,
            lookbook_brand=" ".join(self.brand.text().split()),
            lookbook_contact=" ".join(self.contact.text().split()),
        ).checked()

    def _save(self) -> None:
        settings = self.values()
        try:
            check_base_url(settings.base_url)
        except InsecureConnectionError as exc:
            self.error.setText(exc.user_message)
            return
        if settings.lookbook_logo:
            try:
                logo = print_logo(Path(settings.lookbook_logo))
            except OSError as exc:
                self.error.setText(str(exc))
                return
            settings = replace(settings, lookbook_logo=str(logo))
        self.result_settings = settings
        self.accept()


LOGO_SIDE = 600
"""A logo's longest side as kept for print (pixels)."""


def print_logo(chosen: Path) -> Path:
    """The logo as documents use it: a PNG or JPEG as it is; an SVG drawn into a PNG
    kept in the data folder (the documents' writer reads pictures only)."""
    if chosen.suffix.lower() != ".svg":
        if QImage(str(chosen)).isNull():
            raise OSError(
                _("“{name}” is not a picture this program can read.").format(name=chosen.name)
            )
        return chosen
    renderer = QSvgRenderer(str(chosen))
    if not renderer.isValid():
        raise OSError(
            _("“{name}” is not an SVG drawing this program can read.").format(name=chosen.name)
        )
    size = renderer.defaultSize()
    scale = LOGO_SIDE / max(1, size.width(), size.height())
    image = QImage(
        max(1, round(size.width() * scale)),
        max(1, round(size.height() * scale)),
        QImage.Format.Format_ARGB32,
    )
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    target = paths.data_dir() / "lookbook-logo.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):  # PNG, by its name
        raise OSError(_("The logo could not be kept in {folder}.").format(folder=target.parent))
    return target


def _days(count: float) -> str:
    return ngettext("{count} day", "{count} days", plural_count(count))


def _tab() -> tuple[QWidget, QFormLayout]:
    page = QWidget()
    form = QFormLayout(page)
    form.setSpacing(10)
    # a label too long beside its field (a translation) goes above it
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setContentsMargins(12, 12, 12, 12)
    return page, form
