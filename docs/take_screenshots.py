"""Screenshots of the real window in demo mode, for the README.

Run under a virtual display:
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/take_screenshots.py [--dark] [--scale 2]

The window fills the screen, as a maximised window on a laptop does (the README's
screenshots are taken on a 1366 x 768 screen).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=None, help="folder for the pictures")
    return parser.parse_args()


# Qt reads its scale factor when its libraries load: set it before importing them.
ARGS = _arguments()
if ARGS.scale != 1.0:
    os.environ["QT_SCALE_FACTOR"] = f"{ARGS.scale:g}"

from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

if TYPE_CHECKING:
    from aurax_desktop.ui.shell.demo_banner import Sample
    from aurax_desktop.ui.shell.main_window import MainWindow

OUT = Path(__file__).resolve().parent / "screenshots"


def wait_until(app: QApplication, done: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def drag(widget: QWidget, points: list[QPointF]) -> None:
    """A left-button stroke through ``points`` (widget coordinates), as real events."""

    def send(
        kind: QEvent.Type, point: QPointF, button: Qt.MouseButton, buttons: Qt.MouseButton
    ) -> None:
        event = QMouseEvent(
            kind, point, widget.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(widget, event)

    left = Qt.MouseButton.LeftButton
    send(QEvent.Type.MouseButtonPress, points[0], left, left)
    for point in points[1:]:
        send(QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, left)
    send(QEvent.Type.MouseButtonRelease, points[-1], left, Qt.MouseButton.NoButton)


def main() -> None:
    args = ARGS
    os.environ.setdefault("AURAX_DATA_DIR", tempfile.mkdtemp(prefix="aurax-shots-"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if args.dark:
        os.environ["AURAX_THEME"] = "dark"

    from aurax_desktop.app import create_window, dispose
    from aurax_desktop.ui.common.theme import apply_theme
    from aurax_desktop.ui.shell.demo_banner import samples

    apply_theme(app)
    window = create_window(["--demo"])
    screen = window.screen().availableGeometry()
    window.setGeometry(screen)  # maximised (Xvfb has no window manager to do it)
    out = args.out or OUT
    out.mkdir(parents=True, exist_ok=True)
    suffix = ("-dark" if args.dark else "") + (f"-{args.scale:g}x" if args.scale != 1 else "")
    page = window.try_on
    found = {s.path.name: s for s in samples()}
    page.person_pane.load_path(found["person.jpg"].path)
    page.garment_pane.load_path(found["dress-red.png"].path)
    page.set_choices("DRESS", 2)
    wait_until(
        app, lambda: page.person_pane.source is not None and page.garment_pane.source is not None
    )
    canvas = page.mask_canvas
    rect = canvas.image_rect()
    points = [
        QPointF(rect.left() + rect.width() * x, rect.top() + rect.height() * y)
        for x, y in (
            (0.38, 0.28),
            (0.62, 0.28),
            (0.62, 0.45),
            (0.38, 0.45),
            (0.38, 0.62),
            (0.62, 0.62),
        )
    ]
    canvas.set_brush_size(60)
    drag(canvas, points)
    settle(app)
    window.grab().save(str(out / f"studio{suffix}.png"))
    page.submit()
    wait_until(app, lambda: any(j.status.is_final for j in window.model.jobs()), timeout=90)
    wait_until(app, window.viewer.canvas.has_image)
    window.viewer.compare_button.setChecked(True)
    settle(app)
    window.grab().save(str(out / f"result{suffix}.png"))

    window.navigation.setCurrentRow(1)
    generate = window.generate
    generate.prompt.setPlainText("A quilted red leather handbag, studio light, white background")
    generate.product_type.setCurrentIndex(generate.product_type.findData("BAG"))
    generate.preset.setCurrentText("Portrait 768 × 1024")
    generate.shape_pane.load_path(found["bag-leather.png"].path)
    wait_until(app, lambda: generate.shape_pane.source is not None)
    generate.variations.setValue(3)  # one entry in the jobs list, shown opened
    before = len(window.model.jobs())
    generate.submit()
    wait_until(
        app,
        lambda: (
            len(window.model.jobs()) > before
            and all(j.status.is_final for j in window.model.jobs())
        ),
        timeout=90,
    )
    window.model.flush()
    window.job_list.groups.toggle(window.model.index(0), expanded=True)
    window.job_list.setCurrentIndex(window.model.index(0))
    wait_until(app, window.viewer.canvas.has_image)
    settle(app)
    window.grab().save(str(out / f"generate{suffix}.png"))

    window.navigation.setCurrentRow(2)
    describe = window.describe
    describe.add_paths([s.path for s in found.values() if s.product_type != "PERSON"])
    for row, sample in enumerate(s for s in found.values() if s.product_type != "PERSON"):
        describe.model.setData(describe.model.index(row, 2), sample.product_type)
    describe.describe_all()
    wait_until(app, lambda: all(r.done for r in describe.model.rows), timeout=90)
    settle(app)
    window.grab().save(str(out / f"describe{suffix}.png"))
    gallery_and_lookbook(app, window, found, out, suffix)
    print(f"saved the screenshots{suffix} in {out}")
    window.close()
    dispose(window)


def gallery_and_lookbook(
    app: QApplication, window: MainWindow, found: dict[str, Sample], out: Path, suffix: str
) -> None:
    """A 2 x 3 batch, some marks, the gallery; then the first page of its lookbook."""
    from PIL import Image, ImageOps
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    folder = Path(tempfile.mkdtemp(prefix="aurax-shots-people-"))
    people = [folder / "model-ana.jpg", folder / "model-bea.jpg"]
    with Image.open(found["person.jpg"].path) as person:
        person.save(people[0], quality=92)
        ImageOps.mirror(person).save(people[1], quality=92)
    garments = [
        found[name].path for name in ("dress-red.png", "top-striped.png", "sneakers-white.png")
    ]
    window.navigation.setCurrentRow(0)
    page = window.try_on
    page.person_pane.clear()
    page.garment_pane.clear()
    page.person_pane.load_paths(people)
    page.garment_pane.load_paths(garments)
    wait_until(app, lambda: page.blocker() == "" and page.person_pane.source is not None)

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Ok).click()
        else:
            QTimer.singleShot(50, confirm)

    QTimer.singleShot(50, confirm)
    page.submit()
    catalog = window.catalog
    wait_until(app, lambda: window.navigation.currentRow() == 3, timeout=30)
    wait_until(
        app,
        lambda: catalog.model.rowCount() == 2 and catalog.model.counts()["done"] == 6,
        timeout=120,
    )
    gallery = catalog.gallery
    for row, column, mark in ((0, 0, "favourite"), (1, 1, "favourite"), (0, 2, "rejected")):
        job = catalog.model.job_at(catalog.model.index(row, column))
        if job is not None:
            catalog.mark(job, mark)
    gallery.setFocus()
    gallery.setCurrentIndex(catalog.model.index(1, 1))
    wait_until(app, lambda: catalog.model.jobs()[0].mark == "favourite", timeout=10)
    settle(app)
    window.grab().save(str(out / f"gallery{suffix}.png"))
    if suffix:
        return
    from aurax_desktop.exports import from_jobs, write_pdf

    pdf = write_pdf(from_jobs(catalog.model.jobs()), folder / "lookbook.pdf")
    renderer = shutil.which("pdftoppm")  # poppler-utils: the PDF's first page as a picture
    if renderer:
        subprocess.run(  # noqa: S603 - our own file, a fixed program
            [
                renderer,
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(out / "lookbook-page"),
            ],
            check=True,
        )


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    APP = QApplication(sys.argv[:1])  # outlives every window, as in the program itself
    main()
