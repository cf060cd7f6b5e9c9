"""The Gallery scrolls through 1,000 and 10,000 results without a stutter.

A batch is made in the history (25 x 40 and 100 x 100 try-ons, each with its preview
on disk, as a finished batch has), opened in the Gallery of a 1366 x 740 window, and
scrolled from top to bottom and from left to right, one step of the scroll bar at a
time, each step painted. Thumbnails are read on a worker: a step never waits for one.
Target: the 99th percentile step at most 16 ms.

Baseline, measured in the same run: a bare QTableView of as many cells, each
holding its picture already (a QStandardItemModel, Qt's own delegate), scrolled the
same way. A slow machine shows as a slow baseline, not as a regression.

Run: python benchmarks/gallery_scroll.py (offscreen unless a display is set).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
os.environ["AURAX_DATA_DIR"] = tempfile.mkdtemp(prefix="aurax-bench-")

from _tiny import sized
from gui_stall import quiet_offscreen_warnings, wait
from PIL import Image
from PySide6.QtCore import QElapsedTimer, QSize, qInstallMessageHandler
from PySide6.QtGui import QColor, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

GRIDS = sized(((25, 40), (100, 100)), ((2, 3), (3, 4)))
"""The batches' people (rows) and garments (columns)."""
PREVIEW = (171, 256)
"""A result's preview on disk (what a finished try-on keeps for the Gallery)."""
WINDOW = QSize(1366, 740)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def summary(steps: list[float]) -> str:
    if not steps:
        return "nothing to measure"
    return (
        f"{len(steps)} steps, median {percentile(steps, 0.5):.1f} ms, "
        f"p99 {percentile(steps, 0.99):.1f} ms, worst {max(steps):.1f} ms"
    )


def scroll_through(app: QApplication, view: QAbstractItemView) -> list[float]:
    """Milliseconds per scroll step (the step, its paint and the events it brought)."""
    steps: list[float] = []
    clock = QElapsedTimer()
    for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
        bar.setValue(0)
        app.processEvents()
        while bar.value() < bar.maximum():
            clock.start()
            bar.setValue(bar.value() + bar.singleStep())
            view.viewport().repaint()
            app.processEvents()
            steps.append(clock.nsecsElapsed() / 1e6)
    return steps


def bare_table(app: QApplication, rows: int, columns: int, cell: QSize) -> list[float]:
    """The baseline: Qt's own table of pictures already in memory."""
    model = QStandardItemModel(rows, columns)
    picture = QPixmap(cell.width() - 16, cell.height() - 34)
    picture.fill(QColor(120, 110, 100))
    for row in range(rows):
        for column in range(columns):
            item = QStandardItem()
            item.setData(picture, 1)  # Qt.DecorationRole
            model.setItem(row, column, item)
    view = QTableView()
    view.setModel(model)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.horizontalHeader().setDefaultSectionSize(cell.width())
    view.verticalHeader().setDefaultSectionSize(cell.height())
    view.resize(WINDOW)
    view.show()
    steps = scroll_through(app, view)
    view.deleteLater()
    return steps


def make_batch(rows: int, columns: int) -> str:
    """A finished batch in the history, each try-on with its preview on disk."""
    from aurax_desktop.jobs import Job, JobKind, JobStatus, JobStore, new_job_id  # noqa: PLC0415
    from aurax_desktop.jobs.params import Sent, encode  # noqa: PLC0415

    batch = new_job_id()
    jobs = []
    preview = io.BytesIO()
    Image.new("RGB", PREVIEW, (150, 120, 110)).save(preview, "JPEG")
    for row in range(rows):
        for column in range(columns):
            job = Job(
                new_job_id(),
                JobKind.TRY_ON,
                JobStatus.COMPLETED,
                "GARMENT",
                params={
                    **encode(None, Sent(batch_row=row, batch_column=column)),
                    "garment_name": f"SS27-resort-garment-{column:03}.jpg",
                },
                batch_name=f"{rows * columns} looks",
                results=("result.jpg",),
                source_name=f"SS27-resort-model-{row:03}.jpg",
                batch=batch,
                created_at=float(row * columns + column),
            )
            job.folder.mkdir(parents=True)
            (job.folder / "thumbnail.jpg").write_bytes(preview.getvalue())
            (job.folder / "result.jpg").write_bytes(preview.getvalue())
            jobs.append(job)
    store = JobStore()
    store.insert(jobs)
    store.close()
    return batch


def gallery(app: QApplication, batch: str, rows: int) -> tuple[list[float], QSize]:
    """The program's Gallery scrolled through ``batch``; its steps and its cell size."""
    from aurax_desktop.app import create_window, dispose  # noqa: PLC0415

    # a key, so no welcome dialog waits for an answer
    os.environ["AURAX_API_KEY"], os.environ["AURAX_KEY_ID"] = "demo-key", "demo"
    window = create_window([])
    window.resize(WINDOW)
    window.show()
    window.frame.show_page("gallery")
    catalog = window.features.gallery
    catalog.refresh_batches(batch)
    wait(app, lambda: catalog.model.rowCount() == rows)
    grid = catalog.gallery
    cell = QSize(grid.columnWidth(0), grid.rowHeight(0))
    steps = scroll_through(app, grid)
    dispose(window)
    return steps, cell


def main() -> None:
    qInstallMessageHandler(quiet_offscreen_warnings)
    app = QApplication(sys.argv[:1])
    print(f"one scroll step painted, window {WINDOW.width()} x {WINDOW.height()}")
    for rows, columns in GRIDS:
        batch = make_batch(rows, columns)
        steps, cell = gallery(app, batch, rows)
        baseline = bare_table(app, rows, columns, cell)
        what = f"{rows * columns} results ({rows} x {columns})"
        print(f"{what:28} Gallery:  {summary(steps)} (target: p99 at most 16 ms)")
        print(f"{'':28} baseline: {summary(baseline)} (a bare QTableView of pictures)")
        if steps and baseline:
            median, p99 = (
                percentile(steps, share) / max(0.01, percentile(baseline, share))
                for share in (0.5, 0.99)
            )
            print(f"{'':28} Gallery / baseline: median {median:.1f}x, p99 {p99:.1f}x")


if __name__ == "__main__":
    main()
