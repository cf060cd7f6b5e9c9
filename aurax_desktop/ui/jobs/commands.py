"""The Jobs feature's commands: on the result shown (save it, copy it, fit it in view)
and on the job selected in the Jobs list (retry, follow again, stop, delete): the File,
Edit, View and Jobs menus. Each is enabled by the state of what it acts on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence

from aurax_desktop.jobs import Job
from aurax_desktop.translation import _
from aurax_desktop.ui.common.commands import Commands, Rule
from aurax_desktop.ui.jobs.actions import JobActions
from aurax_desktop.ui.jobs.rules import (
    can_delete,
    can_follow_again,
    can_resume,
    can_retry,
    can_stop,
)
from aurax_desktop.ui.jobs.view import JobListView
from aurax_desktop.ui.jobs.viewer import ResultViewer


def declare_result_commands(commands: Commands, viewer: ResultViewer) -> None:
    def has_result() -> bool:
        return viewer.job is not None and bool(viewer.job.results)

    commands.add(
        "saveResult",
        _("Save result as…"),
        viewer.save_as,
        icon_name="save",
        shortcut=QKeySequence.StandardKey.Save,
        enabled_when=has_result,
    )
    commands.add(
        "copyResult",
        _("Copy result"),
        viewer.copy,
        icon_name="copy",
        shortcut="Ctrl+Shift+C",
        enabled_when=has_result,
    )
    commands.add(
        "fitResult", _("Fit result in view"), viewer.canvas.fit, icon_name="fit", shortcut="Ctrl+0"
    )


def declare_job_commands(
    commands: Commands,
    view: JobListView,
    actions: JobActions,
    connected: Rule,
    writable: Rule,
) -> None:
    """``connected``: whether the service can be asked (retry, follow, stop);
    ``writable``: whether this window may change the history (delete)."""

    def on_current(act: Callable[[Job], object]) -> Callable[[], None]:
        def run() -> None:
            job = view.current_job()
            if job is not None:
                act(job)

        return run

    def current_is(rule: Callable[[Job], bool]) -> Rule:
        return lambda: (job := view.current_job()) is not None and rule(job)

    add = commands.add
    add(
        "retryJob",
        _("Retry as a new job…"),
        on_current(actions.retry),
        icon_name="retry",
        enabled_when=current_is(lambda j: can_retry(j) and connected()),
    )
    add(
        "resumeJob",
        _("Send what waits"),
        on_current(actions.resume),
        icon_name="play",
        enabled_when=current_is(lambda j: can_resume(j) and connected()),
        tip=_("Send the jobs of this batch that wait (after buying credits, or a pause)"),
    )
    add(
        "followJob",
        _("Follow again"),
        on_current(actions.follow),
        icon_name="retry",
        enabled_when=current_is(lambda j: can_follow_again(j) and connected()),
    )
    add(
        "stopJob",
        _("Stop following"),
        on_current(actions.stop),
        icon_name="stop",
        enabled_when=current_is(lambda j: can_stop(j) and connected()),
    )
    add(
        "deleteJob",
        _("Delete…"),
        on_current(lambda job: actions.delete_many(view.entry_jobs(job))),
        icon_name="trash",
        enabled_when=current_is(lambda j: writable() and can_delete(view.entry_jobs(j))),
    )
    view.selectionModel().currentChanged.connect(lambda *_a: commands.refresh())
