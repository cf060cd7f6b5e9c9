"""A whole session of the program, for the security test (run as a subprocess).

Saves the key through the welcome dialog, runs jobs (one completing, one with
a bad photo, one the server fails), tests a wrong key, opens the dialogs and
the Account menu's answer, copies a task id, and quits. The test then
searches every byte written under the temporary home folder for the key.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from aurax_desktop.account.connection import check_connection
from aurax_desktop.api import AuraxError
from aurax_desktop.app import create_window, dispose
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import TryOnInput
from aurax_desktop.ui.common.theme import apply_theme
from aurax_desktop.ui.shell.dialogs.settings import SettingsDialog
from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog
from tests.factories import garment_jpeg, person_jpeg
from tests.ui.window_driver import WindowDriver


def wait(app: QApplication, done: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("timed out")
        app.processEvents()
        time.sleep(0.01)


def main(secret: str, folder: Path) -> None:
    app = QApplication(sys.argv[:1])
    apply_theme(app)
    good = DemoServer(api_key=secret, task_seconds=0.3)
    failing = DemoServer(api_key=secret, task_seconds=0.3, fail_rate=1.0)
    good.start()
    failing.start()

    def sign_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WelcomeDialog):  # the keyring is still being read
            QTimer.singleShot(50, sign_in)
            return
        dialog.url_edit.setText(good.url)
        dialog.key_edit.setText(secret)
        dialog.key_id_edit.setText(good.key_id)
        dialog.test_button.click()
        wait(app, lambda: "Connected" in dialog.status_label.text())
        dialog.connect_button.click()

    QTimer.singleShot(200, sign_in)
    window = create_window([])
    driver = WindowDriver(window)
    wait(app, lambda: driver.session.connected)

    person, garment, bad = folder / "person.jpg", folder / "garment.jpg", folder / "bad.jpg"
    person.write_bytes(person_jpeg())
    garment.write_bytes(garment_jpeg())
    bad.write_bytes(b"not a picture")
    page = driver.try_on
    for photo in (person, bad):
        page.person_pane.load_path(photo)
        page.garment_pane.load_path(garment)
        wait(app, lambda: not page.person_pane.loading and not page.garment_pane.loading)
        if page.submit_button.isEnabled():
            page.submit()
    wait(app, lambda: any(j.status.is_final for j in driver.jobs()))
    runner = window.session.runner
    assert runner is not None
    runner.submit_try_on(TryOnInput(bad, garment))  # fails while preparing
    credentials = window.session.credentials
    assert credentials is not None
    window.session.connect(credentials, failing.url)  # the server fails this one
    window.session.runner.submit_try_on(TryOnInput(person, garment))  # type: ignore[union-attr]
    time.sleep(0.1)
    wait(app, lambda: sum(j.status.is_final for j in driver.jobs()) >= 3)
    with contextlib.suppress(AuraxError):
        check_connection(good.url, secret + "-wrong", good.key_id)
    for job in driver.jobs():
        if job.task_id:
            driver.job_actions.copy_task_id(job)
    assert secret not in QGuiApplication.clipboard().text()

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox):
            modal.button(QMessageBox.StandardButton.Ok).click()
        elif isinstance(modal, SettingsDialog):
            modal.accept()

    QTimer.singleShot(200, close_modal)
    driver.account.where_is_key()
    QTimer.singleShot(200, close_modal)
    driver.account.show_settings()
    assert secret not in window.windowTitle()
    window.close()
    dispose(window)
    good.stop()
    failing.stop()
    print("session done")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
