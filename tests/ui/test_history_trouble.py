"""The window opens whatever state the data folder is in, and says plainly what is wrong:
a damaged history (kept aside), a folder that cannot be written, another window that
owns the folder (this one browses read-only)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from aurax_desktop import paths
from aurax_desktop.app import claim_data_folder, create_window
from aurax_desktop.jobs import InstanceLock, Job, JobKind, JobStatus, JobStore
from aurax_desktop.ui.shell.dialogs.already_open import AlreadyOpenDialog
from tests.read_only_folder import run_read_only
from tests.ui.conftest import WindowFactory, answer_next_dialog, close_window, when_modal
from tests.ui.window_driver import WindowDriver


@pytest.mark.logs_expected(r"is damaged", r"damaged history was moved")
def test_a_damaged_history_is_kept_aside_and_the_window_says_where(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    history = paths.data_dir() / "history.sqlite3"
    history.parent.mkdir(parents=True, exist_ok=True)
    history.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    seen = answer_next_dialog(QMessageBox.StandardButton.Ok)
    driver = open_window(demo=True)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    (kept,) = history.parent.glob("history.damaged-*.sqlite3")
    assert str(kept) in seen[0] and "new history" in seen[0]
    assert driver.window.isVisible() and driver.session.connected
    assert driver.session.store.count() == 0


@pytest.mark.logs_expected(
    r"No log file", r"set aside", r"cannot be used", r"could not be saved", r"No inbox"
)
def test_a_data_folder_that_cannot_be_written_still_opens_the_window(
    qtbot: QtBot, open_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("AURAX_DATA_DIR", str(blocker / "data"))
    seen = answer_next_dialog(QMessageBox.StandardButton.Ok)
    driver = open_window(demo=True)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert str(blocker / "data") in seen[0] and "cannot be written" in seen[0]
    assert "not kept" in seen[0]
    assert driver.window.isVisible()


def test_a_second_window_offers_to_browse_the_history_read_only(qtbot: QtBot) -> None:
    first = InstanceLock()
    assert first.acquire()
    try:
        when_modal(AlreadyOpenDialog, lambda dialog: dialog.browse.click())
        assert claim_data_folder(InstanceLock()) is False
        when_modal(AlreadyOpenDialog, lambda dialog: dialog.quit.click())
        assert claim_data_folder(InstanceLock()) is None
    finally:
        first.release()
    alone = InstanceLock()
    assert claim_data_folder(alone) is True  # no other window: no question
    alone.release()


def test_a_read_only_window_browses_and_sends_nothing(qtbot: QtBot) -> None:
    window = create_window(["--demo"], read_only=True)
    driver = WindowDriver(window)
    qtbot.addWidget(window)
    try:
        qtbot.waitExposed(window)
        assert "read-only" in driver.window.windowTitle()
        assert driver.session.runner is None and driver.session.demo is None
        assert not driver.try_on.isEnabled()
        driver.refresh_commands()
        assert not any(
            driver.command(name).isEnabled()
            for name in ("connectAccount", "startDemo", "settings", "deleteJob")
        )
        assert "another AuraX Desktop window" in driver.connection_text()
    finally:
        close_window(window)


READ_ONLY_WINDOW = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from aurax_desktop.app import configure_application, create_window, dispose
from aurax_desktop.jobs import InstanceLock, Job, JobKind, JobStatus, JobStore
from tests.ui.window_driver import WindowDriver

app = QApplication([])
configure_application(app)
lock = InstanceLock()
said = []

def answer():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        said.append(box.text())
        box.accept()
    else:
        QTimer.singleShot(50, answer)

QTimer.singleShot(0, answer)
assert not lock.acquire() and lock.unwritable
window = create_window([], read_only=True, why=lock.unwritable)
driver = WindowDriver(window)
window.start()
deadline = QTimer()
deadline.setSingleShot(True)
deadline.timeout.connect(app.quit)
deadline.start(8000)
seen = {}
def check():
    if said and driver.job_model.rowCount() == 1:
        seen["visible"] = driver.window.isVisible()
        app.quit()
    else:
        QTimer.singleShot(50, check)
QTimer.singleShot(0, check)
app.exec()
print(json.dumps({
    "said": said, "title": driver.window.windowTitle(), "rows": driver.job_model.rowCount(),
    "label": driver.connection_text(), "visible": seen.get("visible", False),
}))
window.close()
dispose(window)
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_data_folder_opens_the_window_for_viewing(tmp_path: Path) -> None:
    """It said nothing and ended with a traceback (on the window's lock)."""
    data = tmp_path / "data"
    store = JobStore(data / "history.sqlite3")
    store.insert(
        [Job(id="old", kind=JobKind.TRY_ON, status=JobStatus.COMPLETED, product_type="DRESS")]
    )
    store.close()
    env = {
        **os.environ,
        "AURAX_DATA_DIR": str(data),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),  # the tests' driver
    }
    done = run_read_only(data, [sys.executable, "-c", READ_ONLY_WINDOW], env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["rows"] == 1, shown  # the history, for viewing
    assert shown["visible"], shown
    assert "read-only" in shown["title"]
    assert shown["label"] == "Read-only: the data folder cannot be written"
    assert shown["said"] and "cannot be written" in shown["said"][0]
