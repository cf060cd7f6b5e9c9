"""What the demo server's fault options change: streams that say nothing useful,
downloads that drip, results far larger than usual. For trying the program's
resilience by hand and for tests; all off by default."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Iterator

from PIL import Image, ImageDraw

from aurax_desktop.demo.config import RESULT_FAULTS, STREAM_FAULTS
from aurax_desktop.demo.tasks import DemoTask, TaskBoard

__all__ = [
    "RESULT_FAULTS",
    "SILENT_STREAM_SECONDS",
    "STREAM_FAULTS",
    "damaged_download",
    "dripping",
    "heartbeat",
    "huge_result",
    "task_events",
]

MANY_IMAGES = 200
"""How many images a task names under the ``many-images`` fault."""
SILENT_STREAM_SECONDS = 600.0
"""How long a stream's request is held unanswered under the ``silent`` fault (the
server's stop ends the wait sooner)."""


def heartbeat() -> bytes:
    stamp = int(time.time() * 1000)
    return b"event: heartbeat\ndata: " + json.dumps({"timestamp": stamp}).encode() + b"\n\n"


def task_events(
    board: TaskBoard, task: DemoTask, beat: float, *, drop: bool, fault: str = ""
) -> Iterator[bytes]:
    """The task's SSE stream: its state on connect and on every change, a heartbeat
    every ``beat`` seconds; ``drop`` ends it after the first state; ``fault`` (one of
    ``STREAM_FAULTS``) replaces every state event by something without a status."""
    seen = -1
    next_beat = time.monotonic() + beat
    while not board.stopping.is_set():
        version = task.version
        if version != seen:
            seen = version
            yield _state_event(task, fault)
            if task.terminal and not fault:
                return
            if drop:
                return  # --drop-streams: the connection ends mid-task
        now = time.monotonic()
        if now >= next_beat:
            yield b": still here\n\n" if fault == "comments" else heartbeat()
            next_beat = now + beat
        board.wait_for_change(task, seen, max(0.0, next_beat - time.monotonic()))


def _state_event(task: DemoTask, fault: str) -> bytes:
    if fault == "comments":
        return b": the state is not told on this stream\n\n"
    if fault == "heartbeats":
        return heartbeat()
    if fault == "no-status":
        return b"data: " + json.dumps({"id": task.id, "progress": task.version}).encode() + b"\n\n"
    if fault == "garbage":
        return b"data: <html>not json</html>\n\n"
    return b"data: " + json.dumps(task.as_event()).encode() + b"\n\n"


def dripping(data: bytes, seconds: float, pieces: int = 20) -> Iterator[bytes]:
    """``data`` in ``pieces`` parts spread over ``seconds``."""
    size = max(1, -(-len(data) // pieces))
    pause = seconds / max(1, -(-len(data) // size))
    for start in range(0, len(data), size):
        time.sleep(pause)
        yield data[start : start + size]


def huge_result(side: int) -> Callable[[], tuple[bytes, str]]:
    """A result of ``side`` x ``side`` pixels as a 1-bit PNG (small on disk, large when
    decoded): for trying results far larger than usual."""

    def make() -> tuple[bytes, str]:
        image = Image.new("1", (side, side), 1)
        draw = ImageDraw.Draw(image)
        step = max(8, side // 40)
        for offset in range(0, side, step):
            draw.line((offset, 0, side - 1 - offset, side - 1), fill=0, width=2)
        out = io.BytesIO()
        image.save(out, "PNG", optimize=False)
        return out.getvalue(), "image/png"

    return make


def damaged_download(
    data: bytes, fault: str
) -> tuple[bytes | Iterator[bytes], dict[str, str], str | None]:
    """A result's body, headers and MIME type (None: as it is) under a result fault."""
    if fault == "truncated":
        cut = data[: len(data) // 2]
        return cut, {"Content-Length": str(len(cut))}, None
    if fault == "cut-short":

        def half() -> Iterator[bytes]:
            yield data[: len(data) // 2]

        return half(), {"Content-Length": str(len(data))}, None
    if fault == "not-a-picture":
        page = b"<!doctype html><html><body>Service unavailable</body></html>"
        return page, {"Content-Length": str(len(page))}, "image/png"
    return data, {"Content-Length": str(len(data))}, None
