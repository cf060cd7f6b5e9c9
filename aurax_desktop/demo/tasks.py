"""The demo server's tasks: each moves IN_QUEUE -> PROCESSING -> COMPLETED (or FAILED)
over the configured time, and every change wakes whoever waits on it (the streams)."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from aurax_desktop.workers import background_pool

Render = Callable[[], tuple[bytes, str]]
"""Makes a task's result image: (bytes, MIME type)."""

FAILURE_MESSAGE = (
    "Simulated failure: the demo server was started with --fail-rate and failed this task."
)


@dataclass
class DemoTask:
    id: str
    kind: str
    created: float
    received: dict[str, Any]
    fail: bool
    status: str = "IN_QUEUE"
    image_id: str | None = None
    error_messages: list[str] = field(default_factory=list)
    version: int = 0
    finished_at: float | None = None
    """Wall-clock time the task reached its final state (for latency measurements)."""
    render: Future[tuple[bytes, str]] | None = None
    images_named: int = 1
    """How many images its output names (more than one only under a fault)."""

    def _output(self) -> dict[str, Any] | None:
        if not self.image_id:
            return None
        if self.images_named <= 1:
            return {"imageId": self.image_id}
        return {"imageIds": [f"{self.image_id}-{n}" for n in range(1, self.images_named + 1)]}

    @property
    def terminal(self) -> bool:
        return self.status in ("COMPLETED", "FAILED")

    def as_status(self) -> dict[str, Any]:
        """The task as the status endpoint spells it."""
        return {
            "id": self.id,
            "status": self.status,
            "output": self._output(),
            "errorMessages": list(self.error_messages) if self.error_messages else None,
        }

    def as_event(self) -> dict[str, Any]:
        """The task as the stream spells it (PENDING, errorMessage)."""
        return {
            "id": self.id,
            "status": "PENDING" if self.status == "IN_QUEUE" else self.status,
            "output": self._output(),
            "errorMessage": list(self.error_messages) if self.error_messages else None,
        }

    def as_record(self) -> dict[str, Any]:
        """Everything the demo knows about the task, for ``/_demo/tasks``."""
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "created": self.created,
            "imageId": self.image_id,
            "errorMessages": list(self.error_messages),
            "finishedAt": self.finished_at,
            "received": self.received,
        }


class TaskBoard:
    """All tasks and images of one demo server, and the clock that moves them."""

    def __init__(self, task_seconds: float) -> None:
        self.task_seconds = task_seconds
        self.changed = threading.Condition()
        self.stopping = threading.Event()
        self._tasks: dict[str, DemoTask] = {}
        self._images: dict[str, tuple[bytes, str]] = {}
        self._renderers = background_pool(2, "demo-render")
        self._clock = threading.Thread(target=self._run_clock, name="demo-clock", daemon=True)
        self._clock.start()

    def create(
        self,
        kind: str,
        received: dict[str, Any],
        render: Render,
        *,
        fail: bool,
        images_named: int = 1,
    ) -> DemoTask:
        task = DemoTask(
            id=uuid.uuid4().hex,
            kind=kind,
            created=time.monotonic(),
            received=received,
            fail=fail,
            images_named=images_named,
        )
        if not fail:
            task.render = self._renderers.submit(render)
            task.render.add_done_callback(lambda _f: self._poke())
        with self.changed:
            self._tasks[task.id] = task
            self.changed.notify_all()
        return task

    def get(self, task_id: str) -> DemoTask | None:
        with self.changed:
            return self._tasks.get(task_id)

    def records(self) -> list[dict[str, Any]]:
        with self.changed:
            tasks = sorted(self._tasks.values(), key=lambda t: t.created)
            return [t.as_record() for t in tasks]

    def image(self, image_id: str) -> tuple[bytes, str] | None:
        """An image by its id (or one of the names a many-images task gives it)."""
        with self.changed:
            found = self._images.get(image_id)
            if found is None and "-" in image_id:
                found = self._images.get(image_id.rsplit("-", 1)[0])
            return found

    def count(self) -> int:
        with self.changed:
            return len(self._tasks)

    def wait_for_change(self, task: DemoTask, seen_version: int, timeout: float) -> None:
        """Block until ``task`` moves past ``seen_version``, the timeout, or shutdown."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while task.version == seen_version and not self.stopping.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return
                self.changed.wait(remaining)

    def stop(self) -> None:
        self.stopping.set()
        self._poke()
        self._clock.join(timeout=5)
        self._renderers.shutdown(wait=True, cancel_futures=True)

    def _poke(self) -> None:
        with self.changed:
            self.changed.notify_all()

    def _run_clock(self) -> None:
        with self.changed:
            while not self.stopping.is_set():
                next_due = self._advance(time.monotonic())
                self.changed.wait(None if next_due is None else max(0.001, next_due))

    def _advance(self, now: float) -> float | None:
        """Move every due task on; the seconds until the next one is due (None: idle)."""
        soonest: float | None = None
        moved = False
        for task in self._tasks.values():
            if task.terminal:
                continue
            age = now - task.created
            start_at = self.task_seconds * 0.25
            if task.status == "IN_QUEUE" and age >= start_at:
                task.status = "PROCESSING"
                task.version += 1
                moved = True
            if task.status == "PROCESSING" and age >= self.task_seconds:
                moved |= self._finish(task)
            if not task.terminal:
                due = (start_at if task.status == "IN_QUEUE" else self.task_seconds) - age
                if task.status == "PROCESSING" and age >= self.task_seconds:
                    due = 0.05  # waiting for the render to finish: its callback wakes us
                soonest = due if soonest is None else min(soonest, due)
        if moved:
            self.changed.notify_all()
        return soonest

    def _finish(self, task: DemoTask) -> bool:
        if task.fail:
            task.status = "FAILED"
            task.error_messages = [FAILURE_MESSAGE]
        else:
            assert task.render is not None
            if not task.render.done():
                return False
            try:
                data, mime = task.render.result()
            except Exception as exc:
                task.status = "FAILED"
                task.error_messages = [f"The demo server could not make the image: {exc}"]
            else:
                image_id = uuid.uuid4().hex
                self._images[image_id] = (data, mime)
                task.image_id = image_id
                task.status = "COMPLETED"
            task.render = None
        task.finished_at = time.time()
        task.version += 1
        return True
