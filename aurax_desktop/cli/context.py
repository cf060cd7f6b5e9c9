"""What a command that talks to AuraX holds while it runs: client, history, runner."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from aurax_desktop.account import (
    Credentials,
    CredentialStore,
    from_environment,
    load_patiently,
)
from aurax_desktop.api import DEFAULT_BASE_URL, AuraxClient, AuthenticationError
from aurax_desktop.cli.output import Progress
from aurax_desktop.demo import TRIAL_CREDITS, DemoServer
from aurax_desktop.jobs import JobBook, JobRunner, JobStore, open_history
from aurax_desktop.translation import _

DEFAULT_DEADLINE_S = 600.0


@dataclass
class CommandContext:
    args: argparse.Namespace
    client: AuraxClient
    store: JobStore
    runner: JobRunner
    progress: Progress

    @property
    def deadline_s(self) -> float:
        return float(self.args.deadline or DEFAULT_DEADLINE_S)


@contextmanager
def opened_history() -> Iterator[JobBook]:
    """The history and its job book (the one writer, as in the window), for every
    command; every change asked for is written before the history is closed."""
    opened = open_history()
    if opened.message:
        Progress().note(f"aurax: {opened.message}")
    book = JobBook(opened.store)
    try:
        yield book
    finally:
        book.close()
        opened.store.close()


@contextmanager
def command_context(args: argparse.Namespace, *, max_prepare: int = 2) -> Iterator[CommandContext]:
    demo: DemoServer | None = None
    if args.demo:
        demo = DemoServer(task_seconds=2.0, credits=TRIAL_CREDITS)
        demo.start()
        credentials: Credentials | None = Credentials(demo.api_key, demo.key_id, source="demo")
        base_url = demo.url
    else:
        credentials = from_environment() or load_patiently(
            CredentialStore(),
            deadline_s=float(args.deadline or DEFAULT_DEADLINE_S),
            waiting=_waiting_for_the_keyring,
        )
        base_url = args.base_url or DEFAULT_BASE_URL
    try:
        if credentials is None:
            raise AuthenticationError(
                _(
                    "No AuraX credentials. Set AURAX_API_KEY and AURAX_KEY_ID, sign in with the "
                    "AuraX Desktop window, or use --demo."
                )
            )
        client = AuraxClient(base_url, api_key=credentials.api_key, key_id=credentials.key_id)
        with opened_history() as book:
            store = book.store
            progress = Progress(quiet=False)
            runner = JobRunner(
                client,
                book,
                progress,
                deadline_s=float(args.deadline or DEFAULT_DEADLINE_S),
                max_prepare=max_prepare,
            )
            try:
                yield CommandContext(args, client, store, runner, progress)
            finally:
                runner.shutdown()
                client.close()
    finally:
        if demo is not None:
            demo.stop()


def _waiting_for_the_keyring() -> None:
    """Said once the system's keyring has kept the command waiting a moment."""
    said = _(
        "waiting for the system keyring (it may be locked, or asking for a password or to "
        "create a keyring in another window)…"
    )
    print(f"aurax: {said}", file=sys.stderr, flush=True)
