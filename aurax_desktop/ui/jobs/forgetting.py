"""The history forgets on request: finished jobs older than the Settings say (at start and
once a day), or all of them after a question that says what goes. Every file kept for a
job goes with it (photos sent, results, previews)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from aurax_desktop.jobs.forgetting import DAY_S, KeptHistory, finished_before, kept_history
from aurax_desktop.session import Session
from aurax_desktop.ui.common.background import BackgroundWork

DAILY_MS = 24 * 60 * 60 * 1000


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB" if count >= 100_000 else f"{count / 1000:.0f} kB"


class HistoryForgetting(QObject):
    """``removed`` carries the ids of the jobs deleted; ``message`` what was done."""

    removed = Signal(list)
    message = Signal(str)

    def __init__(self, session: Session, work: BackgroundWork, window: QWidget) -> None:
        super().__init__(window)
        self.session, self.work, self.window = session, work, window
        self.timer = QTimer(self)
        self.timer.setObjectName("dailyForgetting")
        self.timer.setInterval(DAILY_MS)
        self.timer.timeout.connect(self.apply)

    def start(self) -> None:
        self.apply()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _deleter(self) -> Callable[[str], None]:
        runner = self.session.runner
        store = self.session.store
        return runner.delete if runner is not None else store.delete

    def apply(self) -> None:
        """Delete the finished jobs older than the setting (nothing when it is off)."""
        days = self.session.settings.forget_after_days
        if days <= 0:
            return
        store, delete = self.session.store, self._deleter()

        def purge() -> list[str]:
            chosen = finished_before(store, time.time() - days * DAY_S)
            for job_id in chosen:
                delete(job_id)
            return chosen

        def purged(ids: list[str]) -> None:
            if ids:
                self.removed.emit(ids)
                self.message.emit(
                    f"Deleted {len(ids)} finished jobs older than {days} days, with their "
                    "photos and results (as set in Settings)."
                )

        self.work.run(purge, purged)

    def delete_all(self) -> None:
        """Say what would go, ask, then delete every finished job and its files."""
        store = self.session.store
        self.work.run(lambda: kept_history(store), self._confirm_all)

    def _confirm_all(self, kept: KeptHistory) -> None:
        if not kept.finished:
            self.message.emit("There is no finished job in the history to delete.")
            return
        box = QMessageBox(self.window)
        box.setObjectName("confirmDeleteAll")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Delete all history")
        box.setText(f"Delete all {kept.finished} finished jobs?")
        running = (
            f" The {kept.running} jobs still being sent or followed are kept."
            if kept.running
            else ""
        )
        box.setInformativeText(
            f"{kept.files} files ({_size(kept.bytes)}) go with them: the photos that were "
            "sent, the results and their previews. Results you saved elsewhere stay. This "
            f"cannot be undone.{running}"
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText("Delete all")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        store, delete = self.session.store, self._deleter()

        def delete_everything() -> list[str]:
            chosen = finished_before(store)
            for job_id in chosen:
                delete(job_id)
            return chosen

        def deleted(ids: list[str]) -> None:
            self.removed.emit(ids)
            self.message.emit(f"Deleted {len(ids)} jobs and every file kept for them.")

        self.work.run(delete_everything, deleted)
