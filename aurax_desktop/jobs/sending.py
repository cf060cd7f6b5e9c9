"""Sending a prepared job: the one POST, and the gate that holds submissions after a 429.

A POST is sent once. Its outcome decides the job's state: a task id (queued,
and written to the history before anything else), a description (completed),
a refusal that proves nothing was accepted (failed, nothing charged) or no
usable answer (uncertain: it may have been charged). A 429 is a refusal too:
the gate closes for as long as the service asked, and the job is sent again
once it opens, a few times at most.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from aurax_desktop.api import AuraxClient, ProgressCallback
from aurax_desktop.jobs.inputs import generation_request, try_on_request
from aurax_desktop.jobs.model import Job, JobKind

RATE_LIMITED_ATTEMPTS = 5
"""How many times a submission refused with 429 is sent in all."""
MAX_RETRY_AFTER = 60.0


class SubmissionGate:
    """No submission passes before the moment the service named (after a 429)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._opens_at = 0.0

    def close_for(self, retry_after: float | None) -> None:
        with self._lock:
            until = time.monotonic() + min(retry_after or 1.0, MAX_RETRY_AFTER)
            self._opens_at = max(self._opens_at, until)

    def seconds_left(self) -> float:
        with self._lock:
            return max(0.0, self._opens_at - time.monotonic())

    def wait(self, give_up: Callable[[], bool]) -> bool:
        """Wait until the gate is open; False as soon as ``give_up()`` says so."""
        while True:
            if give_up():
                return False
            pause = self.seconds_left()
            if pause <= 0:
                return True
            time.sleep(min(pause, 0.2))


@dataclass(frozen=True)
class Sent:
    """What a submission gave: a task to follow, or (for a description) the text."""

    task_id: str | None = None
    description: str | None = None


def send(client: AuraxClient, job: Job, progress: ProgressCallback) -> Sent:
    """POST the job's prepared request. Raises the client's errors (``MaybeSentError``
    when the request may have been charged) and ``OSError`` when the prepared files
    cannot be read (then nothing was sent)."""
    folder = job.folder
    if job.kind is JobKind.PRODUCT_DESCRIPTION:
        text = client.describe_product(
            (folder / job.params["image"]).read_bytes(),
            job.product_type,
            filename=job.source_name or "product.jpg",
        )
        return Sent(description=text)
    if job.kind is JobKind.TRY_ON:
        request = try_on_request(folder, job.product_type, job.prompt, job.params)
        return Sent(task_id=client.submit_try_on(request, on_upload_progress=progress))
    generation = generation_request(folder, job.product_type, job.prompt, job.params)
    return Sent(task_id=client.submit_image_generation(generation, on_upload_progress=progress))
