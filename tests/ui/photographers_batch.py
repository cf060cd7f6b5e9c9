"""A batch of finished try-ons written into the history before the window opens, as a
season's shoot leaves it: people in rows, garments in columns, each result with its
thumbnail, its print preview and the person photo it was made from (each picture one
plain colour, so a test can tell on screen which one it sees)."""

from __future__ import annotations

import time
from pathlib import Path

from aurax_desktop.jobs import Job, JobKind, JobStatus, JobStore
from aurax_desktop.jobs.params import Sent, TryOnParams, encode
from aurax_desktop.jobs.results import PRINT_NAME
from tests.factories import jpeg_bytes

BATCH = "season-batch"
PEOPLE = ("SS27-look-anna-maria-santos.jpg", "SS27-look-beatriz-oliveira.jpg")
GARMENTS = (
    "Court sneaker low white leather",
    "Linen midi dress washed sand",
    "Breton top striped navy",
    "Leather tote cognac",
    "Silk scarf print",
    "Denim jacket washed",
    "Pleated skirt olive",
    "Wool coat camel",
)
RESULT = (600, 900)
"""Results are portraits of this size; their print previews half of it."""
PERSON_COLOUR = (40, 90, 200)
"""Every person photo's colour (what "before" shows)."""


def result_colour(row: int, column: int, variant: int = 0) -> tuple[int, int, int]:
    return (200 - 40 * variant, 30 + 20 * row, 20 + 25 * column)


def write_batch(
    people: int = 2, garments: int = 8, *, variants: dict[tuple[int, int], int] | None = None
) -> list[Job]:
    """The batch in the history (its data folder's); ``variants``: cells tried again,
    with how many results each holds in all."""
    store = JobStore()
    made: list[Job] = []
    started = time.time() - 3600
    for row in range(people):
        for column in range(garments):
            count = (variants or {}).get((row, column), 1)
            first: str | None = None
            for variant in range(count):
                job = _job(row, column, variant, started + len(made), retry_of=first)
                first = first or job.id
                _pictures(job, result_colour(row, column, variant))
                made += store.insert([job])
    store.close()
    return made


def _job(row: int, column: int, variant: int, created: float, *, retry_of: str | None) -> Job:
    name = GARMENTS[column]
    params = TryOnParams(garment_strength=2, garment_name=f"{name.lower().replace(' ', '-')}.jpg")
    return Job(
        id=f"r{row}c{column}v{variant}",
        kind=JobKind.TRY_ON,
        status=JobStatus.COMPLETED,
        product_type="DRESS",
        params=encode(params, Sent(batch_row=row, batch_column=column)),
        batch_name="SS27 resort",
        source_name=PEOPLE[row],
        batch=BATCH,
        created_at=created,
        updated_at=created,
        cost=3.0,
        results=("result.jpg",),
        retry_of=retry_of,
        revision=1,
    )


def _pictures(job: Job, colour: tuple[int, int, int]) -> None:
    folder: Path = job.folder
    folder.mkdir(parents=True, exist_ok=True)
    width, height = RESULT
    (folder / "result.jpg").write_bytes(jpeg_bytes(RESULT, colour))
    (folder / PRINT_NAME).write_bytes(jpeg_bytes((width // 2, height // 2), colour))
    (folder / "thumbnail.jpg").write_bytes(jpeg_bytes((256, 384), colour))
    (folder / "person.jpg").write_bytes(jpeg_bytes(RESULT, PERSON_COLOUR))
