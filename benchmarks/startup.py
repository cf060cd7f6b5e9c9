"""From process start to the first painted window, with 10,000 jobs in the history,
beside a bare PySide6 window's first paint measured in the same run.

Each run is a fresh process (offscreen unless a display is set) started by
this script; the child reports when its main window receives its first paint
event. Target: the program's median at most 4 times the bare window's (a slow
machine shows as a slow baseline, not as a regression). Run:
python benchmarks/startup.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _tiny import sized

CHILD = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from aurax_desktop.app import create_window, dispose
from aurax_desktop.ui.common.theme import apply_theme

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", flush=True)
            app.quit()
        return False

apply_theme(app)
window = create_window(["--base-url", "http://127.0.0.1:9"])
first = FirstPaint()
window.installEventFilter(first)
window.update()
app.exec()
dispose(window)
"""


BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", flush=True)
            app.quit()
        return False

window = QMainWindow()
window.resize(1280, 720)
first = FirstPaint()
window.installEventFilter(first)
window.show()
app.exec()
"""
"""The baseline: a bare PySide6 window, shown and painted once."""


def fill_history(count: int) -> None:
    """``count`` finished jobs, each with a result and a thumbnail, as after months of use."""
    from PIL import Image  # noqa: PLC0415

    from aurax_desktop.jobs import Job, JobKind, JobStatus, JobStore  # noqa: PLC0415

    store = JobStore()
    thumb = Image.new("RGB", (170, 256), (200, 180, 160))
    now = time.time()
    for i in range(count):
        job = Job(
            id=f"{i:016x}",
            kind=JobKind.TRY_ON,
            status=JobStatus.COMPLETED,
            product_type="DRESS",
            prompt=f"look {i}",
            task_id=f"task-{i}",
            created_at=now - i * 60,
            results=("result.jpg",),
            cost=3.0,
            params={"garment_strength": 2, "person": "person.jpg"},
        )
        job.folder.mkdir(parents=True, exist_ok=True)
        thumb.save(job.folder / "thumbnail.jpg", quality=80)
        (job.folder / "result.jpg").write_bytes(b"")
        store.insert([job])
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=sized(7, 1))
    parser.add_argument("--jobs", type=int, default=sized(10_000, 10))
    parser.add_argument(
        "--program",
        type=Path,
        action="append",
        default=[],
        help="also time this executable (the bundle's aurax-desktop), started as a user does",
    )
    args = parser.parse_args()
    env = dict(os.environ)
    env["AURAX_DATA_DIR"] = tempfile.mkdtemp(prefix="aurax-startup-")
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
    env.update(AURAX_API_KEY="demo-key", AURAX_KEY_ID="demo")
    # As installed: the sources' bytecode is written once and used (an installed
    # program and the bundle carry it), not compiled again at every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["AURAX_DATA_DIR"] = env["AURAX_DATA_DIR"]
    fill_history(args.jobs)
    print(
        f"{args.runs} starts with {args.jobs} jobs in the history "
        f"({env['QT_QPA_PLATFORM']} platform)"
    )
    commands = {
        "a bare PySide6 window (the baseline)": [sys.executable, "-c", BARE],
        "AuraX Desktop": [sys.executable, "-c", CHILD],
    }
    for program in args.program:
        commands[str(program)] = [str(program), "--base-url", "http://127.0.0.1:9"]
    medians: dict[str, float] = {}
    for label, command in commands.items():
        times = []
        for run in range(args.runs + 1):  # the first, untimed, as a start after installing
            started = time.time()
            answer = subprocess.run(
                command,
                env={**env, "AURAX_STARTUP_PROBE": "1"},
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
                cwd=Path(__file__).resolve().parents[1],
            )
            line = next(x for x in answer.stdout.splitlines() if x.startswith("painted"))
            if run:
                times.append(float(line.split()[1]) - started)
        medians[label] = statistics.median(times)
        print(
            f"{label}: process start to first painted window: median "
            f"{medians[label]:.2f} s, best {min(times):.2f} s, worst {max(times):.2f} s"
        )
    bare = medians["a bare PySide6 window (the baseline)"]
    for label, median in medians.items():
        if not label.startswith("a bare"):
            print(f"{label}: {median / bare:.1f} times the bare window (target: at most 4)")


if __name__ == "__main__":
    main()
