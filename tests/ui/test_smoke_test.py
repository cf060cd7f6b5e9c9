"""``aurax-desktop --smoke-test``: one demo try-on through the real window; its job lands
in the history like any other. And the running program names itself by its id."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from aurax_desktop.app import APP_ID, configure_application, smoke_test
from aurax_desktop.jobs import JobStatus, JobStore


def test_the_smoke_test_makes_a_demo_try_on_through_the_window(
    qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    code = smoke_test(qapp, [])
    line = capsys.readouterr().out.strip()
    assert code == 0, line
    assert line.startswith("smoke test passed: a demo try-on completed")
    store = JobStore()
    (job,) = store.query()
    store.close()
    assert job.status is JobStatus.COMPLETED and job.result_paths[0].is_file()
    assert job.id in line


def test_the_window_reports_the_application_id(qapp: QApplication) -> None:
    configure_application(qapp)
    assert qapp.desktopFileName() == APP_ID == "in.co.aurax.Desktop"
    assert not qapp.windowIcon().isNull()
