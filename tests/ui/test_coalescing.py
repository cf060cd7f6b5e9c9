"""Work that lands on the GUI thread is gathered, not done once per event: the bridge
takes every job event queued by worker threads in one wake-up, in order; the Gallery's
grid shows a burst of changes as one update at the next frame; the user's own edit
(a flag, stars) shows at once; a view's coalesced update never runs after it closed;
a closed batch of a thousand try-ons is one row of the Jobs list, inserted at once."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from aurax_desktop.jobs import FAVOURITE, Job, JobKind, JobStatus, JobUpdated
from aurax_desktop.jobs.params import Sent, TryOnParams, encode
from aurax_desktop.ui.common.bridge import JobBridge
from aurax_desktop.ui.common.coalesce import Coalesced
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.gallery.model import GalleryModel
from aurax_desktop.ui.jobs.groups import GroupSummary
from aurax_desktop.ui.jobs.model import GroupRole, JobListModel

SIDE = 10


def _job(row: int, column: int, status: JobStatus = JobStatus.PROCESSING) -> Job:
    return Job(
        id=f"job-{row}-{column}",
        kind=JobKind.TRY_ON,
        status=status,
        product_type="DRESS",
        params=encode(
            TryOnParams(garment_strength=2, garment_name=f"garment-{column}.jpg"),
            Sent(batch_row=row, batch_column=column),
        ),
        source_name=f"person-{row}.jpg",
        batch="batch-1",
        created_at=float(row * SIDE + column),
        revision=1,
    )


def test_events_from_a_worker_reach_the_gui_thread_in_one_wake_up_in_order(
    qtbot: QtBot,
) -> None:
    bridge = JobBridge()
    heard: list[int] = []
    bridge.jobUpdated.connect(lambda job: heard.append(job.revision))
    job = _job(0, 0)

    def send() -> None:
        for revision in range(1, 301):
            bridge(JobUpdated(replace(job, revision=revision)))

    worker = threading.Thread(target=send)
    worker.start()
    worker.join()  # the GUI thread did not turn meanwhile: all 300 wait in the queue
    assert heard == []
    qtbot.waitUntil(lambda: len(heard) == 300)
    assert heard == list(range(1, 301))
    assert bridge.wakeups == 1


def test_a_burst_of_a_batch_s_events_is_one_update_of_the_grid(qtbot: QtBot) -> None:
    cache = JobCache()
    model = GalleryModel(cache, lambda _work, _done: None)
    jobs = [_job(row, column) for row in range(SIDE) for column in range(SIDE)]
    model.show_batch("batch-1", jobs)
    updates: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda first, last, _roles=(): updates.append(
            (first.row(), first.column(), last.row(), last.column())
        )
    )
    for job in jobs:  # a hundred events in one turn of the event loop
        cache.take(replace(job, status=JobStatus.COMPLETED, revision=2))
    assert updates == []  # not one update per event
    with qtbot.waitSignal(model.dataChanged):
        pass
    assert updates == [(0, 0, SIDE - 1, SIDE - 1)]
    assert model.counts()["done"] == SIDE * SIDE


def test_a_new_variant_and_a_new_row_heard_in_one_burst_reset_the_grid_once(
    qtbot: QtBot,
) -> None:
    cache = JobCache()
    model = GalleryModel(cache, lambda _work, _done: None)
    model.show_batch("batch-1", [_job(0, 0), _job(0, 1)])
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    again = replace(_job(0, 0), id="again-0-0", created_at=50.0)
    cache.take(again)  # a variant of a shown cell
    cache.take(_job(1, 0))  # a row more
    cache.take(_job(1, 1))
    qtbot.waitUntil(lambda: resets != [])
    assert resets == [2]
    assert [job.id for job in model.variants(model.index(0, 0))] == ["job-0-0", "again-0-0"]
    assert model.job_at(model.index(1, 1)) is not None


def test_the_user_s_own_edit_shows_at_once(qtbot: QtBot) -> None:
    cache = JobCache()
    model = GalleryModel(cache, lambda _work, _done: None)
    jobs = [_job(0, column) for column in range(3)]
    model.show_batch("batch-1", jobs)
    updates: list[tuple[int, int]] = []
    model.dataChanged.connect(
        lambda first, _last, _roles=(): updates.append((first.row(), first.column()))
    )
    cache.expect([jobs[2].id], mark=FAVOURITE)  # F pressed on the third cell
    assert updates == [(0, 2)]
    job = model.job_at(model.index(0, 2))
    assert job is not None and job.mark == FAVOURITE


def test_many_asks_run_the_action_once_and_none_after_it_stopped(qtbot: QtBot) -> None:
    owner = QObject()
    ran: list[int] = []
    once = Coalesced(lambda: ran.append(1), owner)
    for _ in range(50):
        once.ask()
    qtbot.waitUntil(lambda: ran == [1])
    assert once.runs == 1 and not once.pending
    once.ask()
    once.stop()
    once.ask()
    assert not once.pending  # a closed view starts no timer


def test_a_batch_of_a_thousand_is_one_insertion_and_one_row_until_opened(
    qtbot: QtBot,
) -> None:
    cache = JobCache()
    model = JobListModel(cache)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    batch = [_job(n // 40, n % 40, JobStatus.QUEUED) for n in range(1000)]
    for job in batch:
        cache.take(job)
    model.flush()
    assert inserted == [(0, 0)]  # one insertion; the closed batch is one row
    assert model.rowCount() == 1 and len(model.jobs()) == 1000
    assert {model.row_of(job.id) for job in batch} == {0}  # its entry shows each try-on
    entry = model.index(0).data(GroupRole)
    assert entry is not None and entry.folded and entry.count == 1000
    model.set_expanded(entry.group, expanded=True)
    assert model.rowCount() == 1000 and inserted[-1] == (1, 999)
    model.set_expanded(entry.group, expanded=False)
    assert model.rowCount() == 1
    model.stop_timers()


def test_a_long_queue_of_events_lets_the_event_loop_turn_between_slices(
    qtbot: QtBot,
) -> None:
    """Sending 10,000 looks queues 10,000 events at once: they are handed on in slices
    of a few milliseconds, in order, and timers (a repaint, a key) run between them."""
    bridge = JobBridge()
    heard: list[int] = []
    ticks_between: list[int] = []
    ticks = [0]

    def hear(job: Job) -> None:
        if not ticks_between or ticks[0] != ticks_between[-1]:  # the loop turned since
            ticks_between.append(ticks[0])
        heard.append(job.revision)
        time.sleep(0.0002)  # what a view does for each (a slot or two)

    bridge.jobUpdated.connect(hear)
    beat = QTimer()
    beat.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    beat.start(0)
    job = _job(0, 0)
    worker = threading.Thread(
        target=lambda: [bridge(JobUpdated(replace(job, revision=n))) for n in range(1, 2001)]
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(heard) == 2000, timeout=10_000)
    beat.stop()
    assert heard == list(range(1, 2001))
    assert bridge.wakeups > 5  # 2,000 x 0.2 ms: about 400 ms, in slices
    assert len(ticks_between) > 5  # the event loop turned between them


def test_a_closed_batch_s_counts_follow_its_jobs_without_walking_it_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch's entry counts its done and running try-ons as each job moves on; the
    batch is walked once when it lands, not again for each change heard (walking 10,000
    try-ons for every frame of changes stalled the window)."""
    cache = JobCache()
    model = JobListModel(cache)
    batch = [_job(n // 20, n % 20, JobStatus.QUEUED) for n in range(400)]
    for job in batch:
        cache.take(job)
    model.flush()
    walks: list[int] = []
    real = GroupSummary.__init__

    def counted(summary: GroupSummary, group: str, members: list[Job]) -> None:
        walks.append(len(members))
        real(summary, group, members)

    monkeypatch.setattr(GroupSummary, "__init__", counted)
    entry = model.index(0).data(GroupRole)
    assert (entry.done, entry.running) == (0, 400)
    now = list(batch)
    for step, at in enumerate(range(0, 399, 7)):
        status = JobStatus.COMPLETED if step % 3 else JobStatus.FAILED
        now[at] = replace(now[at], status=status, revision=2)
        cache.take(now[at])
        now[at + 1] = replace(now[at + 1], status=JobStatus.PROCESSING, revision=2)
        cache.take(now[at + 1])
        model.flush()
        entry = model.index(0).data(GroupRole)
        done = sum(job.status is JobStatus.COMPLETED for job in now)
        running = sum(not job.status.is_final for job in now)
        assert (entry.done, entry.running, entry.count) == (done, running, 400)
    assert walks == [400]  # once, when first drawn: never again for a change of state
    model.remove_job(batch[5].id)  # its rows change: walked anew
    entry = model.index(0).data(GroupRole)
    assert entry.count == 399 and walks == [400, 399]
    model.stop_timers()
