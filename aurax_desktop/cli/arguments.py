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
from aurax_desktop.translation import _


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
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a size like 1024x768").format(text=text)
        ) from None
    return width, height


def language(text: str) -> str:
    """A language the program speaks, by its code ("de", "zh_CN"; "de-DE" is "de")."""
    code = known(text.strip())
    if code is None:
        codes = ", ".join(LANGUAGES)
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a language AuraX Desktop speaks (it speaks {codes})").format(
                text=text, codes=codes
            )
        )
    return code


def seconds(text: str) -> float:
    """A time limit: a number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a number of seconds").format(text=text)
        ) from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(
            _("the time limit must be more than 0 seconds, not {text}").format(text=text)
        )
    return value


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a whole number").format(text=text)
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("it must be 1 or more, not {text}").format(text=text))
    return value


def credits_amount(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a number of credits").format(text=text)
        ) from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(_("the credit limit cannot be {text}").format(text=text))
    return value


def prompt(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError(
            _("the prompt is blank; write a few words or leave it out")
        )
    return text.strip()


def existing_file(path: Path | None, what: str) -> Path | None:
    """``path`` if it is a file that can be read; ``UsageError`` otherwise. ``what`` is
    what the file is meant to be, as the sentence starts ("The person photo")."""
    if path is None:
        return None
    name = shown(path)
    if path.is_dir():
        # Translators: {what} is what the file is meant to be ("The person photo", "The
        # mask"), {file} its name
        raise UsageError(_("{what} “{file}” is a folder, not a file.").format(what=what, file=name))
    if not path.exists():
        raise UsageError(_("{what} “{file}” does not exist.").format(what=what, file=name))
    if not path.is_file():
        raise UsageError(_("{what} “{file}” is not a file.").format(what=what, file=name))
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        # Translators: {error} is the system's own words on why
        refusal = _("{what} “{file}” cannot be read ({error}).")
        raise UsageError(refusal.format(what=what, file=name, error=exc.strerror or exc)) from None
    return path


def output_file(path: Path, *, force: bool) -> Path:
    """Where a result may be written: not over an existing file unless ``force``."""
    if path.is_dir():
        raise UsageError(
            _("The output “{file}” is a folder; give a file name.").format(file=shown(path))
        )
    if path.exists() and not force:
        raise already_there(path)
    if not path.parent.exists():
        raise UsageError(
            _("The folder “{folder}” does not exist.").format(folder=shown(path.parent))
        )
    return path


def already_there(path: Path) -> UsageError:
    """The refusal of an output that exists (found before the command began, or made
    by another program while it ran)."""
    return UsageError(
        _("“{file}” already exists. Choose another name, or add --force to replace it.").format(
            file=shown(path)
        )
    )


def confirm(summary: str, *, yes: bool, stdin: TextIO | None = None) -> None:
    """Say what is about to happen; go on when ``--yes`` was given or the user agrees at
    a terminal. Elsewhere (a script, a pipe) refuse: ``UsageError``, nothing done."""
    print(summary, file=sys.stderr, flush=True)
    if yes:
        return
    reader = stdin or sys.stdin
    if not reader.isatty():
        raise UsageError(_("not a terminal to ask at; add --yes to go ahead. Nothing was done."))
    # Translators: a question at the terminal; the answers it takes are in "Yes answers"
    print(_("Go ahead? [y/N] "), end="", file=sys.stderr, flush=True)
    answer = reader.readline().strip().lower()
    if answer not in agreeing():
        raise UsageError(_("not confirmed. Nothing was done."))


def agreeing() -> set[str]:
    """The answers that say yes to a question: English's, and the language's."""
    # Translators: the answers that say yes to "Go ahead? [y/N]", lower case, separated
    # by spaces (English's "y" and "yes" are always taken too)
    words = _("y yes")
    return {"y", "yes", *words.lower().split()}


def batch_name(text: str) -> str:
    name = " ".join(text.split())
    if not name or len(name) > 120:
        raise argparse.ArgumentTypeError(_("a batch's name is 1 to 120 characters."))
    return name
