"""200 tasks in flight at once: threads used, peak memory, results received.

Baseline, in the same run: the process's memory with its client and runner made and
no task sent.

The demo server runs in its own process, so the figures are the client's
alone. Run: python benchmarks/many_jobs.py
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo_process import demo_process
from _tiny import sized

from aurax_desktop.api import AuraxClient, ProductType
from aurax_desktop.jobs import GenerationInput, JobRunner, JobStatus, JobStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=sized(200, 5))
    args = parser.parse_args()
    os.environ["AURAX_DATA_DIR"] = tempfile.mkdtemp(prefix="aurax-bench-")
    baseline_threads = threading.active_count()
    with demo_process("--task-seconds", sized("8", "0.3"), "--credits", "10000") as url:
        client = AuraxClient(url, api_key="demo-key", key_id="demo")
        store = JobStore()
        runner = JobRunner(client, store)
        idle_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        peak = {"threads": 0, "ours": 0, "in_flight": 0}
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.05):
                threads = threading.enumerate()
                peak["threads"] = max(peak["threads"], len(threads) - baseline_threads - 1)
                peak["ours"] = max(peak["ours"], sum(t.name.startswith("aurax-") for t in threads))
                streamed, polled = runner.following_counts
                peak["in_flight"] = max(peak["in_flight"], streamed + polled)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.monotonic()
        jobs = [
            runner.submit_generation(GenerationInput(f"many {i}", ProductType.BAG, 256, 256))
            for i in range(args.tasks)
        ]
        done = runner.wait(jobs, timeout=600)
        elapsed = time.monotonic() - started
        stop.set()
        sampler.join()
        runner.shutdown()
        store.close()
    received = sum(
        1 for j in done if j.status is JobStatus.COMPLETED and j.result_paths[0].is_file()
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.tasks} generation tasks, demo server in its own process, {elapsed:.1f} s in all")
    print(f"tasks in flight at once (peak): {peak['in_flight']}")
    print(
        f"threads started by the client (peak): {peak['threads']} "
        f"(workers {peak['ours']}; target at most 16)"
    )
    print(
        f"peak memory of the client process: {peak_mb:.0f} MB (target at most 300 MB); "
        f"baseline, the same process before its first task: {idle_mb:.0f} MB"
    )
    print(f"results received: {received} of {args.tasks} (target: every one)")


if __name__ == "__main__":
    main()
