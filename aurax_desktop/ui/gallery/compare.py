"""Two to four results side by side at the same zoom: zooming or panning one moves them
all, so the same detail is compared in each (Lightroom's compare view)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QMouseEvent, QShortcut, QWheelEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QVBoxLayout, QWidget

from aurax_desktop.jobs import Job
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.canvas import ImageCanvas
from aurax_desktop.ui.gallery.model import describe_cell

MAX_COMPARED = 4


class _LinkedCanvas(ImageCanvas):
    moved = Signal()

    def zoom_by(self, factor: float, anchor: object = None) -> None:
        super().zoom_by(factor, anchor)  # type: ignore[arg-type]
        self.moved.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.moved.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        super().wheelEvent(event)
        self.moved.emit()


class CompareView(QDialog):
    def __init__(self, jobs: list[Job], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        # Translators: the title of the window that compares two to four results.
        title = ngettext("Compare {count} results", "Compare {count} results", len(jobs))
        self.setWindowTitle(title.format(count=len(jobs)))
        self.canvases: list[_LinkedCanvas] = []
        grid = QGridLayout()
        grid.setSpacing(8)
        for number, job in enumerate(jobs[:MAX_COMPARED]):
            canvas = _LinkedCanvas()
            canvas.setMinimumSize(160, 200)
            image = QImage(str(job.result_paths[0])) if job.result_paths else QImage()
            canvas.set_image(image if not image.isNull() else None)
            canvas.setAccessibleName(describe_cell(job))
            canvas.moved.connect(lambda c=canvas: self._follow(c))
            caption = QLabel(describe_cell(job))
            caption.setObjectName("muted")
            caption.setWordWrap(True)
            column = QVBoxLayout()
            column.addWidget(canvas, 1)
            column.addWidget(caption)
            grid.addLayout(column, 0, number)
            self.canvases.append(canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        hint = QLabel(_("Zoom with the wheel and drag to pan: every picture follows."))
        hint.setObjectName("hint")
        layout.addWidget(hint)
        layout.addLayout(grid, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            self.resize(int(room.width() * 0.85), int(room.height() * 0.8))

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.same_zoom()

    def same_zoom(self) -> None:
        """Every picture at the smallest of their fitted zooms, centred."""
        shown = [c for c in self.canvases if c.has_image()]
        for canvas in shown:
            canvas.fit()
        if not shown:
            return
        smallest = min(shown, key=lambda c: c.zoom_percent())
        self._follow(smallest)

    def _follow(self, leader: _LinkedCanvas) -> None:
        """The others take the leader's zoom (relative to the photo's own pixels) and
        its view of the picture's centre."""
        if not leader.has_image():
            return
        assert leader.display is not None
        zoom = leader.zoom_percent()
        centre = leader.to_display(leader.rect().center().toPointF())
        across = centre.x() / max(1, leader.display.width())
        down = centre.y() / max(1, leader.display.height())
        for canvas in self.canvases:
            if canvas is leader or canvas.display is None or canvas.display.isNull():
                continue
            canvas.scale = zoom / 100.0 * canvas.display_to_source()
            there = QPointF(across * canvas.display.width(), down * canvas.display.height())
            canvas.offset = canvas.rect().center().toPointF() - there * canvas.scale
            canvas.fitted = False
            canvas.update()
