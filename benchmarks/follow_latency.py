"""From the server marking a task COMPLETED to the result file on disk.

Following by stream (ours) against polling every 2 seconds (the official
SDK's helper), the baseline measured in the same run. The demo server runs in
its own process on loopback and records when each task finished. Targets for
the stream: median at most 10 ms, p90 at most 15 ms, max at most 40 ms.
Run: python benchmarks/follow_latency.py
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo_process import demo_process
from _tiny import sized

from aurax_desktop.api import AuraxClient, ProductType
from aurax_desktop.jobs import (
    GenerationInput,
    JobEvent,
    JobRunner,
    JobStatus,
    JobStore,
    JobUpdated,
)


def run(url: str, tasks: int, *, max_streams: int, poll_interval: float) -> list[float]:
    """Milliseconds from the server's completion to the result file, per task."""
    seen: dict[str, float] = {}

    def on_event(event: JobEvent) -> None:
        if isinstance(event, JobUpdated) and event.job.status is JobStatus.COMPLETED:
            seen[event.job.id] = time.time()  # the file was written before this event

    client = AuraxClient(url, api_key="demo-key", key_id="demo")
    store = JobStore()
    runner = JobRunner(
        client, store, on_event, max_streams=max_streams, poll_interval=poll_interval
    )
    jobs = []
    for i in range(tasks):
        jobs.append(
            runner.submit_generation(
                GenerationInput(f"latency {max_streams} {i}", ProductType.BAG, 256, 256)
            )
        )
        time.sleep(0.37)  # spread the tasks so completions fall at varied poll phases
    done = runner.wait(jobs, timeout=120)
    runner.shutdown()
    store.close()
    latencies = []
    for job in done:
        assert job.status is JobStatus.COMPLETED and job.result_paths[0].is_file()
        with urllib.request.urlopen(f"{url}/_demo/tasks/{job.task_id}") as answer:
            finished = json.loads(answer.read())["finishedAt"]
        latencies.append((seen[job.id] - finished) * 1000)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=sized(15, 2))
    args = parser.parse_args()
    os.environ["AURAX_DATA_DIR"] = tempfile.mkdtemp(prefix="aurax-bench-")
    with demo_process("--task-seconds", sized("1.5", "0.3"), "--credits", "1000") as url:
        stream = run(url, args.tasks, max_streams=8, poll_interval=2.0)
        polling = run(url, args.tasks, max_streams=0, poll_interval=2.0)
    print(f"{args.tasks} tasks each, demo server in its own process on loopback\n")
    print(f"{'following':32} {'median ms':>10} {'p90 ms':>8} {'max ms':>8}")
    for name, values in (("stream (ours)", stream), ("polling every 2 s (SDK)", polling)):
        ordered = sorted(values)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        print(f"{name:32} {statistics.median(values):10.0f} {p90:8.0f} {max(values):8.0f}")
    ratio = statistics.median(polling) / statistics.median(stream)
    ordered = sorted(stream)
    print(
        f"\nstream: median {statistics.median(stream):.0f} ms, "
        f"p90 {ordered[int(0.9 * (len(ordered) - 1))]:.0f} ms, max {max(stream):.0f} ms "
        "(targets: at most 10, 15 and 40 ms); "
        f"{ratio:.0f}x better than polling, the baseline (target at least 10x)"
    )


if __name__ == "__main__":
    main()
