"""The one scheduler: jobs waiting to be prepared and sent, in queues served in turn.

Each batch has its own queue, and single jobs (a product image, a description
asked for on its own) share one. The queues take turns: a product image asked
for while a 100-try-on batch is being sent is the next job a worker takes, not
the 101st. Within a queue, order comes from sequence numbers given when a job is
queued, never from the clock.

Pausing a batch stops its sending, not its preparing: of a paused queue only the
jobs still to be prepared are handed out (to be prepared and put back, waiting), so
that what waits is ready, kept in the history and sent at once on Resume, even
after a restart; nothing else waits for a paused batch. A job waiting in a queue
occupies no thread: workers take jobs only when there is one they may run, and
otherwise wait for one to be queued. After a 429 the service's wait holds every
queue (``hold_for``); workers wait for it without holding any job, so a job
cancelled meanwhile is simply taken out of its queue.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aurax_desktop.workers import lower_priority

log = logging.getLogger(__name__)

Prepare = Callable[..., dict[str, Any]]
"""Prepares a job's files in its folder; the parameters to keep (None: prepared)."""
SINGLE = ""
"""The queue of jobs that belong to no batch."""


@dataclass(frozen=True)
class Queued:
    """A job waiting its turn."""

    job_id: str
    batch: str | None
    sequence: int
    prepare: Prepare | None = field(default=None, compare=False)
    attempt: int = 1
    """How many times it has been handed out to be sent (a 429 hands it out again)."""

    @property
    def queue(self) -> str:
        return self.batch if self.batch is not None else SINGLE


class Scheduler:
    """Hands queued jobs to ``run`` on ``workers`` threads, the queues in turn."""

    def __init__(
        self, run: Callable[[Queued], None], *, workers: int = 2, name: str = "aurax-send"
    ) -> None:
        self._run = run
        self._name = name
        self._condition = threading.Condition()
        self._queues: OrderedDict[str, deque[Queued]] = OrderedDict()
        self._paused: dict[str, str | None] = {}
        """Paused batches, with why when AuraX paused it (None: the user did)."""
        self._sequence = itertools.count(1)
        self._held_until = 0.0
        self._closed = False
        self._wanted = max(1, workers)
        self._threads: list[threading.Thread] = []
        self._start_workers()

    # Queueing

    def next_sequence(self) -> int:
        with self._condition:
            return next(self._sequence)

    def put(self, job_id: str, batch: str | None, prepare: Prepare | None) -> Queued:
        """Queue a job at the end of its batch's queue; what was queued."""
        with self._condition:
            entry = Queued(job_id, batch, next(self._sequence), prepare)
            self._queue_of(entry.queue).append(entry)
            self._condition.notify()
        return entry

    def put_back(self, entry: Queued) -> None:
        """A job handed out and not sent (its batch was paused meanwhile, or AuraX said
        to slow down) goes back to its place: before those queued after it."""
        with self._condition:
            queue = self._queue_of(entry.queue)
            place = next((i for i, e in enumerate(queue) if e.sequence > entry.sequence), None)
            if place is None:
                queue.append(entry)
            else:
                queue.insert(place, entry)
            self._condition.notify()

    def _queue_of(self, name: str) -> deque[Queued]:
        queue = self._queues.get(name)
        if queue is None:
            queue = self._queues[name] = deque()
        return queue

    def remove(self, job_ids: set[str]) -> list[Queued]:
        """Take these jobs out of their queues (they will not be sent); those found."""
        removed: list[Queued] = []
        with self._condition:
            for name, queue in list(self._queues.items()):
                kept = deque(e for e in queue if e.job_id not in job_ids)
                removed += [e for e in queue if e.job_id in job_ids]
                self._queues[name] = kept
            self._tidy()
        return removed

    def remove_batch(self, batch: str) -> list[Queued]:
        """Take every queued job of ``batch`` out; those found."""
        with self._condition:
            queue = self._queues.pop(batch, deque())
        return list(queue)

    def pause(self, batch: str, *, paused: bool, reason: str | None = None) -> bool:
        """Pause (with why, when it is not the user's doing) or resume ``batch``; True
        when that changed its state or its reason."""
        with self._condition:
            if paused:
                changed = batch not in self._paused or self._paused[batch] != reason
                self._paused[batch] = reason
            else:
                changed = batch in self._paused
                self._paused.pop(batch, None)
            self._condition.notify_all()
            return changed

    def is_paused(self, batch: str | None) -> bool:
        with self._condition:
            return batch is not None and batch in self._paused

    def paused(self) -> dict[str, str | None]:
        """The paused batches, each with why AuraX paused it (None: the user did)."""
        with self._condition:
            return dict(self._paused)

    def hold_for(self, seconds: float) -> None:
        """Hand nothing out for ``seconds`` (AuraX asked to slow down)."""
        with self._condition:
            self._held_until = max(self._held_until, time.monotonic() + seconds)

    def held_for(self) -> float:
        with self._condition:
            return max(0.0, self._held_until - time.monotonic())

    def waiting(self, batch: str | None = None) -> list[str]:
        """The ids of queued jobs (of ``batch`` when given), in the order they would go."""
        with self._condition:
            if batch is not None:
                return [e.job_id for e in self._queues.get(batch, ())]
            return [e.job_id for queue in self._queues.values() for e in queue]

    def holds(self, job_id: str) -> bool:
        """Whether the job waits in a queue."""
        with self._condition:
            return any(e.job_id == job_id for queue in self._queues.values() for e in queue)

    # Workers

    def set_workers(self, workers: int) -> None:
        """Prepare and send ``workers`` jobs at once from now on (extra workers end once
        their job is done)."""
        with self._condition:
            self._wanted = max(1, workers)
            self._condition.notify_all()
        self._start_workers()

    def _start_workers(self) -> None:
        with self._condition:
            self._threads = [t for t in self._threads if t.is_alive()]
            missing = self._wanted - len(self._threads)
            for _ in range(max(0, missing)):
                thread = threading.Thread(
                    target=self._work, name=f"{self._name}-{len(self._threads)}", daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def _next(self) -> Queued | None:
        """The next job to hand out, the queues in turn (None: none may go now). Called
        with the condition held."""
        for name, queue in self._queues.items():
            if not queue:
                continue
            if name not in self._paused:
                entry = queue.popleft()
            else:  # paused: only what is still to be prepared (it is not sent)
                unprepared = next((e for e in queue if e.prepare is not None), None)
                if unprepared is None:
                    continue
                queue.remove(unprepared)
                entry = unprepared
            self._queues.move_to_end(name)  # the other queues go first next time
            self._tidy()
            return entry
        return None

    def _tidy(self) -> None:
        for name in [n for n, q in self._queues.items() if not q]:
            del self._queues[name]

    def _work(self) -> None:
        lower_priority()
        while True:
            with self._condition:
                entry = None
                while not self._closed:
                    if self._surplus():
                        self._threads.remove(threading.current_thread())
                        return
                    held = self._held_until - time.monotonic()
                    entry = self._next() if held <= 0 else None
                    if entry is not None:
                        break
                    self._condition.wait(held if held > 0 else None)
                if self._closed or entry is None:
                    return
            try:
                self._run(entry)
            except Exception:  # run() ends its jobs itself; this is a last resort
                log.exception("Sending job %s failed unexpectedly", entry.job_id)

    def _surplus(self) -> bool:
        alive = [t for t in self._threads if t.is_alive()]
        return len(alive) > self._wanted

    def close(self) -> list[Queued]:
        """Stop handing jobs out and wait for the workers' current jobs to end; what was
        still queued (never sent)."""
        with self._condition:
            self._closed = True
            left = [e for queue in self._queues.values() for e in queue]
            self._queues.clear()
            self._condition.notify_all()
            threads = list(self._threads)
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join()
        return left
