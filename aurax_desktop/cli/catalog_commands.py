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
from aurax_desktop.cli.document_progress import DOCUMENTS, DocumentProgress
from aurax_desktop.cli.job_commands import EXIT_FAILED, EXIT_OK, exit_code, wait
from aurax_desktop.cli.output import job_record, print_json, waiting_note
from aurax_desktop.exports import Paper, from_jobs, write_contact_sheet, write_pdf
from aurax_desktop.exports.full_size import TemplateError, check_template, export_results
from aurax_desktop.exports.linesheet import from_jobs as linesheet_from_jobs
from aurax_desktop.exports.linesheet import write_linesheet
from aurax_desktop.exports.lookbook import passes
from aurax_desktop.exports.print_pictures import look_name
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
from aurax_desktop.translation import LazyText, _, lazy_gettext, ngettext

LOOKBOOK_KINDS = (".pdf", ".png", ".jpg", ".jpeg")
NONE_TO_USE = {
    "person": lazy_gettext("no person photos to use among {given}."),
    "garment": lazy_gettext("no garment photos to use among {given}."),
}
"""The refusal of photos none of which is a picture, by what they were given as."""


def usable_pictures(given: list[Path], what: str) -> list[Path]:
    """The pictures among files and folders; what is not one is skipped with a note
    (by its header alone: nothing is decoded here). ``what``: "person" or "garment"."""
    found, skipped = sort_out(given)
    usable: list[Path] = []
    for path in found:
        try:
            load_image(path)
        except ImageError as exc:
            skipped.append(path)
            # Translators: {why} is a sentence on what is wrong with a file
            said = _("skipped: {why}").format(why=exc.user_message)
            print(f"aurax: {said}", file=sys.stderr)
            continue
        usable.append(path)
    for path in skipped:
        if path not in found:
            said = _("skipped {file}: not a picture").format(file=shown(path))
            print(f"aurax: {said}", file=sys.stderr)
    if not usable:
        listed = ", ".join(shown(p) for p in given)
        raise UsageError(NONE_TO_USE[what].format(given=listed))
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
        raise UsageError(_untyped(unknown))
    args.garment_items = garments
    args.batch_label = args.name or _batch_name(args, garments)
    count = len(args.people) * len(garments)
    cost = count * COST_TRY_ON + (len(garments) * COST_PRODUCT_DESCRIPTION if args.describe else 0)
    if args.max_credits is not None and cost > args.max_credits:
        # Translators: English says "try-ons" for one too
        too_dear = ngettext(
            "{count} try-ons would cost {cost}, more than --max-credits {limit}. Nothing was sent.",
            "{count} try-ons would cost {cost}, more than --max-credits {limit}. Nothing was sent.",
            count,
        )
        raise UsageError(
            too_dear.format(
                count=format_number(count),
                cost=format_credits(cost),
                limit=format_number(args.max_credits),
            )
        )
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(not_a_folder(args.output))
    mix = type_mix([g.product_type for g in garments if g.product_type is not None])
    confirm(_batch_question(args, count, mix, cost), yes=args.yes)


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
        raise OptionError(_("give the people's photos with --people, or a --people-list."))
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
    return ngettext("{count} person", "{count} people", count).format(count=format_number(count))


def try_ons_word(count: int) -> str:
    # Translators: a number of try-ons in a batch's report (English says "try-ons" for
    # one too)
    return ngettext("{count} try-ons", "{count} try-ons", count).format(count=format_number(count))


def descriptions_word(count: int) -> str:
    # Translators: a number of descriptions in a batch's report (English says
    # "descriptions" for one too)
    return ngettext("{count} descriptions", "{count} descriptions", count).format(
        count=format_number(count)
    )


def not_a_folder(output: Path) -> str:
    return _("The output “{file}” is a file; give a folder.").format(file=shown(output))


def _untyped(unknown: list[str]) -> str:
    """The refusal of garments whose type nothing says (the first ten named)."""
    named = ", ".join(shown(name) for name in unknown[:10])
    if len(unknown) <= 10:
        return _(
            "these garments' names say no product type, so nothing was sent: {names}. Name "
            "the files (e.g. red-dress.jpg), give --type, or use a list with a type column."
        ).format(names=named)
    more = len(unknown) - 10
    # Translators: {names} are ten garments' file names, {count} how many more there are
    return ngettext(
        "these garments' names say no product type, so nothing was sent: {names} and {count} "
        "more. Name the files (e.g. red-dress.jpg), give --type, or use a list with a type "
        "column.",
        "these garments' names say no product type, so nothing was sent: {names} and {count} "
        "more. Name the files (e.g. red-dress.jpg), give --type, or use a list with a type "
        "column.",
        more,
    ).format(names=named, count=format_number(more))


def _batch_question(args: argparse.Namespace, count: int, mix: str, cost: float) -> str:
    """What a batch will send and cost, said before it is sent."""
    people = people_word(len(args.people))
    if not args.describe:
        # Translators: a batch about to be sent: its name, "6 try-ons", the garments
        # ("3 dresses, 1 bag"), "2 people", the credits it costs
        return _("“{batch}”: {try_ons}: {garments} for {people}, {cost}.").format(
            batch=args.batch_label,
            try_ons=try_ons_word(count),
            garments=mix,
            people=people,
            cost=format_credits(cost),
        )
    garments = len(args.garment_items)
    # Translators: as above, and "3 descriptions" of the garments, with what they cost
    return _(
        "“{batch}”: {try_ons}: {garments} for {people} and {descriptions} ({described_cost}), "
        "{cost}."
    ).format(
        batch=args.batch_label,
        try_ons=try_ons_word(count),
        garments=mix,
        people=people,
        descriptions=descriptions_word(garments),
        described_cost=format_credits(garments * COST_PRODUCT_DESCRIPTION),
        cost=format_credits(cost),
    )


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
            look = look_name(str(job.source_name), _garment(job))
            # Translators: {look} is "anna.jpg with dress.jpg", {error} what went wrong
            said = _("failed: {look}: {error}").format(look=look, error=job.error)
            print(said, file=sys.stderr)
    for job in described:
        if job.status not in (JobStatus.COMPLETED, JobStatus.WAITING):
            said = _("failed: the description of {file}: {error}")
            print(said.format(file=job.source_name, error=job.error), file=sys.stderr)
    counted = _Counted(completed, descriptions if described else None, failed, unsaved)
    print(_outcome(counted, len(waiting), format_credits(spent), batch), file=sys.stderr)
    if waiting:
        print(waiting_note(waiting), file=sys.stderr)


@dataclass(frozen=True)
class _Counted:
    """How many of a batch's jobs ended how."""

    completed: int
    descriptions: int | None
    """The garments' descriptions completed, when they were asked for."""
    failed: int
    unsaved: int
    """Completed, but not copied into the output folder."""


def _outcome(counted: _Counted, waiting: int, spent: str, batch: str) -> str:
    """How a batch's jobs ended, and what they cost: "6 completed, 0 failed, 2 waiting,
    not sent; 12 credits spent (batch …)."."""
    completed, descriptions, unsaved = counted.completed, counted.descriptions, counted.unsaved
    if descriptions is None:
        # Translators: how many try-ons of a batch were completed (one word for one and
        # for more in English)
        done = ngettext("{count} completed", "{count} completed", completed).format(
            count=format_number(completed)
        )
    else:
        # Translators: {try_ons} is "6 try-ons", {descriptions} "3 descriptions"
        done = _("{try_ons} and {descriptions} completed").format(
            try_ons=try_ons_word(completed), descriptions=descriptions_word(descriptions)
        )
    if unsaved:
        # Translators: results made, but not copied into the folder the user gave
        done = _("{completed} ({count} not saved to the output folder: see above)").format(
            completed=done, count=format_number(unsaved)
        )
    # Translators: how many jobs of a batch failed
    lost = ngettext("{count} failed", "{count} failed", counted.failed).format(
        count=format_number(counted.failed)
    )
    if not waiting:
        # Translators: "6 completed, 0 failed; 18 credits spent (batch …)."; {batch} is
        # the batch's id
        return _("{completed}, {failed}; {credits} spent (batch {batch}).").format(
            completed=done, failed=lost, credits=spent, batch=batch
        )
    # Translators: how many jobs of a batch wait, not sent (for want of credits)
    held = ngettext("{count} waiting, not sent", "{count} waiting, not sent", waiting).format(
        count=format_number(waiting)
    )
    # Translators: "4 completed, 0 failed, 2 waiting, not sent; 12 credits spent (batch
    # …)."; {batch} is the batch's id
    return _("{completed}, {failed}, {waiting}; {credits} spent (batch {batch}).").format(
        completed=done, failed=lost, waiting=held, credits=spent, batch=batch
    )


def _garment(job: Job) -> str:
    garment = job.params.get("garment_name")
    # Translators: a garment whose photo's name is not known
    return str(garment) if garment else _("the garment")


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
        why = (getattr(exc, "user_message", None) or str(exc)).rstrip(".")
        # Translators: {look} is "anna with dress", {why} what went wrong (no full stop),
        # {kept} where the result is
        said = _("could not save the result of {look}: {why}. It is kept at {kept}.").format(
            look=look_name(shown(person), shown(garment)), why=why, kept=result
        )
        context.progress.note(f"aurax: {said}")
        return None
    if not context.args.json:
        print(shown(saved))
    return shown(saved)


def check_lookbook(args: argparse.Namespace) -> None:
    if args.output.suffix.lower() not in LOOKBOOK_KINDS:
        raise OptionError(
            _("“{file}”: a lookbook is a .pdf, or a contact sheet .png or .jpg.").format(
                file=shown(args.output)
            )
        )
    output_file(args.output, force=args.force)


def _chosen_batch(args: argparse.Namespace, store: JobStore) -> tuple[str, list[Job]]:
    """How the batch asked for is called (see ``_called``), and its jobs."""
    batch = args.batch or last_try_on_batch(store)
    if batch is None:
        raise UsageError(_("there are no batches of try-ons yet; `aurax batch` makes one."))
    jobs = batch_jobs(store, batch)
    if not jobs:
        raise UsageError(
            _("there is no batch “{batch}” in the history.").format(batch=shown(batch))
        )
    return _called(jobs, newest=not args.batch), jobs


def _called(jobs: list[Job], *, newest: bool) -> str:
    """A batch as its user knows it: by the name it was sent under; else as the last
    batch, or by when it was made. Its id is the history's key, which a user has seen
    only when they typed it in."""
    name = next((job.batch_name for job in jobs if job.batch_name), "")
    if name:
        # Translators: a batch by its name, as a sentence's subject ("the batch “SS27”
        # has no favourite try-ons to put in a lookbook.")
        return _("the batch “{name}”").format(name=shown(name))
    if newest:
        # Translators: the newest batch, as a sentence's subject
        return _("the last batch")
    made = min(job.created_at for job in jobs)
    # Translators: a batch by when it was made, as a sentence's subject
    return _("the batch made {when}").format(when=format_datetime(datetime.fromtimestamp(made)))


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


def _writing(what: str, write: Callable[[Progress], Written]) -> Written | None:
    """``write`` with its progress on stderr; None when Ctrl+C stopped it (said; nothing
    is written). ``what``: one of ``document_progress.DOCUMENTS``."""
    progress = DocumentProgress(what)
    try:
        return write(Progress(progress.told))
    except KeyboardInterrupt:
        progress.end()
        print(f"aurax: {DOCUMENTS[what].stopped}", file=sys.stderr)
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
        # Translators: {batch} is "the batch “SS27”" or "the last batch"; {looks}
        # "favourite try-ons" or "finished try-ons rated 3+ stars"
        refusal = _("{batch} has no {looks} to put in a lookbook.")
        raise UsageError(refusal.format(batch=called, looks=_culled(args)))
    paper = Paper(args.paper) if args.paper else None
    claim = not args.force  # never over a file made since the command began, unless --force
    if args.output.suffix.lower() == ".pdf":
        done = _claiming(
            args.output,
            lambda: _writing(
                "lookbook",
                lambda told: write_pdf(book, args.output, paper=paper, progress=told, claim=claim),
            ),
        )
    else:
        done = _claiming(
            args.output,
            lambda: _writing(
                "contact sheet",
                lambda told: write_contact_sheet(book, args.output, progress=told, claim=claim),
            ),
        )
    if done is None:
        return EXIT_STOPPED
    written, notes = done
    _left_out(notes)
    # Translators: what a lookbook holds: {looks} is "12 looks", {batch} the batch's
    # name (English says "people" for one too)
    made = ngettext(
        "{looks} of {count} people from “{batch}”.",
        "{looks} of {count} people from “{batch}”.",
        len(book.pages),
    ).format(
        # Translators: a number of looks in a lookbook (English says "looks" for one too)
        looks=ngettext("{count} looks", "{count} looks", book.looks).format(
            count=format_number(book.looks)
        ),
        count=format_number(len(book.pages)),
        batch=book.title,
    )
    print(made, file=sys.stderr)
    print(shown(written))
    return EXIT_OK


def check_linesheet(args: argparse.Namespace) -> None:
    if args.output.suffix.lower() != ".pdf":
        raise OptionError(_("“{file}”: a line sheet is a .pdf.").format(file=shown(args.output)))
    output_file(args.output, force=args.force)


CULLED: dict[tuple[bool, bool], LazyText] = {
    # Translators: the try-ons asked for, after "has no" ("the batch has no favourite
    # try-ons to put in a lookbook")
    (True, False): lazy_gettext("favourite try-ons"),
    (False, False): lazy_gettext("finished try-ons"),
    # Translators: {stars} is a number from 1 to 5: "rated 3 stars or more"
    (True, True): lazy_gettext("favourite try-ons rated {stars}+ stars"),
    (False, True): lazy_gettext("finished try-ons rated {stars}+ stars"),
}
"""The try-ons asked for, in words: favourites or all, and rated at least so many stars."""


def _culled(args: argparse.Namespace) -> str:
    """The try-ons asked for, in words ("favourite try-ons rated 3+ stars")."""
    which = CULLED[bool(args.favourites), bool(args.min_stars)]
    return which.format(stars=format_number(args.min_stars))


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
        # Translators: {batch} is "the batch “SS27”" or "the last batch"; {looks}
        # "favourite try-ons" or "finished try-ons rated 3+ stars"
        refusal = _("{batch} has no garments with {looks} for a line sheet.")
        raise UsageError(refusal.format(batch=called, looks=_culled(args)))
    paper = Paper(args.paper) if args.paper else None
    done = _claiming(  # never over a file made since the command began, unless --force
        args.output,
        lambda: _writing(
            "line sheet",
            lambda told: write_linesheet(
                sheet, args.output, paper=paper, progress=told, claim=not args.force
            ),
        ),
    )
    if done is None:
        return EXIT_STOPPED
    written, notes = done
    _left_out(notes)
    # Translators: what a line sheet holds (English says "garments" for one too)
    garments = ngettext(
        "{count} garments from “{batch}”.", "{count} garments from “{batch}”.", len(sheet.items)
    )
    print(
        garments.format(count=format_number(len(sheet.items)), batch=sheet.title), file=sys.stderr
    )
    print(shown(written))
    return EXIT_OK


def check_export(args: argparse.Namespace) -> None:
    try:
        check_template(args.template)
    except TemplateError as exc:
        raise OptionError(f"--name: {exc}") from None
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(not_a_folder(args.output))


def cmd_export(args: argparse.Namespace, store: JobStore) -> int:
    called, jobs = _chosen_batch(args, store)
    looks = [
        job
        for job in chosen_looks(jobs)
        if passes(job, favourites_only=args.favourites, min_stars=args.min_stars)
    ]
    if not looks:
        # Translators: {batch} is "the batch “SS27”" or "the last batch"
        raise UsageError(_("{batch} has no finished try-ons to export.").format(batch=called))
    done = export_results(looks, args.output, args.template, force=args.force)
    for path in done.written:
        print(shown(path))
    for path in done.existing:
        said = _("{file} exists: not replaced (add --force).").format(file=shown(path.name))
        print(f"aurax: {said}", file=sys.stderr)
    for failure in done.failed:
        # Translators: {failure} is a file's name and why it could not be written
        said = _("could not write {failure}").format(failure=failure)
        print(f"aurax: {said}", file=sys.stderr)
    print(_exported(len(done.written), len(done.existing), shown(args.output)), file=sys.stderr)
    return EXIT_FAILED if done.existing or done.failed else EXIT_OK


def _exported(written: int, existing: int, folder: str) -> str:
    """How many pictures ``aurax export`` wrote, and left as they were."""
    count = format_number(written)
    if not existing:
        # Translators: English says "pictures" for one too
        return ngettext(
            "{count} pictures written to {folder}.",
            "{count} pictures written to {folder}.",
            written,
        ).format(count=count, folder=folder)
    # Translators: files of the same name were there already, and kept (English says
    # "they" for one too)
    kept = ngettext("{count} left as they were", "{count} left as they were", existing).format(
        count=format_number(existing)
    )
    # Translators: {kept} is "2 left as they were" (English says "pictures" for one too)
    return ngettext(
        "{count} pictures written to {folder}, {kept}.",
        "{count} pictures written to {folder}, {kept}.",
        written,
    ).format(count=count, folder=folder, kept=kept)
