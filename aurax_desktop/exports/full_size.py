"""A batch's results at full size, in a folder, named by a template.

The template's fields are ``{sku}``, ``{name}`` (the garment's), ``{person}`` and
``{garment}`` (the photos' file names without their extensions), ``{type}`` and
``{n}`` (1, 2, ...; ``{n:03}`` pads it to 001). No other format is taken: a template is
checked before anything is made (``check_template``), so none can ask for a name of
a billion characters. Names are made safe on every system, unique ignoring case and
never longer than the file system allows (``jobs.naming``). Each file is written
whole under a temporary name and then claims its name (``atomic``): an existing file,
even one another export made a moment before, is never replaced unless asked.
The export tells its progress picture by picture and can be stopped between two: the
pictures written by then stay, each whole.
"""

from __future__ import annotations

import re
import shutil
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from aurax_desktop.atomic import atomic_file, make_folders
from aurax_desktop.disk_errors import why_not_written
from aurax_desktop.exports.progress import ExportStopped, Progress
from aurax_desktop.formats import format_number
from aurax_desktop.jobs import Job
from aurax_desktop.jobs.garments import SKU, garment_label
from aurax_desktop.jobs.naming import caseless, fitted, folder_names, free_file_name, safe_stem
from aurax_desktop.jobs.short_names import person_label
from aurax_desktop.translation import _, ngettext

FIELDS = ("sku", "name", "person", "garment", "type", "n")
DEFAULT_TEMPLATE = "{person}__{garment}"
MAX_TEMPLATE = 1000
"""The longest template, in characters (a name is at most 255 bytes)."""
_NUMBER_WIDTH = re.compile(r"0?[1-9]")
"""The one format a field takes: the width of ``{n}`` (``{n:03}``), up to 9 digits."""


class TemplateError(ValueError):
    """The template names a field there is not, or is not a template."""


def check_template(template: str) -> None:
    """Refuse a template that is not one, names a field there is not, asks for a format
    (``{n:>1500000000}``, ``{sku!r}``) or is too long: at once, nothing made."""
    if len(template) > MAX_TEMPLATE:
        raise TemplateError(
            ngettext(
                "the template is {length} character long; a file name is at most 255 bytes, "
                "so keep the template under {limit} characters.",
                "the template is {length} characters long; a file name is at most 255 bytes, "
                "so keep the template under {limit} characters.",
                len(template),
            ).format(length=format_number(len(template)), limit=format_number(MAX_TEMPLATE))
        )
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        # Translators: {error} is Python's own words on what is wrong (in English)
        refusal = _("“{template}” is not a name template ({error}).")
        raise TemplateError(refusal.format(template=template, error=exc)) from None
    names = [name for _text, name, _spec, _conv in parsed]
    unknown = sorted({n for n in names if n is not None and n not in FIELDS})
    if unknown:
        fields = ", ".join("{" + f + "}" for f in FIELDS)
        # Translators: {names} are the words typed between braces that name no field of
        # a file name template; {fields} are those it takes ({sku}, {name}...)
        refusal = _("{names}: not a field; use {fields}.")
        raise TemplateError(refusal.format(names=", ".join(unknown), fields=fields))
    if not any(names):
        raise TemplateError(_("the template names no field: every file would have one name."))
    for _text, name, spec, conversion in parsed:
        if name is None:
            continue
        field = "{" + name + "}"
        if conversion:
            # Translators: {written} is what was typed ("{sku!r}"), {field} the field
            # alone ("{sku}")
            refusal = _(
                "“{written}” asks for a conversion, which names do not take: write {field}."
            )
            written = "{" + f"{name}!{conversion}" + "}"
            raise TemplateError(refusal.format(written=written, field=field))
        if spec and not (name == "n" and _NUMBER_WIDTH.fullmatch(spec)):
            written = "{" + f"{name}:{spec[:20]}{'…' if len(spec) > 20 else ''}" + "}"
            # Translators: {written} is what was typed ("{sku:>9}"), {field} the field
            # alone ("{sku}"); {number} is "{n}" and {padded} "{n:03}" (a number of three
            # digits: 001, 002...)
            refusal = _(
                "“{written}” asks for a format, which names do not take (only {number} a "
                "number of digits, as in {padded}): write {field}."
            )
            raise TemplateError(
                refusal.format(written=written, number="{n}", padded="{n:03}", field=field)
            )


def name_of(job: Job, template: str, number: int) -> str:
    """The stem the template makes for ``job`` (made safe)."""
    values = {
        "sku": str(job.params.get(SKU) or ""),
        "name": garment_label(job.params),
        "person": person_label(job) or "person",
        "garment": PurePath(str(job.params.get("garment_name") or "garment")).stem,
        "type": job.product_type.capitalize(),
        "n": number,
    }
    return safe_stem(template.format(**values))


@dataclass
class Exported:
    written: list[Path] = field(default_factory=list)
    existing: list[Path] = field(default_factory=list)
    """Files that were there already, not replaced (nothing asked to replace them)."""
    failed: list[str] = field(default_factory=list)
    left: int = 0
    """Pictures not exported because the export was stopped before them."""


def export_results(
    jobs: Iterable[Job],
    folder: Path,
    template: str = DEFAULT_TEMPLATE,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> Exported:
    """Copy each job's result as it came (full size) into ``folder``. A name the
    template gives twice gets "-2"; one naming a file already there (whatever its case,
    or made by another export meanwhile) is replaced only with ``force``. Failing to
    copy one never stops the others, and leaves nothing half-written. ``progress`` hears
    of each picture before it is copied; a stop asked for ends the export there."""
    check_template(template)
    make_folders(folder)
    done = Exported()
    present = folder_names(folder)  # what was there before: "exists", unless forced
    taken: set[str] = set()  # the names this export gave
    numbered = [(n, job) for n, job in enumerate(jobs, start=1) if job.result_paths]
    told = progress or Progress()
    for step, (number, job) in enumerate(numbered):
        try:
            told.step(step, len(numbered))
        except ExportStopped:
            done.left = len(numbered) - step
            break
        result = job.result_paths[0]
        stem = name_of(job, template, number)
        name = fitted(stem, result.suffix)
        key = caseless(name)
        try:
            if key in taken:  # the template gave this name before: the next free one
                target = _copy_to_free_name(result, folder, stem, taken)
            elif key in present and not force:
                done.existing.append(folder / present[key])
                continue
            else:
                taken.add(key)
                target = folder / present.get(key, name)  # forced: the file there, replaced
                try:
                    _copy(result, target, claim=not force)
                except FileExistsError:  # made since the export began (another export)
                    done.existing.append(target)
                    continue
        except OSError as exc:
            done.failed.append(f"{name}: {why_not_written(exc)}")
            continue
        done.written.append(target)
    return done


def _copy(result: Path, target: Path, *, claim: bool) -> None:
    with result.open("rb") as source, atomic_file(target, claim=claim) as out:
        shutil.copyfileobj(source, out)


def _copy_to_free_name(result: Path, folder: Path, stem: str, taken: set[str]) -> Path:
    """Copy ``result`` under the first free name ``stem-2``, ``stem-3``...: free when
    chosen and still free when claimed (one taken meanwhile: the next)."""
    while True:
        target = free_file_name(folder, stem, result.suffix, taken)
        try:
            _copy(result, target, claim=True)
        except FileExistsError:
            continue
        return target
