"""A batch whose account runs out of credits pauses: what is not sent waits (prepared,
never failed) for Resume, even after a restart. Real runner, real history, the demo
server's ledger."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from aurax_desktop.api import ProductType
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import Job, JobRunner, JobStatus
from aurax_desktop.jobs.batches import BatchSent, TryOnBatchInput
from aurax_desktop.jobs.events import BatchPaused
from aurax_desktop.jobs.inputs import TryOnInput
from aurax_desktop.jobs.short_names import person_label
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


def test_out_of_credits_pauses_the_batch_and_what_is_not_sent_waits_for_resume(
    runner_factory: Callable[..., tuple[JobRunner, DemoServer, Recorder]],
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    """A batch of 32 sent with 4 credits left ended with 31 jobs "Failed": now the batch
    pauses at AuraX's first "insufficient credits", the rest wait (prepared, not sent,
    not failed), and Resume after a top-up sends them, each once."""
    server = demo_factory(credits=3.0, task_seconds=0.1)  # one try-on's worth
    runner, server, events = runner_factory(server, max_prepare=1)  # sent one by one
    sent = send_people_in_one_garment(runner, tmp_path, 4)
    jobs = runner.wait(list(sent.job_ids), timeout=60)  # settles: done, or waiting
    assert [j.status for j in jobs] == [JobStatus.COMPLETED] + [JobStatus.WAITING] * 3
    assert server.stats()["requests"]["POST /api/ai/vto"] == 2  # the third was not sent
    refused = jobs[1]
    assert refused.error is not None and "credits" in refused.error and refused.cost == 0
    assert all(job.folder.joinpath("person.jpg").is_file() for job in jobs[1:])  # prepared
    paused = [e for e in events.events if isinstance(e, BatchPaused)]
    assert paused == [BatchPaused(sent.batch, True, refused.error)]
    assert runner.paused_batches() == {sent.batch: refused.error}
    # the user tops up, then presses Resume: every pair waiting goes, once
    server.top_up(30)
    runner.pause_batch(sent.batch, paused=False)
    jobs = runner.wait(list(sent.job_ids), timeout=60)
    assert [j.status for j in jobs] == [JobStatus.COMPLETED] * 4
    assert server.stats()["requests"]["POST /api/ai/vto"] == 5  # the refused one twice
    assert [e for e in events.events if isinstance(e, BatchPaused)][-1] == BatchPaused(
        sent.batch, False, None
    )
    assert sum(job.cost for job in jobs) == 12.0  # nothing charged for the refusal


def test_what_waits_when_the_program_ends_waits_after_a_restart(
    runner_factory: Callable[..., tuple[JobRunner, DemoServer, Recorder]],
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory(credits=0.0, task_seconds=0.1)
    runner, server, _events = runner_factory(server, max_prepare=1)
    sent = send_people_in_one_garment(runner, tmp_path, 3)
    jobs = runner.wait(list(sent.job_ids), timeout=60)
    assert [j.status for j in jobs] == [JobStatus.WAITING] * 3
    runner.shutdown()  # the window closes: nothing is marked interrupted
    assert {j.status for j in runner.store.get_many(list(sent.job_ids))} == {JobStatus.WAITING}
    fresh, _, _ = runner_factory(server, max_prepare=1)
    touched = fresh.resume()  # the window's start: queued again, paused, for Resume
    assert {j.id for j in touched} == set(sent.job_ids)
    assert sent.batch in fresh.paused_batches()
    assert [j.status for j in fresh.wait(list(sent.job_ids), timeout=30)] == [JobStatus.WAITING] * 3
    assert server.stats()["requests"]["POST /api/ai/vto"] == 1  # only the first refusal
    server.top_up(9)
    fresh.pause_batch(sent.batch, paused=False)
    assert [j.status for j in fresh.wait(list(sent.job_ids), timeout=60)] == [
        JobStatus.COMPLETED
    ] * 3


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


def test_a_batchs_people_are_named_alike_in_every_view_of_its_jobs(
    runner_factory: Callable[..., tuple[JobRunner, DemoServer, Recorder]], tmp_path: Path
) -> None:
    """Each try-on keeps its person's name among the batch's people ("anna maria", not
    "SS27 resort look model anna maria"), so the Jobs list, the Result and exports name
    them as the Gallery does; a name the user gives still comes first."""
    runner, _server, _events = runner_factory()
    people = []
    for who in ("anna-maria", "beatriz"):
        photo = tmp_path / f"SS27-resort-look-model-{who}.jpg"
        photo.write_bytes(person_jpeg())
        people.append(photo)
    garment = tmp_path / "linen-midi-dress.jpg"
    garment.write_bytes(garment_jpeg())
    sent = runner.submit_try_on_batch(
        TryOnBatchInput(tuple(people), (garment,), person_names=(None, "Bea"))
    )
    jobs = ended(runner, list(sent.job_ids))
    assert [person_label(job) for job in jobs] == ["anna maria", "Bea"]
    alone = runner.submit_try_on(TryOnInput(people[0], garment))
    [single] = ended(runner, [alone])
    assert person_label(single) == "SS27 resort look model anna maria"  # no batch to read
