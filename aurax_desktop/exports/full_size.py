"""A batch's results at full size, in a folder, named by a template.

The template's fields are ``{sku}``, ``{name}`` (the garment's), ``{person}`` and
``{garment}`` (the photos' file names without their extensions), ``{type}`` and
``{n}`` (1, 2, ...). Names are made safe, unique and never longer than the file
system allows (``jobs.naming``). An existing file is never replaced unless asked.
"""

from __future__ import annotations

import shutil
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from aurax_desktop.jobs import Job
from aurax_desktop.jobs.garments import SKU, garment_label
from aurax_desktop.jobs.naming import fitted, free_file_name, safe_stem

FIELDS = ("sku", "name", "person", "garment", "type", "n")
DEFAULT_TEMPLATE = "{person}__{garment}"


class TemplateError(ValueError):
    """The template names a field there is not, or is not a template."""


def check_template(template: str) -> None:
    try:
        names = [name for _text, name, _spec, _conv in string.Formatter().parse(template)]
    except ValueError as exc:
        raise TemplateError(f"“{template}” is not a name template ({exc}).") from None
    unknown = sorted({n for n in names if n is not None and n not in FIELDS})
    if unknown:
        fields = ", ".join("{" + f + "}" for f in FIELDS)
        raise TemplateError(f"{', '.join(unknown)}: not a field; use {fields}.")
    if not any(names):
        raise TemplateError("the template names no field: every file would have one name.")


def name_of(job: Job, template: str, number: int) -> str:
    """The stem the template makes for ``job`` (made safe)."""
    values = {
        "sku": str(job.params.get(SKU) or ""),
        "name": garment_label(job.params),
        "person": PurePath(job.source_name or "person").stem,
        "garment": PurePath(str(job.params.get("garment_name") or "garment")).stem,
        "type": job.product_type.capitalize(),
        "n": str(number),
    }
    return safe_stem(template.format(**values))


@dataclass
class Exported:
    written: list[Path] = field(default_factory=list)
    existing: list[Path] = field(default_factory=list)
    """Files that were there already, not replaced (nothing asked to replace them)."""
    failed: list[str] = field(default_factory=list)


def export_results(
    jobs: Iterable[Job], folder: Path, template: str = DEFAULT_TEMPLATE, *, force: bool = False
) -> Exported:
    """Copy each job's result as it came (full size) into ``folder``. A name the
    template gives twice gets "-2"; one naming a file already there is replaced only
    with ``force``. Failing to copy one never stops the others."""
    check_template(template)
    folder.mkdir(parents=True, exist_ok=True)
    done = Exported()
    taken: set[str] = set()
    for number, job in enumerate(jobs, start=1):
        if not job.result_paths:
            continue
        result = job.result_paths[0]
        stem = name_of(job, template, number)
        target = folder / fitted(stem, result.suffix)
        if target.name.casefold() in taken:
            target = free_file_name(folder, stem, result.suffix, taken)
        elif target.exists() and not force:
            done.existing.append(target)
            continue
        taken.add(target.name.casefold())
        try:
            temporary = target.with_name(f".{target.name[:32]}.part")
            shutil.copyfile(result, temporary)
            temporary.replace(target)
        except OSError as exc:
            done.failed.append(f"{target.name}: {exc.strerror or exc}")
            continue
        done.written.append(target)
    return done
