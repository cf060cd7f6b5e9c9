"""A request that may have been charged is never shown as plainly failed.

Scripted servers on loopback answer submissions the ways a real one might: no answer
at all (reset after the body, silence), an answer that is not the contract's (HTML,
empty, a redirect, a 5xx), and refusals that prove nothing was accepted.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from aurax_desktop.api import AuraxClient, RetryPolicy
from aurax_desktop.jobs import (
    DescriptionInput,
    GenerationInput,
    Job,
    JobRunner,
    JobStatus,
    JobStore,
)
from tests.api.raw_server import RawServer
from tests.api.scripted_server import ScriptedServer, answer
from tests.factories import jpeg_bytes

GENERATE = "/api/ai/image-generation"
DESCRIBE = "/api/ai/product-description"
FAST = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)


@contextmanager
def runner_for(url: str, **options: object) -> Iterator[JobRunner]:
    client = AuraxClient(url, api_key="key", key_id="kid", retry=FAST, **options)  # type: ignore[arg-type]
    store = JobStore()
    runner = JobRunner(client, store, poll_interval=0.05)
    try:
        yield runner
    finally:
        runner.shutdown()
        store.close()
        client.close()


def generate(url: str, **options: object) -> Job:
    with runner_for(url, **options) as runner:
        job_id = runner.submit_generation(GenerationInput("a hat", width=64, height=64))
        (job,) = runner.wait([job_id], timeout=30)
    return job


def describe(url: str) -> Job:
    with runner_for(url) as runner:
        job_id = runner.submit_description(DescriptionInput(jpeg_bytes((64, 64))))
        (job,) = runner.wait([job_id], timeout=30)
    return job


def assert_may_have_been_charged(job: Job) -> None:
    assert job.status is JobStatus.UNCERTAIN, (job.status, job.error)
    assert job.status.label == "May have been sent"
    assert "charged" in (job.error or "")
    assert job.error_kind == "MaybeSentError"


def reset_after_the_body(connection: socket.socket, _request: str, stop: threading.Event) -> None:
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")


def silent(connection: socket.socket, _request: str, stop: threading.Event) -> None:
    stop.wait(3)


def test_a_connection_reset_after_sending_may_have_been_charged() -> None:
    with RawServer(reset_after_the_body) as server:
        assert_may_have_been_charged(generate(server.url))
        assert len(server.seen) == 1  # and it was not sent again


def test_no_answer_in_time_may_have_been_charged() -> None:
    with RawServer(silent) as server:
        assert_may_have_been_charged(generate(server.url, post_timeout=(2.0, 0.5)))
        assert len(server.seen) == 1


@pytest.mark.parametrize(
    ("body", "status", "content_type"),
    [
        ("<html><body>Bad gateway</body></html>", 200, "text/html"),
        ("", 200, "application/json"),
        ('{"ok": true}', 201, "application/json"),
        ("", 302, "text/plain"),
        ('{"statusCode": 500, "message": "Internal server error"}', 500, "application/json"),
        ("<html>502 Bad Gateway</html>", 502, "text/html"),
        ("<html>404 Not Found</html>", 404, "text/html"),
    ],
    ids=["html", "empty", "no-task-id", "redirect", "500", "502-page", "404-page"],
)
def test_an_answer_that_is_not_the_contracts_may_have_been_charged(
    body: str, status: int, content_type: str
) -> None:
    with ScriptedServer() as server:
        server.on(GENERATE, answer(body, status, content_type, headers={"Location": "/x"}))
        job = generate(server.url)
        assert_may_have_been_charged(job)
        assert server.count("POST", GENERATE) == 1
        assert job.raw is not None and job.raw.get("answer_status") in (status, None)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (400, "prompt should not be empty"),
        (401, "Invalid API key"),
        (403, "Forbidden"),
        (402, "Insufficient credits"),
    ],
)
def test_a_refusal_in_the_contracts_words_is_a_plain_failure(status: int, message: str) -> None:
    body = json.dumps({"statusCode": status, "message": [message], "error": "Refused"})
    with ScriptedServer() as server:
        server.on(GENERATE, answer(body, status))
        job = generate(server.url)
        assert job.status is JobStatus.FAILED, job.error
        assert job.task_id is None


def test_a_connection_that_never_opens_is_a_plain_failure_with_nothing_charged() -> None:
    with socket.socket() as probe:  # a port with no one listening
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    job = generate(url)
    assert job.status is JobStatus.FAILED
    assert "Nothing was sent" in (job.error or "")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("<!DOCTYPE html><html><body>Sign in</body></html>", "text/html"),
        ('{"statusCode": 500, "message": "boom"}', "application/json"),
        ('{"error": "quota"}', "application/json"),
        ("", "text/plain"),
        ("   \n", "text/plain"),
    ],
    ids=["html", "json-error", "json-without-text", "empty", "blank"],
)
def test_a_description_that_is_not_text_is_never_stored(body: str, content_type: str) -> None:
    with ScriptedServer() as server:
        server.on(DESCRIBE, answer(body, 201, content_type))
        job = describe(server.url)
        assert_may_have_been_charged(job)
        assert job.description is None
        assert JobStore().get(job.id).description is None  # type: ignore[union-attr]


def test_a_plain_text_description_is_stored() -> None:
    with ScriptedServer() as server:
        server.on(DESCRIBE, answer("A red linen shirt.", 201, "text/plain; charset=utf-8"))
        job = describe(server.url)
        assert job.status is JobStatus.COMPLETED and job.description == "A red linen shirt."
