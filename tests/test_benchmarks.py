"""Every benchmark runs to its end: each script in benchmarks/ is run in its tiny mode
(``AURAX_BENCH_TINY=1``: a few small photos and jobs), so a change to the window, the
runner or the exporters cannot break one unseen. Its figures are not judged here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted(p for p in (ROOT / "benchmarks").glob("*.py") if not p.name.startswith("_"))


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_a_benchmark_runs_to_its_end_in_its_tiny_mode(script: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "AURAX_BENCH_TINY": "1",
        "AURAX_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DISPLAY", None)
    done = subprocess.run(
        # a crash (a signal) prints every thread's Python stack: once, in a run of two
        # suites at once, gallery_scroll.py ended on a segmentation fault with nothing said
        [sys.executable, "-X", "faulthandler", str(script)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=100,  # a tiny run takes seconds; one that hangs fails here, not the suite
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.strip(), "it printed no figures"
