"""Opening a picture: in the system's picture viewer, or, where none is set up, in a
large window of the program's own (never a silent failure)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from aurax_desktop.translation import _
from aurax_desktop.ui.common.canvas import ImageCanvas


class LargeView(QDialog):
    """The picture, large: zoom with the wheel, pan by dragging, double-click to fit."""

    def __init__(self, path: Path, parent: QWidget | None = None, note: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("largeView")
        self.setWindowTitle(path.name)
        self.canvas = ImageCanvas()
        self.canvas.setAccessibleName(_("Picture: {name}").format(name=path.name))
        image = QImage(str(path))
        self.canvas.set_image(image if not image.isNull() else None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        if note:
            said = QLabel(note)
            said.setObjectName("hint")
            said.setWordWrap(True)
            layout.addWidget(said)
        layout.addWidget(self.canvas, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is not None:
            self.resize(int(room.width() * 0.8), int(room.height() * 0.85))


def open_picture(parent: QWidget, path: Path) -> QDialog | None:
    """The picture in the system's viewer; in a ``LargeView`` when there is none (that
    window is returned, already shown)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return None
    view = LargeView(
        path,
        parent,
        _("No picture viewer is set up on this computer, so the picture is shown here."),
    )
    view.show()
    return view
