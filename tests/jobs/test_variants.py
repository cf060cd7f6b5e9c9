"""Which variant stands for its cell: the one chosen last, else the newest favourite (a
pick stays picked when its pair is tried again), else the newest completed."""

from __future__ import annotations

from dataclasses import replace

from aurax_desktop.jobs import FAVOURITE, Job, JobKind, JobStatus
from aurax_desktop.jobs.variants import chosen_variant


def _variant(n: int, **changes: object) -> Job:
    job = Job(
        id=f"v{n}",
        kind=JobKind.TRY_ON,
        status=JobStatus.COMPLETED,
        product_type="DRESS",
        params={},
        created_at=float(n),
        updated_at=float(n),
    )
    return replace(job, **changes)  # type: ignore[arg-type]


def test_the_newest_completed_stands_for_its_cell() -> None:
    first, second = _variant(1), _variant(2)
    assert chosen_variant([first, second]) == second
    failed = _variant(3, status=JobStatus.FAILED)
    assert chosen_variant([first, second, failed]) == second


def test_a_favourite_stays_picked_when_its_pair_is_tried_again() -> None:
    picked = _variant(1, mark=FAVOURITE)
    again = _variant(2)
    assert chosen_variant([picked, again]) == picked


def test_the_user_s_choice_comes_first() -> None:
    picked = _variant(1, mark=FAVOURITE)
    chosen = _variant(2, chosen_at=100.0)
    assert chosen_variant([picked, chosen]) == chosen
