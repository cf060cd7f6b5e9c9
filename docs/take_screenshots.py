"""Screenshots of the real window in demo mode, for the README.

Run under a virtual display:
    xvfb-run -a -s "-screen 0 1366x768x24" python docs/take_screenshots.py [--dark] [--scale 2]

The window fills the screen, as a maximised window on a laptop does (the README's
screenshots are taken on a 1366 x 768 screen).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


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
    from aurax_desktop.ui.demo_banner import samples
    from aurax_desktop.ui.theme import apply_theme

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
    app.processEvents()
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
    print(f"saved the screenshots{suffix} in {out}")
    window.close()
    dispose(window)


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    APP = QApplication(sys.argv[:1])  # outlives every window, as in the program itself
    main()
