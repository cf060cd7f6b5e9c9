"""A batch of try-ons: every person photo with every garment photo, one job each.

The jobs of a batch share its id; each knows its place in the grid (people in rows,
garments in columns) and the batch's name, for the gallery and the lookbook.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from aurax_desktop.api import COST_PRODUCT_DESCRIPTION, COST_TRY_ON, ProductType
from aurax_desktop.formats import format_datetime
from aurax_desktop.jobs.inputs import ImageInput, TryOnInput
from aurax_desktop.jobs.model import Job, JobKind
from aurax_desktop.jobs.store import JobQuery, JobStore
from aurax_desktop.translation import _

if TYPE_CHECKING:
    from PIL import Image


def default_batch_name(now: float | None = None) -> str:
    """A new batch's name, until the user gives one: when it was made, as the language
    spoken now writes a moment ("Try-ons 6 Dec 2026, 14:05")."""
    moment = dt.datetime.fromtimestamp(time.time() if now is None else now)
    # Translators: a batch's name until the user gives one; {moment} is a day and a time.
    return _("Try-ons {moment}").format(moment=format_datetime(moment, "medium"))


PersonMasks = Mapping[str, "Image.Image"]
"""A person's masks by product type ("DRESS" -> its area): a mask belongs to a person
and a type, and goes only with that person's try-ons of that type."""


@dataclass(frozen=True)
class TryOnBatchInput:
    people: tuple[ImageInput, ...]
    garments: tuple[ImageInput, ...]
    product_type: ProductType = ProductType.GARMENT
    garment_strength: int = 2
    masks: tuple[PersonMasks, ...] = ()
    """One per person photo: its masks by product type (none for a type: none sent)."""
    prompt: str | None = None
    run_with_prompt: bool = False
    name: str = field(default_factory=default_batch_name)
    garment_types: tuple[ProductType | None, ...] = ()
    """One per garment photo, when each garment has its own type (else ``product_type``)."""
    garment_details: tuple[Mapping[str, str], ...] = ()
    """One per garment photo: what a season's list says of it (SKU, name, price, colour),
    kept with each of its try-ons."""
    derived_from: tuple[str | None, ...] = ()
    """One per person photo: the job whose result it is (an outfit built step by step)."""
    describe_garments: bool = False
    """Also describe each garment once (for the line sheet), in the same batch."""
    person_names: tuple[str | None, ...] = ()
    """One per person photo: the name a people list gives them (None: none given)."""

    def type_of(self, column: int) -> ProductType:
        chosen = self.garment_types[column] if column < len(self.garment_types) else None
        return chosen or self.product_type

    def person_name(self, row: int) -> str | None:
        named = self.person_names[row] if row < len(self.person_names) else None
        return " ".join(named.split()) or None if named else None

    def details_of(self, column: int) -> dict[str, str]:
        return dict(self.garment_details[column]) if column < len(self.garment_details) else {}

    @property
    def count(self) -> int:
        return len(self.people) * len(self.garments)

    @property
    def cost(self) -> float:
        """The try-ons, and the garments' descriptions when asked for."""
        described = len(self.garments) * COST_PRODUCT_DESCRIPTION if self.describe_garments else 0
        return COST_TRY_ON * self.count + described

    def pairs(self) -> list[tuple[int, int, TryOnInput]]:
        """(row, column, request) for every person (row) and garment (column)."""
        found = []
        for row, person in enumerate(self.people):
            masks = self.masks[row] if row < len(self.masks) else {}
            for column, garment in enumerate(self.garments):
                kind = self.type_of(column)
                mask = masks.get(kind.value)
                found.append(
                    (
                        row,
                        column,
                        TryOnInput(
                            person,
                            garment,
                            kind,
                            self.garment_strength,
                            mask,
                            self.prompt,
                            self.run_with_prompt,
                        ),
                    )
                )
        return found

    def check(self) -> None:
        """The rules, before any job exists (``InvalidRequestError``, ``ValueError``)."""
        if not self.people or not self.garments:
            raise ValueError(_("A batch needs at least one person photo and one garment photo."))
        for _row, _column, request in self.pairs()[:1]:
            request.check()


@dataclass(frozen=True)
class BatchSent:
    batch: str
    job_ids: tuple[str, ...]
    """The try-ons."""
    descriptions: tuple[str, ...] = ()
    """The garments' descriptions, when asked for."""


def batch_jobs(store: JobStore, batch: str) -> list[Job]:
    """The jobs of a batch, in the order they were made."""
    return sorted(store.query(JobQuery(batch=batch, limit=100_000)), key=lambda j: j.created_at)


def last_try_on_batch(store: JobStore) -> str | None:
    """The newest batch of try-ons (a single try-on is not a batch)."""
    query = JobQuery(kinds=frozenset({JobKind.TRY_ON}), limit=500)
    for offset in range(0, 100_000, query.limit):
        jobs = store.query(replace(query, offset=offset))
        for job in jobs:
            if job.batch is not None:
                return job.batch
        if len(jobs) < query.limit:
            return None
    return None
