"""``python -m aurax_desktop.demo``: serve the AuraX demo server until Ctrl+C."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from aurax_desktop.demo.config import DEMO_API_KEY, DEMO_KEY_ID, DemoConfig
from aurax_desktop.demo.faults import RESULT_FAULTS, STREAM_FAULTS
from aurax_desktop.demo.server import DemoServer


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m aurax_desktop.demo",
        description=(
            "An AuraX-compatible server on this computer. It simulates the service: "
            "try-ons composite the garment into the person photo, generations are drawn "
            "from the prompt, descriptions come from the photo's colours."
        ),
    )
    add = parser.add_argument
    add("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    add("--port", type=int, default=4000, help="port (default 4000; 0 picks a free one)")
    add("--api-key", default=DEMO_API_KEY, help="the API key clients must send")
    add("--key-id", default=DEMO_KEY_ID, help="the key id clients must send")
    add("--credits", type=float, default=100.0, help="starting credit balance (default 100)")
    add("--task-seconds", type=float, default=3.0, help="how long a task takes (default 3)")
    add(
        "--heartbeat-seconds",
        type=float,
        default=15.0,
        help="interval of stream heartbeats (default 15)",
    )
    faults = parser.add_argument_group("fault options (off by default)")
    faults.add_argument(
        "--fail-rate", type=float, default=0.0, help="fraction of tasks that fail, 0 to 1"
    )
    faults.add_argument(
        "--latency", type=float, default=0.0, help="seconds added before every API answer"
    )
    faults.add_argument(
        "--drop-streams",
        type=float,
        nargs="?",
        const=1.0,
        default=0.0,
        help="fraction of task streams closed mid-task (alone: all)",
    )
    faults.add_argument(
        "--rate-limit", type=int, default=0, help="requests per second per key before answering 429"
    )
    faults.add_argument(
        "--max-body-mb",
        type=float,
        default=32.0,
        help="largest request body before answering 413 (default 32)",
    )
    faults.add_argument(
        "--drip-images",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="spread every image download over this many seconds",
    )
    faults.add_argument(
        "--stream-fault",
        choices=[f for f in STREAM_FAULTS if f],
        default="",
        help="task streams that never tell the status: only comments, only heartbeats, "
        "events without a status, data that is not JSON, or no answer at all (silent)",
    )
    faults.add_argument(
        "--result-side",
        type=int,
        default=0,
        metavar="PIXELS",
        help="results are 1-bit PNGs this many pixels square (try 9900)",
    )
    faults.add_argument(
        "--result-fault",
        choices=[f for f in RESULT_FAULTS if f],
        default="",
        help="damaged results (a truncated file, a download cut short, a web page) or a "
        "task that names 200 images",
    )
    faults.add_argument("--seed", type=int, default=None, help="seed for the fault options")
    add("-v", "--verbose", action="store_true", help="log every request")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = DemoConfig(
            host=args.host,
            port=args.port,
            api_key=args.api_key,
            key_id=args.key_id,
            credits=args.credits,
            task_seconds=args.task_seconds,
            heartbeat_seconds=args.heartbeat_seconds,
            fail_rate=args.fail_rate,
            latency=args.latency,
            drop_streams=args.drop_streams,
            rate_limit=args.rate_limit,
            max_body_mb=args.max_body_mb,
            drip_images=args.drip_images,
            stream_fault=args.stream_fault,
            result_side=args.result_side,
            result_fault=args.result_fault,
            seed=args.seed,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(message)s"
    )
    server = DemoServer(config)
    try:
        url = server.start()
    except OSError as exc:
        print(
            f"error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 1
    print(url, flush=True)
    print(
        f"AuraX demo server (simulated results). API key: {config.api_key}  "
        f"key id: {config.key_id}  credits: {config.credits:g}. Ctrl+C stops it.",
        flush=True,
    )
    if args.verbose:
        logging.getLogger("werkzeug").setLevel(logging.INFO)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
