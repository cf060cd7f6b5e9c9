"""Screenshots of the real window in demo mode, for the README.

Run under a virtual display with a window manager (Debian: xvfb openbox):
    xvfb-run -a -s "-screen 0 1366x768x24" sh -c \
        'openbox & sleep 1; python docs/take_screenshots.py [--dark] [--scale 2]'

The window is maximised, as on a laptop: the screen less the title bar (the README's
screenshots are taken on a 1366 x 768 screen), and taken as the screen shows it.
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

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer  # noqa: E402
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
    window.showMaximized()  # as on a laptop: the screen less the window manager's title bar
    wait_until(app, lambda: window.isMaximized() and window.windowHandle().isExposed())
    settle(app)
    out = args.out or OUT
    out.mkdir(parents=True, exist_ok=True)
    suffix = ("-dark" if args.dark else "") + (f"-{args.scale:g}x" if args.scale != 1 else "")
    page = window.features.try_on
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
    shoot(app, window, out / f"studio{suffix}.png")
    page.submit()
    wait_until(
        app, lambda: any(j.status.is_final for j in window.features.jobs.model.jobs()), timeout=90
    )
    wait_until(app, window.features.viewer.canvas.has_image)
    window.features.viewer.compare_button.setChecked(True)
    settle(app)
    shoot(app, window, out / f"result{suffix}.png")

    window.frame.show_page("generate")
    generate = window.features.generate
    generate.prompt.setPlainText("A quilted red leather handbag, studio light, white background")
    generate.product_type.setCurrentIndex(generate.product_type.findData("BAG"))
    generate.preset.setCurrentText("Portrait 768 × 1024")
    generate.shape_pane.load_path(found["bag-leather.png"].path)
    wait_until(app, lambda: generate.shape_pane.source is not None)
    generate.variations.setValue(3)  # one entry in the jobs list, shown opened
    before = len(window.features.jobs.model.jobs())
    generate.submit()
    wait_until(
        app,
        lambda: (
            len(window.features.jobs.model.jobs()) > before
            and all(j.status.is_final for j in window.features.jobs.model.jobs())
        ),
        timeout=90,
    )
    window.features.jobs.model.flush()
    window.features.jobs.job_list.groups.toggle(window.features.jobs.model.index(0), expanded=True)
    window.features.jobs.job_list.setCurrentIndex(window.features.jobs.model.index(0))
    wait_until(app, window.features.viewer.canvas.has_image)
    settle(app)
    shoot(app, window, out / f"generate{suffix}.png")

    window.frame.show_page("describe")
    describe = window.features.describe
    describe.add_paths([s.path for s in found.values() if s.product_type != "PERSON"])
    for row, sample in enumerate(s for s in found.values() if s.product_type != "PERSON"):
        describe.model.setData(describe.model.index(row, 2), sample.product_type)
    describe.describe_all()
    wait_until(app, lambda: all(r.done for r in describe.model.rows), timeout=90)
    settle(app)
    shoot(app, window, out / f"describe{suffix}.png")
    season(app, window, found, out, suffix)
    print(f"saved the screenshots{suffix} in {out}")
    window.close()
    dispose(window)


SEASON = (
    # sample, file name, SKU, name, type, price, colour
    ("dress-red.png", "SS27-resort-linen-midi-dress-washed-red.png", "SS27-014",
     "Linen midi dress", "dress", 129, "Washed red"),
    ("top-striped.png", "SS27-resort-breton-top-striped-navy-ecru.png", "SS27-021",
     "Breton top", "garment", 59, "Navy and ecru"),
    ("sneakers-white.png", "SS27-resort-court-sneaker-white-leather.png", "SS27-033",
     "Court sneaker", "footwear", 110, "White"),
    ("bag-leather.png", "SS27-resort-leather-tote-bag-cognac.png", "SS27-047",
     "Leather tote", "bag", 189, "Cognac"),
)  # fmt: skip
PEOPLE = (
    "SS27-resort-look-model-anna-maria.jpg",
    "SS27-resort-look-model-beatriz.jpg",
    "SS27-resort-look-model-chloe.jpg",
)


def season(
    app: QApplication, window: MainWindow, found: dict[str, Sample], out: Path, suffix: str
) -> None:
    """A season: three people and the garment list (an XLSX with SKUs, names, types and
    prices) in the panes; the 3 x 4 batch in the Gallery, culled with flags and stars;
    the loupe; then the first pages of its lookbook and its line sheet."""
    from openpyxl import Workbook
    from PIL import Image, ImageEnhance, ImageOps

    from aurax_desktop.ui.studio.batch import BatchQuestion

    folder = Path(tempfile.mkdtemp(prefix="aurax-shots-season-"))
    people = [folder / name for name in PEOPLE]
    with Image.open(found["person.jpg"].path) as person:
        person.save(people[0], quality=92)
        ImageOps.mirror(person).save(people[1], quality=92)
        ImageEnhance.Brightness(person).enhance(1.12).save(people[2], quality=92)
    listed = Workbook()
    sheet = listed.active
    sheet.append(["File", "SKU", "Name", "Type", "Price", "Colour"])
    for sample, name, *details in SEASON:
        shutil.copy(found[sample].path, folder / name)
        sheet.append([name, *details])
    listed.save(folder / "SS27 resort.xlsx")

    window.frame.show_page("try-on")
    page = window.features.try_on
    page.person_pane.remove_all()
    page.garment_pane.remove_all()
    page.person_pane.load_paths(people)
    page.load_garment_list(folder / "SS27 resort.xlsx")
    wait_until(
        app,
        lambda: (
            len(page.garment_pane.photos()) == len(SEASON)
            and len(page.person_pane.photos()) == len(PEOPLE)
            and page.blocker() == ""
        ),
    )
    page.garment_pane.strip.setCurrentRow(1)  # the striped top, as a click shows it
    wait_until(
        app,
        lambda: (
            page.garment_pane.shown is page.garment_pane.photos()[1]
            and not page.garment_pane.loading
        ),
    )
    settle(app)
    shoot(app, window, out / f"season{suffix}.png")

    def answer() -> None:
        question = QApplication.activeModalWidget()
        if isinstance(question, BatchQuestion):
            if not suffix:
                shoot(app, question, out / "batch-question.png")
            question.send_button.click()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    page.submit()
    catalog = window.features.gallery
    wait_until(app, lambda: window.frame.current_page() == "gallery", timeout=30)
    count = len(PEOPLE) * len(SEASON)
    wait_until(
        app,
        lambda: catalog.model.rowCount() == len(PEOPLE) and catalog.model.counts()["done"] == count,
        timeout=180,
    )
    model = catalog.model
    for row, column, mark, stars in (
        (0, 0, "favourite", 5),
        (1, 1, "favourite", 4),
        (2, 3, "", 3),
        (0, 2, "rejected", 0),
    ):
        job = model.job_at(model.index(row, column))
        if job is not None:
            catalog.culling.mark([job], mark)
            catalog.culling.rate([job], stars)
    gallery = catalog.gallery
    gallery.setFocus()
    gallery.setCurrentIndex(model.index(1, 1))
    wait_until(app, lambda: not catalog.culling.saving, timeout=10)
    settle(app)
    shoot(app, window, out / f"gallery{suffix}.png")
    job = model.job_at(model.index(1, 1))
    assert job is not None
    catalog.large_view(job)  # it fills the window: the result against its person photo
    wait_until(app, lambda: catalog.loupe.canvas.before is not None, timeout=10)
    catalog.loupe.compare_button.setChecked(True)
    settle(app)
    shoot(app, window, out / f"loupe{suffix}.png")
    catalog.loupe.compare_button.setChecked(False)
    catalog.page.close_loupe()
    if suffix:
        return
    from aurax_desktop.exports import from_jobs, write_pdf
    from aurax_desktop.exports.linesheet import from_jobs as sheet_from_jobs
    from aurax_desktop.exports.linesheet import write_linesheet

    jobs = model.jobs()
    lookbook, _notes = write_pdf(from_jobs(jobs), folder / "lookbook.pdf")
    linesheet, _notes = write_linesheet(sheet_from_jobs(jobs), folder / "linesheet.pdf")
    first_page(lookbook, out / "lookbook-page")
    first_page(linesheet, out / "linesheet-page", page=2)  # the first after the cover


def shoot(app: QApplication, widget: QWidget, target: Path) -> None:
    """What the screen shows of ``widget``'s window, its frame and title bar included
    (drawn by the window manager)."""
    frame = widget.window().frameGeometry()
    screen = app.primaryScreen()
    screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(target))


def first_page(pdf: Path, target: Path, *, page: int = 1) -> None:
    renderer = shutil.which("pdftoppm")  # poppler-utils: the PDF's page as a picture
    if renderer:
        pages = ["-f", str(page), "-l", str(page)]
        subprocess.run(  # noqa: S603 - our own file, a fixed program
            [renderer, "-png", "-r", "70", *pages, "-singlefile", pdf, target],
            check=True,
        )


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    APP = QApplication(sys.argv[:1])  # outlives every window, as in the program itself
    main()
