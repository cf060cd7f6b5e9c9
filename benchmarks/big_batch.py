"""An agency's season in the window: 10,000 looks (100 people x 100 garments).

Both folders are added to the Try-On page's panes, the batch is confirmed (its
question answered: Send) and sent, and its 10,000 try-ons are prepared, sent,
followed and downloaded against the demo server (in its own process), with the
Gallery in front, while a 5 ms heartbeat measures the event loop. Then a new window
opens on the history that holds the batch, and the time is taken until the Jobs
list shows its rows and until the Gallery shows the batch's grid.

Targets: event loop 99th percentile gap at most 50 ms; the program's peak memory at
most 500 MB; the Jobs list and the Gallery open the batch in at most 1 s each.

Baselines, in the same run: the heartbeat and the memory of the same window
opened with an empty history and left alone for a few seconds.

Run: python benchmarks/big_batch.py [--side N] (offscreen unless a display is set).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
os.environ["AURAX_DATA_DIR"] = tempfile.mkdtemp(prefix="aurax-bench-")

import shiboken6
from _demo_process import demo_process
from _tiny import sized
from gui_batch import answer_the_question, summary
from gui_stall import PHASE, Heartbeat, quiet_offscreen_warnings, wait
from PIL import Image
from PySide6.QtCore import QElapsedTimer, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

SIDE = sized(100, 3)
PHOTO = (600, 900)
"""Photos as a catalog's web exports are: the batch's cost is its count, not its pixels."""
IDLE_SECONDS = sized(3.0, 0.3)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_photos(folder: Path, prefix: str, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        shade = (number * 37 % 200 + 30, number * 11 % 200 + 30, 140)
        Image.new("RGB", PHOTO, shade).save(folder / f"{prefix}-{number:03}.jpg", quality=85)


def open_window(url: str) -> object:
    from aurax_desktop.app import create_window  # noqa: PLC0415

    window = create_window(["--base-url", url])
    window.resize(1366, 740)
    window.show()
    return window


def idle(app: QApplication, url: str) -> tuple[list[float], float]:
    """The baseline: the window on an empty history, left alone."""
    from aurax_desktop.app import dispose  # noqa: PLC0415

    window = open_window(url)
    wait(app, lambda: window.session.connected)  # type: ignore[attr-defined]
    heart = Heartbeat()
    heart.start()
    clock = time.monotonic()
    wait(app, lambda: time.monotonic() - clock > IDLE_SECONDS)
    heart.timer.stop()
    shiboken6.delete(heart.timer)
    memory = peak_mb()
    dispose(window)  # type: ignore[arg-type]
    return heart.gaps, memory


def send_and_follow(app: QApplication, url: str, folder: Path) -> tuple[list[float], float]:
    from aurax_desktop.app import dispose  # noqa: PLC0415

    window = open_window(url)
    wait(app, lambda: window.session.connected)  # type: ignore[attr-defined]
    page = window.features.try_on  # type: ignore[attr-defined]
    cache = window.cache  # type: ignore[attr-defined]
    heart = Heartbeat()
    heart.start()
    started = time.monotonic()
    PHASE[0] = "adding photos"
    page.person_pane.load_paths([folder / "people"])
    page.garment_pane.load_paths([folder / "garments"])
    wait(app, lambda: page.blocker() == "" and len(page.person_pane.photos()) == SIDE)
    PHASE[0] = "sending"
    QTimer.singleShot(20, answer_the_question)
    page.submit()
    wait(app, lambda: len(cache) >= SIDE * SIDE, timeout=600)
    PHASE[0] = "following"
    gallery = window.features.gallery.model  # type: ignore[attr-defined]
    wait(app, lambda: gallery.rowCount() == SIDE and gallery.columnCount() == SIDE, timeout=600)

    def ended() -> bool:
        counts = gallery.counts()
        return counts["done"] + counts["failed"] >= SIDE * SIDE

    wait(app, ended, timeout=3600)
    elapsed = time.monotonic() - started
    heart.timer.stop()
    shiboken6.delete(heart.timer)
    done = gallery.counts()["done"]
    dispose(window)  # type: ignore[arg-type]
    print(f"{SIDE} x {SIDE} batch sent and followed in {elapsed:.0f} s: {done} completed")
    return heart.gaps, peak_mb()


def reopen(app: QApplication, url: str) -> tuple[float, float]:
    """Seconds until a new window's Jobs list shows its rows, and until its Gallery
    shows the batch's grid."""
    from aurax_desktop.app import dispose  # noqa: PLC0415

    clock = QElapsedTimer()
    clock.start()
    window = open_window(url)
    jobs = window.features.jobs.model  # type: ignore[attr-defined]
    wait(app, lambda: jobs.rowCount() > 0, timeout=60)
    listed = clock.elapsed() / 1000
    catalog = window.features.gallery  # type: ignore[attr-defined]
    window.frame.show_page("gallery")  # type: ignore[attr-defined]
    clock.start()
    catalog.refresh_batches()
    wait(
        app,
        lambda: catalog.model.rowCount() == SIDE and catalog.model.columnCount() == SIDE,
        timeout=60,
    )
    app.processEvents()  # its first paint
    shown = clock.elapsed() / 1000
    dispose(window)  # type: ignore[arg-type]
    return listed, shown


def main() -> None:
    global SIDE  # noqa: PLW0603 - the one size every step uses
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, default=SIDE, help="people and garments each")
    SIDE = parser.parse_args().side
    qInstallMessageHandler(quiet_offscreen_warnings)
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="aurax-big-batch-"))
    make_photos(folder / "people", "model", SIDE)
    make_photos(folder / "garments", "garment", SIDE)
    os.environ["AURAX_API_KEY"], os.environ["AURAX_KEY_ID"] = "demo-key", "demo"
    options = ("--task-seconds", sized("0.5", "0.1"), "--credits", "1000000")
    with demo_process(*options) as url:
        quiet, quiet_mb = idle(app, url)
        gaps, batch_mb = send_and_follow(app, url, folder)
        listed, shown = reopen(app, url)
    print(summary(gaps, "event loop gaps (target: p99 at most 50 ms)"))
    print(summary(quiet, "baseline: the same window idle on an empty history"))
    print(f"peak memory {batch_mb:.0f} MB (target: at most 500); idle window {quiet_mb:.0f} MB")
    print(
        f"a new window: the Jobs list shows its rows in {listed:.2f} s, the Gallery the "
        f"batch in {shown:.2f} s (target: at most 1 s each)"
    )


if __name__ == "__main__":
    main()
