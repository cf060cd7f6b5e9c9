"""``aurax``'s entry point: check, run, and turn every failure into one sentence.

No Python traceback ever reaches the terminal: an unexpected error (in the command or
in one of its threads) prints one sentence and the log file's path (the traceback is
in that file); a disk that is full or refuses a file is said in plain words.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence

from aurax_desktop.account import KeyringWaitTimeout
from aurax_desktop.api import AccountError, AuraxError, AuthenticationError
from aurax_desktop.cli import catalog_commands, history_commands, job_commands
from aurax_desktop.cli.arguments import OptionError, UsageError
from aurax_desktop.cli.context import CommandContext, command_context, opened_history
from aurax_desktop.cli.job_commands import EXIT_ACCOUNT, EXIT_FAILED, EXIT_USAGE
from aurax_desktop.cli.language import requested_language, speak
from aurax_desktop.cli.parser import build_parser
from aurax_desktop.cli.terminal import safe_streams
from aurax_desktop.disk_errors import why_not_written
from aurax_desktop.imaging import ImageError
from aurax_desktop.jobs import HistoryError, JobBook, JobStore
from aurax_desktop.logs import FILE_ONLY, log_file, log_to_terminal, setup_logging
from aurax_desktop.privacy import make_private, secure_folders
from aurax_desktop.translation import _

log = logging.getLogger(__name__)

Check = Callable[[argparse.Namespace], None]
Command = Callable[[CommandContext], int]
ReadingCommand = Callable[[argparse.Namespace, JobStore], int]
WritingCommand = Callable[[argparse.Namespace, JobBook], int]

COMMANDS: dict[str, tuple[Check | None, Command]] = {
    "try-on": (job_commands.check_try_on, job_commands.cmd_try_on),
    "generate": (job_commands.check_generate, job_commands.cmd_generate),
    "describe": (job_commands.check_describe, job_commands.cmd_describe),
    "batch": (catalog_commands.check_batch, catalog_commands.cmd_batch),
    "resume": (None, history_commands.cmd_resume),
    "task": (None, history_commands.cmd_task),
}
READING_COMMANDS: dict[str, tuple[Check | None, ReadingCommand]] = {
    "history": (None, history_commands.cmd_history),
    "lookbook": (catalog_commands.check_lookbook, catalog_commands.cmd_lookbook),
    "linesheet": (catalog_commands.check_linesheet, catalog_commands.cmd_linesheet),
    "export": (catalog_commands.check_export, catalog_commands.cmd_export),
}
"""Commands that read the history only: no server, no credentials."""
WRITING_COMMANDS: dict[str, tuple[Check | None, WritingCommand]] = {
    "purge": (None, history_commands.cmd_purge),
    "delete": (None, history_commands.cmd_delete),
    "mark": (history_commands.check_mark, history_commands.cmd_mark),
}
"""Commands that change the history (through the job book, as the window does): no
server, no credentials."""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    make_private()  # photos of people are personal data: what is made is the user's only
    terminal = _start_logging()
    try:
        # the language first: the options' help and refusals are said in it
        speak(requested_language(arguments))
        parser = build_parser()
        args = parser.parse_args(arguments)
        with safe_streams(), _threads_fail_plainly():
            return _guarded(parser, args)
    finally:
        logging.getLogger().removeHandler(terminal)


def _guarded(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except OptionError as exc:
        parser.print_usage(sys.stderr)
        # Translators: before a refusal of the options, after the usage lines (as
        # Python's own refusals of options begin)
        _say(_("error: {refusal}").format(refusal=exc))
        return EXIT_USAGE
    except UsageError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except (AuthenticationError, AccountError) as exc:
        _say(exc.user_message)
        return EXIT_ACCOUNT
    except (AuraxError, ImageError, HistoryError, KeyringWaitTimeout) as exc:
        _say(getattr(exc, "user_message", str(exc)))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _say(
            _(
                "interrupted. Tasks already sent go on at AuraX; `aurax resume` fetches their "
                "results."
            )
        )
        return 130
    except BrokenPipeError:  # what reads the output stopped (`aurax history | head`)
        _quiet_from_now()
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # a file the command writes or reads (a full disk, a folder)
        log.info("aurax %s: a file could not be written", args.command, exc_info=True)
        _say(_not_written(exc))
        return EXIT_FAILED
    except Exception as exc:
        log.exception("aurax %s failed unexpectedly", args.command, extra=FILE_ONLY)
        _say(_unexpected(exc))
        return EXIT_FAILED


EXIT_BROKEN_PIPE = 141
"""As a shell reports a command ended by a closed pipe (128 + SIGPIPE)."""


def _quiet_from_now() -> None:
    """What is left to print goes nowhere, as with any command whose reader stopped:
    Python would otherwise fail again, and say so, when it flushes at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, sys.__stdout__.fileno())  # type: ignore[union-attr]


def _not_written(exc: OSError) -> str:
    why = why_not_written(exc)
    if exc.filename:
        # Translators: {why} is a sentence saying what the system refused (a full disk)
        return _("“{file}” could not be written: {why} Nothing was left half-written.").format(
            file=exc.filename, why=why
        )
    return _("a file could not be written: {why} Nothing was left half-written.").format(why=why)


def _unexpected(exc: BaseException) -> str:
    # Translators: {error} is the kind of error, a name from the program's code
    return _("something unexpected went wrong ({error}). The details are in {log_file}.").format(
        error=type(exc).__name__, log_file=log_file()
    )


@contextlib.contextmanager
def _threads_fail_plainly() -> Iterator[None]:
    """While the command runs, a thread's unexpected error is one sentence too (Python
    would print its traceback); the hook it replaces is back afterwards."""
    previous = threading.excepthook

    def hook(failure: threading.ExceptHookArgs) -> None:
        if failure.exc_type is SystemExit:
            return
        error = failure.exc_value or failure.exc_type()
        log.error("a thread of aurax failed unexpectedly", exc_info=error, extra=FILE_ONLY)
        _say(_unexpected(error))

    threading.excepthook = hook
    try:
        yield
    finally:
        threading.excepthook = previous


def _run(args: argparse.Namespace) -> int:
    for link in secure_folders():
        said = _("not followed: {link} is a link to another place.").format(link=link)
        print(f"aurax: {said}", file=sys.stderr)
    if args.command in READING_COMMANDS:
        check_reading, reading = READING_COMMANDS[args.command]
        if check_reading is not None:
            check_reading(args)
        with opened_history() as book:
            return reading(args, book.store)
    if args.command in WRITING_COMMANDS:
        check_writing, writing = WRITING_COMMANDS[args.command]
        if check_writing is not None:
            check_writing(args)
        with opened_history() as book:
            return writing(args, book)
    check, command = COMMANDS[args.command]
    if check is not None:
        check(args)  # before anything is started or sent
    if args.command == "batch":
        args.jobs = min(args.jobs, 8)
    max_prepare = max(1, min(args.jobs, 8)) if args.command in ("describe", "batch") else 2
    with command_context(args, max_prepare=max_prepare) as context:
        return command(context)


def _start_logging() -> logging.Handler:
    """Warnings to the terminal (a plain line each), everything to the log file (when it
    can be written); the terminal's handler, to take away when the command ends."""
    terminal = log_to_terminal(logging.WARNING)
    with contextlib.suppress(OSError):  # a read-only or full folder: the command says so
        setup_logging()
    return terminal


def _say(text: str) -> None:
    message = f"aurax: {text}"
    print(message.encode("utf-8", "replace").decode("utf-8"), file=sys.stderr)
