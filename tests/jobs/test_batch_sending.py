"""A batch whose account AuraX refuses (credits used up) sends no more of its jobs, but a
retry asked for later is sent. Real runner, real history, the demo server's ledger."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from aurax_desktop.api import ProductType
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import Job, JobRunner, JobStatus
from aurax_desktop.jobs.batches import BatchSent, TryOnBatchInput
from tests.factories import garment_jpeg, person_jpeg
from tests.jobs.conftest import Recorder


def ended(runner: JobRunner, job_ids: list[str], timeout: float = 30.0) -> list[Job]:
    deadline = time.monotonic() + timeout
    while True:
        jobs = [runner.get(job_id) for job_id in job_ids]
        if all(j is not None and j.status.is_final for j in jobs):
            return [j for j in jobs if j is not None]
        assert time.monotonic() < deadline, "the jobs did not end in time"
        time.sleep(0.05)


def send_people_in_one_garment(runner: JobRunner, folder: Path, people: int) -> BatchSent:
    """A batch of ``people`` person photos with one garment, sent."""
    photos = []
    for n in range(people):
        person = folder / f"person-{n}.jpg"
        person.write_bytes(person_jpeg())
        photos.append(person)
    garment = folder / "shirt.jpg"
    garment.write_bytes(garment_jpeg())
    return runner.submit_try_on_batch(
        TryOnBatchInput(tuple(photos), (garment,), ProductType.GARMENT, 2)
    )


def test_the_rest_of_a_refused_batch_is_not_sent_but_a_later_retry_is(
    runner_factory: Callable[..., tuple[JobRunner, DemoServer, Recorder]],
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory(credits=3.0)  # one try-on's worth
    runner, server, _events = runner_factory(server, max_prepare=1)  # sent one by one
    sent = send_people_in_one_garment(runner, tmp_path, 3)
    jobs = ended(runner, list(sent.job_ids))
    assert [j.status for j in jobs] == [JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.FAILED]
    assert server.stats()["requests"]["POST /api/ai/vto"] == 2  # the third was not sent
    refused, unsent = jobs[1], jobs[2]
    assert refused.error is not None and "credits are used up" in refused.error
    assert unsent.error is not None
    assert unsent.error.startswith("Not sent: AuraX refused this batch's earlier job.")
    assert "credits are used up" in unsent.error
    # the user tops up and retries: the retry (same batch, asked later) is sent
    (retried,) = ended(runner, [runner.retry(unsent.id)])
    assert retried.batch == unsent.batch
    assert server.stats()["requests"]["POST /api/ai/vto"] == 3
    assert retried.error is not None and not retried.error.startswith("Not sent: AuraX")


def test_cancelling_the_unsent_never_stops_one_whose_request_has_gone(
    runner_factory: Callable[..., tuple[JobRunner, DemoServer, Recorder]],
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory(latency=0.5)  # each request takes half a second
    runner, server, _events = runner_factory(server, max_prepare=1)
    sent = send_people_in_one_garment(runner, tmp_path, 2)
    first, second = sent.job_ids
    deadline = time.monotonic() + 10
    while (job := runner.get(first)) is None or job.status is not JobStatus.SUBMITTING:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    # "Cancel unsent" read the history a moment before this job's request went (the race
    # the button can meet): its cancel arrives while the request is on its way. The
    # sender is reached directly to make that moment certain.
    runner._sender.cancel(first, unsent_only=True)
    runner.cancel_unsent(sent.batch)
    done, stopped = ended(runner, [first, second])
    assert done.status is JobStatus.COMPLETED and done.results  # charged, so fetched
    assert stopped.status is JobStatus.STOPPED and stopped.task_id is None
    assert server.stats()["requests"]["POST /api/ai/vto"] == 1
