"""Checks on what is typed, made before anything is sent: each failure is one sentence
(``UsageError``, exit 2) and costs nothing; the usage lines come before it only when
the options themselves are wrong (``OptionError``)."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import TextIO

from aurax_desktop.api import InvalidRequestError, ProductType
from aurax_desktop.languages import LANGUAGES, known


class UsageError(Exception):
    """Something typed cannot be used; nothing was sent. Said as one sentence: a file
    that is missing or already there, a batch with nothing to show, a question that
    could not be asked are not mistakes in the options, and the usage lines before
    them would only hide what to do."""


class OptionError(UsageError):
    """An option or argument is not of a kind the command takes (a lookbook named
    ``.txt``, an unknown field in a name template): said after the usage lines, as
    the parser's own refusals are."""


def shown(path: Path | str) -> str:
    """A file name fit to print: bytes that are not valid UTF-8 become replacement marks."""
    text = str(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def product_type(text: str) -> ProductType:
    try:
        return ProductType.parse(text)
    except InvalidRequestError as exc:
        raise argparse.ArgumentTypeError(exc.user_message) from None


def size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1024x768") from None
    return width, height


def language(text: str) -> str:
    """A language the program speaks, by its code ("de", "zh_CN"; "de-DE" is "de")."""
    code = known(text.strip())
    if code is None:
        codes = ", ".join(LANGUAGES)
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a language AuraX Desktop speaks (it speaks {codes})"
        )
    return code


def seconds(text: str) -> float:
    """A time limit: a number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"the time limit must be more than 0 seconds, not {text}")
    return value


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"it must be 1 or more, not {text}")
    return value


def credits_amount(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of credits") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"the credit limit cannot be {text}")
    return value


def prompt(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the prompt is blank; write a few words or leave it out")
    return text.strip()


def existing_file(path: Path | None, what: str) -> Path | None:
    """``path`` if it is a file that can be read; ``UsageError`` otherwise."""
    if path is None:
        return None
    if path.is_dir():
        raise UsageError(f"{what} “{shown(path)}” is a folder, not a file.")
    if not path.exists():
        raise UsageError(f"{what} “{shown(path)}” does not exist.")
    if not path.is_file():
        raise UsageError(f"{what} “{shown(path)}” is not a file.")
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise UsageError(
            f"{what} “{shown(path)}” cannot be read ({exc.strerror or exc})."
        ) from None
    return path


def output_file(path: Path, *, force: bool) -> Path:
    """Where a result may be written: not over an existing file unless ``force``."""
    if path.is_dir():
        raise UsageError(f"The output “{shown(path)}” is a folder; give a file name.")
    if path.exists() and not force:
        raise already_there(path)
    if not path.parent.exists():
        raise UsageError(f"The folder “{shown(path.parent)}” does not exist.")
    return path


def already_there(path: Path) -> UsageError:
    """The refusal of an output that exists (found before the command began, or made
    by another program while it ran)."""
    return UsageError(
        f"“{shown(path)}” already exists. Choose another name, or add --force to replace it."
    )


def confirm(summary: str, *, yes: bool, stdin: TextIO | None = None) -> None:
    """Say what is about to happen; go on when ``--yes`` was given or the user agrees at
    a terminal. Elsewhere (a script, a pipe) refuse: ``UsageError``, nothing done."""
    print(summary, file=sys.stderr, flush=True)
    if yes:
        return
    reader = stdin or sys.stdin
    if not reader.isatty():
        raise UsageError("not a terminal to ask at; add --yes to go ahead. Nothing was done.")
    print("Go ahead? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = reader.readline().strip().lower()
    if answer not in ("y", "yes"):
        raise UsageError("not confirmed. Nothing was done.")


def batch_name(text: str) -> str:
    name = " ".join(text.split())
    if not name or len(name) > 120:
        raise argparse.ArgumentTypeError("a batch's name is 1 to 120 characters.")
    return name
