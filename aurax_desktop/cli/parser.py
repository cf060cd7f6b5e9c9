"""The ``aurax`` command's options and sub-commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from aurax_desktop import __version__
from aurax_desktop.api import DEFAULT_BASE_URL
from aurax_desktop.cli import arguments

TYPES_HELP = "GARMENT, DRESS, OUTFIT, FOOTWEAR, BAG, JEWELLERY, EYEWEAR, BEAUTY or OTHER"


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
        type=arguments.seconds,
        default=default,
        metavar="SECONDS",
        help="give up following a task after this long (default 600)",
    )
    parser.add_argument(
        "--language",
        type=arguments.language,
        default=default,
        metavar="CODE",
        help="the language of the documents and messages: en, de, fr, es, it, zh_CN, ja or "
        "ar (default: the window's, chosen in View → Language, else the system's)",
    )


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", type=Path, help="where to save the result")
    command.add_argument(
        "--force", action="store_true", help="replace the output file if it already exists"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aurax",
        description="AuraX virtual try-on, product images and descriptions.",
        epilog="Credentials come from AURAX_API_KEY and AURAX_KEY_ID, else from the keyring.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, suppress_defaults=False)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress_defaults=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    try_on = commands.add_parser("try-on", parents=[common], help="dress a person photo")
    try_on.add_argument("person", type=Path, help="photo of the person")
    try_on.add_argument("garment", type=Path, help="photo of the garment")
    try_on.add_argument(
        "--type", type=arguments.product_type, required=True, dest="product_type", help=TYPES_HELP
    )
    try_on.add_argument(
        "--strength",
        type=int,
        choices=(1, 2, 3),
        default=2,
        help="1 subtle to 3 prominent (default 2)",
    )
    try_on.add_argument("--mask", type=Path, help="PNG marking the garment area in white")
    try_on.add_argument("--prompt", type=arguments.prompt, help="text to guide the try-on")
    _output_options(try_on)

    generate = commands.add_parser("generate", parents=[common], help="generate a product image")
    generate.add_argument("prompt", type=arguments.prompt, help="what the image should show")
    generate.add_argument(
        "--type", type=arguments.product_type, required=True, dest="product_type", help=TYPES_HELP
    )
    generate.add_argument(
        "--size", type=arguments.size, default=(1024, 1024), help="WxH (default 1024x1024)"
    )
    generate.add_argument("--shape", type=Path, help="an image of the product's shape")
    _output_options(generate)

    describe = commands.add_parser(
        "describe", parents=[common], help="write product descriptions of photos"
    )
    describe.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    describe.add_argument(
        "--type",
        type=arguments.product_type,
        default=None,
        dest="product_type",
        help=f"{TYPES_HELP} (default: guessed from each file's name, and said)",
    )
    describe.add_argument("--csv", type=Path, help="write file,product_type,description")
    describe.add_argument("--force", action="store_true", help="replace the CSV if it exists")
    describe.add_argument(
        "--jobs", type=arguments.positive_int, default=4, help="at once (default 4)"
    )

    _catalog_commands(commands, common)
    history = commands.add_parser("history", parents=[common], help="list recent jobs")
    history.add_argument("--limit", type=arguments.positive_int, default=20)
    purge = commands.add_parser(
        "purge",
        parents=[common],
        help="empty the Trash and delete finished jobs older than some days, with files",
    )
    purge.add_argument(
        "--older-than",
        type=arguments.positive_int,
        metavar="DAYS",
        help="also finished jobs made more than DAYS days ago (without it: the Trash only)",
    )
    purge.add_argument("--yes", action="store_true", help="do not ask first")
    delete = commands.add_parser(
        "delete", parents=[common], help="delete one job and every file kept for it"
    )
    delete.add_argument("job_id", metavar="JOB_ID", help="the job's id (or its first letters)")
    mark = commands.add_parser(
        "mark", parents=[common], help="flag, reject or rate results (as the Gallery does)"
    )
    mark.add_argument(
        "job_ids", nargs="+", metavar="JOB_ID", help="the jobs' ids (or their first letters)"
    )
    mark.add_argument("--favourite", "--favorite", action="store_true", help="flag as favourite")
    mark.add_argument("--reject", action="store_true", help="mark as rejected")
    mark.add_argument("--clear", action="store_true", help="remove the flag or the rejection")
    mark.add_argument("--stars", type=int, metavar="N", help="rate from 0 (none) to 5 stars")
    commands.add_parser("resume", parents=[common], help="follow unfinished jobs to their end")
    task = commands.add_parser("task", parents=[common], help="show a task's status")
    task.add_argument("task_id", metavar="ID")
    return parser


def _catalog_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    batch = commands.add_parser(
        "batch", parents=[common], help="try every garment on every person (one batch)"
    )
    batch.add_argument("--people", nargs="+", type=Path, metavar="P", help="photos or folders")
    batch.add_argument(
        "--people-list",
        type=Path,
        metavar="LIST",
        help="the people's photos and names: CSV or XLSX with a header row (file, name); "
        "with --people, it names those of them it lists",
    )
    garments = batch.add_mutually_exclusive_group(required=True)
    garments.add_argument("--garments", nargs="+", type=Path, metavar="G", help="photos or folders")
    garments.add_argument(
        "--manifest",
        type=Path,
        metavar="LIST",
        help="a season's garment list: CSV or XLSX with a header row (file, and optionally "
        "type, sku, name, price, colour)",
    )
    batch.add_argument(
        "--type",
        type=arguments.product_type,
        default=None,
        dest="product_type",
        help=f"every garment's type ({TYPES_HELP}); without it, each garment's type comes "
        "from the list or from its file's name",
    )
    batch.add_argument(
        "--name",
        type=arguments.batch_name,
        help="the batch's name (default: the garments' folder or list)",
    )
    batch.add_argument("--strength", type=int, choices=(1, 2, 3), default=2)
    batch.add_argument("--prompt", type=arguments.prompt, help="text to guide every try-on")
    batch.add_argument(
        "--describe",
        action="store_true",
        help="also describe each garment once (0.25 credits each), for the line sheet",
    )
    batch.add_argument(
        "--max-credits",
        type=arguments.credits_amount,
        metavar="N",
        help="refuse a batch that would cost more (nothing is sent)",
    )
    batch.add_argument("--yes", action="store_true", help="send without asking")
    batch.add_argument(
        "-o", "--output", type=Path, default=Path(), metavar="DIR", help="folder for the results"
    )
    batch.add_argument(
        "--jobs", type=arguments.positive_int, default=4, help="sent at once (default 4, at most 8)"
    )

    lookbook = commands.add_parser(
        "lookbook", parents=[common], help="a batch's try-ons as a PDF or a contact sheet"
    )
    lookbook.add_argument("output", type=Path, metavar="OUT", help="OUT.pdf, OUT.png or OUT.jpg")
    _which_batch(lookbook)
    _culled(lookbook)
    _paper(lookbook)
    lookbook.add_argument("--force", action="store_true", help="replace OUT if it exists")

    linesheet = commands.add_parser(
        "linesheet", parents=[common], help="a batch's garments and looks for wholesale buyers"
    )
    linesheet.add_argument("output", type=Path, metavar="OUT.pdf")
    _which_batch(linesheet)
    _culled(linesheet)
    _paper(linesheet)
    linesheet.add_argument("--force", action="store_true", help="replace OUT if it exists")

    export = commands.add_parser(
        "export", parents=[common], help="a batch's results at full size, named as you like"
    )
    export.add_argument("output", type=Path, metavar="DIR")
    _which_batch(export)
    _culled(export)
    export.add_argument(
        "--name",
        dest="template",
        default="{person}__{garment}",
        metavar="TEMPLATE",
        help="file names from {sku}, {name}, {person}, {garment}, {type} and {n} "
        "(default {person}__{garment})",
    )
    export.add_argument("--force", action="store_true", help="replace files that exist")


def _which_batch(command: argparse.ArgumentParser) -> None:
    which = command.add_mutually_exclusive_group()
    which.add_argument(
        "--last-batch", action="store_true", help="the newest batch of try-ons (the default)"
    )
    which.add_argument("--batch", metavar="ID", help="a batch's id (aurax history --json)")


def _culled(command: argparse.ArgumentParser) -> None:
    command.add_argument("--favourites", action="store_true", help="favourites only")
    command.add_argument(
        "--min-stars",
        type=int,
        choices=range(0, 6),
        default=0,
        metavar="N",
        help="only results rated at least N stars (1 to 5)",
    )


def _paper(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--paper",
        type=str.lower,
        choices=("a4", "letter"),
        default=None,
        metavar="a4|letter",
        help="the paper (default: your locale's, Letter in the Americas' Letter countries, "
        "else A4)",
    )
