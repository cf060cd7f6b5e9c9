"""Documents of names with no end: every kind (the lookbook PDF, the line sheet, the
contact sheet) of 400 looks (10 people by 40 garments) whose garments, SKUs and people
are named with 10,000 characters and no space, beside the same documents with everyday
names (the baseline), each in a fresh process, in the same run.

Targets: each document with such names in at most 30 s and 600 MB (it took more than
40 s for one when wrapping measured the name once for each character it took off).

Run: python benchmarks/long_names.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCUMENT = """
import sys, time
from pathlib import Path
from aurax_desktop.exports import Lookbook, write_contact_sheet, write_pdf
from aurax_desktop.exports.linesheet import LineItem, LineSheet, write_linesheet
from aurax_desktop.exports.lookbook import Look, PersonPage

kind, target, long_names = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "long"
results = [Path(p) for p in sys.argv[4:]]

def named(what, n):
    if not long_names:
        return f"{what} {n}"
    return "".join(chr(ord("a") + (k + n) % 26) for k in range(10_000))

people = [named("Model", p) for p in range(10)]
garments = [named("Linen dress", g) for g in range(40)]
looks = [
    [Look(results[p * 40 + g], garments[g], named("SS27", g), "Dress") for g in range(40)]
    for p in range(10)
]
started = time.perf_counter()
if kind == "line sheet":
    items = tuple(
        LineItem(
            garment=garments[g],
            photo=results[g],
            sku=named("SS27", g),
            colour=named("Sand", g),
            description=named("A linen dress", g),
            looks=tuple((people[p], looks[p][g]) for p in range(10)),
        )
        for g in range(40)
    )
    path, notes = write_linesheet(LineSheet(named("SS27", 0), items=items), target)
else:
    book = Lookbook(
        named("SS27", 0),
        pages=tuple(PersonPage(people[p], tuple(looks[p])) for p in range(10)),
    )
    writer = write_pdf if kind == "lookbook" else write_contact_sheet
    path, notes = writer(book, target)
took = time.perf_counter() - started
print(f"{took:.2f}", path.stat().st_size // 1_000_000, len(notes))
"""

MEASURED = (
    "import resource, subprocess, sys;"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=True);"
    "print(done.stdout.strip());"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
KINDS = {"lookbook": ".pdf", "line sheet": ".pdf", "contact sheet": ".png"}


def measured(*args: str) -> tuple[str, float]:
    """What a fresh process printed, and its peak resident memory in MB."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, sys.executable, "-c", DOCUMENT, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    *said, peak_kib = done.stdout.strip().splitlines()
    return "\n".join(said), int(peak_kib) / 1024


def main() -> None:
    from PIL import Image, ImageDraw  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        results = []
        grain = Image.effect_noise((800, 1200), 48).convert("RGB")  # a photo's texture
        for n in range(400):  # results as they arrive: a print preview beside each
            job = root / f"job{n}"
            job.mkdir()
            picture = Image.blend(grain, Image.new("RGB", grain.size, (n % 250, 120, 150)), 0.6)
            ImageDraw.Draw(picture).ellipse((200, 100, 600, 500), fill=(90, 70, n % 250))
            picture.save(job / "result.jpg", quality=92)
            picture.save(job / "print.jpg", quality=88)
            results.append(str(job / "result.jpg"))
        for kind, suffix in KINDS.items():
            figures = {}
            for names in ("everyday", "long"):
                started = time.perf_counter()
                target = root / f"{kind}-{names}{suffix}".replace(" ", "-")
                said, peak = measured(kind, str(target), names, *results)
                seconds, megabytes, left_out = said.split()
                figures[names] = {
                    "writing_seconds": float(seconds),
                    "process_seconds": round(time.perf_counter() - started, 2),
                    "peak_mb": round(peak),
                    "size_mb": int(megabytes),
                    "left_out": int(left_out),
                }
            print(
                json.dumps(
                    {
                        "case": f"a {kind} of 400 looks named with 10,000 characters",
                        "long_names": figures["long"],
                        "baseline_everyday_names": figures["everyday"],
                        "target_seconds": 30,
                        "target_mb": 600,
                    }
                )
            )


if __name__ == "__main__":
    main()
