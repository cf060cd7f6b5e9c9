"""``aurax-desktop --smoke-test``: one demo try-on through the real window, as a user makes
it (sample photos into the panes, the Try on button), to prove an installed program
works. It ends the program with one line saying what it did, and exit status 0 (or 1
with the reason)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

from aurax_desktop.formats import format_number
from aurax_desktop.jobs import Job, JobStatus
from aurax_desktop.session import Session
from aurax_desktop.translation import _
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.shell.demo_banner import samples
from aurax_desktop.ui.studio.page import TryOnPage

TIMEOUT_S = 120.0


class SmokeTest(QObject):
    def __init__(
        self,
        session: Session,
        page: TryOnPage,
        cache: JobCache,
        finish: Callable[[int, str], None],
        timeout_s: float = TIMEOUT_S,
    ) -> None:
        """``page``: where the photos go and the try-on is sent from; ``cache``: where
        the job's states arrive."""
        super().__init__(page)
        self.session, self.page, self.cache = session, page, cache
        self._finish = finish
        self._deadline = time.monotonic() + timeout_s
        self._job_id: str | None = None
        self._ended = False
        self._started = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        page = self.page
        if not self.session.connected:
            self._end(1, _("smoke test failed: the demo server could not be started"))
            return
        found = samples()
        person = next(s for s in found if s.product_type == "PERSON")
        garment = next(s for s in found if s.product_type not in ("PERSON",))
        page.person_pane.load_path(person.path)
        page.garment_pane.load_path(garment.path)
        self.cache.changed.connect(self._job_updated)
        page.submitted.connect(self._submitted)
        page.failed.connect(
            lambda text: self._end(1, _("smoke test failed: {reason}").format(reason=text))
        )
        self._timer.start()

    @Slot()
    def _step(self) -> None:
        if time.monotonic() > self._deadline:
            self._end(
                1,
                _("smoke test failed: no result within {seconds} s").format(
                    seconds=format_number(TIMEOUT_S, decimals=0)
                ),
            )
            return
        page = self.page
        if self._job_id is None and page.submit_button.isEnabled():
            page.submit()
            self._job_id = ""  # sent; its id arrives with ``submitted``

    @Slot(list)
    def _submitted(self, job_ids: list[str]) -> None:
        self._job_id = job_ids[0]
        job = self.cache.get(self._job_id)
        if job is not None:
            self._job_updated(job)  # it ended before its id came

    @Slot(object)
    def _job_updated(self, job: Job) -> None:
        if job.id != self._job_id or not job.status.is_final:
            return
        if job.status is JobStatus.COMPLETED and job.result_paths:
            seconds = time.monotonic() - self._started
            passed = _(
                "smoke test passed: a demo try-on completed in {seconds} s; result {path} "
                "(job {job})"
            )
            self._end(
                0,
                passed.format(
                    seconds=format_number(seconds, decimals=1),
                    path=job.result_paths[0],
                    job=job.id,
                ),
            )
        else:
            # Translators: {status} is the job's status ("Failed"), {reason} what went wrong.
            failed = _("smoke test failed: the try-on ended {status}: {reason}")
            self._end(1, failed.format(status=job.status.label, reason=job.error))

    def _end(self, code: int, line: str) -> None:
        if self._ended:
            return
        self._ended = True
        self._timer.stop()
        self._finish(code, line)
