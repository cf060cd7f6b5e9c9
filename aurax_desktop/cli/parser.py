"""The ``aurax`` command's options and sub-commands, their help in the language spoken
(built once it is chosen: ``language.speak``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from aurax_desktop import __version__
from aurax_desktop.api import DEFAULT_BASE_URL, ProductType
from aurax_desktop.cli import arguments
from aurax_desktop.exports.full_size import DEFAULT_TEMPLATE, FIELDS
from aurax_desktop.languages import LANGUAGES
from aurax_desktop.translation import _


def listed(values: list[str]) -> str:
    """Values an option takes, in words: "A, B or C"."""
    # Translators: the values an option takes: {values} are all but the last, separated
    # by commas ("GARMENT, DRESS, BAG"), {last} the last one ("OTHER")
    return _("{values} or {last}").format(values=", ".join(values[:-1]), last=values[-1])


def types_help() -> str:
    """The product types ``--type`` takes."""
    return listed([kind.value for kind in ProductType])


def _global_options(parser: argparse.ArgumentParser, *, suppress_defaults: bool) -> None:
    default = argparse.SUPPRESS if suppress_defaults else None
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress_defaults else False,
        help=_("start the built-in demo server and use it (no account needed)"),
    )
    parser.add_argument(
        "--base-url",
        default=default,
        metavar="URL",
        help=_("the AuraX server (default {url})").format(url=DEFAULT_BASE_URL),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress_defaults else False,
        help=_("print machine-readable results on stdout"),
    )
    parser.add_argument(
        "--deadline",
        type=arguments.seconds,
        default=default,
        metavar="SECONDS",
        help=_("give up following a task after this long (default 600)"),
    )
    parser.add_argument(
        "--language",
        type=arguments.language,
        default=default,
        metavar="CODE",
        # Translators: {codes} are the languages' codes; View → Language is the window's
        # menu, as its menus say it
        help=_(
            "the language of the documents and messages: {codes} (default: the window's, "
            "chosen in View → Language, else the system's)"
        ).format(codes=listed(list(LANGUAGES))),
    )


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", type=Path, help=_("where to save the result"))
    command.add_argument(
        "--force", action="store_true", help=_("replace the output file if it already exists")
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aurax",
        description=_("AuraX virtual try-on, product images and descriptions."),
        epilog=_("Credentials come from AURAX_API_KEY and AURAX_KEY_ID, else from the keyring."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, suppress_defaults=False)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress_defaults=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _job_commands(commands, common)
    _catalog_commands(commands, common)
    _history_commands(commands, common)
    return parser


def _job_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    try_on = commands.add_parser("try-on", parents=[common], help=_("dress a person photo"))
    try_on.add_argument("person", type=Path, help=_("photo of the person"))
    try_on.add_argument("garment", type=Path, help=_("photo of the garment"))
    try_on.add_argument(
        "--type",
        type=arguments.product_type,
        required=True,
        dest="product_type",
        help=types_help(),
    )
    try_on.add_argument(
        "--strength",
        type=int,
        choices=(1, 2, 3),
        default=2,
        help=_("1 subtle to 3 prominent (default 2)"),
    )
    try_on.add_argument("--mask", type=Path, help=_("PNG marking the garment area in white"))
    try_on.add_argument("--prompt", type=arguments.prompt, help=_("text to guide the try-on"))
    _output_options(try_on)

    generate = commands.add_parser("generate", parents=[common], help=_("generate a product image"))
    generate.add_argument("prompt", type=arguments.prompt, help=_("what the image should show"))
    generate.add_argument(
        "--type",
        type=arguments.product_type,
        required=True,
        dest="product_type",
        help=types_help(),
    )
    generate.add_argument(
        "--size", type=arguments.size, default=(1024, 1024), help=_("WxH (default 1024x1024)")
    )
    generate.add_argument("--shape", type=Path, help=_("an image of the product's shape"))
    _output_options(generate)

    describe = commands.add_parser(
        "describe", parents=[common], help=_("write product descriptions of photos")
    )
    describe.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    describe.add_argument(
        "--type",
        type=arguments.product_type,
        default=None,
        dest="product_type",
        # Translators: {types} are the product types --type takes
        help=_("{types} (default: guessed from each file's name, and said)").format(
            types=types_help()
        ),
    )
    # Translators: file, product_type and description are the CSV's columns, as named
    columns = _("write file,product_type,description")
    describe.add_argument("--csv", type=Path, help=columns)
    describe.add_argument("--force", action="store_true", help=_("replace the CSV if it exists"))
    # Translators: how many photos are described at once
    at_once = _("at once (default 4)")
    describe.add_argument("--jobs", type=arguments.positive_int, default=4, help=at_once)


def _history_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    history = commands.add_parser("history", parents=[common], help=_("list recent jobs"))
    history.add_argument("--limit", type=arguments.positive_int, default=20)
    purge = commands.add_parser(
        "purge",
        parents=[common],
        help=_("empty the Trash and delete finished jobs older than some days, with files"),
    )
    purge.add_argument(
        "--older-than",
        type=arguments.positive_int,
        metavar="DAYS",
        help=_("also finished jobs made more than DAYS days ago (without it: the Trash only)"),
    )
    purge.add_argument("--yes", action="store_true", help=_("do not ask first"))
    delete = commands.add_parser(
        "delete", parents=[common], help=_("delete one job and every file kept for it")
    )
    delete.add_argument("job_id", metavar="JOB_ID", help=_("the job's id (or its first letters)"))
    mark = commands.add_parser(
        "mark", parents=[common], help=_("flag, reject or rate results (as the Gallery does)")
    )
    mark.add_argument(
        "job_ids", nargs="+", metavar="JOB_ID", help=_("the jobs' ids (or their first letters)")
    )
    mark.add_argument("--favourite", "--favorite", action="store_true", help=_("flag as favourite"))
    mark.add_argument("--reject", action="store_true", help=_("mark as rejected"))
    mark.add_argument("--clear", action="store_true", help=_("remove the flag or the rejection"))
    mark.add_argument("--stars", type=int, metavar="N", help=_("rate from 0 (none) to 5 stars"))
    commands.add_parser("resume", parents=[common], help=_("follow unfinished jobs to their end"))
    task = commands.add_parser("task", parents=[common], help=_("show a task's status"))
    task.add_argument("task_id", metavar="ID")


def _catalog_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    batch = commands.add_parser(
        "batch", parents=[common], help=_("try every garment on every person (one batch)")
    )
    batch.add_argument("--people", nargs="+", type=Path, metavar="P", help=_("photos or folders"))
    batch.add_argument(
        "--people-list",
        type=Path,
        metavar="LIST",
        # Translators: file and name are the list's columns, as the program reads their
        # headings (in English)
        help=_(
            "the people's photos and names: CSV or XLSX with a header row (file, name); "
            "with --people, it names those of them it lists"
        ),
    )
    garments = batch.add_mutually_exclusive_group(required=True)
    garments.add_argument(
        "--garments", nargs="+", type=Path, metavar="G", help=_("photos or folders")
    )
    garments.add_argument(
        "--manifest",
        type=Path,
        metavar="LIST",
        # Translators: file, type, sku, name, price and colour are the list's columns,
        # as the program reads their headings (in English)
        help=_(
            "a season's garment list: CSV or XLSX with a header row (file, and optionally "
            "type, sku, name, price, colour)"
        ),
    )
    batch.add_argument(
        "--type",
        type=arguments.product_type,
        default=None,
        dest="product_type",
        # Translators: {types} are the product types --type takes
        help=_(
            "every garment's type ({types}); without it, each garment's type comes from the "
            "list or from its file's name"
        ).format(types=types_help()),
    )
    batch.add_argument(
        "--name",
        type=arguments.batch_name,
        help=_("the batch's name (default: the garments' folder or list)"),
    )
    batch.add_argument("--strength", type=int, choices=(1, 2, 3), default=2)
    batch.add_argument("--prompt", type=arguments.prompt, help=_("text to guide every try-on"))
    batch.add_argument(
        "--describe",
        action="store_true",
        help=_("also describe each garment once (0.25 credits each), for the line sheet"),
    )
    batch.add_argument(
        "--max-credits",
        type=arguments.credits_amount,
        metavar="N",
        help=_("refuse a batch that would cost more (nothing is sent)"),
    )
    batch.add_argument("--yes", action="store_true", help=_("send without asking"))
    batch.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path(),
        metavar="DIR",
        help=_("folder for the results"),
    )
    batch.add_argument(
        "--jobs",
        type=arguments.positive_int,
        default=4,
        help=_("sent at once (default 4, at most 8)"),
    )

    lookbook = commands.add_parser(
        "lookbook", parents=[common], help=_("a batch's try-ons as a PDF or a contact sheet")
    )
    lookbook.add_argument("output", type=Path, metavar="OUT", help=_("OUT.pdf, OUT.png or OUT.jpg"))
    _which_batch(lookbook)
    _culled(lookbook)
    _paper(lookbook)
    lookbook.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))

    linesheet = commands.add_parser(
        "linesheet",
        parents=[common],
        help=_("a batch's garments and looks for wholesale buyers"),
    )
    linesheet.add_argument("output", type=Path, metavar="OUT.pdf")
    _which_batch(linesheet)
    _culled(linesheet)
    _paper(linesheet)
    linesheet.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))

    export = commands.add_parser(
        "export",
        parents=[common],
        help=_("a batch's results at full size, named as you like"),
    )
    export.add_argument("output", type=Path, metavar="DIR")
    _which_batch(export)
    _culled(export)
    export.add_argument(
        "--name",
        dest="template",
        default=DEFAULT_TEMPLATE,
        metavar="TEMPLATE",
        # Translators: {sku}, {name}... are the fields a file name template takes, as
        # typed; {default} is the template used without --name
        help=_(
            "file names from {sku}, {name}, {person}, {garment}, {type} and {n} (default {default})"
        ).format(**{field: "{" + field + "}" for field in FIELDS}, default=DEFAULT_TEMPLATE),
    )
    export.add_argument("--force", action="store_true", help=_("replace files that exist"))


def _which_batch(command: argparse.ArgumentParser) -> None:
    which = command.add_mutually_exclusive_group()
    which.add_argument(
        "--last-batch",
        action="store_true",
        help=_("the newest batch of try-ons (the default)"),
    )
    which.add_argument("--batch", metavar="ID", help=_("a batch's id (aurax history --json)"))


def _culled(command: argparse.ArgumentParser) -> None:
    command.add_argument("--favourites", action="store_true", help=_("favourites only"))
    command.add_argument(
        "--min-stars",
        type=int,
        choices=range(0, 6),
        default=0,
        metavar="N",
        help=_("only results rated at least N stars (1 to 5)"),
    )


def _paper(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--paper",
        type=str.lower,
        choices=("a4", "letter"),
        default=None,
        metavar="a4|letter",
        help=_(
            "the paper (default: your locale's, Letter in the Americas' Letter countries, else A4)"
        ),
    )
