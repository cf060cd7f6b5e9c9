"""``aurax``: AuraX from the command line, for batch work and scripts.

Exit codes: 0 all succeeded, 1 some failed, 2 usage error, 3 authentication
or account problem.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from aurax_desktop.account import Credentials, CredentialStore, resolve_credentials
from aurax_desktop.api import (
    DEFAULT_BASE_URL,
    AccountError,
    AuraxClient,
    AuraxError,
    AuthenticationError,
    InvalidRequestError,
    ProductType,
)
from aurax_desktop.cli_output import Progress, describe, history_table, job_record, print_json
from aurax_desktop.demo import DemoServer
from aurax_desktop.exports import DescribedProduct, write_descriptions_csv
from aurax_desktop.imaging import ImageError, load_image, save_as
from aurax_desktop.jobs import (
    DescriptionInput,
    GenerationInput,
    Job,
    JobQuery,
    JobRunner,
    JobStatus,
    JobStore,
    TryOnInput,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_ACCOUNT = 0, 1, 2, 3


class UsageError(Exception):
    pass


@dataclass
class Session:
    args: argparse.Namespace
    client: AuraxClient
    store: JobStore
    runner: JobRunner
    progress: Progress


def _product_type(text: str) -> ProductType:
    try:
        return ProductType.parse(text)
    except InvalidRequestError as exc:
        raise argparse.ArgumentTypeError(exc.user_message) from None


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1024x768") from None
    return width, height


def _global_options(parser: argparse.ArgumentParser, *, suppress_defaults: bool) -> None:
    default = argparse.SUPPRESS if suppress_defaults else None
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress_defaults else False,
        help="start the built-in demo server and use it (no account needed)",
    )
    parser.add_argument(
        "--base-url",
        default=default,
        metavar="URL",
        help=f"the AuraX server (default {DEFAULT_BASE_URL})",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress_defaults else False,
        help="print machine-readable results on stdout",
    )
    parser.add_argument(
        "--deadline",
        type=float,
        default=default,
        metavar="SECONDS",
        help="give up following a task after this long (default 600)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aurax",
        description="AuraX virtual try-on, product images and descriptions.",
        epilog="Credentials come from AURAX_API_KEY and AURAX_KEY_ID, else from the keyring.",
    )
    _global_options(parser, suppress_defaults=False)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress_defaults=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    try_on = commands.add_parser("try-on", parents=[common], help="dress a person photo")
    try_on.add_argument("person", type=Path, help="photo of the person")
    try_on.add_argument("garment", type=Path, help="photo of the garment")
    try_on.add_argument(
        "--type",
        type=_product_type,
        required=True,
        dest="product_type",
        help="GARMENT, DRESS, OUTFIT, FOOTWEAR, BAG, JEWELLERY, EYEWEAR, BEAUTY or OTHER",
    )
    try_on.add_argument(
        "--strength",
        type=int,
        choices=(1, 2, 3),
        default=2,
        help="1 subtle to 3 prominent (default 2)",
    )
    try_on.add_argument("--mask", type=Path, help="PNG marking the garment area in white")
    try_on.add_argument("--prompt", help="text to guide the try-on")
    try_on.add_argument("-o", "--output", type=Path, help="where to save the result")

    generate = commands.add_parser("generate", parents=[common], help="generate a product image")
    generate.add_argument("prompt", help="what the image should show")
    generate.add_argument("--type", type=_product_type, required=True, dest="product_type")
    generate.add_argument(
        "--size", type=_size, default=(1024, 1024), help="WxH (default 1024x1024)"
    )
    generate.add_argument("--shape", type=Path, help="an image of the product's shape")
    generate.add_argument("-o", "--output", type=Path, help="where to save the result")

    describe_cmd = commands.add_parser(
        "describe", parents=[common], help="write product descriptions of photos"
    )
    describe_cmd.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    describe_cmd.add_argument("--type", type=_product_type, required=True, dest="product_type")
    describe_cmd.add_argument("--csv", type=Path, help="write file,product_type,description")
    describe_cmd.add_argument("--jobs", type=int, default=4, help="at once (default 4)")

    history = commands.add_parser("history", parents=[common], help="list recent jobs")
    history.add_argument("--limit", type=int, default=20)
    commands.add_parser("resume", parents=[common], help="follow unfinished jobs to their end")
    task = commands.add_parser("task", parents=[common], help="show a task's status")
    task.add_argument("task_id", metavar="ID")
    return parser


@contextmanager
def open_session(args: argparse.Namespace, *, max_prepare: int = 2) -> Iterator[Session]:
    demo: DemoServer | None = None
    if args.demo:
        demo = DemoServer(task_seconds=2.0)
        demo.start()
        credentials: Credentials | None = Credentials(demo.api_key, demo.key_id, source="demo")
        base_url = demo.url
    else:
        credentials = resolve_credentials(CredentialStore())
        base_url = args.base_url or DEFAULT_BASE_URL
    if credentials is None:
        raise AuthenticationError(
            "No AuraX credentials. Set AURAX_API_KEY and AURAX_KEY_ID, sign in with the "
            "AuraX Desktop window, or use --demo."
        )
    client = AuraxClient(base_url, api_key=credentials.api_key, key_id=credentials.key_id)
    store = JobStore()
    progress = Progress(quiet=False)
    runner = JobRunner(
        client, store, progress, deadline_s=args.deadline or 600.0, max_prepare=max_prepare
    )
    try:
        yield Session(args, client, store, runner, progress)
    finally:
        runner.shutdown()
        store.close()
        client.close()
        if demo is not None:
            demo.stop()


def _existing(path: Path | None, what: str) -> Path | None:
    if path is not None and not path.is_file():
        raise UsageError(f"{what} “{path}” does not exist.")
    return path


def _finish(session: Session, jobs: list[Job], outputs: dict[str, Path | None]) -> int:
    deadline = (session.args.deadline or 600.0) + 120
    finished = session.runner.wait([j.id for j in jobs], timeout=deadline)
    saved: dict[str, str | None] = {}
    for job in finished:
        target = outputs.get(job.id)
        saved[job.id] = None
        if job.status is JobStatus.COMPLETED and job.result_paths:
            path = job.result_paths[0]
            if target is not None:
                try:
                    path = save_as(path, target)
                except (ImageError, OSError) as exc:
                    session.progress.note(f"Could not save {target}: {exc}")
            saved[job.id] = str(path)
    if session.args.json:
        print_json([job_record(j, saved[j.id]) for j in finished])
    else:
        for job in finished:
            print(saved[job.id] if saved[job.id] else job.description or describe(job))
    return _exit_code(finished)


def _exit_code(jobs: list[Job]) -> int:
    if all(j.status is JobStatus.COMPLETED for j in jobs):
        return EXIT_OK
    if any(j.error_kind in ("AuthenticationError", "AccountError") for j in jobs):
        return EXIT_ACCOUNT
    return EXIT_FAILED


def cmd_try_on(session: Session) -> int:
    args = session.args
    _existing(args.person, "The person photo")
    _existing(args.garment, "The garment photo")
    mask = None
    if _existing(args.mask, "The mask") is not None:
        mask = load_image(args.mask).decode(None)
    job = session.runner.submit_try_on(
        TryOnInput(
            args.person,
            args.garment,
            args.product_type,
            args.strength,
            mask,
            args.prompt,
            run_with_prompt=bool(args.prompt and args.prompt.strip()),
        )
    )
    default = Path(f"{args.person.stem}-{args.product_type.value.lower()}-tryon.jpg")
    return _finish(session, [job], {job.id: args.output or default})


def cmd_generate(session: Session) -> int:
    args = session.args
    width, height = args.size
    job = session.runner.submit_generation(
        GenerationInput(
            args.prompt,
            args.product_type,
            width,
            height,
            _existing(args.shape, "The shape image"),
        )
    )
    return _finish(session, [job], {job.id: args.output or Path(f"generated-{job.id[:8]}.png")})


def cmd_describe(session: Session) -> int:
    args = session.args
    jobs = []
    for image in args.images:
        jobs.append(
            session.runner.submit_description(
                DescriptionInput(image, args.product_type, batch="cli")
            )
        )
    finished = session.runner.wait([j.id for j in jobs], timeout=(args.deadline or 600) + 120)
    if args.csv:
        write_csv(args.csv, finished)
    if args.json:
        print_json([job_record(j) for j in finished])
    elif not args.csv:
        for job in finished:
            print(f"{job.source_name}: {job.description or 'FAILED: ' + (job.error or '')}")
    else:
        print(args.csv)
    return _exit_code(finished)


def write_csv(path: Path, jobs: list[Job]) -> None:
    """UTF-8 with a byte-order mark, so spreadsheets read the accents right."""
    write_descriptions_csv(
        path,
        (
            DescribedProduct(
                job.source_name or "",
                job.product_type,
                (job.description or "") if job.status is JobStatus.COMPLETED else "",
                "" if job.status is JobStatus.COMPLETED else job.error or "",
            )
            for job in jobs
        ),
        with_errors=True,
    )


def cmd_history(args: argparse.Namespace, store: JobStore) -> int:
    jobs = store.query(JobQuery(limit=args.limit))
    if args.json:
        print_json([job_record(j) for j in jobs])
    else:
        print(history_table(jobs) if jobs else "No jobs yet.")
    return EXIT_OK


def cmd_resume(session: Session) -> int:
    resumed = session.runner.resume()
    following = [j for j in resumed if j.status.is_following]
    if not resumed:
        print("Nothing to resume.", file=sys.stderr)
        return EXIT_OK
    return _finish(session, resumed, {j.id: None for j in following})


def cmd_task(session: Session) -> int:
    state = session.client.get_task(session.args.task_id)
    if session.args.json:
        print_json(state.raw)
    else:
        print(f"{state.task_id}: {state.status.value} ({state.raw_status})")
        for image_id in state.image_ids:
            print(f"image: {image_id}")
        for message in state.messages:
            print(f"message: {message}")
    return EXIT_OK


COMMANDS = {
    "try-on": cmd_try_on,
    "generate": cmd_generate,
    "describe": cmd_describe,
    "resume": cmd_resume,
    "task": cmd_task,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    max_prepare = max(1, min(args.jobs, 8)) if args.command == "describe" else 2
    try:
        if args.command == "history":  # reads the history only: no server needed
            store = JobStore()
            try:
                return cmd_history(args, store)
            finally:
                store.close()
        with open_session(args, max_prepare=max_prepare) as session:
            return COMMANDS[args.command](session)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"aurax: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (AuthenticationError, AccountError) as exc:
        print(f"aurax: {exc.user_message}", file=sys.stderr)
        return EXIT_ACCOUNT
    except (AuraxError, ImageError) as exc:
        print(f"aurax: {getattr(exc, 'user_message', exc)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(
            "\naurax: interrupted. Tasks already sent go on at AuraX; "
            "`aurax resume` fetches their results.",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":
    with suppress(BrokenPipeError):
        sys.exit(main())
