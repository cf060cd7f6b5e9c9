"""50 jobs against a demo server that fails tasks, drops streams, rate-limits and lags.

Each job ends completed with exactly the right image, or failed with a plain
reason; a request is sent again only when the server refused it (429), no job
makes two tasks, and no result is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from aurax_desktop.api import ProductType
from aurax_desktop.demo import DemoServer, simulate
from aurax_desktop.jobs import GenerationInput, JobRunner, JobStatus
from tests.jobs.conftest import Recorder

PLAIN_REASONS = ("Simulated failure", "too many requests", "could not complete")


def test_fifty_jobs_through_every_fault(
    runner_factory: Callable[..., tuple[JobRunner, DemoServer, Recorder]],
    demo_factory: Callable[..., DemoServer],
) -> None:
    server = demo_factory(
        task_seconds=1.0, fail_rate=0.2, drop_streams=0.5, latency=0.02, rate_limit=60, seed=7
    )
    runner, _, _ = runner_factory(server, max_streams=6)
    wanted = {}
    for i in range(50):
        prompt = f"fault run item {i}"
        job = runner.get(runner.submit_generation(GenerationInput(prompt, ProductType.BAG, 96, 64)))
        wanted[job.id] = prompt
    jobs = runner.wait(list(wanted), timeout=120)
    assert len(jobs) == 50 and all(j.status.is_final for j in jobs)
    completed = [j for j in jobs if j.status is JobStatus.COMPLETED]
    failed = [j for j in jobs if j.status is JobStatus.FAILED]
    assert len(completed) + len(failed) == 50
    assert completed and failed  # the faults really happened, and so did successes
    for job in completed:
        expected, _ = simulate.generate(wanted[job.id], "BAG", 96, 64, None)
        assert job.result_paths[0].read_bytes() == expected  # exactly the right image
    for job in failed:
        assert job.error and any(r.lower() in job.error.lower() for r in PLAIN_REASONS), job.error
    stats = server.stats()
    refused = stats["throttled"].get("POST /api/ai/image-generation", 0)
    assert refused > 0  # the rate limit really bit
    gave_up = sum(j.error_kind == "RateLimitedError" for j in failed)
    # Each POST was refused (and sent again later, or given up on) or was the job's one.
    assert stats["requests"]["POST /api/ai/image-generation"] == 50 - gave_up + refused
    with_task = [j for j in jobs if j.task_id]
    assert stats["tasks_created"] == len(with_task)
    finished_at_server = {t["id"] for t in server.tasks() if t["status"] == "COMPLETED"}
    assert finished_at_server == {j.task_id for j in completed}  # no result lost
