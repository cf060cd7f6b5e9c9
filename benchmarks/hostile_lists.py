"""Season lists made to hurt, each read as the program reads a list (``read_manifest``)
in a fresh process, beside an honest list of the most rows a list may have (the
baseline) in the same run: the seconds it took, its peak memory, and what the user is
told. Target: any file, hostile or not, read in at most 10 s and 300 MB.

The hostile files are made here (with the tests' makers): a 1.5 GB cell packed into a
workbook of under 2 MB, rows reaching column XFD (stated, and hidden), a shared-strings
bomb that lies about its size, a million rows, one cell of 20 MB, millions of empty
lines, /dev/zero, a link to /dev/urandom and a named pipe with no writer.

Run: python benchmarks/hostile_lists.py
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.jobs.hostile_lists import (
    one_huge_cell,
    reaching_xfd,
    rows_of,
    shared_strings_bomb,
    sheet,
    workbook,
)

READ = """
import sys, time
from pathlib import Path
from aurax_desktop.jobs.manifest import ManifestError, read_manifest
started = time.perf_counter()
try:
    told = f"{len(read_manifest(Path(sys.argv[1])).garments)} garments read"
except ManifestError as exc:
    told = exc.user_message.splitlines()[0]
print(f"{time.perf_counter() - started:.2f}")
print(told)
"""

ROWS = range(10_000)

MEASURED = (
    "import resource, subprocess, sys;"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120);"
    "print(done.stdout.strip() or done.stderr.strip()[-300:]);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def measured(path: Path) -> dict[str, object]:
    """Read in a fresh process: its seconds, peak resident memory and what it said."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, sys.executable, "-c", READ, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    *said, peak_kib = done.stdout.strip().splitlines()
    return {
        "reading_seconds": float(said[0]) if said[0].replace(".", "").isdigit() else None,
        "process_seconds": round(time.perf_counter() - started, 2),
        "peak_mb": round(int(peak_kib) / 1024),
        "told": " ".join(said[1:])[:160],
    }


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)
    return path


def main() -> None:
    from PIL import Image  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        Image.new("RGB", (800, 800), (200, 40, 20)).save(root / "dress.jpg", quality=90)
        for n in range(100):
            Image.new("RGB", (800, 800), (n, 40, 20)).save(root / f"dress-{n}.jpg", quality=90)
        made = {
            "baseline: 10,000 rows naming 100 photos": write_rows(
                root / "honest.csv",
                [["file", "sku", "name", "type"]]
                + [
                    [f"dress-{n % 100}.jpg", f"SS27-{n}", f"Dress {n}", "dress"]
                    for n in range(10_000)
                ],
            ),
            "a 1.5 GB cell in a small workbook": one_huge_cell(root / "cell.xlsx", 1_500_000_000),
            "baseline: a workbook of 10,000 rows of 26 columns": workbook(
                root / "honest.xlsx",
                sheet(
                    rows_of(
                        [[f"c{c}" if c else "file" for c in range(26)]]
                        + [
                            [f"dress-{n % 100}.jpg", *(f"{n}-{c}" for c in range(25))]
                            for n in range(10_000)
                        ]
                    ),
                    dimension="A1:Z10001",
                ),
            ),
            "200 rows reaching column XFD, stated": reaching_xfd(
                root / "xfd.xlsx", 200, stated="A1:XFD201"
            ),
            "30 rows reaching column XFD, hidden": reaching_xfd(
                root / "xfd-hidden.xlsx", 30, stated="A1:B2"
            ),
            "2,000,000 shared strings saying 1": shared_strings_bomb(
                root / "strings.xlsx", 2_000_000, stated=1
            ),
            "1,000,000 rows": write_rows(
                root / "million.csv",
                [["file", "sku"]] + [["dress.jpg", f"S{n}"] for n in range(1_000_000)],
            ),
            "one cell of 19 MB": write_rows(
                root / "cell.csv", [["file", "name"], ["dress.jpg", "x" * 19_000_000]]
            ),
            "19,000,000 empty lines": root / "empty.csv",
            "/dev/zero": Path("/dev/zero"),
            "a link to /dev/urandom": root / "random.csv",
            "a named pipe with no writer": root / "pipe.csv",
        }
        (root / "empty.csv").write_bytes(b"file,sku\n" + b"\n" * 19_000_000)
        os.symlink("/dev/urandom", root / "random.csv")
        os.mkfifo(root / "pipe.csv")
        for case, path in made.items():
            size = path.stat().st_size if path.is_file() else 0
            figures = measured(path)
            print(
                json.dumps(
                    {
                        "case": case,
                        "file_mb": round(size / 1e6, 1),
                        **figures,
                        "target_seconds": 10,
                        "target_mb": 300,
                    },
                    ensure_ascii=False,
                )
            )


if __name__ == "__main__":
    main()
