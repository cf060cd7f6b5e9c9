"""A task's Server-Sent Events stream, readable in one thread and closable from another."""

from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Iterator
from types import TracebackType

import requests
from sseclient import SSEClient

from aurax_desktop.api.errors import AuraxError, NetworkError, UnexpectedResponseError
from aurax_desktop.api.events import Heartbeat, TaskEvent, TaskUpdate
from aurax_desktop.api.parsing import decode_json, parse_task_state

log = logging.getLogger(__name__)


def parse_event(name: str, data: str, *, task_id: str = "") -> TaskEvent:
    """One SSE event as a typed event; ``UnexpectedResponseError`` if it makes no sense."""
    payload = decode_json(data, f"the '{name}' event")
    if name == "heartbeat":
        stamp = payload.get("timestamp") if isinstance(payload, dict) else payload
        if isinstance(stamp, int | float) and not isinstance(stamp, bool):
            seconds = float(stamp) / 1000.0 if stamp > 1e11 else float(stamp)
            return Heartbeat(None if math.isnan(seconds) else seconds)
        return Heartbeat(None)
    return TaskUpdate(parse_task_state(payload, task_id=task_id))


class TaskStream:
    """Iterate to receive ``TaskUpdate`` and ``Heartbeat`` events as they happen.

    ``close()`` may be called from any thread: it shuts the socket down, so a
    read blocked in the iterating thread returns at once and iteration ends
    quietly. A stream that breaks by itself raises ``NetworkError``.
    """

    def __init__(self, response: requests.Response, task_id: str) -> None:
        self._response = response
        self._task_id = task_id
        self._closed = threading.Event()

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
        events = SSEClient(self._response.iter_content(chunk_size=None)).events()
        while True:
            try:
                event = next(events)
            except StopIteration:
                return
            except (
                requests.exceptions.RequestException,
                OSError,
                ValueError,
                AttributeError,
            ) as exc:
                if self._closed.is_set():
                    return
                raise NetworkError(detail=f"the task stream broke: {type(exc).__name__}") from exc
            if self._closed.is_set():
                return
            try:
                yield parse_event(event.event or "message", event.data, task_id=self._task_id)
            except AuraxError as exc:
                log.warning("Ignoring a stream event that makes no sense: %s", exc)

    def _single_state(self) -> TaskEvent:
        try:
            body = self._response.content
        except requests.exceptions.RequestException as exc:
            raise NetworkError(detail="the task stream broke") from exc
        try:
            return TaskUpdate(parse_task_state(json.loads(body), task_id=self._task_id))
        except ValueError as exc:
            raise UnexpectedResponseError(detail="the task stream is not a stream") from exc
