"""A submission the service refuses with 429 waits as asked and is sent again."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from aurax_desktop.api import AuraxClient, ProductType, RetryPolicy
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import GenerationInput, JobNotice, JobRunner, JobStatus, JobStore
from aurax_desktop.jobs.sending import RATE_LIMITED_ATTEMPTS
from aurax_desktop.jobs.transitions import NOT_SENT_STOP
from tests.api.scripted_server import ScriptedServer, answer
from tests.conftest import FAST_RETRY
from tests.jobs.conftest import Factory, Recorder

ROUTE = "POST /api/ai/image-generation"


def generation(runner: JobRunner, n: int) -> str:
    return runner.submit_generation(GenerationInput(f"rate {n}", ProductType.BAG, 64, 64))


def test_refused_submissions_wait_and_are_sent_again(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    # Two requests a second for everything (streams and downloads too), so reads are
    # retried patiently here: under test is what happens to the refused submissions.
    server = demo_factory(rate_limit=2, task_seconds=0.2)
    patient = RetryPolicy(attempts=20, base_delay=0.1, max_delay=0.5, max_retry_after=2.0)
    runner, _, recorder = runner_factory(server, poll_interval=5, retry=patient)
    ids = [generation(runner, n) for n in range(4)]
    jobs = runner.wait(ids, timeout=60)
    assert [j.status for j in jobs] == [JobStatus.COMPLETED] * 4
    stats = server.stats()
    refused = stats["throttled"].get(ROUTE, 0)
    assert refused > 0
    assert stats["requests"][ROUTE] == 4 + refused
    assert stats["tasks_created"] == 4  # one task each, whatever was refused
    notices = [e.message for e in recorder.events if isinstance(e, JobNotice)]
    assert any(m.startswith("AuraX asked to slow down; sending again in") for m in notices)


def test_a_job_stopped_while_waiting_is_never_sent(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    server = demo_factory(rate_limit=1, task_seconds=0.2)
    runner, _, recorder = runner_factory(server, poll_interval=5)
    ids = [generation(runner, n) for n in range(5)]  # a burst the limit must refuse

    def waiting() -> str | None:
        for event in list(recorder.events):
            if isinstance(event, JobNotice) and "slow down" in event.message:
                job = runner.get(event.job_id)
                if job is not None and job.status is JobStatus.PREPARING:
                    return event.job_id
        return None

    deadline = time.monotonic() + 20
    while waiting() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    held = waiting()
    assert held is not None
    runner.stop(held)
    (stopped,) = runner.wait([held], timeout=30)
    assert stopped.status is JobStatus.STOPPED and stopped.error == str(NOT_SENT_STOP)
    assert stopped.task_id is None
    others = runner.wait([j for j in ids if j != held], timeout=90)
    # At one request a second the others may also fail to download (their reads get
    # 429 too); what matters here is that the stopped job made no task.
    assert all(j.status.is_final for j in others)
    sent = [j for j in others if j.task_id]
    assert server.stats()["tasks_created"] == len(sent) <= 4


def test_refused_every_time_fails_in_plain_words_after_five_tries() -> None:
    # A stand-in server that refuses every submission (the demo server's rate limit
    # always lets some through): only the client's side is under test here.
    with ScriptedServer() as server:
        refusal = json.dumps(
            {"statusCode": 429, "message": "ThrottlerException: Too Many Requests"}
        )
        server.on(
            "/api/ai/image-generation", answer(refusal, status=429, headers={"Retry-After": "0"})
        )
        client = AuraxClient(server.url, api_key="k", key_id="id", retry=FAST_RETRY)
        store = JobStore()
        runner = JobRunner(client, store, Recorder(), poll_interval=5)
        try:
            job_id = generation(runner, 0)
            (job,) = runner.wait([job_id], timeout=60)
        finally:
            runner.shutdown()
            store.close()
    assert job.status is JobStatus.FAILED and job.error_kind == "RateLimitedError"
    assert "refused 5 times and not sent; try again later" in (job.error or "")
    assert server.count("POST", "/api/ai/image-generation") == RATE_LIMITED_ATTEMPTS == 5
