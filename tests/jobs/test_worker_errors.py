"""No exception on a worker thread is swallowed: it ends its job with a message, the
traceback goes to the log, and the program goes on. The failures are stand-ins for
bugs (a monkeypatched step raising); the runner, history and demo server are real."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from aurax_desktop.api import ProductType, TaskFollower
from aurax_desktop.jobs import GenerationInput, JobStatus, TryOnInput
from tests.factories import garment_jpeg, person_jpeg
from tests.jobs.conftest import Factory


@pytest.mark.logs_expected(r"failed unexpectedly")
def test_an_error_while_preparing_ends_the_job_and_the_next_one_works(
    runner_factory: Factory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    runner, server, _ = runner_factory()
    real = TryOnInput.prepare

    def broken(self: TryOnInput, *args: Any) -> Any:
        raise RuntimeError("a bug while preparing")

    monkeypatch.setattr(TryOnInput, "prepare", broken)
    first = runner.submit_try_on(TryOnInput(person_jpeg(), garment_jpeg(), ProductType.DRESS))
    (failed,) = runner.wait([first], timeout=20)
    assert failed.status is JobStatus.FAILED
    assert "log file" in (failed.error or "") and failed.error_kind == "RuntimeError"
    assert any(
        record.exc_info and "a bug while preparing" in str(record.exc_info[1])
        for record in caplog.records
        if record.levelno >= logging.ERROR
    )
    monkeypatch.setattr(TryOnInput, "prepare", real)
    second = runner.submit_try_on(TryOnInput(person_jpeg(), garment_jpeg(), ProductType.DRESS))
    (done,) = runner.wait([second], timeout=30)
    assert done.status is JobStatus.COMPLETED
    assert server.stats()["requests"]["POST /api/ai/vto"] == 1


@pytest.mark.logs_expected(r"failed unexpectedly")
def test_an_error_while_following_ends_the_job_with_a_way_to_follow_again(
    runner_factory: Factory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    runner, server, _ = runner_factory()

    def broken(self: TaskFollower) -> Any:
        raise KeyError("a bug while following")

    real = TaskFollower.run
    monkeypatch.setattr(TaskFollower, "run", broken)
    job_id = runner.submit_generation(GenerationInput("a cap", ProductType.OTHER, 64, 64))
    (failed,) = runner.wait([job_id], timeout=20)
    assert failed.status is JobStatus.FAILED and failed.task_id
    assert "Follow again" in (failed.error or "")
    assert any(r.exc_info and isinstance(r.exc_info[1], KeyError) for r in caplog.records)
    monkeypatch.setattr(TaskFollower, "run", real)
    runner.follow(job_id)
    (done,) = runner.wait([job_id], timeout=30)
    assert done.status is JobStatus.COMPLETED
    assert server.stats()["requests"]["POST /api/ai/image-generation"] == 1
