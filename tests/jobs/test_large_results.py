"""Large results: judged by their header, previewed from a reduced decode, within a bound
on memory (one past the pixel limit is a damaged result: ``test_damaged_results``).
The demo server makes the huge results (``result_side``); the command runs as a real
subprocess whose peak memory is read from the system."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from aurax_desktop.demo import DemoServer
from tests.factories import garment_jpeg, person_jpeg

pytestmark = pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")

PEAK_OF_CHILD = (
    "import resource, subprocess, sys;"
    "code = subprocess.run(sys.argv[1:]).returncode;"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)


def test_a_9900_pixel_bilevel_result_keeps_the_command_under_600_mb(
    demo_factory: Callable[..., DemoServer], tmp_path: Path
) -> None:
    server = demo_factory(task_seconds=0.2, result_side=9900)
    person, garment = tmp_path / "person.jpg", tmp_path / "garment.jpg"
    person.write_bytes(person_jpeg())
    garment.write_bytes(garment_jpeg())
    env = {**os.environ, "AURAX_API_KEY": server.api_key, "AURAX_KEY_ID": server.key_id}
    command = [sys.executable, "-m", "aurax_desktop.cli", "--base-url", server.url, "--json"]
    command += ["try-on", str(person), str(garment), "--type", "DRESS", "-o", "look.jpg"]
    done = subprocess.run(
        [sys.executable, "-c", PEAK_OF_CHILD, *command],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    *records, summary = done.stdout.strip().splitlines()
    peak_kib, code = (int(part) for part in summary.split())
    assert code == 0, done.stderr
    (record,) = json.loads("\n".join(records))
    assert record["status"] == "completed"
    with Image.open(tmp_path / "look.jpg") as saved:
        assert saved.size == (9900, 9900)
    print(f"peak memory of the command: {peak_kib / 1024:.0f} MB")
    assert peak_kib < 600 * 1024, f"peak memory {peak_kib / 1024:.0f} MB"
