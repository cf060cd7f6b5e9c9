"""What the user does to jobs: send them (one wrapper for every page), open a result,
show its folder, copy its task id, stop, follow again, retry and delete.

Nothing here keeps a job's state: every action asks the runner, and what becomes
of the job arrives, like every change, as the runner's events.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from aurax_desktop.formats import format_datetime, format_number
from aurax_desktop.jobs import Job, JobBook, JobKind, JobStatus
from aurax_desktop.jobs.model import RETRYABLE_STATUSES
from aurax_desktop.session import Session
from aurax_desktop.translation import LazyText, _, lazy_gettext, ngettext
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.choices import credits_text
from aurax_desktop.ui.common.history_ops import HistoryOps
from aurax_desktop.ui.common.picture_window import open_picture
from aurax_desktop.ui.common.sending import SpendCheck

if TYPE_CHECKING:
    from aurax_desktop.jobs import JobRunner

NOT_CONNECTED = lazy_gettext("Connect an AuraX account or start the demo first.")
NOT_HEARD: dict[JobKind, LazyText] = {
    JobKind.TRY_ON: lazy_gettext(
        "This try-on was sent on {when}, but AuraX's answer never came or could not be "
        "read, so this program does not know its task."
    ),
    JobKind.IMAGE_GENERATION: lazy_gettext(
        "This generation was sent on {when}, but AuraX's answer never came or could not be "
        "read, so this program does not know its task."
    ),
    JobKind.PRODUCT_DESCRIPTION: lazy_gettext(
        "This description was sent on {when}, but AuraX's answer never came or could not "
        "be read, so this program does not know its task."
    ),
}
"""What Look for the result says of a job of each kind whose task is not known."""

T = TypeVar("T")


class JobActions(QObject):
    message = Signal(str)
    """A short note for the status bar."""
    failed = Signal(str)
    """Something the user asked for could not be done; the message says why."""
    sent = Signal(list)
    """Job ids just sent (a retry, a follow again): the window watches them."""

    def __init__(
        self,
        session: Session,
        work: BackgroundWork,
        window: QWidget,
        undo: QUndoStack,
        allow_spend: SpendCheck,
    ) -> None:
        """``undo``: where deletions go, to be undone (Edit → Undo); ``allow_spend``: the
        daily spending limit's check (retries cost credits too)."""
        super().__init__(window)
        self.session, self.work, self.window = session, work, window
        self.undo, self.allow_spend = undo, allow_spend
        self.ops = HistoryOps(session.book, self)
        """Deletions and their undoing, written in the order they were asked for."""

    # Sending: the one wrapper every page's submit goes through (on a worker thread)

    def submit(self, send: Callable[[JobRunner], T]) -> T:
        runner = self.session.runner
        if runner is None:
            raise RuntimeError(str(NOT_CONNECTED))
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
            self.message.emit(_("Task id copied."))

    def stop(self, job: Job) -> None:
        runner = self.session.runner
        if runner is None:
            return
        self.work.run(lambda: runner.stop(job.id), lambda _job: None, self._failed)
        if job.status in (JobStatus.PREPARING, JobStatus.WAITING, JobStatus.SUBMITTING):
            self.message.emit(_("Stopping before it is sent; nothing is charged."))
        else:
            self.message.emit(
                _("Stopped following. AuraX may still finish the task and charge for it.")
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
        count, costs = len(jobs), credits_text(cost)
        if count == 1:
            title = _("Send the job again?")
            text = _("This sends the job again as a new one and costs {cost}.").format(cost=costs)
            doubt = _("It may already have been sent and charged once: look for its result first.")
            # Translators: the subject of "… costs 1 credit" in the question asked when it
            # passes the daily spending limit.
            what = _("This job")
        else:
            # Translators: never said of one job ("Send the job again?" is).
            title = ngettext("Send {count} jobs again?", "Send {count} jobs again?", count)
            text = ngettext(
                "This sends these {count} jobs again as new ones and costs {cost} in all.",
                "This sends these {count} jobs again as new ones and costs {cost} in all.",
                count,
            )
            doubt = _(
                "Some may already have been sent and charged once: look for their results first."
            )
            # Translators: the subject of "… costs 3 credits" in the question asked when it
            # passes the daily spending limit (never said of one job).
            what = ngettext("These {count} jobs", "These {count} jobs", count)
            title, text, what = (
                said.format(count=format_number(count), cost=costs) for said in (title, text, what)
            )
        answer = QMessageBox.question(
            self.window,
            title,
            text + (" " + doubt if doubtful else ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
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

    def resume(self, job: Job) -> None:
        """Send what waits in the job's batch (the Gallery's Resume, from the Jobs list)."""
        runner = self.session.runner
        if runner is None or job.batch is None:
            self.failed.emit(str(NOT_CONNECTED))
            return
        runner.pause_batch(job.batch, paused=False)
        self.message.emit(_("Sending what waits in the batch."))

    def look_for_result(self, job: Job) -> None:
        """A job that may have been sent and charged: follow its task when it has one;
        otherwise say how to find out (AuraX has no way to list one's tasks)."""
        if job.task_id:
            self.follow(job)
            return
        when = format_datetime(datetime.fromtimestamp(job.updated_at))
        what_to_do = _(
            "AuraX offers no way to list your tasks from here. Check your AuraX account's "
            "usage for a charge of {cost} at that time. If there is none, it was not "
            "accepted: use “Retry as a new job…” to send it again."
        ).format(cost=credits_text(job.kind.cost))
        QMessageBox.information(
            self.window,
            _("Look for the result"),
            NOT_HEARD[job.kind].format(when=when) + "\n\n" + what_to_do,
        )

    def delete(self, job: Job) -> bool:
        """Move the job to the Trash (Edit → Undo brings it back); True when asked."""
        return self.delete_many([job])

    def delete_many(self, jobs: list[Job]) -> bool:
        """Move jobs to the Trash, where they wait (files and all) until restored or
        purged; Edit → Undo brings them back at once. True when asked."""
        if not jobs:
            return False
        if self.session.book.read_only:
            self.failed.emit(
                _(
                    "This window only views the history (another AuraX Desktop window runs "
                    "the jobs of this data folder): nothing can be deleted here."
                )
            )
            return False
        ids = [job.id for job in jobs]
        self.undo.push(TrashCommand(self, ids))
        self.message.emit(
            ngettext(
                "{count} job moved to the Trash. Undo with Ctrl+Z.",
                "{count} jobs moved to the Trash. Undo with Ctrl+Z.",
                len(ids),
            ).format(count=format_number(len(ids)))
        )
        return True

    def trash(self, ids: list[str]) -> None:
        runner = self.session.runner

        def move(book: JobBook) -> object:
            return runner.trash(ids) if runner is not None else book.trash(ids)

        self.ops.run(move, None, self._failed)

    def restore(self, ids: list[str]) -> None:
        back = ngettext(
            "{count} job back from the Trash.", "{count} jobs back from the Trash.", len(ids)
        ).format(count=format_number(len(ids)))
        self.ops.run(
            lambda book: book.restore(ids), lambda _r: self.message.emit(back), self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self.failed.emit(getattr(error, "user_message", str(error)))


class TrashCommand(QUndoCommand):
    """Jobs moved to the Trash: undone, they come back."""

    def __init__(self, actions: JobActions, job_ids: list[str]) -> None:
        count = len(job_ids)
        # Translators: what Edit → Undo undoes ("Undo Delete 3 jobs").
        super().__init__(
            ngettext("Delete {count} job", "Delete {count} jobs", count).format(
                count=format_number(count)
            )
        )
        self.actions, self.job_ids = actions, job_ids

    def redo(self) -> None:
        self.actions.trash(self.job_ids)

    def undo(self) -> None:
        self.actions.restore(self.job_ids)
