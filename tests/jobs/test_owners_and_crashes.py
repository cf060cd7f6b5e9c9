"""A crash or a second process loses nothing and doubles nothing.

Real subprocesses of the ``aurax`` command, a real SIGKILL, real SQLite files and the
demo server (with dripping downloads, so a kill can land mid-download).
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
from typing import Any

import pytest

from aurax_desktop.api import ProductType
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import (
    GenerationInput,
    JobRunner,
    JobStatus,
    JobStore,
    OwnerLock,
    open_history,
)
from tests.factories import garment_jpeg, person_jpeg

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def photos(folder: Path) -> tuple[Path, Path]:
    person, garment = folder / "person.jpg", folder / "garment.jpg"
    person.write_bytes(person_jpeg())
    garment.write_bytes(garment_jpeg())
    return person, garment


def aurax(server: DemoServer) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "AURAX_API_KEY": server.api_key, "AURAX_KEY_ID": server.key_id}
    return [sys.executable, "-m", "aurax_desktop.cli", "--base-url", server.url], env


def wait_for(check: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_killed_while_downloading_then_resume_fetches_it_with_no_second_post(
    demo_factory: Callable[..., DemoServer], tmp_path: Path
) -> None:
    server = demo_factory(task_seconds=0.3, drip_images=4.0)
    person, garment = photos(tmp_path)
    command, env = aurax(server)
    victim = subprocess.Popen(
        [*command, "try-on", str(person), str(garment), "--type", "DRESS", "-o", "out.jpg"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    store = JobStore()
    try:
        wait_for(lambda: any(j.status is JobStatus.DOWNLOADING for j in store.query()))
        time.sleep(0.5)  # well into the download
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        (job,) = store.query()
        assert job.status is JobStatus.DOWNLOADING and not job.results
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
    assert record["job_id"] == job.id and record["status"] == "completed"
    assert Path(record["results"][0]).stat().st_size > 1000
    stats = server.stats()
    assert stats["requests"]["POST /api/ai/vto"] == 1
    assert stats["tasks_created"] == 1


def test_resume_beside_a_live_process_leaves_its_jobs_alone(
    demo_factory: Callable[..., DemoServer], tmp_path: Path
) -> None:
    server = demo_factory(task_seconds=5.0)
    person, garment = photos(tmp_path)
    command, env = aurax(server)
    owner = subprocess.Popen(
        [*command, "--json", "try-on", str(person), str(garment), "--type", "DRESS"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    store = JobStore()
    try:
        wait_for(lambda: any(j.task_id for j in store.query()))
        (running,) = store.query()
        second = subprocess.run(
            [*command, "--json", "resume"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0, second.stderr
        assert "Nothing to resume" in second.stderr and second.stdout == ""
        now = store.get(running.id)
        assert now is not None and now.status.is_following and now.owner == running.owner
        out, err = owner.communicate(timeout=60)
        assert owner.returncode == 0, err
        assert json.loads(out)[0]["status"] == "completed"
    finally:
        if owner.poll() is None:
            owner.kill()
        store.close()
    stats = server.stats()
    assert stats["requests"]["GET /images/:imageId"] == 1  # downloaded once, by its owner
    assert stats["requests"]["POST /api/ai/vto"] == 1


OPEN_AT_ONCE = """
import sys, time
from pathlib import Path
from aurax_desktop.jobs import JobStore
folder, me = Path(sys.argv[1]), sys.argv[2]
for round_number in range(int(sys.argv[3])):
    (folder / f"ready-{round_number}-{me}").touch()
    go = folder / f"go-{round_number}"
    while not go.exists():
        time.sleep(0.001)
    JobStore(folder / f"round{round_number}" / "history.sqlite3").close()
"""
ROUNDS, PROCESSES = 30, 8


def test_many_processes_creating_the_history_at_once_all_succeed(tmp_path: Path) -> None:
    """Eight processes create the same new history at the same moment, 30 times over:
    switching a new file to WAL answers "database is locked" at once instead of
    waiting, so a new history is set up under a lock beside it."""
    for round_number in range(ROUNDS):
        (tmp_path / f"round{round_number}").mkdir()
    starters = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT_ONCE, str(tmp_path), str(n), str(ROUNDS)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    try:
        for round_number in range(ROUNDS):
            deadline = time.monotonic() + 60
            while len(list(tmp_path.glob(f"ready-{round_number}-*"))) < PROCESSES:
                assert all(p.poll() is None for p in starters), "a process ended early"
                assert time.monotonic() < deadline
                time.sleep(0.002)
            (tmp_path / f"go-{round_number}").touch()  # all at once
        for starter in starters:
            _, err = starter.communicate(timeout=120)
            assert starter.returncode == 0, err
    finally:
        for starter in starters:
            if starter.poll() is None:
                starter.kill()
                starter.wait()
    for round_number in range(ROUNDS):
        store = JobStore(tmp_path / f"round{round_number}" / "history.sqlite3")
        assert store.count() == 0 and store.journal_mode == "wal"
        store.close()


@pytest.mark.logs_expected(r"is damaged", r"damaged history was moved")
def test_a_damaged_history_is_kept_aside_and_a_new_one_started(tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite3"
    history.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)  # a truncated, damaged file
    damaged = history.read_bytes()
    opened = open_history(history)
    assert opened.kept is not None and opened.kept.read_bytes() == damaged
    assert ".damaged-" in opened.kept.name and opened.kept.parent == tmp_path
    assert opened.message and str(opened.kept) in opened.message
    assert opened.store.count() == 0
    opened.store.close()


def test_a_dead_owners_lock_is_free_and_a_live_ones_is_not(tmp_path: Path) -> None:
    live = OwnerLock(tmp_path)
    other = OwnerLock(tmp_path)
    assert other.is_alive(live.id)
    live.release()
    assert not other.is_alive(live.id)
    killed = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path;"
            "from aurax_desktop.jobs import OwnerLock;"
            "lock = OwnerLock(Path(sys.argv[1])); print(lock.id, flush=True); time.sleep(60)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert killed.stdout is not None
    owner_id = killed.stdout.readline().strip()
    assert other.is_alive(owner_id)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=10)
    assert not other.is_alive(owner_id)  # the system dropped the dead process's lock
    other.release()


def test_a_download_that_ran_out_of_time_is_fetched_by_resume_at_no_charge(
    runner_factory: Callable[..., tuple[JobRunner, DemoServer, Any]],
    demo_factory: Callable[..., DemoServer],
) -> None:
    server = demo_factory(task_seconds=0.2, drip_images=3.0)
    runner, _, _ = runner_factory(server, deadline_s=2.0)
    job_id = runner.submit_generation(GenerationInput("a belt", ProductType.OTHER, 64, 64))
    (failed,) = runner.wait([job_id], timeout=20)
    assert failed.status is JobStatus.FAILED and failed.error_kind == "DownloadError"
    assert "Follow again" in (failed.error or "") and not failed.results
    runner.shutdown()  # the program ends; its lock goes with it

    later, _, _ = runner_factory(server, deadline_s=30.0)
    assert [job.id for job in later.resume()] == [job_id]
    (done,) = later.wait([job_id], timeout=30)
    assert done.status is JobStatus.COMPLETED and done.result_paths[0].is_file()
    stats = server.stats()
    assert stats["requests"]["POST /api/ai/image-generation"] == 1
    assert stats["requests"]["GET /images/:imageId"] == 2
