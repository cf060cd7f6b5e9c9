"""The settings dialog: server, upload size, concurrency, time limit, results folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

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
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.account import Settings, UploadSize
from aurax_desktop.api import InsecureConnectionError
from aurax_desktop.api.addresses import check_base_url
from aurax_desktop.ui.common.choices import combo_box


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        delete_all: Callable[[], None] | None = None,
    ) -> None:
        """``delete_all``: asks, then deletes the whole history (the dialog closes first)."""
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(520)
        self.original = settings
        form = QFormLayout()
        form.setSpacing(10)
        self.url_edit = QLineEdit(settings.base_url)
        self.url_edit.setObjectName("settingsServer")
        form.addRow("AuraX server", self.url_edit)
        self.upload = combo_box()
        self.upload.setObjectName("settingsUploadSize")
        for size in UploadSize:
            self.upload.addItem(size.label, size.value)
        self.upload.setCurrentIndex(self.upload.findData(settings.upload_size.value))
        form.addRow("Upload size", self.upload)
        self.concurrency = QSpinBox()
        self.concurrency.setObjectName("settingsConcurrency")
        self.concurrency.setRange(1, 8)
        self.concurrency.setValue(settings.concurrency)
        form.addRow("Jobs sent at once", self.concurrency)
        self.deadline = QSpinBox()
        self.deadline.setObjectName("settingsDeadline")
        self.deadline.setRange(1, 120)
        self.deadline.setSuffix(" min")
        self.deadline.setValue(settings.task_deadline_minutes)
        form.addRow("Give up waiting after", self.deadline)
        self.daily_limit = QDoubleSpinBox()
        self.daily_limit.setObjectName("settingsDailyLimit")
        self.daily_limit.setAccessibleName("Daily spending limit")
        self.daily_limit.setRange(0, 100_000)
        self.daily_limit.setDecimals(2)
        self.daily_limit.setSingleStep(5)
        self.daily_limit.setSpecialValueText("No limit")
        self.daily_limit.setSuffix(" credits")
        self.daily_limit.setValue(settings.daily_limit)
        self.daily_limit.setToolTip(
            "Before a submission would pass this many credits in a day, AuraX Desktop asks."
        )
        form.addRow("Daily spending limit", self.daily_limit)
        self.folder = QLineEdit(settings.results_folder)
        self.folder.setObjectName("settingsResultsFolder")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow("Save results in", row)
        where = QLabel(
            "“Save result as…” starts in this folder (it is made on the first save). "
            "Every result is also kept with its job in the history."
        )
        where.setObjectName("hint")
        where.setWordWrap(True)
        form.addRow("", where)
        self.forget = QSpinBox()
        self.forget.setObjectName("settingsForgetAfter")
        self.forget.setAccessibleName("Delete finished jobs after")
        self.forget.setRange(0, 3650)
        self.forget.setSpecialValueText("Never")
        self.forget.setSuffix(" days")
        self.forget.setValue(settings.forget_after_days)
        self.forget.setToolTip(
            "Photos of people are personal data: finished jobs older than this are deleted "
            "with their photos and results, at start and once a day."
        )
        forget_row = QHBoxLayout()
        forget_row.addWidget(self.forget)
        forget_row.addStretch(1)
        if delete_all is not None:
            everything = QPushButton("Delete all history…")
            everything.setObjectName("deleteAllHistoryButton")
            everything.clicked.connect(lambda: self._delete_all(delete_all))
            forget_row.addWidget(everything)
        form.addRow("Delete finished jobs after", forget_row)
        note = QLabel(
            "Upload size, jobs at once and the time limit apply to new jobs at once; "
            "a new server address applies from the next start."
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
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.result_settings: Settings | None = None

    def _delete_all(self, delete_all: Callable[[], None]) -> None:
        self.reject()
        delete_all()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Save results in", self.folder.text())
        if folder:
            self.folder.setText(folder)

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
        ).checked()

    def _save(self) -> None:
        settings = self.values()
        try:
            check_base_url(settings.base_url)
        except InsecureConnectionError as exc:
            self.error.setText(exc.user_message)
            return
        self.result_settings = settings
        self.accept()
