"""A season's budgets, each case in a fresh process:

1. A list of 40 garments (XLSX) for 10 people: read, every row checked (each photo by
   its header) and the question before the batch shown: target at most 1 s.
2. A lookbook of 400 looks (10 people by 40 garments, 400 different results, each
   with its 1600-pixel print preview, as results have): written in at most 20 s, peak memory at most
   500 MB.

Baselines, each in a fresh process in the same run: the workbook read by plain
openpyxl (read-only, values), and every print preview decoded once by plain Pillow
(the least a lookbook of them must do).

Run: python benchmarks/season.py
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

GARMENTS, PEOPLE = sized((40, 10), (4, 2))
GARMENT_PHOTO, PERSON_PHOTO, RESULT = sized(
    ((2000, 2000), (4000, 6000), (1600, 2400)), ((200, 200), (400, 600), (160, 240))
)

QUESTION = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from aurax_desktop.api import ProductType
from aurax_desktop.jobs.manifest import read_manifest
from aurax_desktop.ui.studio.batch import BatchQuestion, Pairs
people = tuple(Path(p) for p in sys.argv[2:])
started = time.perf_counter()
listed = read_manifest(Path(sys.argv[1]))
pairs = Pairs(
    people, tuple({} for _ in people), tuple(None for _ in people),
    tuple(g.photo for g in listed.garments),
    tuple(g.product_type or ProductType.GARMENT for g in listed.garments),
    tuple(g.details() for g in listed.garments),
    tuple(p.name for p in people), tuple(g.photo.name for g in listed.garments),
    tuple(g.photo for g in listed.garments),
)
question = BatchQuestion(None, pairs)
question.show()
app.processEvents()
took = time.perf_counter() - started
print(f"{took:.3f}", question.text())
"""

LOOKBOOK = """
import sys, time
from pathlib import Path
from aurax_desktop.exports import Lookbook, write_pdf
from aurax_desktop.exports.lookbook import Look, PersonPage
garments = int(sys.argv[2])
results = [Path(p) for p in sys.argv[3:]]
pages = tuple(
    PersonPage(f"Model {person}", tuple(
        Look(results[person * garments + g], f"SS27 garment number {g}", f"SS27-{g:03d}", "Dress")
        for g in range(garments)
    ))
    for person in range(len(results) // garments)
)
started = time.perf_counter()
path, notes = write_pdf(Lookbook("SS27", pages=pages), Path(sys.argv[1]))
took = time.perf_counter() - started
print(f"{took:.2f}", path.stat().st_size // 1_000_000, "MB", len(notes), "left out")
"""

PLAIN_LIST = """
import sys, time
from openpyxl import load_workbook
started = time.perf_counter()
book = load_workbook(sys.argv[1], read_only=True, data_only=True)
rows = sum(1 for _ in book.active.iter_rows(values_only=True))
print(f"{time.perf_counter() - started:.3f}", rows, "rows")
"""

PLAIN_PREVIEWS = """
import sys, time
from PIL import Image
started = time.perf_counter()
for path in sys.argv[1:]:
    with Image.open(path) as picture:
        picture.load()
print(f"{time.perf_counter() - started:.2f}", len(sys.argv) - 1, "previews")
"""

MEASURED = (
    "import resource, subprocess, sys;"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=True);"
    "print(done.stdout.strip());"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def measured(script: str, *args: str) -> tuple[str, float]:
    """What a fresh process printed, and its peak resident memory in MB."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    *said, peak_kib = done.stdout.strip().splitlines()
    return "\n".join(said), int(peak_kib) / 1024


def main() -> None:
    from openpyxl import Workbook  # noqa: PLC0415
    from PIL import Image, ImageDraw  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        book = Workbook()
        sheet = book.active
        sheet.append(["file", "sku", "name", "type", "price", "colour"])
        kinds = ["dress", "garment", "footwear", "bag"]
        for n in range(GARMENTS):
            photo = root / f"SS27-{n:03d}-{kinds[n % 4]}.jpg"
            Image.new("RGB", GARMENT_PHOTO, (n * 5, 90, 120)).save(photo, quality=90)
            sheet.append([photo.name, f"SS27-{n:03d}", f"Garment {n}", kinds[n % 4], "99", "Sand"])
        book.save(root / "SS27.xlsx")
        people = []
        for n in range(PEOPLE):
            person = root / f"model-{n}.jpg"
            Image.new("RGB", PERSON_PHOTO, (200, 180, 160)).save(person, quality=90)
            people.append(str(person))
        said, peak = measured(QUESTION, str(root / "SS27.xlsx"), *people)
        seconds, text = said.split(" ", 1)
        plain, plain_peak = measured(PLAIN_LIST, str(root / "SS27.xlsx"))
        print(
            json.dumps(
                {
                    "case": (
                        f"a {GARMENTS}-garment XLSX for {PEOPLE} people: read, checked, "
                        "question shown"
                    ),
                    "seconds": float(seconds),
                    "target_seconds": 1.0,
                    "question": text,
                    "peak_mb": round(peak),
                    "baseline_seconds": float(plain.split()[0]),
                    "baseline": "plain openpyxl reads the workbook",
                    "baseline_peak_mb": round(plain_peak),
                }
            )
        )
        results = []
        grain = Image.effect_noise(RESULT, 48).convert("RGB")  # a photo's texture
        for n in range(GARMENTS * PEOPLE):  # results as they arrive, each with a print preview
            job = root / f"job{n}"
            job.mkdir()
            picture = Image.blend(grain, Image.new("RGB", grain.size, (n % 250, 120, 150)), 0.6)
            ImageDraw.Draw(picture).ellipse((400, 200, 1200, 1000), fill=(90, 70, n % 250))
            picture.save(job / "result.jpg", quality=92)
            picture.thumbnail((1600, 1600))
            picture.save(job / "print.jpg", quality=88)
            results.append(str(job / "result.jpg"))
        previews = [str(Path(result).with_name("print.jpg")) for result in results]
        plain, plain_peak = measured(PLAIN_PREVIEWS, *previews)
        started = time.perf_counter()
        said, peak = measured(LOOKBOOK, str(root / "SS27.pdf"), str(GARMENTS), *results)
        print(
            json.dumps(
                {
                    "case": (
                        f"a lookbook of {GARMENTS * PEOPLE} looks ({PEOPLE} people by "
                        f"{GARMENTS} garments)"
                    ),
                    "writing_seconds": float(said.split()[0]),
                    "process_seconds": round(time.perf_counter() - started, 2),
                    "target_seconds": 20,
                    "peak_mb": round(peak),
                    "target_mb": 500,
                    "outcome": said,
                    "baseline_seconds": float(plain.split()[0]),
                    "baseline": "plain Pillow decodes every print preview once",
                    "baseline_peak_mb": round(plain_peak),
                }
            )
        )


if __name__ == "__main__":
    main()
