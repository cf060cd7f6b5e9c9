"""How fast and how small a 24-megapixel photo becomes an upload, three ways.

1. ours: load_image + prepare_upload to 2048 pixels (reduced-scale JPEG decoding);
2. as the official SDK's examples do it: base64 of the file as it is;
3. a plain Pillow route: open, full decode, LANCZOS resize to 2048, PNG.

Prints the median milliseconds, the upload's size (base64, as it travels in
the JSON) and the peak memory of a fresh process running each route, plus the
time to send each over a 20 Mbit/s uplink. Run: python benchmarks/prepare_upload.py
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _tiny import sized

UPLINK_BITS_PER_S = 20e6
PHOTO = sized((6000, 4000), (600, 400))


def make_photo(path: Path) -> None:
    """6000 x 4000 JPEG with smooth light and sensor-like noise, as a real photo has."""
    from PIL import Image, ImageChops  # noqa: PLC0415

    size = PHOTO
    channels = []
    for i, sigma in enumerate((28, 24, 32)):
        light = Image.linear_gradient("L").rotate(40 * i).resize(size)
        noise = Image.effect_noise(size, sigma)
        channels.append(
            ImageChops.add(ImageChops.multiply(light, Image.new("L", size, 200)), noise, scale=1.6)
        )
    Image.merge("RGB", channels).save(path, "JPEG", quality=92)


def route_ours(path: Path) -> int:
    from aurax_desktop.imaging import load_image, prepare_upload  # noqa: PLC0415

    upload = prepare_upload(load_image(path), max_side=2048)
    return len(base64.b64encode(upload.data))


def route_sdk(path: Path) -> int:
    return len(base64.b64encode(path.read_bytes()))


def route_plain_pillow(path: Path) -> int:
    from PIL import Image  # noqa: PLC0415

    with Image.open(path) as image:
        image.load()
        w, h = image.size
        scale = 2048 / max(w, h)
        small = image.resize((round(w * scale), round(h * scale)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "PNG")
    return len(base64.b64encode(out.getvalue()))


ROUTES = {"ours": route_ours, "sdk": route_sdk, "pillow": route_plain_pillow}
TITLES = {
    "ours": "1. ours (load_image + prepare_upload, 2048 px JPEG)",
    "sdk": "2. official SDK examples (base64 of the file)",
    "pillow": "3. plain Pillow (full decode, LANCZOS, PNG)",
}


def measure(route: str, path: Path, runs: int) -> dict[str, float]:
    """Run one route in this process (a fresh one, started by main)."""
    from PIL import Image  # noqa: F401, PLC0415 - imports are not part of the measurement

    import aurax_desktop.imaging  # noqa: F401, PLC0415

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        size = ROUTES[route](path)
        times.append((time.perf_counter() - started) * 1000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "median_ms": statistics.median(times),
        "bytes": size,
        "peak_mb": peak / 1024,
        "baseline_mb": before / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=sized(7, 1))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--photo", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "make-photo":
        make_photo(Path(args.photo))
        return
    if args.child:
        print(json.dumps(measure(args.child, Path(args.photo), args.runs)))
        return
    with tempfile.TemporaryDirectory() as folder:
        photo = Path(folder) / "photo-24mp.jpg"
        # Every heavy step runs in a child: Linux carries a parent's peak memory into
        # the children it starts, which would spoil their figures.
        subprocess.run(
            [sys.executable, __file__, "--child", "make-photo", "--photo", str(photo)], check=True
        )
        print(
            f"photo: {PHOTO[0]} x {PHOTO[1]} JPEG, {photo.stat().st_size / 1e6:.1f} MB; "
            f"{args.runs} runs per route, each route in its own process\n"
        )
        results = {}
        for route in ROUTES:
            answer = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    route,
                    "--photo",
                    str(photo),
                    "--runs",
                    str(args.runs),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            results[route] = json.loads(answer.stdout)
    print(f"{'route':55} {'median ms':>10} {'upload':>10} {'peak RSS':>9} {'20 Mbit/s':>10}")
    for route, r in results.items():
        send_s = r["median_ms"] / 1000 + r["bytes"] * 8 / UPLINK_BITS_PER_S
        sent = f"{send_s:.2f} s" if route != "pillow" else ""
        print(
            f"{TITLES[route]:55} {r['median_ms']:10.0f} {r['bytes'] / 1e6:8.2f} MB "
            f"{r['peak_mb']:6.0f} MB {sent:>10}"
        )
    ours, sdk, pillow = results["ours"], results["sdk"], results["pillow"]
    print()
    print(
        f"time, ours / plain Pillow: {ours['median_ms'] / pillow['median_ms']:.2f} "
        "(target at most 0.33)"
    )
    print(f"upload, SDK / ours: {sdk['bytes'] / ours['bytes']:.1f}x smaller (target at least 10x)")
    print(
        f"peak memory, ours: {ours['peak_mb']:.0f} MB for the whole process "
        f"(target at most 200 MB; {ours['baseline_mb']:.0f} MB before the first run)"
    )


if __name__ == "__main__":
    main()
