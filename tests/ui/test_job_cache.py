"""The window's one job cache: merged by revision, tombstones for deleted jobs, the
user's edits shown before they are saved."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from aurax_desktop.jobs import FAVOURITE, REJECTED, Job, JobKind, JobStatus
from aurax_desktop.ui.common.job_cache import JobCache


def job(revision: int, **changes: object) -> Job:
    made = Job(
        id="a1",
        kind=JobKind.TRY_ON,
        status=JobStatus.PROCESSING,
        product_type="DRESS",
        revision=revision,
    )
    return replace(made, **changes)  # type: ignore[arg-type]


class Heard:
    def __init__(self, cache: JobCache) -> None:
        self.changed: list[Job] = []
        self.removed: list[str] = []
        cache.changed.connect(self.changed.append)
        cache.removed.connect(self.removed.append)


def test_a_newer_revision_replaces_an_older_one_never_the_reverse(qtbot: QtBot) -> None:
    cache = JobCache()
    heard = Heard(cache)
    assert cache.take(job(2, status=JobStatus.QUEUED))
    assert cache.take(job(3, status=JobStatus.COMPLETED))
    assert not cache.take(job(2, status=JobStatus.QUEUED))  # late: ignored
    assert not cache.take(job(3, status=JobStatus.FAILED))  # same revision: the first stays
    found = cache.get("a1")
    assert found is not None and found.status is JobStatus.COMPLETED
    assert [j.revision for j in heard.changed] == [2, 3]


def test_a_read_made_before_the_last_event_never_puts_an_older_state_back(
    qtbot: QtBot,
) -> None:
    cache = JobCache()
    heard = Heard(cache)
    cache.take(job(5, status=JobStatus.COMPLETED))
    shown = cache.absorb([job(4, status=JobStatus.PROCESSING)])
    assert [j.status for j in shown] == [JobStatus.COMPLETED]
    newer = cache.absorb([job(6, mark=FAVOURITE, status=JobStatus.COMPLETED)])
    assert newer[0].mark == FAVOURITE
    assert [j.revision for j in heard.changed] == [5, 6]  # the newer read is announced


def test_a_job_deleted_for_good_never_comes_back(qtbot: QtBot) -> None:
    cache = JobCache()
    heard = Heard(cache)
    cache.take(job(1))
    cache.drop("a1")
    assert heard.removed == ["a1"] and cache.get("a1") is None and "a1" not in cache
    assert not cache.take(job(9, status=JobStatus.COMPLETED))  # a late event
    assert cache.absorb([job(9, status=JobStatus.COMPLETED)]) == []  # a late read
    assert cache.get("a1") is None and cache.is_gone("a1")
    assert len(heard.changed) == 1  # only the first take


def test_an_edit_shows_at_once_and_holds_until_its_saves_end(qtbot: QtBot) -> None:
    cache = JobCache()
    heard = Heard(cache)
    cache.take(job(1))
    cache.expect(["a1"], mark=FAVOURITE)
    cache.expect(["a1"], mark=REJECTED)  # a second key press sees the first
    assert cache.get("a1").mark == REJECTED  # type: ignore[union-attr]
    cache.take(job(2, mark=FAVOURITE))  # the first save's event
    assert cache.get("a1").mark == REJECTED  # type: ignore[union-attr]  # still expected
    cache.settle(["a1"])
    assert cache.get("a1").mark == REJECTED  # type: ignore[union-attr]
    cache.take(job(3, mark=REJECTED))
    cache.settle(["a1"])
    assert cache.get("a1").mark == REJECTED  # type: ignore[union-attr]
    assert heard.changed[-1].mark == REJECTED


def test_an_edit_that_was_not_saved_shows_the_job_as_it_is(qtbot: QtBot) -> None:
    cache = JobCache()
    heard = Heard(cache)
    cache.take(job(1))
    cache.expect(["a1"], stars=4)
    assert cache.get("a1").stars == 4  # type: ignore[union-attr]
    cache.settle(["a1"])  # refused (a read-only history): no event came
    assert cache.get("a1").stars == 0  # type: ignore[union-attr]
    assert heard.changed[-1].stars == 0
