"""Killed after the task id is stored, the program starts again and the result arrives.

A real subprocess, a real SIGKILL, a real SQLite file and the demo server.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobStatus, JobStore
from tests.factories import garment_jpeg, person_jpeg


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_after_the_task_id_is_stored(
    demo_factory: Callable[..., DemoServer], tmp_path: Path
) -> None:
    server = demo_factory(task_seconds=4.0)
    person, garment = tmp_path / "person.jpg", tmp_path / "garment.jpg"
    person.write_bytes(person_jpeg())
    garment.write_bytes(garment_jpeg())
    env = {**os.environ, "AURAX_API_KEY": server.api_key, "AURAX_KEY_ID": server.key_id}
    command = [sys.executable, "-m", "aurax_desktop.cli", "--base-url", server.url]
    victim = subprocess.Popen(
        [
            *command,
            "try-on",
            str(person),
            str(garment),
            "--type",
            "DRESS",
            "-o",
            str(tmp_path / "out.jpg"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    store = JobStore()
    try:
        deadline = time.monotonic() + 30
        stored = None
        while time.monotonic() < deadline and stored is None:
            stored = next((j for j in store.query() if j.task_id), None)
            time.sleep(0.02)
        assert stored is not None, "the task id never reached the history"
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        assert victim.returncode == -signal.SIGKILL
        assert store.get(stored.id).status.is_following  # type: ignore[union-attr]
        assert server.stats()["tasks_created"] == 1  # it had not finished: nothing lost yet
    finally:
        if victim.poll() is None:
            victim.kill()
        store.close()

    again = subprocess.run(
        [*command, "--json", "resume"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    (record,) = json.loads(again.stdout)
    assert record["job_id"] == stored.id and record["status"] == "completed"
    assert Path(record["results"][0]).is_file()
    store = JobStore()
    assert store.get(stored.id).status is JobStatus.COMPLETED  # type: ignore[union-attr]
    store.close()
    stats = server.stats()
    assert stats["requests"]["POST /api/ai/vto"] == 1
    assert stats["tasks_created"] == 1
