"""A batch of try-ons: every person photo with every garment photo, one job each.

The jobs of a batch share its id; each knows its place in the grid (people in rows,
garments in columns) and the batch's name, for the gallery and the lookbook.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from PIL import Image

from aurax_desktop.api import COST_TRY_ON, ProductType
from aurax_desktop.jobs.inputs import ImageInput, TryOnInput
from aurax_desktop.jobs.model import Job, JobKind
from aurax_desktop.jobs.store import JobQuery, JobStore


def default_batch_name(now: float | None = None) -> str:
    return time.strftime("Try-ons %d %b %Y %H:%M", time.localtime(now))


@dataclass(frozen=True)
class TryOnBatchInput:
    people: tuple[ImageInput, ...]
    garments: tuple[ImageInput, ...]
    product_type: ProductType = ProductType.GARMENT
    garment_strength: int = 2
    masks: tuple[Image.Image | None, ...] = ()
    """One per person photo (None: no mask for that person)."""
    prompt: str | None = None
    run_with_prompt: bool = False
    name: str = field(default_factory=default_batch_name)
    garment_types: tuple[ProductType | None, ...] = ()
    """One per garment photo, when each garment has its own type (else ``product_type``)."""
    derived_from: tuple[str | None, ...] = ()
    """One per person photo: the job whose result it is (an outfit built step by step)."""

    @property
    def count(self) -> int:
        return len(self.people) * len(self.garments)

    @property
    def cost(self) -> float:
        return COST_TRY_ON * self.count

    def pairs(self) -> list[tuple[int, int, TryOnInput]]:
        """(row, column, request) for every person (row) and garment (column)."""
        found = []
        for row, person in enumerate(self.people):
            mask = self.masks[row] if row < len(self.masks) else None
            for column, garment in enumerate(self.garments):
                chosen = self.garment_types[column] if column < len(self.garment_types) else None
                found.append(
                    (
                        row,
                        column,
                        TryOnInput(
                            person,
                            garment,
                            chosen or self.product_type,
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
            raise ValueError("A batch needs at least one person photo and one garment photo.")
        for _row, _column, request in self.pairs()[:1]:
            request.check()


@dataclass(frozen=True)
class BatchSent:
    batch: str
    job_ids: tuple[str, ...]


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
