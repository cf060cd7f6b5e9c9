"""Nothing waits past the deadline, and a stream that says nothing useful loses no result.

Scripted servers on loopback play streams that send only comments or heartbeats,
events without a status, answers that are neither chunked nor sized, endless 5xx
and 429s, and downloads that drip or stall.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from werkzeug.wrappers import Request, Response

from aurax_desktop.api import (
    AuraxClient,
    Deadline,
    DownloadError,
    FollowRules,
    FollowStoppedError,
    ImageGenerationRequest,
    ProductType,
    StopSignal,
    TaskDeadlineError,
    TaskStatus,
    follow_task,
)
from aurax_desktop.demo.server import DemoServer
from tests.api.raw_server import RawServer
from tests.api.scripted_server import ScriptedServer, answer
from tests.conftest import client_for

TASK = "/api/ai/task/t1"
RUNNING = json.dumps({"id": "t1", "status": "PROCESSING", "output": None})
DONE = json.dumps({"id": "t1", "status": "COMPLETED", "output": {"imageId": "img1"}})
QUICK = FollowRules(poll_interval=0.1, max_poll_interval=0.5, min_stall_s=0.5, max_stall_s=3.0)


def client_of(server: ScriptedServer | RawServer) -> AuraxClient:
    return AuraxClient(server.url, api_key="key", key_id="kid")  # the default retry policy


def endless(chunk: bytes, pause: float) -> object:
    """An SSE answer that sends ``chunk`` every ``pause`` seconds until the client leaves."""

    def respond(_request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(10_000):
                yield chunk
                time.sleep(pause)

        return Response(body(), content_type="text/event-stream", direct_passthrough=True)

    return respond


@pytest.mark.parametrize(
    "chunk",
    [
        b": keep-alive\n\n",
        b'event: heartbeat\ndata: {"timestamp": 1}\n\n',
        b"data: {not json\n\n",
        b'data: {"id": "t1", "progress": 0.5}\n\n',
    ],
    ids=["comments", "heartbeats", "malformed", "no-status"],
)
def test_a_stream_that_never_tells_the_status_ends_at_the_deadline(chunk: bytes) -> None:
    with ScriptedServer() as server:
        server.on(TASK + "/stream", endless(chunk, 0.1))
        server.on(TASK, answer(RUNNING))
        started = time.monotonic()
        with pytest.raises(TaskDeadlineError):
            follow_task(client_of(server), "t1", deadline_s=2.0, rules=QUICK)
        assert time.monotonic() - started < 3.0


@pytest.mark.parametrize(
    "chunk",
    [
        b": keep-alive\n\n",
        b'event: heartbeat\ndata: {"timestamp": 1}\n\n',
        b"data: {not json\n\n",
        b'data: {"id": "t1", "progress": 0.5}\n\n',
    ],
    ids=["comments", "heartbeats", "malformed", "no-status"],
)
def test_a_result_the_stream_never_tells_is_found_by_asking(chunk: bytes) -> None:
    """Stalled or statusless streams lead to status checks: the result is not lost."""
    with ScriptedServer() as server:
        server.on(TASK + "/stream", endless(chunk, 0.1))
        server.on(TASK, answer(RUNNING), answer(RUNNING), answer(DONE))
        started = time.monotonic()
        state = follow_task(client_of(server), "t1", deadline_s=20.0, rules=QUICK)
        assert state.status is TaskStatus.COMPLETED and state.image_ids == ("img1",)
        assert time.monotonic() - started < 15.0
        assert server.count("GET", TASK) >= 3


def close_delimited_stream(connection: socket.socket, request: str, stop: threading.Event) -> None:
    """HTTP/1.0 style: no Content-Length, not chunked; the body ends when the connection
    does (here: only after 20 s, long after the task ended)."""
    if request.startswith("GET /api/ai/task/t1/stream"):
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n")
        connection.sendall(f"data: {RUNNING}\n\n".encode())
        stop.wait(0.3)
        connection.sendall(f"data: {DONE}\n\n".encode())
        stop.wait(20)
    else:  # the status endpoint never says it is done: only the stream knows
        body = RUNNING.encode()
        connection.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )


def test_events_are_handled_as_they_arrive_on_an_unsized_unchunked_stream() -> None:
    with RawServer(close_delimited_stream) as server:
        started = time.monotonic()
        state = follow_task(client_of(server), "t1", deadline_s=30.0, rules=QUICK)
        assert state.status is TaskStatus.COMPLETED
        assert time.monotonic() - started < 3.0


def test_get_retries_never_carry_past_the_deadline() -> None:
    with ScriptedServer() as server:
        server.on(TASK + "/stream", answer("busy", 503, "text/plain"))
        server.on(TASK, answer("busy", 503, "text/plain"))
        started = time.monotonic()
        with pytest.raises(TaskDeadlineError):
            follow_task(client_of(server), "t1", deadline_s=2.0)
        assert time.monotonic() - started < 3.0


def test_retry_after_is_not_waited_past_the_deadline() -> None:
    slow_down = answer(
        '{"statusCode": 429, "message": "Too Many Requests"}', 429, headers={"Retry-After": "30"}
    )
    with ScriptedServer() as server:
        server.on(TASK + "/stream", slow_down)
        server.on(TASK, slow_down)
        started = time.monotonic()
        with pytest.raises(TaskDeadlineError):
            follow_task(client_of(server), "t1", deadline_s=2.0)
        assert time.monotonic() - started < 3.0


def dripping_image(connection: socket.socket, request: str, stop: threading.Event) -> None:
    """A 1 MB image sent one byte every 50 ms (it would take 14 hours)."""
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000000\r\n\r\n"
    )
    try:
        for _ in range(1_000_000):
            connection.sendall(b"\x89")
            if stop.wait(0.05):
                return
    except OSError:
        return  # the client gave up: as it should


def stalled_image(connection: socket.socket, request: str, stop: threading.Event) -> None:
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 5000\r\n\r\n\x89PNG"
    )
    stop.wait(20)


@pytest.mark.parametrize("handler", [dripping_image, stalled_image], ids=["drip", "stall"])
def test_a_download_ends_by_its_time_limit(handler: object) -> None:
    with RawServer(handler) as server:  # type: ignore[arg-type]
        started = time.monotonic()
        with pytest.raises(DownloadError) as info:
            client_of(server).get_image("img1", deadline=Deadline(1.5))
        assert time.monotonic() - started < 2.5
        assert "follow the job again" in info.value.user_message


def endless_image(connection: socket.socket, request: str, stop: threading.Event) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n")
    try:
        for _ in range(10_000):
            if stop.is_set():
                return
            connection.sendall(b"\0" * 65536)
    except OSError:
        return


def test_a_download_ends_at_its_size_limit() -> None:
    with RawServer(endless_image) as server, pytest.raises(DownloadError, match="too large"):
        client_of(server).get_image("img1", deadline=Deadline(20), max_bytes=2_000_000)


def oversized_image(connection: socket.socket, request: str, stop: threading.Event) -> None:
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 999999999999\r\n\r\n"
    )
    stop.wait(5)


def test_a_size_announced_past_the_limit_is_not_downloaded() -> None:
    with RawServer(oversized_image) as server:
        started = time.monotonic()
        with pytest.raises(DownloadError, match="too large"):
            client_of(server).get_image("img1")
        assert time.monotonic() - started < 2.0


def test_a_stream_whose_answer_never_begins_is_given_up_after_the_stall_window(
    demo_factory: Callable[..., DemoServer],
) -> None:
    """The demo server takes the stream's request and never answers (not even the
    head): the follow asks for the status once the stall window has passed, instead
    of waiting out the stream's long read timeout (75 s), and a stop ends the wait."""
    server = demo_factory(task_seconds=0.2, stream_fault="silent")
    api = client_for(server)
    task_id = api.submit_image_generation(ImageGenerationRequest("bag", ProductType.BAG))
    started = time.monotonic()
    state = follow_task(api, task_id, deadline_s=60.0, rules=QUICK)
    assert state.status is TaskStatus.COMPLETED
    assert time.monotonic() - started < 2 * QUICK.max_stall_s
    # Stopped while it waits for a head that never comes: it ends within the window.
    stop = StopSignal()
    ended = threading.Event()

    def follow() -> None:
        with contextlib.suppress(FollowStoppedError):
            follow_task(api, task_id, deadline_s=60.0, rules=QUICK, stop=stop)
        ended.set()

    def streams_asked() -> int:
        return int(server.stats()["requests"].get("GET /api/ai/task/:id/stream", 0))

    asked_before = streams_asked()
    follower = threading.Thread(target=follow, name="silent-stream-follow")
    follower.start()
    waited = time.monotonic() + 10
    while streams_asked() == asked_before and time.monotonic() < waited:
        time.sleep(0.01)  # a bounded poll: the stream's request reaches the server
    assert streams_asked() > asked_before and not ended.is_set()
    stopped_at = time.monotonic()
    stop.set()
    assert ended.wait(2 * QUICK.max_stall_s)
    assert time.monotonic() - stopped_at < 2 * QUICK.max_stall_s
    follower.join()
    api.close()
