"""The selected job's result: zoom and pan, before/after for try-ons, save, copy, open."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aurax_desktop.imaging import ImageError, save_as
from aurax_desktop.jobs import Job, JobKind, JobStatus, result_file_name
from aurax_desktop.jobs.garments import garment_label
from aurax_desktop.jobs.params import GenerationParams, TryOnParams, decode
from aurax_desktop.jobs.short_names import person_label
from aurax_desktop.translation import _
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.canvas import fitted_device_size, scaled_smoothly
from aurax_desktop.ui.common.comparison import ComparisonCanvas
from aurax_desktop.ui.common.icons import tool_button
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.common.picture_window import open_picture
from aurax_desktop.ui.jobs.row_text import type_label


class ResultViewer(QFrame):
    message = Signal(str)
    saved_in = Signal(str)
    """A result was saved in this folder (the next Save as starts there)."""

    def __init__(
        self,
        work: BackgroundWork,
        cache: JobCache,
        parent: QWidget | None = None,
        results_folder: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.work, self.cache = work, cache
        self.results_folder = results_folder or (lambda: str(Path.home()))
        self.job_id: str | None = None
        """The job shown: its state is the cache's, read when needed."""
        self._put_away: str | None = None
        """The job that was shown until it went to the Trash (Undo shows it again)."""
        self._ticket = 0
        self.canvas = ComparisonCanvas()
        self.canvas.setMinimumSize(200, 160)  # the Jobs list below keeps its rows on small screens
        self.canvas.placeholder = _("Select a finished job to see its result here")
        self.canvas.setObjectName("resultView")
        self.canvas.setAccessibleName(_("Result"))
        title = QLabel(_("Result"))
        title.setObjectName("sectionTitle")
        self.caption = QLabel("")
        self.caption.setObjectName("muted")
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.compare_button = self._tool("compare", _("Compare before and after"), checkable=True)
        self.compare_button.toggled.connect(self._compare)
        buttons = [
            self.compare_button,
            self._tool("zoom-out", _("Zoom out"), slot=lambda: self.canvas.zoom_by(1 / 1.25)),
            self._tool("zoom-in", _("Zoom in"), slot=lambda: self.canvas.zoom_by(1.25)),
            self._tool("fit", _("Fit in view"), slot=self.canvas.fit),
            self._tool("save", _("Save as PNG or JPEG… (Ctrl+S)"), slot=self.save_as),
            self._tool("copy", _("Copy the picture"), slot=self.copy),
            self._tool("external", _("Open in the system's viewer"), slot=self.open_external),
        ]
        self._needs_result = buttons[1:]
        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(title)
        top.addStretch(1)
        for button in buttons:
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.caption)
        # the keyboard's order is the reading order: the bar's buttons, then the picture
        for first, then in pairwise([*buttons, self.canvas]):
            QWidget.setTabOrder(first, then)
        self.show_job(None)

    def _tool(
        self,
        name: str,
        tip: str,
        *,
        slot: Callable[[], None] | None = None,
        checkable: bool = False,
    ) -> QToolButton:
        button = tool_button(name, tip, checkable=checkable, parent=self)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    @property
    def job(self) -> Job | None:
        """The job shown, as the cache has it now."""
        return self.cache.get(self.job_id) if self.job_id is not None else None

    @property
    def result_path(self) -> Path | None:
        paths = self.job.result_paths if self.job else []
        return paths[0] if paths and paths[0].is_file() else None

    def show_job(self, job: Job | None) -> None:
        """Show ``job``'s result (loaded off the GUI thread)."""
        self._ticket += 1
        ticket = self._ticket
        self._put_away = None
        if job is not None:  # the newest the window knows (a job deleted for good: none)
            job = next(iter(self.cache.absorb([job])), None)
        self.job_id = job.id if job is not None else None
        self.caption.setText(self._caption(job))
        self.canvas.placeholder = self._waiting(job)
        has_result = job is not None and job.status is JobStatus.COMPLETED and bool(job.results)
        for button in self._needs_result:
            button.setEnabled(has_result)
        self.compare_button.setEnabled(
            has_result and job is not None and job.kind is JobKind.TRY_ON
        )
        if not has_result or job is None:
            self.canvas.set_image(None)
            self.canvas.set_before(None)
            return
        result = job.result_paths[0]
        before = job.folder / "person.jpg" if job.kind is JobKind.TRY_ON else None

        area, ratio = self.canvas.fit_area()

        def load() -> tuple[QImage, QImage | None, QImage]:
            image = QImage(str(result))
            if image.isNull():
                raise ImageError(
                    _("The result file {file} cannot be shown.").format(file=result.name)
                )
            old = QImage(str(before)) if before is not None and before.is_file() else None
            # Scaled to fit here, on the worker, so the first paint costs the window nothing.
            fitted = scaled_smoothly(image, fitted_device_size(image.size(), area, ratio))
            return image, old, fitted

        self.work.run(
            load,
            lambda images: self._loaded(ticket, *images),
            lambda error: self.message.emit(getattr(error, "user_message", str(error))),
        )

    def job_changed(self, job: Job) -> None:
        """A job as it now is: when it is the one shown, shown again (nothing, once it
        is in the Trash, and again when it comes back from it)."""
        if job.id not in (self.job_id, self._put_away):
            return
        if job.in_trash:
            self.show_job(None)
            self._put_away = job.id
        else:
            self.show_job(job)

    @staticmethod
    def _waiting(job: Job | None) -> str:
        """What the pane says while it shows no picture."""
        if job is None or job.status is JobStatus.COMPLETED:
            return _("Select a finished job to see its result here")
        if not job.status.is_final:
            return _("The result shows here when this job is done")
        return _("This job ended without a result")

    def _loaded(self, ticket: int, image: QImage, before: QImage | None, fitted: QImage) -> None:
        if ticket != self._ticket:
            return
        self.canvas.set_image(image, QSize(image.width(), image.height()), fitted)
        self.canvas.set_before(before)
        self.canvas.comparing = self.compare_button.isChecked() and before is not None

    def _compare(self, on: bool) -> None:
        self.canvas.set_comparing(on)

    @staticmethod
    def _caption(job: Job | None) -> str:
        if job is None:
            return ""
        if job.kind is JobKind.PRODUCT_DESCRIPTION:
            return job.shown_description or job.error or ""
        params = decode(job.kind.value, job.params)
        if isinstance(params, GenerationParams):
            return " · ".join(
                [
                    quoted(job.prompt or ""),
                    # Translators: a generated picture's size in pixels.
                    _("{width} × {height} px").format(width=params.width, height=params.height),
                ]
            )
        strength = params.garment_strength if isinstance(params, TryOnParams) else None
        who = person_label(job)
        what = garment_label(job.params) if isinstance(params, TryOnParams) else ""
        pair = (
            _("{person} with {garment}").format(person=who, garment=what) if who and what else who
        )
        parts = [
            pair,
            type_label(job.product_type),
            # Translators: the garment strength a try-on was sent with (1 to 3).
            _("strength {value}").format(value=strength) if strength else "",
        ]
        if job.prompt:
            parts.append(quoted(job.prompt))
        if job.error:
            parts.append(job.error)
        return " · ".join(p for p in parts if p)

    # Actions

    def save_as(self) -> None:
        source = self.result_path
        if source is None:
            return
        folder = Path(self.results_folder() or Path.home())  # there: made on first use
        name = result_file_name(self.job) if self.job is not None else "result.png"
        kinds = ";;".join(
            [
                # Translators: a kind of file offered in a save dialog (the brackets stay as
                # they are).
                _("PNG picture (*.png)"),
                # Translators: a kind of file offered in a save dialog (the brackets stay as
                # they are).
                _("JPEG picture (*.jpg)"),
            ]
        )
        target, _kind = QFileDialog.getSaveFileName(
            self, _("Save the result"), str(folder / name), kinds
        )
        if target:
            self.saved_in.emit(str(Path(target).parent))
            self.save_to(Path(target))

    def save_to(self, target: Path) -> None:
        """Save the result as ``target`` (PNG or JPEG by its name), on a worker."""
        source = self.result_path
        if source is None:
            return

        def save() -> Path:
            return save_as(source, target)

        self.work.run(
            save,
            lambda path: self.message.emit(_("Saved {file}.").format(file=path.name)),
            lambda error: self.message.emit(
                getattr(error, "user_message", None)
                or _("Could not save: {reason}").format(reason=error)
            ),
        )

    def copy(self) -> None:
        if self.canvas.display is not None:
            QGuiApplication.clipboard().setImage(self.canvas.display)
            self.message.emit(_("The result is on the clipboard."))

    def open_external(self) -> None:
        if self.result_path is not None:
            open_picture(self, self.result_path)


def quoted(text: str) -> str:
    """``text`` in the quotation marks of the user's language: “linen”, „Leinen“."""
    # Translators: a prompt quoted, with your language's quotation marks.
    return _("“{text}”").format(text=text)
