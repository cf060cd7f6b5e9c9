"""``aurax try-on``, ``generate`` and ``describe``: send jobs, wait, save what came.

Each command is checked in full (files, names, outputs) before anything is
sent: ``check_*`` raises ``UsageError`` and nothing is spent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aurax_desktop.api import ProductType, suggest_product_type
from aurax_desktop.cli.arguments import existing_file, output_file, shown
from aurax_desktop.cli.context import CommandContext
from aurax_desktop.cli.output import describe, job_record, print_json, waiting_note
from aurax_desktop.exports import DescribedProduct, write_descriptions_csv
from aurax_desktop.imaging import ImageError, load_image, save_as
from aurax_desktop.jobs import DescriptionInput, GenerationInput, Job, JobStatus, TryOnInput
from aurax_desktop.jobs.naming import free_file_name
from aurax_desktop.translation import _

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_ACCOUNT = 0, 1, 2, 3
WAIT_MARGIN_S = 300.0
"""Beyond the follow deadline: preparing and sending (a POST may take a few minutes)."""


def check_try_on(args: argparse.Namespace) -> None:
    existing_file(args.person, _("The person photo"))
    existing_file(args.garment, _("The garment photo"))
    existing_file(args.mask, _("The mask"))
    if args.output is not None:
        output_file(args.output, force=args.force)


def check_generate(args: argparse.Namespace) -> None:
    existing_file(args.shape, _("The shape image"))
    if args.output is not None:
        output_file(args.output, force=args.force)


def check_describe(args: argparse.Namespace) -> None:
    for image in args.images:
        existing_file(image, _("The photo"))
    if args.csv is not None:
        output_file(args.csv, force=args.force)


def cmd_try_on(context: CommandContext) -> int:
    args = context.args
    mask = load_image(args.mask).decode(None) if args.mask is not None else None
    job_id = context.runner.submit_try_on(
        TryOnInput(
            args.person,
            args.garment,
            args.product_type,
            args.strength,
            mask,
            args.prompt,
            run_with_prompt=bool(args.prompt),
        )
    )
    stem = shown(args.person.stem)
    default = Path(f"{stem}-{args.product_type.value.lower()}-tryon.jpg")
    return finish(context, [job_id], {job_id: args.output or default})


def cmd_generate(context: CommandContext) -> int:
    args = context.args
    width, height = args.size
    job_id = context.runner.submit_generation(
        GenerationInput(args.prompt, args.product_type, width, height, args.shape)
    )
    default = Path(f"generated-{job_id[:8]}.png")
    return finish(context, [job_id], {job_id: args.output or default})


def guessed_type(image: Path, chosen: ProductType | None) -> ProductType:
    """``--type`` when given; else what the file's name suggests (said on stderr)."""
    if chosen is not None:
        return chosen
    guess = suggest_product_type(image.name)
    if guess is None:
        # Translators: GARMENT is the value of --type, as typed
        said = _("{file}: no product type in its name; using GARMENT (say --type to choose)")
        print(f"aurax: {said.format(file=shown(image.name))}", file=sys.stderr)
        return ProductType.GARMENT
    # Translators: {type} is a value of --type, as typed (DRESS, BAG...)
    said = _("{file}: guessed {type} from its name").format(
        file=shown(image.name), type=guess.value
    )
    print(f"aurax: {said}", file=sys.stderr)
    return guess


def cmd_describe(context: CommandContext) -> int:
    args = context.args
    job_ids = [
        context.runner.submit_description(
            DescriptionInput(image, guessed_type(image, args.product_type), batch="cli")
        )
        for image in args.images
    ]
    finished = wait(context, job_ids)
    if args.csv:
        write_csv(args.csv, finished)
    if args.json:
        print_json([job_record(j) for j in finished])
    elif not args.csv:
        for job in finished:
            if job.status is JobStatus.WAITING:
                print(_("{file}: not sent yet, it waits").format(file=job.source_name))
            elif job.shown_description:
                print(f"{job.source_name}: {job.shown_description}")
            else:
                # Translators: a photo that could not be described, and why
                failed = _("{file}: FAILED: {error}")
                print(failed.format(file=job.source_name, error=job.error or ""))
    else:
        print(shown(args.csv))
    waiting = [job for job in finished if job.status is JobStatus.WAITING]
    if waiting:
        context.progress.note(f"aurax: {waiting_note(waiting)}")
    return exit_code(finished)


def wait(context: CommandContext, job_ids: list[str]) -> list[Job]:
    return context.runner.wait(job_ids, timeout=context.deadline_s + WAIT_MARGIN_S)


def finish(context: CommandContext, job_ids: list[str], outputs: dict[str, Path | None]) -> int:
    """Wait for the jobs, save each result where asked, print what became of them."""
    finished = wait(context, job_ids)
    saved: dict[str, str | None] = {}
    unwritten = 0
    for job in finished:
        saved[job.id] = None
        if job.status is JobStatus.COMPLETED and job.result_paths:
            path = job.result_paths[0]
            target = outputs.get(job.id)
            if target is not None:
                explicit = target == getattr(context.args, "output", None)
                try:
                    if not explicit:
                        target = free_file_name(target.parent, target.stem, target.suffix)
                    # never over a file made since the command began, unless --force
                    forced = explicit and bool(getattr(context.args, "force", False))
                    path = save_as(path, target, claim=not forced)
                except (ImageError, OSError) as exc:
                    unwritten += 1
                    why = (
                        _("a file of that name was made meanwhile, and it is not replaced")
                        if isinstance(exc, FileExistsError)
                        else str(getattr(exc, "user_message", None) or exc).rstrip(".")
                    )
                    # Translators: {why} says what went wrong, without a full stop
                    said = _("could not write {file}: {why}. The result is kept at {kept}.")
                    context.progress.note(
                        f"aurax: {said.format(file=shown(target), why=why, kept=path)}"
                    )
            saved[job.id] = shown(path)
    if context.args.json:
        print_json([job_record(j, saved[j.id]) for j in finished])
    else:
        for job in finished:
            print(saved[job.id] if saved[job.id] else job.shown_description or describe(job))
    waiting = [job for job in finished if job.status is JobStatus.WAITING]
    if waiting:
        context.progress.note(f"aurax: {waiting_note(waiting)}")
    return EXIT_FAILED if unwritten else exit_code(finished)


def exit_code(jobs: list[Job]) -> int:
    if jobs and all(j.status is JobStatus.COMPLETED for j in jobs):
        return EXIT_OK
    if any(j.error_kind in ("AuthenticationError", "AccountError") for j in jobs):
        return EXIT_ACCOUNT
    return EXIT_FAILED


def write_csv(path: Path, jobs: list[Job]) -> None:
    """UTF-8 with a byte-order mark, so spreadsheets read the accents right."""
    write_descriptions_csv(
        path,
        (
            DescribedProduct(
                job.source_name or "",
                job.product_type,
                (job.shown_description or "") if job.status is JobStatus.COMPLETED else "",
                "" if job.status is JobStatus.COMPLETED else job.error or "",
            )
            for job in jobs
        ),
        with_errors=True,
    )
