"""``aurax history``, ``resume``, ``task``, ``purge`` and ``delete``: what was sent,
following it to its end, and forgetting it."""

from __future__ import annotations

import argparse
import sys
import time

from aurax_desktop.cli.arguments import OptionError, UsageError, confirm, shown
from aurax_desktop.cli.context import CommandContext
from aurax_desktop.cli.job_commands import EXIT_OK, finish
from aurax_desktop.cli.output import describe, history_table, job_record, print_json
from aurax_desktop.jobs import FAVOURITE, REJECTED, Job, JobBook, JobQuery, JobStore
from aurax_desktop.jobs.forgetting import DAY_S
from aurax_desktop.jobs.model import MAX_STARS


def cmd_history(args: argparse.Namespace, store: JobStore) -> int:
    jobs = store.query(JobQuery(limit=args.limit))
    if args.json:
        print_json([job_record(j) for j in jobs])
    else:
        print(history_table(jobs) if jobs else "No jobs yet.")
    return EXIT_OK


def cmd_resume(context: CommandContext) -> int:
    """Take over what no live program runs: follow sent tasks again (no charge), fetch
    results whose download broke off, send what was left waiting in a paused batch
    (prepared, never sent: a batch stopped for want of credits), and say what died
    before or while sending."""
    resumed = context.runner.resume(send_waiting=True)
    if not resumed:
        print(
            "Nothing to resume (jobs of a window or command still running are left to it).",
            file=sys.stderr,
        )
        return EXIT_OK
    return finish(context, [j.id for j in resumed], {})


def cmd_task(context: CommandContext) -> int:
    state = context.client.get_task(context.args.task_id)
    if context.args.json:
        print_json(state.raw)
    else:
        print(f"{state.task_id}: {state.status.value} ({state.raw_status})")
        for image_id in state.image_ids:
            print(f"image: {image_id}")
        for message in state.messages:
            print(f"message: {message}")
    return EXIT_OK


def cmd_purge(args: argparse.Namespace, book: JobBook) -> int:
    """The Trash emptied and, with ``--older-than``, the finished jobs older than that
    many days deleted, with every file kept for them."""
    days = args.older_than
    trashed = book.trash_to_purge(0)
    old = book.finished_before(time.time() - days * DAY_S) if days else []
    in_trash = [job_id for job_id in trashed if job_id not in set(old)]
    chosen = old + in_trash
    if not chosen:
        older = f"No finished jobs older than {_days(days)}, and the" if days else "The"
        print(f"{older} Trash is empty: nothing to delete.", file=sys.stderr)
        return EXIT_OK
    parts = []
    if old:
        parts.append(f"{len(old)} finished jobs older than {_days(days)}")
    if in_trash:
        parts.append(f"{len(in_trash)} jobs in the Trash")
    confirm(
        f"{' and '.join(parts)} will be deleted for good, with their photos and results.",
        yes=args.yes,
    )
    deleted = book.forget(chosen)
    print(f"Deleted {len(deleted)} jobs and their files.", file=sys.stderr)
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, book: JobBook) -> int:
    job = _one_job(book.store, args.job_id.strip())
    if not job.status.is_final:
        raise UsageError(
            f"job {job.id[:8]} is still {job.status.label.lower()}; stop it first "
            "(in the window), or wait for it to end."
        )
    book.forget([job.id])
    print(f"Deleted {describe(job)} and its files.", file=sys.stderr)
    return EXIT_OK


def check_mark(args: argparse.Namespace) -> None:
    """Exactly one thing to do to the jobs, before the history is opened."""
    chosen = [args.favourite, args.reject, args.clear, args.stars is not None]
    if sum(bool(c) for c in chosen) != 1:
        raise OptionError("give one of --favourite, --reject, --clear or --stars N.")
    if args.stars is not None and not 0 <= args.stars <= MAX_STARS:
        raise OptionError(f"--stars goes from 0 to {MAX_STARS}.")


def cmd_mark(args: argparse.Namespace, book: JobBook) -> int:
    """Flag, reject, unmark or rate jobs (the user's fields: a job being sent or
    downloaded meanwhile keeps them when it ends)."""
    jobs = [_one_job(book.store, given.strip()) for given in args.job_ids]
    ids = list(dict.fromkeys(job.id for job in jobs))
    if args.stars is not None:
        changed = book.rate(ids, args.stars)
        what = f"rated {args.stars} stars" if args.stars != 1 else "rated 1 star"
    elif args.clear:
        changed = book.mark(ids, None)
        what = "unmarked"
    else:
        changed = book.mark(ids, FAVOURITE if args.favourite else REJECTED)
        what = "marked favourite" if args.favourite else "marked rejected"
    if args.json:
        print_json([job_record(job) for job in changed])
    else:
        for job in changed:
            print(f"{job.id[:8]} {describe(job)}: {what}")
    return EXIT_OK


def _one_job(store: JobStore, given: str) -> Job:
    exact = store.get(given) if given else None
    if exact is not None:
        return exact
    if len(given) < 4:
        raise OptionError("give at least the first 4 letters of the job's id (aurax history).")
    found = [j for j in store.query(JobQuery(limit=1_000_000)) if j.id.startswith(given)]
    if not found:
        raise UsageError(f"there is no job “{shown(given)}” in the history.")
    if len(found) > 1:
        raise UsageError(f"“{shown(given)}” starts {len(found)} jobs' ids; give more of it.")
    return found[0]


def _days(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"
