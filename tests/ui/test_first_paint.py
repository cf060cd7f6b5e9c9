"""The window paints before the work its first look does not need: connecting with a
key from the environment (the HTTP client), reading the history, asking the keyring."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.app import create_window
from aurax_desktop.ui.common.after_paint import after_first_paint
from tests.ui.conftest import WindowFactory, close_window
from tests.ui.window_driver import WindowDriver

ROOT = Path(__file__).resolve().parents[2]

STARTS = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from aurax_desktop.app import create_window, dispose

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is window and not seen:
            seen.append(("requests" in sys.modules, window.session.connected))
        return False

seen = []
window = create_window(["--base-url", "http://127.0.0.1:9"])
first = FirstPaint()
window.installEventFilter(first)

def check():
    if seen and window.session.connected:
        print("at the first paint: http client %s, connected %s" % seen[0])
        print("then: connected %s" % window.session.connected)
        app.quit()
    else:
        QTimer.singleShot(20, check)

QTimer.singleShot(0, check)
QTimer.singleShot(20000, app.quit)
app.exec()
dispose(window)
"""


def window_script(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``script`` run by a new Python, as the program starts: a key in its environment,
    its own data folder, no display (a crash prints every thread's stack)."""
    env = {
        **os.environ,
        "AURAX_DATA_DIR": str(tmp_path / "data"),
        "AURAX_API_KEY": "key-from-the-environment",
        "AURAX_KEY_ID": "kid",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", script],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_key_from_the_environment_is_used_once_the_window_has_painted(
    tmp_path: Path,
) -> None:
    done = window_script(STARTS, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "at the first paint: http client False, connected False" in done.stdout
    assert "then: connected True" in done.stdout


def test_work_waits_for_the_first_paint_and_runs_once(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    ran: list[str] = []
    first, second = (lambda: ran.append("first")), (lambda: ran.append("second"))
    after_first_paint(widget, first, second, latest_ms=600_000)  # no fallback here
    qtbot.wait(10)
    assert ran == []  # not shown, not painted
    widget.show()
    qtbot.waitUntil(lambda: ran == ["first", "second"])
    widget.update()
    widget.repaint()
    qtbot.wait(10)
    assert ran == ["first", "second"]  # once


def test_work_for_a_window_never_painted_runs_all_the_same(qtbot: QtBot) -> None:
    widget = QWidget()  # never shown (a window started minimised, say)
    qtbot.addWidget(widget)
    ran: list[str] = []
    after_first_paint(widget, lambda: ran.append("done"), latest_ms=50)
    qtbot.waitUntil(lambda: ran == ["done"])
    assert not widget.isVisible()


def test_a_window_closed_before_it_painted_runs_none_of_that_work(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    ran: list[str] = []
    pending = after_first_paint(widget, lambda: ran.append("late"), latest_ms=50)
    pending.cancel()  # as the window's closing does
    qtbot.wait(200)
    assert ran == [] and not pending.fallback.isActive()


def test_what_the_window_built_is_set_aside_from_full_collections_once_it_shows(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    """Once the window has painted, what it built is out of the collector's full passes
    (they walked all of it, and stalled the window, while a large batch was read)."""
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    open_window(demo=True)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 50_000)  # modules, widgets, wrappers


def test_an_empty_list_says_so_only_once_the_history_has_answered(qtbot: QtBot) -> None:
    """Until the history is read, the Jobs list and the Gallery are blank: "No jobs yet"
    and "No try-ons yet" for the moment a large history takes to read said that a
    user's work was gone. Once it answered (here: nothing in it), they say so."""
    window = create_window(["--demo"])
    qtbot.addWidget(window)
    driver = WindowDriver(window)
    try:
        page = driver.gallery.page
        assert not driver.job_model.answered
        assert page.stack.currentWidget() is page.gallery
        blank = driver.job_list.viewport().grab().toImage()
        colours = {blank.pixel(x, y) for x in range(0, blank.width(), 4) for y in range(0, 60, 2)}
        assert len(colours) == 1  # no words painted
        qtbot.waitUntil(lambda: driver.job_model.answered)
        qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
        said = driver.job_list.viewport().grab().toImage()
        colours = {said.pixel(x, y) for x in range(0, said.width(), 4) for y in range(0, 60, 2)}
        assert len(colours) > 1  # "No jobs yet. What you send appears here…"
    finally:
        close_window(window)


DISPOSES = """
import time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from aurax_desktop.app import create_window, dispose
window = create_window([])
window.show()
app.processEvents()
ran = []
for _ in range(200):  # queued on the window's two workers: about 0.2 s of work
    window.work.run(lambda: (time.sleep(0.002), ran.append(1)), lambda _result: None)
time.sleep(0.01)
dispose(window)  # never closed: as a script or a benchmark ends
after = len(ran)
time.sleep(0.3)
print("ran after dispose:", len(ran) - after)
"""


def test_a_window_disposed_without_being_closed_stops_its_workers_first(
    tmp_path: Path,
) -> None:
    """Disposing of a window deleted it while its workers went on handing work back:
    one handing back as the window was deleted crashed (a benchmark's tiny run, once in
    forty under load). A window not closed is closed first, as the user closes it: its
    workers stop before it is deleted, and nothing of its runs after."""
    done = window_script(DISPOSES, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ran after dispose: 0" in done.stdout, done.stdout
