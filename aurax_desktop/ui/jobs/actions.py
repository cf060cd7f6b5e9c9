"""What the user does to jobs: send them (one wrapper for every page), open a result,
show its folder, copy its task id, stop, follow again, retry and delete.

Nothing here keeps a job's state: every action asks the runner, and what becomes
of the job arrives, like every change, as the runner's events.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from aurax_desktop.jobs import Job, JobRunner, JobStatus
from aurax_desktop.jobs.model import RETRYABLE_STATUSES
from aurax_desktop.session import Session
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.choices import credits_text
from aurax_desktop.ui.common.picture_window import open_picture

NOT_CONNECTED = "Connect an AuraX account or start the demo first."

T = TypeVar("T")


class JobActions(QObject):
    message = Signal(str)
    """A short note for the status bar."""
    failed = Signal(str)
    """Something the user asked for could not be done; the message says why."""
    sent = Signal(list)
    """Job ids just sent (a retry, a follow again): the window watches them."""
    removed = Signal(str)
    """A job deleted while no runner was there to announce it."""

    def __init__(self, session: Session, work: BackgroundWork, window: QWidget) -> None:
        super().__init__(window)
        self.session, self.work, self.window = session, work, window
        self.allow_spend: Callable[[float, str], bool] = lambda _cost, _what: True
        """The daily spending limit's check (set by the window, as for the pages)."""

    # Sending: the one wrapper every page's submit goes through (on a worker thread)

    def submit(self, send: Callable[[JobRunner], T]) -> T:
        runner = self.session.runner
        if runner is None:
            raise RuntimeError(NOT_CONNECTED)
        return send(runner)

    # On a job

    def open_result(self, job: Job) -> None:
        if job.result_paths:
            open_picture(self.window, job.result_paths[0])

    def show_in_folder(self, job: Job) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(job.folder)))

    def copy_task_id(self, job: Job) -> None:
        if job.task_id:
            QGuiApplication.clipboard().setText(job.task_id)
            self.message.emit("Task id copied.")

    def stop(self, job: Job) -> None:
        runner = self.session.runner
        if runner is None:
            return
        self.work.run(lambda: runner.stop(job.id), lambda _job: None, self._failed)
        if job.status in (JobStatus.PREPARING, JobStatus.SUBMITTING):
            self.message.emit("Stopping before it is sent; nothing is charged.")
        else:
            self.message.emit(
                "Stopped following. AuraX may still finish the task and charge for it."
            )

    def retry(self, job: Job) -> None:
        self.retry_many([job])

    def retry_many(self, jobs: list[Job]) -> None:
        """Send jobs again as new ones, after one question stating what they cost."""
        runner = self.session.runner
        jobs = [job for job in jobs if job.status in RETRYABLE_STATUSES]
        if runner is None or not jobs:
            return
        cost = sum(job.kind.cost for job in jobs)
        doubtful = any(job.status is JobStatus.UNCERTAIN for job in jobs)
        if len(jobs) == 1:
            title = "Send the job again?"
            text = f"This sends the job again as a new one and costs {credits_text(cost)}."
            doubt = " It may already have been sent and charged once: look for its result first."
        else:
            title = f"Send {len(jobs)} jobs again?"
            text = (
                f"This sends these {len(jobs)} jobs again as new ones and costs "
                f"{credits_text(cost)} in all."
            )
            doubt = (
                " Some may already have been sent and charged once: look for their results first."
            )
        answer = QMessageBox.question(
            self.window,
            title,
            text + (doubt if doubtful else ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        what = "This job" if len(jobs) == 1 else f"These {len(jobs)} jobs"
        if answer != QMessageBox.StandardButton.Yes or not self.allow_spend(cost, what):
            return
        ids = [job.id for job in jobs]
        self.work.run(lambda: [runner.retry(i) for i in ids], self.sent.emit, self._failed)

    def follow(self, job: Job) -> None:
        """Follow the task again (no new request, no charge)."""
        runner = self.session.runner
        if runner is None:
            return
        self.work.run(
            lambda: runner.follow(job.id).id, lambda got: self.sent.emit([got]), self._failed
        )

    def look_for_result(self, job: Job) -> None:
        """A job that may have been sent and charged: follow its task when it has one;
        otherwise say how to find out (AuraX has no way to list one's tasks)."""
        if job.task_id:
            self.follow(job)
            return
        when = time.strftime("%d %B at %H:%M", time.localtime(job.updated_at))
        QMessageBox.information(
            self.window,
            "Look for the result",
            f"This {job.kind.label.lower()} was sent on {when}, but AuraX's answer never "
            "came or could not be read, so this program does not know its task.\n\n"
            "AuraX offers no way to list your tasks from here. Check your AuraX account's "
            f"usage for a charge of {credits_text(job.kind.cost)} at that time. If there "
            "is none, it was not accepted: use “Retry as a new job…” to send it again.",
        )

    def delete(self, job: Job) -> bool:
        """Delete the job and its files (the user is asked first); True when deleted."""
        return self.delete_many([job])

    def delete_many(self, jobs: list[Job]) -> bool:
        """Delete jobs and their files (the user is asked first); True when deleted."""
        if not jobs:
            return False
        what = (
            "The job and its files" if len(jobs) == 1 else f"These {len(jobs)} jobs and their files"
        )
        answer = QMessageBox.question(
            self.window,
            "Delete the job?" if len(jobs) == 1 else f"Delete {len(jobs)} jobs?",
            f"{what} (result, thumbnail and the photos as sent) are removed from this computer.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        runner = self.session.runner
        ids = [job.id for job in jobs]
        if runner is not None:

            def delete_all_running() -> None:
                for job_id in ids:
                    runner.delete(job_id)

            self.work.run(delete_all_running, lambda _r: None, self._failed)
        else:
            store = self.session.store

            def delete_all() -> list[str]:
                for job_id in ids:
                    store.delete(job_id)
                return ids

            self.work.run(delete_all, self._removed_all, self._failed)
        return True

    def _removed_all(self, job_ids: list[str]) -> None:
        for job_id in job_ids:
            self.removed.emit(job_id)

    def _failed(self, error: BaseException) -> None:
        self.failed.emit(getattr(error, "user_message", str(error)))
