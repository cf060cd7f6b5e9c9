"""What goes to a buyer, at a season's size: 400 looks (10 people by 40 garments, each
result with its 1600-pixel print preview, as results have), each case in a fresh
process, with progress told as the window and the command tell it:

- the baseline: reading every print preview once (the least any document of these
  looks must do), in the same run;
- a lookbook of the 400 looks: target at most 20 s and 500 MB;
- a line sheet of the 40 garments (each with its photo, prices in a currency, sizes,
  both descriptions and its looks): target at most 20 s and 500 MB.

Run: python benchmarks/buyer_documents.py
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from season import measured

BASELINE = """
import sys, time
from pathlib import Path
from PIL import Image
import aurax_desktop.exports.lookbook, aurax_desktop.exports.linesheet
started = time.perf_counter()
pixels = 0
for result in sys.argv[2:]:
    with Image.open(Path(result).parent / "print.jpg") as picture:
        picture.load()
        pixels += picture.width * picture.height
took = time.perf_counter() - started
print(f"{took:.2f}", pixels // 1_000_000, "megapixels read")
"""

LOOKBOOK = """
import sys, time
from pathlib import Path
from aurax_desktop.exports import Lookbook, write_pdf
from aurax_desktop.exports.lookbook import Look, PersonPage
from aurax_desktop.exports.progress import Progress
results = [Path(p) for p in sys.argv[2:]]
pages = tuple(
    PersonPage(f"Model {person}", tuple(
        Look(results[person * 40 + g], f"SS27 garment number {g}", f"SS27-{g:03d}", "Trousers")
        for g in range(40)
    ))
    for person in range(10)
)
told = []
started = time.perf_counter()
path, notes = write_pdf(
    Lookbook("SS27", pages=pages), Path(sys.argv[1]), progress=Progress(lambda d, t: told.append(d))
)
took = time.perf_counter() - started
print(f"{took:.2f}", path.stat().st_size // 1_000_000, "MB,", len(told), "steps told,",
      len(notes), "left out")
"""

LINESHEET = """
import sys, time
from pathlib import Path
from aurax_desktop.exports.linesheet import LineItem, LineSheet, write_linesheet
from aurax_desktop.exports.lookbook import Look
from aurax_desktop.exports.progress import Progress
from aurax_desktop.jobs.prices import document_locale, format_price
results = [Path(p) for p in sys.argv[3:]]
garments = Path(sys.argv[2])
euro = document_locale("de_DE")
items = tuple(
    LineItem(
        f"SS27 garment number {g}",
        garments / f"garment-{g}.jpg",
        sku=f"SS27-{g:03d}",
        category="Trousers",
        colour="Sand",
        sizes="XS, S, M, L, XL",
        wholesale=format_price("54,50", "EUR", euro),
        retail=format_price("129", "EUR", euro),
        description="Washed linen, relaxed through the leg, with a drawstring waist.",
        described="A sand trouser in washed linen. It pairs with knits and tailoring alike.",
        looks=tuple(
            (f"Model {person}", Look(results[person * 40 + g], f"SS27 garment {g}"))
            for person in range(10)
        ),
    )
    for g in range(40)
)
told = []
started = time.perf_counter()
path, notes = write_linesheet(
    LineSheet("SS27", items=items, brand="Atelier Nord", contact="sales@ateliernord.com"),
    Path(sys.argv[1]),
    progress=Progress(lambda d, t: told.append(d)),
)
took = time.perf_counter() - started
print(f"{took:.2f}", path.stat().st_size // 1_000_000, "MB,", len(told), "steps told,",
      len(notes), "left out")
"""


def main() -> None:
    from PIL import Image, ImageDraw  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        results = []
        grain = Image.effect_noise((1600, 2400), 48).convert("RGB")  # a photo's texture
        for n in range(400):  # results as they arrive: a print preview beside each
            job = root / f"job{n}"
            job.mkdir()
            picture = Image.blend(grain, Image.new("RGB", grain.size, (n % 250, 120, 150)), 0.6)
            ImageDraw.Draw(picture).ellipse((400, 200, 1200, 1000), fill=(90, 70, n % 250))
            picture.save(job / "result.jpg", quality=92)
            picture.thumbnail((1600, 1600))
            picture.save(job / "print.jpg", quality=88)
            results.append(str(job / "result.jpg"))
        garments = root / "garments"
        garments.mkdir()
        for g in range(40):
            photo = Image.blend(grain.crop((0, 0, 1600, 1600)), Image.new("RGB", (1600, 1600)), 0.5)
            photo.resize((2000, 2000)).save(garments / f"garment-{g}.jpg", quality=90)
        cases = [
            ("baseline: every print preview read once", BASELINE, []),
            ("a lookbook of 400 looks (10 people by 40 garments)", LOOKBOOK, []),
            ("a line sheet of 40 garments with their 400 looks", LINESHEET, [str(garments)]),
        ]
        baseline: dict[str, float] = {}
        for case, script, extra in cases:
            started = time.perf_counter()
            said, peak = measured(script, str(root / "out.pdf"), *extra, *results)
            (root / "out.pdf").unlink(missing_ok=True)
            seconds = float(said.split()[0])
            figures = {
                "case": case,
                "writing_seconds": seconds,
                "process_seconds": round(time.perf_counter() - started, 2),
                "peak_mb": round(peak),
                "outcome": said,
            }
            if not baseline:
                baseline = {"seconds": seconds, "peak_mb": round(peak)}
            else:
                figures |= {
                    "target_seconds": 20,
                    "target_mb": 500,
                    "baseline_seconds": baseline["seconds"],
                    "baseline_peak_mb": baseline["peak_mb"],
                }
            print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
