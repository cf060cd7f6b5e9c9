"""Catalog scale: what a batch of try-ons costs the client.

1. CPU: a 4 x 4 batch (16 pairs of 8 photos) against an 8 x 1 batch (8 pairs of 9
   photos). Each distinct photo is prepared once per batch, so the 4 x 4 should cost
   about the CPU of the 8 x 1 (target: ratio near 1, well under the 2 that preparing
   every pair would give).
2. Memory: the peak resident memory of a 10 x 10 batch of 24-megapixel photos
   (target: under 500 MB).

Each case runs in a fresh process (its own CPU time and peak memory) against the
demo server in another process. Run: python benchmarks/batch_catalog.py
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _tiny import sized

PHOTO = sized((4000, 6000), (300, 450))
SIDE, SQUARE, ROW = sized((10, 4, 8), (2, 2, 2))
"""The big batch's side, the square batch's side, the row's length."""


def make_photo(path: Path, seed: int) -> None:
    """A 24-megapixel JPEG with light and noise, as a camera's photo has."""
    from PIL import Image, ImageChops  # noqa: PLC0415

    noise = Image.effect_noise(PHOTO, 20 + seed % 17)
    light = Image.linear_gradient("L").rotate(seed * 13).resize(PHOTO)
    grey = ImageChops.add(light, noise, scale=1.5)
    Image.merge("RGB", (grey, light, noise)).save(path, "JPEG", quality=90)


def photos(folder: Path, prefix: str, count: int) -> list[Path]:
    made = []
    for number in range(count):
        path = folder / f"{prefix}-{number}.jpg"
        if not path.exists():
            make_photo(path, number + (50 if prefix == "garment" else 0))
        made.append(path)
    return made


def run_case(url: str, people: list[Path], garments: list[Path]) -> dict[str, float]:
    """In this process: send the batch, wait for every result; CPU and peak memory."""
    from aurax_desktop.api import AuraxClient, ProductType  # noqa: PLC0415
    from aurax_desktop.jobs import JobRunner, JobStatus, JobStore  # noqa: PLC0415
    from aurax_desktop.jobs.batches import TryOnBatchInput  # noqa: PLC0415

    client = AuraxClient(url, api_key="demo-key", key_id="demo")
    store = JobStore()
    runner = JobRunner(client, store, deadline_s=600, max_prepare=2)
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.monotonic()
    sent = runner.submit_try_on_batch(
        TryOnBatchInput(tuple(people), tuple(garments), ProductType.GARMENT)
    )
    jobs = runner.wait(sent.job_ids, timeout=900)
    after = resource.getrusage(resource.RUSAGE_SELF)
    elapsed = time.monotonic() - started
    runner.shutdown()
    client.close()
    return {
        "pairs": len(sent.job_ids),
        "completed": sum(j.status is JobStatus.COMPLETED for j in jobs),
        "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "wall_s": elapsed,
        "peak_mb": after.ru_maxrss / 1024,
    }


def in_fresh_process(url: str, people: list[Path], garments: list[Path]) -> dict[str, float]:
    data = tempfile.mkdtemp(prefix="aurax-bench-")
    answer = subprocess.run(
        [
            sys.executable,
            __file__,
            "--case",
            url,
            json.dumps([[str(p) for p in people], [str(g) for g in garments]]),
        ],
        env={**os.environ, "AURAX_DATA_DIR": data},
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(answer.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        url, lists = args.case
        people, garments = json.loads(lists)
        print(json.dumps(run_case(url, [Path(p) for p in people], [Path(g) for g in garments])))
        return
    from _demo_process import demo_process  # noqa: PLC0415

    folder = Path(tempfile.mkdtemp(prefix="aurax-catalog-"))
    print(f"making {2 * SIDE} photos of {PHOTO[0]} x {PHOTO[1]}…", file=sys.stderr)
    people = photos(folder, "person", SIDE)
    garments = photos(folder, "garment", SIDE)
    with demo_process("--task-seconds", sized("0.5", "0.1"), "--credits", "100000") as url:
        square = in_fresh_process(url, people[:SQUARE], garments[:SQUARE])
        row = in_fresh_process(url, people[:ROW], garments[:1])
        big = in_fresh_process(url, people, garments)
    cases = (
        (f"{SQUARE} x {SQUARE}", square),
        (f"{ROW} x 1", row),
        (f"{SIDE} x {SIDE}", big),
    )
    for name, case in cases:
        print(
            f"{name}: {case['completed']:.0f} of {case['pairs']:.0f} completed, "
            f"CPU {case['cpu_s']:.2f} s, wall {case['wall_s']:.1f} s, "
            f"peak memory {case['peak_mb']:.0f} MB"
        )
    print(
        f"CPU of {SQUARE} x {SQUARE} ({SQUARE * SQUARE} pairs, {2 * SQUARE} photos) / "
        f"{ROW} x 1 ({ROW} pairs, {ROW + 1} photos): "
        f"{square['cpu_s'] / max(row['cpu_s'], 1e-6):.2f} (target: about 1; preparing every "
        "pair would make it about 2)"
    )
    print(
        f"{SIDE} x {SIDE} of {PHOTO[0]} x {PHOTO[1]} photos: peak {big['peak_mb']:.0f} MB "
        "(target: under 500 MB)"
    )


if __name__ == "__main__":
    main()
