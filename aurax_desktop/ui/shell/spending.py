"""Money, visible: the credits spent today and this month (from the history and the one
table of costs), and the daily limit that asks before a submission would pass it.

AuraX has no balance endpoint, so what is shown is what this computer sent.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from aurax_desktop.jobs import Job, JobStore
from aurax_desktop.translation import _
from aurax_desktop.ui.common.background import BackgroundWork
from aurax_desktop.ui.common.choices import credits_text, number_text


def start_of_day(now: float | None = None) -> float:
    moment = time.localtime(now if now is not None else time.time())
    return time.mktime((moment.tm_year, moment.tm_mon, moment.tm_mday, 0, 0, 0, 0, 0, -1))


def start_of_month(now: float | None = None) -> float:
    moment = time.localtime(now if now is not None else time.time())
    return time.mktime((moment.tm_year, moment.tm_mon, 1, 0, 0, 0, 0, 0, -1))


class SpendingWatch(QObject):
    """The status bar's "Spent today … · this month …", kept current as jobs change."""

    def __init__(
        self,
        work: BackgroundWork,
        store: Callable[[], JobStore],
        limit: Callable[[], float],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.work, self._store, self._limit, self.parent_widget = work, store, limit, parent
        self.today = 0.0
        self.month = 0.0
        self.label = QLabel()
        self.label.setObjectName("spending")
        self.label.setAccessibleName(_("Credits spent"))
        self.label.setToolTip(
            _("Credits charged for what this computer sent (AuraX has no balance to ask for).")
        )
        self._stopped = False
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(400)
        self._later.timeout.connect(self.refresh)

    def refresh(self) -> None:
        store = self._store()
        now = time.time()
        self.work.run(
            lambda: (store.spent_since(start_of_day(now)), store.spent_since(start_of_month(now))),
            self._shown,
        )

    @Slot(object)
    def job_changed(self, job: Job) -> None:
        if job.cost and not self._stopped:
            self._later.start()

    def stop(self) -> None:
        """The window closes: changes arriving later start no timer."""
        self._stopped = True
        self._later.stop()

    def _shown(self, spent: tuple[float, float]) -> None:
        self.today, self.month = spent
        limit, month = self._limit(), number_text(self.month)
        if limit:
            text = _("Spent today {today} of {limit} · this month {month}").format(
                today=number_text(self.today), limit=credits_text(limit), month=month
            )
        else:
            text = _("Spent today {today} · this month {month}").format(
                today=credits_text(self.today), month=month
            )
        self.label.setText(text)

    def allow(self, cost: float, what: str) -> bool:
        """True when ``cost`` may be sent: under the daily limit, or the user says so."""
        limit = self._limit()
        if not limit or self.today + cost <= limit + 1e-9:
            return True
        # Translators: {what} is what would be sent ("Trying again", "Describing 3 photos");
        # {cost}, {spent} and {limit} are amounts of credits in words ("3 credits").
        question = _(
            "{what} costs {cost}. Today {spent} have been spent, so this passes your daily "
            "limit of {limit} (Settings). Send it anyway?"
        ).format(
            what=what,
            cost=credits_text(cost),
            spent=credits_text(self.today),
            limit=credits_text(limit),
        )
        answer = QMessageBox.question(
            self.parent_widget,
            _("Past your daily limit?"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
