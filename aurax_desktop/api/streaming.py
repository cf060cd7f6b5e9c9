"""A task's Server-Sent Events stream, readable in one thread and closable from another.

Bytes are handed to the event parser as soon as they arrive (``read1``), so
events are seen at once even when the answer is neither chunked nor sized.
An event without a usable status is reported as ``UnclearEvent``; an event
larger than ``MAX_EVENT_BYTES`` ends the stream as broken.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterator
from types import TracebackType

import requests
import urllib3.exceptions
from sseclient import SSEClient

from aurax_desktop.api.errors import AuraxError, NetworkError
from aurax_desktop.api.events import Heartbeat, TaskEvent, TaskUpdate, UnclearEvent
from aurax_desktop.api.models import TaskStatus
from aurax_desktop.api.parsing import decode_json, parse_task_state

log = logging.getLogger(__name__)

READ_SIZE = 64 * 1024
MAX_EVENT_BYTES = 1024 * 1024
"""No real status event comes near this; a server sending more without an event's
end is not speaking SSE."""
_EVENT_ENDS = (b"\n\n", b"\r\r", b"\r\n\r\n")


def parse_event(name: str, data: str, *, task_id: str = "") -> TaskEvent:
    """One SSE event as a typed event (never raises: nonsense is an ``UnclearEvent``)."""
    try:
        payload = decode_json(data, f"the '{name}' event")
    except AuraxError as exc:
        return UnclearEvent(str(exc))
    if name == "heartbeat":
        stamp = payload.get("timestamp") if isinstance(payload, dict) else payload
        if isinstance(stamp, int | float) and not isinstance(stamp, bool):
            seconds = float(stamp) / 1000.0 if stamp > 1e11 else float(stamp)
            return Heartbeat(None if math.isnan(seconds) else seconds)
        return Heartbeat(None)
    if name != "message":
        return UnclearEvent(f"an event named {name[:40]!r}")
    try:
        state = parse_task_state(payload, task_id=task_id)
    except AuraxError as exc:
        return UnclearEvent(str(exc))
    if state.status is TaskStatus.UNKNOWN:
        return UnclearEvent(f"a state with the status {state.raw_status[:40]!r}")
    return TaskUpdate(state)


class TaskStream:
    """Iterate to receive ``TaskUpdate``, ``Heartbeat`` and ``UnclearEvent`` events as they
    happen.

    ``close()`` may be called from any thread: it shuts the socket down, so a
    read blocked in the iterating thread returns at once and iteration ends
    quietly. A stream that breaks by itself raises ``NetworkError``.
    """

    def __init__(self, response: requests.Response, task_id: str) -> None:
        self._response = response
        self._task_id = task_id
        self._closed = threading.Event()

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    def close(self) -> None:
        if self._closed.is_set():
            return
        self._closed.set()
        raw = self._response.raw
        shutdown = getattr(raw, "shutdown", None)
        try:
            if shutdown is not None:
                shutdown()
        except (OSError, RuntimeError):  # the socket is gone or back in the pool
            pass
        finally:
            self._response.close()

    def __enter__(self) -> TaskStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __iter__(self) -> Iterator[TaskEvent]:
        content_type = self._response.headers.get("Content-Type", "")
        if "json" in content_type:
            # Not a stream at all: some servers answer the state directly.
            yield self._single_state()
            return
        events = SSEClient(self._chunks()).events()
        while True:
            try:
                event = next(events)
            except StopIteration:
                return
            except (
                requests.exceptions.RequestException,
                urllib3.exceptions.HTTPError,
                OSError,
                ValueError,
                AttributeError,
            ) as exc:
                if self._closed.is_set():
                    return
                raise NetworkError(detail=f"the task stream broke: {type(exc).__name__}") from exc
            if self._closed.is_set():
                return
            yield parse_event(event.event or "message", event.data, task_id=self._task_id)

    def _chunks(self) -> Iterator[bytes]:
        """The body's bytes as they arrive; ``ValueError`` for an event past the limit."""
        raw = self._response.raw
        pending = 0  # bytes since the last event's end
        tail = b""
        while not self._closed.is_set():
            chunk = raw.read1(READ_SIZE)
            if not chunk:
                return
            seen = tail + chunk
            ends = [seen.rfind(mark) + len(mark) for mark in _EVENT_ENDS if mark in seen]
            pending = len(seen) - max(ends) if ends else pending + len(chunk)
            if pending > MAX_EVENT_BYTES:
                raise ValueError("an event larger than the limit")
            tail = seen[-3:]
            yield chunk

    def _single_state(self) -> TaskEvent:
        try:
            body = self._response.raw.read(MAX_EVENT_BYTES, decode_content=True) or b""
        except (
            requests.exceptions.RequestException,
            urllib3.exceptions.HTTPError,
            OSError,
            ValueError,
        ) as exc:
            raise NetworkError(detail="the task stream broke") from exc
        text = body.decode("utf-8", "replace")
        return parse_event("message", text, task_id=self._task_id)
