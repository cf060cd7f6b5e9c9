"""``aurax batch``, ``aurax lookbook``, ``aurax linesheet`` and ``aurax export``: a
season's try-ons at once, and the documents made of them (the same ones the window
exports)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from aurax_desktop.account import SettingsStore
from aurax_desktop.api import COST_PRODUCT_DESCRIPTION, COST_TRY_ON, ProductType
from aurax_desktop.atomic import make_folders
from aurax_desktop.cli.arguments import (
    OptionError,
    UsageError,
    already_there,
    confirm,
    output_file,
    shown,
)
from aurax_desktop.cli.context import CommandContext
from aurax_desktop.cli.document_progress import DocumentProgress
from aurax_desktop.cli.job_commands import EXIT_FAILED, EXIT_OK, exit_code, wait
from aurax_desktop.cli.output import job_record, print_json, waiting_note
from aurax_desktop.exports import Paper, from_jobs, write_contact_sheet, write_pdf
from aurax_desktop.exports.full_size import TemplateError, check_template, export_results
from aurax_desktop.exports.linesheet import from_jobs as linesheet_from_jobs
from aurax_desktop.exports.linesheet import write_linesheet
from aurax_desktop.exports.lookbook import passes
from aurax_desktop.exports.progress import Progress
from aurax_desktop.formats import format_credits, format_datetime, format_number
from aurax_desktop.imaging import ImageError, load_image, save_as, sort_out
from aurax_desktop.jobs import Job, JobKind, JobQuery, JobStatus, JobStore, TryOnBatchInput
from aurax_desktop.jobs.batches import batch_jobs, default_batch_name, last_try_on_batch
from aurax_desktop.jobs.garments import Garment, display_name, type_mix
from aurax_desktop.jobs.manifest import Manifest, ManifestError, read_manifest
from aurax_desktop.jobs.naming import free_file_name
from aurax_desktop.jobs.people_list import PeopleList, read_people_list
from aurax_desktop.jobs.variants import chosen_looks

LOOKBOOK_KINDS = (".pdf", ".png", ".jpg", ".jpeg")


def usable_pictures(given: list[Path], what: str) -> list[Path]:
    """The pictures among files and folders; what is not one is skipped with a note
    (by its header alone: nothing is decoded here)."""
    found, skipped = sort_out(given)
    usable: list[Path] = []
    for path in found:
        try:
            load_image(path)
        except ImageError as exc:
            skipped.append(path)
            print(f"aurax: skipped: {exc.user_message}", file=sys.stderr)
            continue
        usable.append(path)
    for path in skipped:
        if path not in found:
            print(f"aurax: skipped {shown(path)}: not a picture", file=sys.stderr)
    if not usable:
        raise UsageError(f"no {what} photos to use among {', '.join(shown(p) for p in given)}.")
    return usable


def check_batch(args: argparse.Namespace) -> None:
    """Everything known before the server is started: photos, each garment's type, the
    lists' rows, the cost, consent, the output."""
    _people(args)
    garments = _garments(args)
    if args.product_type is not None:  # --type T: every garment's type
        garments = [replace(g, product_type=args.product_type) for g in garments]
    unknown = [g.photo.name for g in garments if g.product_type is None]
    if unknown:
        raise UsageError(
            "these garments' names say no product type, so nothing was sent: "
            f"{', '.join(shown(n) for n in unknown[:10])}"
            + (f" and {len(unknown) - 10} more" if len(unknown) > 10 else "")
            + ". Name the files (e.g. red-dress.jpg), give --type, or use a list with a "
            "type column."
        )
    args.garment_items = garments
    args.batch_label = args.name or _batch_name(args, garments)
    count = len(args.people) * len(garments)
    cost = count * COST_TRY_ON + (len(garments) * COST_PRODUCT_DESCRIPTION if args.describe else 0)
    if args.max_credits is not None and cost > args.max_credits:
        raise UsageError(
            f"{count} try-ons would cost {format_credits(cost)}, more than --max-credits "
            f"{format_number(args.max_credits)}. Nothing was sent."
        )
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"The output “{shown(args.output)}” is a file; give a folder.")
    mix = type_mix([g.product_type for g in garments if g.product_type is not None])
    described = (
        f" and {len(garments)} descriptions "
        f"({format_credits(len(garments) * COST_PRODUCT_DESCRIPTION)})"
        if args.describe
        else ""
    )
    confirm(
        f"“{args.batch_label}”: {count} try-ons: {mix} for {people_word(len(args.people))}"
        f"{described}, {format_credits(cost)}.",
        yes=args.yes,
    )


def _people(args: argparse.Namespace) -> None:
    """The people's photos (``--people``, else those a ``--people-list`` names) and their
    names (a people list's, else none: made from their photos' files)."""
    listed: PeopleList | None = None
    if args.people_list is not None:
        try:
            listed = read_people_list(args.people_list)
        except ManifestError as exc:
            raise UsageError(exc.user_message) from None
    if args.people:
        args.people = usable_pictures(args.people, "person")
    elif listed is not None:
        args.people = [person.photo for person in listed.people]
    else:
        raise OptionError("give the people's photos with --people, or a --people-list.")
    args.person_names = tuple(
        listed.name_of(Path(photo)) if listed is not None else None for photo in args.people
    )


def _garments(args: argparse.Namespace) -> list[Garment]:
    if args.manifest is not None:
        try:
            listed: Manifest = read_manifest(args.manifest)
        except ManifestError as exc:
            raise UsageError(exc.user_message) from None
        for note in listed.notes:
            print(f"aurax: {note}", file=sys.stderr)
        return list(listed.garments)
    return [Garment.from_photo(p) for p in usable_pictures(args.garments, "garment")]


def _batch_name(args: argparse.Namespace, garments: list[Garment]) -> str:
    """From the list's file, else the garments' folder ("SS27/"), else the date."""
    if args.manifest is not None:
        return display_name(args.manifest.name)
    folders = {g.photo.parent.resolve() for g in garments}
    if len(folders) == 1:
        folder = folders.pop()
        if folder != Path.cwd().resolve() and folder.name:
            return display_name(folder.name)
    return default_batch_name()


def people_word(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def cmd_batch(context: CommandContext) -> int:
    args = context.args
    garments: list[Garment] = args.garment_items
    context.runner.set_limits(concurrency=args.jobs, deadline_s=context.deadline_s)
    sent = context.runner.submit_try_on_batch(
        TryOnBatchInput(
            tuple(args.people),
            tuple(g.photo for g in garments),
            ProductType.GARMENT,
            args.strength,
            prompt=args.prompt,
            run_with_prompt=bool(args.prompt),
            name=args.batch_label,
            garment_types=tuple(g.product_type for g in garments),
            garment_details=tuple(g.details() for g in garments),
            person_names=args.person_names,
            describe_garments=args.describe,
        )
    )
    described = wait(context, list(sent.descriptions))
    finished = wait(context, list(sent.job_ids))
    saved: dict[str, str | None] = {}
    try:
        make_folders(args.output)  # as the user's own folders are made
        taken: set[str] = set()
        for job in finished:
            saved[job.id] = _save(context, job, taken)
        if args.json:
            print_json([job_record(job, saved.get(job.id)) for job in finished])
    finally:  # what was done is always said, whatever failed while saving
        _summary(finished, described, saved, sent.batch)
    if any(job.status is JobStatus.COMPLETED and saved.get(job.id) is None for job in finished):
        return EXIT_FAILED  # a result asked for was not written
    every_job = finished + described
    completed = sum(job.status is JobStatus.COMPLETED for job in every_job)
    if 0 < completed < len(every_job):
        return EXIT_FAILED  # some failed (even for want of credits): 1, as documented
    return exit_code(every_job)


def _summary(
    finished: list[Job], described: list[Job], saved: dict[str, str | None], batch: str
) -> None:
    """What became of the batch: every job it sent is counted, the garments'
    descriptions as well as the try-ons, so the credits said are the credits charged
    (what the confirmation asked for, and what the history adds up to)."""
    completed = sum(job.status is JobStatus.COMPLETED for job in finished)
    descriptions = sum(job.status is JobStatus.COMPLETED for job in described)
    waiting = [job for job in finished + described if job.status is JobStatus.WAITING]
    failed = len(finished) - completed + len(described) - descriptions - len(waiting)
    unsaved = sum(
        job.status is JobStatus.COMPLETED and saved.get(job.id) is None for job in finished
    )
    spent = sum(job.cost for job in finished + described)
    for job in finished:
        if job.status not in (JobStatus.COMPLETED, JobStatus.WAITING):
            print(f"failed: {job.source_name} with {_garment(job)}: {job.error}", file=sys.stderr)
    for job in described:
        if job.status not in (JobStatus.COMPLETED, JobStatus.WAITING):
            print(f"failed: the description of {job.source_name}: {job.error}", file=sys.stderr)
    done = f"{completed} try-ons and {descriptions} descriptions" if described else f"{completed}"
    kept = f" ({unsaved} not saved to the output folder: see above)" if unsaved else ""
    wait = f", {len(waiting)} waiting, not sent" if waiting else ""
    print(
        f"{done} completed{kept}, {failed} failed{wait}; {format_credits(spent)} spent "
        f"(batch {batch}).",
        file=sys.stderr,
    )
    if waiting:
        print(waiting_note(waiting), file=sys.stderr)


def _garment(job: Job) -> str:
    garment = job.params.get("garment_name")
    return str(garment) if garment else "the garment"


def _save(context: CommandContext, job: Job, taken: set[str]) -> str | None:
    """Copy a completed result into the output folder, as ``<person>__<garment>``; the
    name written (None when it could not be: said, and the others go on)."""
    if job.status is not JobStatus.COMPLETED or not job.result_paths:
        return None
    result = job.result_paths[0]
    person = job.person_name or Path(job.source_name or "person").stem
    garment = Path(_garment(job)).stem
    try:
        while True:  # a name taken meanwhile (another command writing here): the next
            target = free_file_name(
                context.args.output, f"{person}__{garment}", result.suffix, taken
            )
            try:
                saved = save_as(result, target, claim=True)
            except FileExistsError:
                continue
            break
    except (ImageError, OSError) as exc:
        context.progress.note(
            f"aurax: could not save the result of {shown(person)} with {shown(garment)}: "
            f"{(getattr(exc, 'user_message', None) or str(exc)).rstrip('.')}. It is kept "
            f"at {result}."
        )
        return None
    if not context.args.json:
        print(shown(saved))
    return shown(saved)


def check_lookbook(args: argparse.Namespace) -> None:
    if args.output.suffix.lower() not in LOOKBOOK_KINDS:
        raise OptionError(
            f"“{shown(args.output)}”: a lookbook is a .pdf, or a contact sheet .png or .jpg."
        )
    output_file(args.output, force=args.force)


def _chosen_batch(args: argparse.Namespace, store: JobStore) -> tuple[str, list[Job]]:
    """How the batch asked for is called (see ``_called``), and its jobs."""
    batch = args.batch or last_try_on_batch(store)
    if batch is None:
        raise UsageError("there are no batches of try-ons yet; `aurax batch` makes one.")
    jobs = batch_jobs(store, batch)
    if not jobs:
        raise UsageError(f"there is no batch “{shown(batch)}” in the history.")
    return _called(jobs, newest=not args.batch), jobs


def _called(jobs: list[Job], *, newest: bool) -> str:
    """A batch as its user knows it: by the name it was sent under; else as the last
    batch, or by when it was made. Its id is the history's key, which a user has seen
    only when they typed it in."""
    name = next((job.batch_name for job in jobs if job.batch_name), "")
    if name:
        return f"the batch “{shown(name)}”"
    if newest:
        return "the last batch"
    made = min(job.created_at for job in jobs)
    return f"the batch made {format_datetime(datetime.fromtimestamp(made))}"


@dataclass(frozen=True)
class _Heading:
    """What Settings → Lookbooks puts on documents."""

    subtitle: str = ""
    logo: Path | None = None
    brand: str = ""
    contact: str = ""


def _heading_settings() -> _Heading:
    """The subtitle, logo, brand and contact chosen in the window's Settings → Lookbooks."""
    settings = SettingsStore().load().settings
    logo = Path(settings.lookbook_logo) if settings.lookbook_logo else None
    return _Heading(
        settings.lookbook_subtitle,
        logo if logo is not None and logo.is_file() else None,
        settings.lookbook_brand,
        settings.lookbook_contact,
    )


EXIT_STOPPED = 130
"""Ctrl+C stopped a document: nothing was written (the shell's code for an interrupt)."""
Written = tuple[Path, list[str]]


def _writing(what: str, unit: str, write: Callable[[Progress], Written]) -> Written | None:
    """``write`` with its progress on stderr; None when Ctrl+C stopped it (said; nothing
    is written)."""
    progress = DocumentProgress(what, unit)
    try:
        return write(Progress(progress.told))
    except KeyboardInterrupt:
        progress.end()
        print(f"aurax: stopped: the {what} was not written.", file=sys.stderr)
        return None
    finally:
        progress.end()


def _claiming(target: Path, write: Callable[[], Written | None]) -> Written | None:
    """``write``, refused plainly when another program took ``target``'s name meanwhile."""
    try:
        return write()
    except FileExistsError as exc:
        if exc.filename != str(target):
            raise
        raise already_there(target) from None


def _left_out(notes: list[str]) -> None:
    for note in notes:
        print(f"aurax: {note}", file=sys.stderr)


def cmd_lookbook(args: argparse.Namespace, store: JobStore) -> int:
    called, jobs = _chosen_batch(args, store)
    heading = _heading_settings()
    book = from_jobs(
        jobs,
        favourites_only=args.favourites,
        min_stars=args.min_stars,
        subtitle=heading.subtitle,
        logo=heading.logo,
    )
    if not book.pages:
        raise UsageError(f"{called} has no {_culled(args)} to put in a lookbook.")
    paper = Paper(args.paper) if args.paper else None
    claim = not args.force  # never over a file made since the command began, unless --force
    if args.output.suffix.lower() == ".pdf":
        done = _claiming(
            args.output,
            lambda: _writing(
                "lookbook",
                "page",
                lambda told: write_pdf(book, args.output, paper=paper, progress=told, claim=claim),
            ),
        )
    else:
        done = _claiming(
            args.output,
            lambda: _writing(
                "contact sheet",
                "look",
                lambda told: write_contact_sheet(book, args.output, progress=told, claim=claim),
            ),
        )
    if done is None:
        return EXIT_STOPPED
    written, notes = done
    _left_out(notes)
    print(f"{book.looks} looks of {len(book.pages)} people from “{book.title}”.", file=sys.stderr)
    print(shown(written))
    return EXIT_OK


def check_linesheet(args: argparse.Namespace) -> None:
    if args.output.suffix.lower() != ".pdf":
        raise OptionError(f"“{shown(args.output)}”: a line sheet is a .pdf.")
    output_file(args.output, force=args.force)


def _culled(args: argparse.Namespace) -> str:
    """The try-ons asked for, in words ("favourite try-ons rated 3+ stars")."""
    which = "favourite" if args.favourites else "finished"
    stars = f" rated {args.min_stars}+ stars" if args.min_stars else ""
    return f"{which} try-ons{stars}"


def cmd_linesheet(args: argparse.Namespace, store: JobStore) -> int:
    called, jobs = _chosen_batch(args, store)
    described = store.query(JobQuery(kinds=frozenset({JobKind.PRODUCT_DESCRIPTION}), limit=100_000))
    heading = _heading_settings()
    sheet = linesheet_from_jobs(
        jobs,
        described,
        favourites_only=args.favourites,
        min_stars=args.min_stars,
        subtitle=heading.subtitle,
        logo=heading.logo,
        brand=heading.brand,
        contact=heading.contact,
    )
    if not sheet.items:
        raise UsageError(f"{called} has no garments with {_culled(args)} for a line sheet.")
    paper = Paper(args.paper) if args.paper else None
    done = _claiming(  # never over a file made since the command began, unless --force
        args.output,
        lambda: _writing(
            "line sheet",
            "page",
            lambda told: write_linesheet(
                sheet, args.output, paper=paper, progress=told, claim=not args.force
            ),
        ),
    )
    if done is None:
        return EXIT_STOPPED
    written, notes = done
    _left_out(notes)
    print(f"{len(sheet.items)} garments from “{sheet.title}”.", file=sys.stderr)
    print(shown(written))
    return EXIT_OK


def check_export(args: argparse.Namespace) -> None:
    try:
        check_template(args.template)
    except TemplateError as exc:
        raise OptionError(f"--name: {exc}") from None
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"The output “{shown(args.output)}” is a file; give a folder.")


def cmd_export(args: argparse.Namespace, store: JobStore) -> int:
    called, jobs = _chosen_batch(args, store)
    looks = [
        job
        for job in chosen_looks(jobs)
        if passes(job, favourites_only=args.favourites, min_stars=args.min_stars)
    ]
    if not looks:
        raise UsageError(f"{called} has no finished try-ons to export.")
    done = export_results(looks, args.output, args.template, force=args.force)
    for path in done.written:
        print(shown(path))
    for path in done.existing:
        print(f"aurax: {shown(path.name)} exists: not replaced (add --force).", file=sys.stderr)
    for failure in done.failed:
        print(f"aurax: could not write {failure}", file=sys.stderr)
    print(
        f"{len(done.written)} pictures written to {shown(args.output)}"
        + (f", {len(done.existing)} left as they were" if done.existing else "")
        + ".",
        file=sys.stderr,
    )
    return EXIT_FAILED if done.existing or done.failed else EXIT_OK
