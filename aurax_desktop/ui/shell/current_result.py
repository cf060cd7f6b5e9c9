"""One current result for the whole window. Whichever chose it (a row of the Jobs list,
a cell of the Gallery's grid, the loupe moving on, a job sent alone that completed),
the Result pane shows it, and the Gallery selects its cell (its loupe shows it)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from aurax_desktop.jobs import Job


class CurrentResult(QObject):
    changed = Signal(object)
    """The current result (a Job, or None)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.job: Job | None = None

    def choose(self, job: Job | None) -> None:
        """``job`` is the current result from now on (said once, however many views
        follow it and tell it back)."""
        if job == self.job or (job is not None and self.job is not None and job.id == self.job.id):
            self.job = job
            return
        self.job = job
        self.changed.emit(job)
