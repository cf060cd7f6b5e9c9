"""The one scheduler: queues per batch served in turn, order by sequence numbers, paused
queues left out without holding a thread, and (against the demo server) a product
image asked for while a batch is paused, or while a long batch is being sent, that
goes at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from aurax_desktop.api import ProductType
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import GenerationInput, JobStatus, TryOnBatchInput
from aurax_desktop.jobs.scheduler import Queued, Scheduler
from tests.factories import garment_jpeg, person_jpeg
from tests.jobs.conftest import Factory


class Taken:
    """What a scheduler handed out, in order; each job holds its worker until let go."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.condition = threading.Condition()
        self.release = threading.Event()

    def __call__(self, entry: Queued) -> None:
        with self.condition:
            self.order.append(entry.job_id)
            self.condition.notify_all()
        self.release.wait(10)

    def wait_for(self, count: int) -> list[str]:
        with self.condition:
            assert self.condition.wait_for(lambda: len(self.order) >= count, timeout=10)
            return list(self.order)


def test_queues_take_turns_and_keep_their_order() -> None:
    taken = Taken()
    scheduler = Scheduler(taken, workers=1)
    scheduler.put("start", None, None)  # holds the one worker while the rest is queued
    taken.wait_for(1)
    for n in range(4):
        scheduler.put(f"a{n}", "batch-a", None)
    for n in range(2):
        scheduler.put(f"b{n}", "batch-b", None)
    scheduler.put("single", None, None)
    taken.release.set()
    order = taken.wait_for(8)
    scheduler.close()
    assert order[0] == "start"
    # a, b and the single jobs in turn; each queue in the order it was filled
    assert order[1:5] == ["a0", "b0", "single", "a1"]
    assert [j for j in order if j.startswith("a")] == ["a0", "a1", "a2", "a3"]
    assert [j for j in order if j.startswith("b")] == ["b0", "b1"]


def test_a_paused_queue_holds_no_thread_and_delays_nothing_else() -> None:
    taken = Taken()
    taken.release.set()
    scheduler = Scheduler(taken, workers=1)
    scheduler.pause("batch", paused=True)
    for n in range(3):
        scheduler.put(f"batch-{n}", "batch", None)
    scheduler.put("single", None, None)
    assert taken.wait_for(1) == ["single"]
    # the batch's queue comes before the single jobs' in the turns now: had its jobs
    # been handed out, the first would come before this one
    scheduler.put("probe", None, None)
    assert taken.wait_for(2) == ["single", "probe"]
    assert scheduler.waiting("batch") == ["batch-0", "batch-1", "batch-2"]
    assert scheduler.remove({"batch-1"})[0].job_id == "batch-1"
    scheduler.pause("batch", paused=False)
    assert taken.wait_for(4)[2:] == ["batch-0", "batch-2"]
    scheduler.close()


def test_a_job_put_back_keeps_its_place_and_a_hold_holds_every_queue() -> None:
    taken = Taken()
    taken.release.set()
    scheduler = Scheduler(taken, workers=1)
    scheduler.pause("batch", paused=True)
    first = scheduler.put("first", "batch", None)
    scheduler.put("second", "batch", None)
    assert scheduler.remove({"first"}) == [first]
    scheduler.put_back(first)
    assert scheduler.waiting("batch") == ["first", "second"]
    scheduler.hold_for(0.5)
    scheduler.pause("batch", paused=False)
    started = time.monotonic()
    taken.wait_for(1)
    assert time.monotonic() - started >= 0.4  # nothing before the hold ended
    assert taken.wait_for(2) == ["first", "second"]
    scheduler.close()


def test_close_returns_what_was_never_handed_out_and_ends_the_workers() -> None:
    taken = Taken()
    scheduler = Scheduler(taken, workers=2, name="closing-test")
    scheduler.put("a", None, None)
    scheduler.put("b", None, None)
    taken.wait_for(2)  # both workers hold a job
    scheduler.put("c", None, None)
    taken.release.set()
    left = scheduler.close()
    assert [e.job_id for e in left] in ([], ["c"])
    assert not [t for t in threading.enumerate() if t.name.startswith("closing-test")]


def batch_input(count: int) -> TryOnBatchInput:
    people = (person_jpeg((400, 600)),)
    garments = tuple(garment_jpeg() for _ in range(count))
    return TryOnBatchInput(people, garments, ProductType.GARMENT, name="Paused batch")


def posts(server: DemoServer, path: str) -> int:
    return int(server.stats()["requests"].get(f"POST {path}", 0))


def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_a_product_image_asked_for_while_a_batch_is_paused_goes_at_once(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    server = demo_factory(task_seconds=0.3, latency=0.3)
    runner, _, _ = runner_factory(server, max_prepare=1)
    sent = runner.submit_try_on_batch(batch_input(8))
    assert wait_until(lambda: posts(server, "/api/ai/vto") >= 1, 20)
    runner.pause_batch(sent.batch)
    asked = time.monotonic()
    generation = runner.submit_generation(GenerationInput("a red bag", ProductType.BAG, 64, 64))
    assert wait_until(lambda: posts(server, "/api/ai/image-generation") == 1, 2.0)
    assert time.monotonic() - asked <= 2.0
    # the batch settles: what was sent before the pause ends, the rest waits, prepared
    settled = runner.wait(sent.job_ids, timeout=60)
    waiting = [j for j in settled if j.status is JobStatus.WAITING]
    assert waiting and all(j.task_id is None for j in waiting)
    assert posts(server, "/api/ai/vto") == len(settled) - len(waiting)  # none more sent
    assert runner.wait([generation], timeout=20)[0].status is JobStatus.COMPLETED
    runner.pause_batch(sent.batch, paused=False)
    jobs = runner.wait(sent.job_ids, timeout=60)
    assert [j.status for j in jobs] == [JobStatus.COMPLETED] * 8
    assert posts(server, "/api/ai/vto") == 8  # each sent once


def test_a_product_image_goes_while_a_long_batch_is_being_sent(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    server = demo_factory(task_seconds=0.2, latency=0.3)
    runner, _, _ = runner_factory(server, max_prepare=2)
    sent = runner.submit_try_on_batch(batch_input(30))
    assert wait_until(lambda: posts(server, "/api/ai/vto") >= 2, 20)
    asked = time.monotonic()
    runner.submit_generation(GenerationInput("a blue bag", ProductType.BAG, 64, 64))
    assert wait_until(lambda: posts(server, "/api/ai/image-generation") == 1, 2.0)
    assert time.monotonic() - asked <= 2.0
    assert posts(server, "/api/ai/vto") < 30  # it did not wait for the batch to be sent
    runner.cancel_unsent(sent.batch)
    runner.wait(sent.job_ids, timeout=60)
