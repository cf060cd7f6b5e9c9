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
from aurax_desktop.formats import format_number
from aurax_desktop.jobs import FAVOURITE, REJECTED, Job, JobBook, JobQuery, JobStore
from aurax_desktop.jobs.forgetting import DAY_S
from aurax_desktop.jobs.model import MAX_STARS
from aurax_desktop.translation import _, ngettext


def cmd_history(args: argparse.Namespace, store: JobStore) -> int:
    jobs = store.query(JobQuery(limit=args.limit))
    if args.json:
        print_json([job_record(j) for j in jobs])
    else:
        print(history_table(jobs) if jobs else _("No jobs yet."))
    return EXIT_OK


def cmd_resume(context: CommandContext) -> int:
    """Take over what no live program runs: follow sent tasks again (no charge), fetch
    results whose download broke off, send what was left waiting in a paused batch
    (prepared, never sent: a batch stopped for want of credits), and say what died
    before or while sending."""
    resumed = context.runner.resume(send_waiting=True)
    if not resumed:
        print(
            _("Nothing to resume (jobs of a window or command still running are left to it)."),
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
            # Translators: a result's id on AuraX, in a task's report
            print(_("image: {id}").format(id=image_id))
        for message in state.messages:
            # Translators: what AuraX said about a task, in its report
            print(_("message: {message}").format(message=message))
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
        if days:
            nothing = ngettext(
                "No finished jobs older than {count} day, and the Trash is empty: nothing to "
                "delete.",
                "No finished jobs older than {count} days, and the Trash is empty: nothing to "
                "delete.",
                days,
            ).format(count=format_number(days))
        else:
            nothing = _("The Trash is empty: nothing to delete.")
        print(nothing, file=sys.stderr)
        return EXIT_OK
    confirm(_to_delete(len(old), len(in_trash), days or 0), yes=args.yes)
    deleted = book.forget(chosen)
    # Translators: English says "jobs" for one too
    done = ngettext(
        "Deleted {count} jobs and their files.",
        "Deleted {count} jobs and their files.",
        len(deleted),
    )
    print(done.format(count=format_number(len(deleted))), file=sys.stderr)
    return EXIT_OK


def _to_delete(old: int, in_trash: int, days: int) -> str:
    """What ``aurax purge`` is about to delete, for the user to agree to."""
    # Translators: {days} is a number of days ("30 days"); English says "jobs" for one too
    older = ngettext(
        "{count} finished jobs older than {days}", "{count} finished jobs older than {days}", old
    ).format(
        count=format_number(old),
        days=ngettext("{count} day", "{count} days", days).format(count=format_number(days)),
    )
    # Translators: a count of jobs (English says "jobs" for one too)
    trash = ngettext("{count} jobs in the Trash", "{count} jobs in the Trash", in_trash).format(
        count=format_number(in_trash)
    )
    if old and in_trash:
        # Translators: {old} is "3 finished jobs older than 30 days", {trash} "2 jobs in
        # the Trash"
        return _(
            "{old} and {trash} will be deleted for good, with their photos and results."
        ).format(old=older, trash=trash)
    return _("{jobs} will be deleted for good, with their photos and results.").format(
        jobs=older if old else trash
    )


def cmd_delete(args: argparse.Namespace, book: JobBook) -> int:
    job = _one_job(book.store, args.job_id.strip())
    if not job.status.is_final:
        status = job.status.label
        # Translators: {status} is the job's status ("sending", "queued")
        refusal = _(
            "job {job} is still {status}; stop it first (in the window), or wait for it to end."
        )
        raise UsageError(refusal.format(job=job.id[:8], status=status[:1].lower() + status[1:]))
    book.forget([job.id])
    # Translators: {job} is a job in one line: "Try-on 1a2b3c4d · Dress · anna · Completed"
    print(_("Deleted {job} and its files.").format(job=describe(job)), file=sys.stderr)
    return EXIT_OK


def check_mark(args: argparse.Namespace) -> None:
    """Exactly one thing to do to the jobs, before the history is opened."""
    chosen = [args.favourite, args.reject, args.clear, args.stars is not None]
    if sum(bool(c) for c in chosen) != 1:
        raise OptionError(_("give one of --favourite, --reject, --clear or --stars N."))
    if args.stars is not None and not 0 <= args.stars <= MAX_STARS:
        raise OptionError(_("--stars goes from 0 to {most}.").format(most=MAX_STARS))


def cmd_mark(args: argparse.Namespace, book: JobBook) -> int:
    """Flag, reject, unmark or rate jobs (the user's fields: a job being sent or
    downloaded meanwhile keeps them when it ends)."""
    jobs = [_one_job(book.store, given.strip()) for given in args.job_ids]
    ids = list(dict.fromkeys(job.id for job in jobs))
    if args.stars is not None:
        changed = book.rate(ids, args.stars)
        # Translators: what was done to a job: given a number of stars
        what = ngettext("rated {count} star", "rated {count} stars", args.stars).format(
            count=format_number(args.stars)
        )
    elif args.clear:
        changed = book.mark(ids, None)
        # Translators: what was done to a job: its flag or rejection taken off
        what = _("unmarked")
    else:
        changed = book.mark(ids, FAVOURITE if args.favourite else REJECTED)
        # Translators: what was done to a job
        what = _("marked favourite") if args.favourite else _("marked rejected")
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
        raise OptionError(_("give at least the first 4 letters of the job's id (aurax history)."))
    found = [j for j in store.query(JobQuery(limit=1_000_000)) if j.id.startswith(given)]
    if not found:
        raise UsageError(_("there is no job “{id}” in the history.").format(id=shown(given)))
    if len(found) > 1:
        # Translators: {id} is the beginning of a job's id, as typed
        many = ngettext(
            "“{id}” starts {count} job's id; give more of it.",
            "“{id}” starts {count} jobs' ids; give more of it.",
            len(found),
        )
        raise UsageError(many.format(id=shown(given), count=format_number(len(found))))
    return found[0]
