"""The window stays responsive at catalog scale.

1. A 10 x 10 batch of 24-megapixel photos: both folders are added to the panes,
   the batch is confirmed (its question answered: Send) and sent, and its 100
   try-ons are prepared, sent, followed and downloaded against the demo server (in
   its own process), while a 5 ms heartbeat measures the event loop. Targets: worst
   gap at most 150 ms, 99th percentile at most 50 ms.
2. The gallery scrolls through 1,000 results (a 25 x 40 batch made in the history
   with its previews on disk): one step of the scroll bar at a time, each painted;
   thumbnails are read on a worker. Prints the slowest and the 99th percentile step.

Run: python benchmarks/gui_batch.py (offscreen unless a display is set).
"""

from __future__ import annotations

import io
import os
import statistics
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
from batch_catalog import PHOTO, photos
from gui_stall import PHASE, Heartbeat, quiet_offscreen_warnings, wait
from PIL import Image
from PySide6.QtCore import QElapsedTimer, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

SIDE = sized(10, 2)
GALLERY = sized((25, 40), (2, 3))
"""The gallery's rows (people) and columns (garments)."""


def answer_the_question() -> None:
    """Send, in the question before the batch (once it is open)."""
    from aurax_desktop.ui.studio.batch import BatchQuestion  # noqa: PLC0415

    question = QApplication.activeModalWidget()
    if isinstance(question, BatchQuestion):
        question.send_button.click()
    else:
        QTimer.singleShot(20, answer_the_question)


def summary(gaps: list[float], what: str) -> str:
    if not gaps:
        return f"{what}: nothing to measure"
    ordered = sorted(gaps)
    return (
        f"{what}: {len(ordered)} samples, median {statistics.median(ordered):.1f} ms, "
        f"p99 {ordered[int(len(ordered) * 0.99)]:.1f} ms, worst {ordered[-1]:.1f} ms"
    )


def batch_of_100(app: QApplication, url: str, folder: Path) -> None:
    from aurax_desktop.app import create_window, dispose  # noqa: PLC0415

    people, garments = folder / "people", folder / "garments"
    people.mkdir(exist_ok=True)
    garments.mkdir(exist_ok=True)
    photos(people, "person", SIDE)
    photos(garments, "garment", SIDE)
    os.environ["AURAX_API_KEY"], os.environ["AURAX_KEY_ID"] = "demo-key", "demo"
    window = create_window(["--base-url", url])
    window.resize(1366, 740)
    window.show()
    wait(app, lambda: window.session.connected)  # the key is used once it shows
    page = window.features.try_on
    heart = Heartbeat()
    heart.start()
    started = time.monotonic()
    PHASE[0] = "adding photos"
    page.person_pane.load_paths([people])
    page.garment_pane.load_paths([garments])
    wait(app, lambda: page.blocker() == "" and len(page.person_pane.photos()) == SIDE)
    PHASE[0] = "sending"
    QTimer.singleShot(20, answer_the_question)
    page.submit()
    store = window.session.store
    wait(app, lambda: store.count() >= SIDE * SIDE)
    PHASE[0] = "following"
    wait(app, lambda: all(j.status.is_final for j in store.query()), timeout=900)
    elapsed = time.monotonic() - started
    heart.timer.stop()
    done = sum(j.status.value == "completed" for j in store.query())
    dispose(window)
    shiboken6.delete(heart.timer)
    print(
        f"{SIDE} x {SIDE} batch of {PHOTO[0]} x {PHOTO[1]} photos in {elapsed:.1f} s: "
        f"{done} of {SIDE * SIDE} completed"
    )
    print(summary(heart.gaps, "event loop gaps (target: p99 at most 50 ms, worst at most 150)"))


def gallery_of_1000(app: QApplication) -> None:
    from aurax_desktop.app import create_window, dispose  # noqa: PLC0415
    from aurax_desktop.jobs import Job, JobKind, JobStatus, new_job_id  # noqa: PLC0415
    from aurax_desktop.jobs.params import Sent, encode  # noqa: PLC0415

    window = create_window([])
    window.resize(1366, 740)
    store = window.session.store
    batch = new_job_id()
    rows, columns = GALLERY
    for row in range(rows):
        for column in range(columns):
            job = Job(
                new_job_id(),
                JobKind.TRY_ON,
                JobStatus.COMPLETED,
                "GARMENT",
                params={
                    **encode(None, Sent(batch_row=row, batch_column=column)),
                    "garment_name": f"garment-{column}.jpg",
                },
                batch_name="A thousand looks",
                results=("result.jpg",),
                source_name=f"person-{row}.jpg",
                batch=batch,
            )
            job.folder.mkdir(parents=True)
            preview = io.BytesIO()
            Image.new("RGB", (171, 256), (row * 9, column * 6, 120)).save(preview, "JPEG")
            (job.folder / "thumbnail.jpg").write_bytes(preview.getvalue())
            (job.folder / "result.jpg").write_bytes(preview.getvalue())
            store.insert([job])
    window.show()
    window.frame.show_page("gallery")
    catalog = window.features.gallery
    catalog.refresh_batches(batch)
    wait(app, lambda: catalog.model.rowCount() == rows)
    gallery = catalog.gallery
    steps: list[float] = []
    clock = QElapsedTimer()
    for bar in (gallery.verticalScrollBar(), gallery.horizontalScrollBar()):
        bar.setValue(0)
        while bar.value() < bar.maximum():
            clock.start()
            bar.setValue(bar.value() + bar.singleStep())
            gallery.viewport().repaint()
            app.processEvents()
            steps.append(clock.nsecsElapsed() / 1e6)
    dispose(window)
    print(summary(steps, f"gallery of {rows * columns} results, one scroll step painted"))


def main() -> None:
    qInstallMessageHandler(quiet_offscreen_warnings)
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="aurax-gui-batch-"))
    with demo_process("--task-seconds", sized("1", "0.2"), "--credits", "100000") as url:
        batch_of_100(app, url, folder)
    gallery_of_1000(app)


if __name__ == "__main__":
    main()
