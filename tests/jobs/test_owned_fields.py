"""The user's work is never undone by the program: fields have owners, one writer.

Each race is made to happen at one exact moment, never by a sleep: a listener on the
job book sees the job reach a state (being sent, being downloaded) and, before the
runner may write its next state, the user's change is made, by this process's book
or by a second process writing the same history file. The runner's next writes then
meet the history as the user left it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from aurax_desktop.api import ProductType
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import (
    FAVOURITE,
    GenerationInput,
    JobBook,
    JobEvent,
    JobStatus,
    JobStore,
    JobUpdated,
    TryOnBatchInput,
)
from aurax_desktop.jobs.batches import batch_jobs
from aurax_desktop.jobs.forgetting import purge
from aurax_desktop.jobs.store import default_path
from tests.factories import garment_jpeg, person_jpeg
from tests.jobs.conftest import Factory


def when_first(book: JobBook, status: JobStatus, act: Callable[[str], None]) -> threading.Event:
    """Run ``act(job_id)`` once, the moment a job is first announced in ``status``: on the
    writer's thread, so no later change of the job is written before ``act`` returns."""
    done = threading.Event()

    def listen(event: JobEvent) -> None:
        if isinstance(event, JobUpdated) and event.job.status is status and not done.is_set():
            done.set()
            act(event.job.id)

    book.add_listener(listen)
    return done


def wait_until(check: Callable[[], bool], timeout: float = 30.0) -> None:
    """A bounded poll of something no event announces."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def in_a_second_process(code: str) -> None:
    """Run ``code`` (with ``book``, a job book on this history) in another process, and
    wait for it: a second program changing the history while this one runs."""
    prelude = "from aurax_desktop.jobs import JobBook, JobStore\nbook = JobBook(JobStore())\n"
    subprocess.run(
        [sys.executable, "-c", prelude + code + "\nbook.close()\n"],
        check=True,
        timeout=60,
        env=dict(os.environ),
    )


def test_trashed_and_marked_while_sent_stays_so_when_it_ends(runner_factory: Factory) -> None:
    runner, _server, _ = runner_factory()
    acted = when_first(
        runner.book,
        JobStatus.SUBMITTING,
        lambda job_id: (runner.book.trash([job_id]), runner.book.mark([job_id], FAVOURITE)),
    )
    job_id = runner.submit_generation(GenerationInput("a red bag", ProductType.BAG, 64, 64))
    (ended,) = runner.wait([job_id], timeout=30)
    assert acted.is_set()
    assert ended.status is JobStatus.COMPLETED and ended.results
    assert ended.in_trash and ended.mark == FAVOURITE
    stored = JobStore(default_path()).get(job_id)
    assert stored is not None and stored.in_trash and stored.mark == FAVOURITE
    assert stored.result_paths and stored.result_paths[0].is_file()


def test_trashed_by_a_second_process_while_downloading_stays_trashed_and_is_purged(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    runner, _server, _ = runner_factory(demo_factory(task_seconds=0.2))
    acted = when_first(
        runner.book,
        JobStatus.DOWNLOADING,
        lambda job_id: in_a_second_process(f"book.trash([{job_id!r}])\nbook.rate([{job_id!r}], 4)"),
    )
    job_id = runner.submit_generation(GenerationInput("a linen scarf", ProductType.OTHER, 64, 64))
    (ended,) = runner.wait([job_id], timeout=30)
    assert acted.is_set()
    assert ended.status is JobStatus.COMPLETED
    assert ended.in_trash and ended.stars == 4  # the download's save did not undo them
    folder = ended.folder
    assert ended.result_paths and ended.result_paths[0].is_file()  # it landed in its folder
    assert purge(runner.book, trash_days=0) == [job_id]  # and purging removes it, files and all
    assert runner.book.store.get(job_id) is None and not folder.exists()


def test_a_batch_and_a_person_renamed_while_the_batch_runs_keep_their_names(
    runner_factory: Factory, tmp_path: Path
) -> None:
    runner, _server, _ = runner_factory()
    people, garments = [], []
    for n in range(2):
        people.append(tmp_path / f"model-{n}.jpg")
        people[-1].write_bytes(person_jpeg())
        garments.append(tmp_path / f"dress-{n}.jpg")
        garments[-1].write_bytes(garment_jpeg())
    batch_ids: list[str] = []

    def rename(_job_id: str) -> None:
        in_a_second_process(
            f"book.rename_batch({batch_ids[0]!r}, 'SS27 resort')\n"
            f"book.name_person({batch_ids[0]!r}, 1, 'Amira')"
        )

    acted = when_first(runner.book, JobStatus.QUEUED, rename)
    runner.book.writer.call(  # the batch exists before the first job is queued
        lambda: batch_ids.append(
            runner.submit_try_on_batch(
                TryOnBatchInput(tuple(people), tuple(garments), ProductType.DRESS, name="Untitled")
            ).batch
        )
    )
    jobs = batch_jobs(runner.book.store, batch_ids[0])
    ended = runner.wait([job.id for job in jobs], timeout=60)
    assert acted.is_set()
    assert all(job.status is JobStatus.COMPLETED for job in ended)
    assert {job.batch_name for job in ended} == {"SS27 resort"}
    named = {job.source_name: job.person_name for job in ended}
    assert named == {"model-0.jpg": None, "model-1.jpg": "Amira"}
    # a variant made afterwards is named as its cell is now
    amira = next(job for job in ended if job.person_name == "Amira")
    again = runner.get(runner.try_again(amira.id))
    assert again is not None
    assert (again.batch_name, again.person_name) == ("SS27 resort", "Amira")


def test_a_job_forgotten_while_it_runs_is_not_made_again(runner_factory: Factory) -> None:
    runner, _server, _ = runner_factory()
    when_first(runner.book, JobStatus.QUEUED, lambda job_id: runner.book.forget([job_id]))
    job_id = runner.submit_generation(GenerationInput("gone", ProductType.BAG, 64, 64))
    wait_until(lambda: not runner.is_running(job_id))  # followed to its end at AuraX
    runner.shutdown()  # every save asked for has been written (or refused)
    assert runner.book.store.get(job_id) is None


def test_changes_asked_for_from_many_threads_are_written_in_the_order_asked(
    runner_factory: Factory,
) -> None:
    """Trash, then undo, fifty times as fast as keys repeat: each change is written in
    the order it was asked for (once, on a pool of two workers, an undo could overtake
    its trash), and the history ends as the user left it."""
    runner, _server, _ = runner_factory()
    job_id = runner.submit_generation(GenerationInput("kept", ProductType.BAG, 64, 64))
    runner.wait([job_id], timeout=30)
    book = runner.book
    asked: list[str] = []
    futures = []
    for n in range(100):
        trash = n % 2 == 0
        asked.append("trash" if trash else "restore")
        futures.append(
            book.run((lambda: book.trash([job_id])) if trash else (lambda: book.restore([job_id])))
        )
    seen = [f.result(timeout=30)[0].in_trash for f in futures]
    assert seen == [what == "trash" for what in asked]
    stored = book.store.get(job_id)
    assert stored is not None and not stored.in_trash
