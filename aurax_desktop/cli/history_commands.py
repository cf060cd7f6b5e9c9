"""``aurax history``, ``resume`` and ``task``: what was sent, and following it to its end."""

from __future__ import annotations

import argparse
import sys

from aurax_desktop.cli.context import CommandContext
from aurax_desktop.cli.job_commands import EXIT_OK, finish
from aurax_desktop.cli.output import history_table, job_record, print_json
from aurax_desktop.jobs import JobQuery, JobStore


def cmd_history(args: argparse.Namespace, store: JobStore) -> int:
    jobs = store.query(JobQuery(limit=args.limit))
    if args.json:
        print_json([job_record(j) for j in jobs])
    else:
        print(history_table(jobs) if jobs else "No jobs yet.")
    return EXIT_OK


def cmd_resume(context: CommandContext) -> int:
    """Take over what no live program runs: follow sent tasks again (no charge), fetch
    results whose download broke off, and say what died before or while sending."""
    resumed = context.runner.resume()
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
