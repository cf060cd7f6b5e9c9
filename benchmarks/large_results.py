"""Memory with very large results, each case in a fresh process (its own peak).

1. Three 179-megapixel PNG results checked at once (the check that decides whether a
   result is a whole, usable picture): target at most 600 MB. They are past the pixel
   limit, so they are judged by their header and never decoded.
2. A lookbook made from older results that have no print preview: a 13000 x 13000
   result among them (169 megapixels: past the limit, left out with a note) and a
   9900 x 9900 one (decoded reduced): target at most 600 MB, the rest written.

Baseline, in the same run: the peak of a fresh process that imports the same parts
and does nothing.

Run: python benchmarks/large_results.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _tiny import sized

SIDE = sized(13_380, 300)
"""A result past the pixel limit (179 megapixels), in tiny mode a small one."""
OLDER = sized((13_000, 9_900), (260, 200))
"""Older results without a print preview: one past the limit, one decoded reduced."""

CHECK_THREE = """
import sys, threading
from pathlib import Path
from aurax_desktop.jobs.results import _DamagedError, _checked
paths = [Path(p) for p in sys.argv[1:]]
outcomes = []
def check(path):
    try:
        _checked(path.read_bytes())
        outcomes.append("usable")
    except _DamagedError as exc:
        outcomes.append(exc.reason)
threads = [threading.Thread(target=check, args=(p,)) for p in paths]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(outcomes))
"""

LOOKBOOK = """
import sys
from pathlib import Path
from aurax_desktop.exports import Lookbook, write_pdf
from aurax_desktop.exports.lookbook import Look, PersonPage
looks = tuple(Look(Path(p), f"Look {n}", f"SKU-{n}", "Dress") for n, p in enumerate(sys.argv[2:]))
path, notes = write_pdf(Lookbook("Huge", pages=(PersonPage("Anna", looks),)), Path(sys.argv[1]))
print(len(notes), "left out;", path.stat().st_size // 1000, "kB written")
"""


def huge_png(path: Path, side: int) -> None:
    """A grey picture ``side`` pixels square (RGB, so a full decode would take
    3 bytes a pixel), written without holding it whole: rows compress well."""
    import zlib  # noqa: PLC0415

    raw_row = b"\x00" + bytes([128, 120, 110]) * side
    compressor = zlib.compressobj(1)
    body = b"".join(compressor.compress(raw_row) for _ in range(side)) + compressor.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
        )

    header = side.to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


MEASURED = (
    "import resource, subprocess, sys;"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=True);"
    "print(done.stdout.strip());"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_of(script: str, *args: str) -> tuple[float, str, float]:
    """(peak resident memory in MB, what the script printed, seconds) of a fresh process
    (measured by a process of its own, so no other case's peak is counted)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    took = time.perf_counter() - started
    *said, peak_kib = done.stdout.strip().splitlines()
    return int(peak_kib) / 1024, "\n".join(said), took


IDLE = "import aurax_desktop.jobs.results, aurax_desktop.exports; print('imported')"


def main() -> None:
    idle, _said, _took = peak_of(IDLE)
    print(
        json.dumps(
            {"case": "baseline: the same parts imported, nothing done", "peak_mb": round(idle)}
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        side = SIDE
        bombs = []
        for n in range(3):
            job = root / f"job{n}"
            job.mkdir()
            bombs.append(job / "result.png")
            huge_png(bombs[-1], side)
        peak, said, took = peak_of(CHECK_THREE, *map(str, bombs))
        print(
            json.dumps(
                {
                    "case": f"three {side}x{side} results checked at once",
                    "peak_mb": round(peak),
                    "target_mb": 600,
                    "outcomes": said,
                    "seconds": round(took, 2),
                }
            )
        )
        older = []
        for n, edge in enumerate(OLDER):
            job = root / f"old{n}"
            job.mkdir()
            older.append(job / "result.png")
            huge_png(older[-1], edge)
        small = root / "old2"
        small.mkdir()
        from PIL import Image  # noqa: PLC0415

        Image.new("RGB", (1200, 1800), (90, 120, 150)).save(small / "result.jpg")
        older.append(small / "result.jpg")
        peak, said, took = peak_of(LOOKBOOK, str(root / "huge.pdf"), *map(str, older))
        print(
            json.dumps(
                {
                    "case": (
                        f"a lookbook of older results: {OLDER[0]}x{OLDER[0]}, "
                        f"{OLDER[1]}x{OLDER[1]}, 1200x1800"
                    ),
                    "peak_mb": round(peak),
                    "target_mb": 600,
                    "outcome": said,
                    "seconds": round(took, 2),
                }
            )
        )


if __name__ == "__main__":
    main()
