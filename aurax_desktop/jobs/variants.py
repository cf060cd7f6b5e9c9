"""Variants: a pair of a batch tried again ("Try again", or a retry) stacks in its cell.

Every job of a batch knows its cell (its person's row, its garment's column). A
cell with several jobs holds variants of one look; one of them stands for the
cell: the one the user chose last (its ``chosen_at``, a field of the user's), else the
newest favourite (a pick stays picked when the pair is tried again: the new result
joins the stack, to be chosen with Up and Down in the loupe), else the newest that
completed, else the newest. That one is shown in the Gallery, and exported and put in
lookbooks and line sheets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aurax_desktop.jobs.model import FAVOURITE, Job, JobKind, JobStatus
from aurax_desktop.jobs.params import sent_of

Cell = tuple[int, int]


def cell_of(job: Job) -> Cell:
    """A batch job's place: (person row, garment column)."""
    sent = sent_of(job.params)
    return (sent.batch_row or 0, sent.batch_column or 0)


def chosen_variant(variants: Sequence[Job]) -> Job | None:
    """The variant that stands for its cell."""
    if not variants:
        return None
    chosen = [j for j in variants if j.chosen_at]
    if chosen:
        return max(chosen, key=lambda j: j.chosen_at or 0.0)
    favourites = [j for j in variants if j.mark == FAVOURITE]
    if favourites:
        return max(favourites, key=lambda j: j.created_at)
    completed = [j for j in variants if j.status is JobStatus.COMPLETED]
    return max(completed or variants, key=lambda j: j.created_at)


def cells(jobs: Iterable[Job]) -> dict[Cell, list[Job]]:
    """A batch's try-ons by cell, each cell's variants oldest first (the garments'
    descriptions made with the batch have no cell)."""
    found: dict[Cell, list[Job]] = {}
    for job in sorted((j for j in jobs if j.kind is JobKind.TRY_ON), key=lambda j: j.created_at):
        found.setdefault(cell_of(job), []).append(job)
    return found


def chosen_looks(jobs: Iterable[Job]) -> list[Job]:
    """The chosen variant of every cell of a batch, row by row, column by column."""
    by_cell = cells(jobs)
    return [job for cell in sorted(by_cell) if (job := chosen_variant(by_cell[cell]))]
