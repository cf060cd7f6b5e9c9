"""Runners wired to a real demo server and a real SQLite history in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobEvent, JobRunner, JobStore
from tests.conftest import FAST_RETRY, client_for


class Recorder:
    """Collects the runner's events (from its worker threads)."""

    def __init__(self) -> None:
        self.events: list[JobEvent] = []

    def __call__(self, event: JobEvent) -> None:
        self.events.append(event)

    def statuses(self, job_id: str) -> list[str]:
        seen: list[str] = []
        for event in list(self.events):
            job = getattr(event, "job", None)
            if job is not None and job.id == job_id and (not seen or seen[-1] != job.status):
                seen.append(job.status.value)
        return seen


Factory = Callable[..., tuple[JobRunner, DemoServer, "Recorder"]]
"""``runner_factory(server, **options)``: a runner, its server and its event recorder."""


@pytest.fixture
def runner_factory(
    demo_factory: Callable[..., DemoServer],
) -> Iterator[Callable[..., tuple[JobRunner, DemoServer, Recorder]]]:
    made: list[tuple[JobRunner, JobStore]] = []

    def make(
        server: DemoServer | None = None, **options: Any
    ) -> tuple[JobRunner, DemoServer, Recorder]:
        server = server or demo_factory()
        options.setdefault("poll_interval", 0.2)
        store = JobStore()
        recorder = Recorder()
        client = client_for(server, retry=options.pop("retry", FAST_RETRY))
        runner = JobRunner(client, store, recorder, **options)
        made.append((runner, store))
        return runner, server, recorder

    yield make
    for runner, store in made:
        runner.shutdown()
        store.close()
