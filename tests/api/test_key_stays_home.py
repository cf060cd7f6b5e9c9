"""The key goes only to the server the user chose, whatever the server names.

A scripted server plays a hostile AuraX: it names results (and tasks) on a second
listener, as paths, as absolute and scheme-relative addresses, with dot segments,
queries and fragments, and it redirects. Jobs run through the real runner; the
second listener must never be contacted, let alone with the key.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from aurax_desktop.api import AuraxClient, RetryPolicy
from aurax_desktop.jobs import GenerationInput, Job, JobRunner, JobStatus, JobStore
from tests.api.scripted_server import ScriptedServer, answer, stream
from tests.factories import jpeg_bytes

KEY = "sk-hostile-test-key-8d1f"
FAST = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)
GENERATE = "/api/ai/image-generation"


@contextmanager
def runner_for(server: ScriptedServer) -> Iterator[JobRunner]:
    client = AuraxClient(server.url, api_key=KEY, key_id="kid", retry=FAST)
    store = JobStore()
    runner = JobRunner(client, store, poll_interval=0.05)
    try:
        yield runner
    finally:
        runner.shutdown()
        store.close()
        client.close()


def completed_with(output: object) -> str:
    return json.dumps({"id": "t1", "status": "COMPLETED", "output": output})


def run_one(server: ScriptedServer, output: object) -> Job:
    done = completed_with(output)
    server.on(GENERATE, answer('{"taskId": "t1"}', 201))
    server.on("/api/ai/task/t1/stream", stream([f"data: {done}\n\n".encode()]))
    server.on("/api/ai/task/t1", answer(done))
    with runner_for(server) as runner:
        job_id = runner.submit_generation(GenerationInput("a hat", width=64, height=64))
        (job,) = runner.wait([job_id], timeout=20)
    return job


def no_request_reached(other: ScriptedServer) -> None:
    assert [s for s in other.seen if "x-api-key" in {k.lower() for k in s.headers}] == []
    assert other.seen == []  # not even without the key


VARIANTS = [
    "/http://{other}/x",
    "http://{other}/x",
    "https://{other}/x",
    "//{other}/x",
    "http://{other}/images/img1",
    "http://localhost:{port}/images/img1",
    "\\\\{other}\\x",
    "../../x",
    "..%2F..%2Fx",
    "%2e%2e",
    "a/b",
    "img1?next=http://{other}/",
    "img1#http://{other}/",
    "img 1",
    "",
    "   ",
]


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_image_named_anywhere_else_is_refused_and_nothing_reaches_another_host(
    variant: str,
) -> None:
    with ScriptedServer() as ours, ScriptedServer() as other:
        other.on("/x", answer(b"\x89PNG\r\n\x1a\nstolen", content_type="image/png"))
        other.on("/images/img1", answer(b"\x89PNG\r\n\x1a\nstolen", content_type="image/png"))
        port = other.url.rsplit(":", 1)[1]
        image_id = variant.format(other=f"127.0.0.1:{port}", port=port)
        job = run_one(ours, {"imageId": image_id})
        no_request_reached(other)
        assert job.status is JobStatus.FAILED
        assert job.error and "Traceback" not in job.error
        assert job.raw is not None and job.raw["output"] == {"imageId": image_id}  # kept
        assert not any(s.path.startswith("/images") for s in ours.seen)  # nothing fetched


def test_a_redirect_to_another_host_is_not_followed() -> None:
    with ScriptedServer() as ours, ScriptedServer() as other:
        other.on("/x", answer(b"\x89PNG\r\n\x1a\nstolen", content_type="image/png"))
        ours.on("/images/img1", answer("", 302, headers={"Location": f"{other.url}/x"}))
        job = run_one(ours, {"imageId": "img1"})
        no_request_reached(other)
        assert job.status is JobStatus.FAILED and job.error_kind == "DownloadError"
        assert "Follow again" in (job.error or "")


def test_a_task_id_that_is_not_a_plain_id_is_never_followed() -> None:
    with ScriptedServer() as ours, ScriptedServer() as other:
        port = other.url.rsplit(":", 1)[1]
        ours.on(GENERATE, answer(json.dumps({"taskId": f"../../../{port}/x"}), 201))
        with runner_for(ours) as runner:
            (job,) = runner.wait(
                [runner.submit_generation(GenerationInput("a hat", width=64, height=64))],
                timeout=20,
            )
        no_request_reached(other)
        assert [s.path for s in ours.seen] == [GENERATE]  # nothing else asked
        assert job.status is JobStatus.UNCERTAIN  # accepted, perhaps charged: not "failed"
        assert "may have been charged" in (job.error or "")


def test_our_own_address_for_an_image_is_used_with_the_key() -> None:
    png = jpeg_bytes((40, 30))
    with ScriptedServer() as ours:
        ours.on("/images/img1", answer(png, content_type="image/jpeg"))
        job = run_one(ours, {"imageId": f"{ours.url}/images/img1"})
        assert job.status is JobStatus.COMPLETED, job.error
        (fetch,) = [s for s in ours.seen if s.path == "/images/img1"]
        assert fetch.headers.get("X-Api-Key") == KEY
        assert job.result_paths[0].read_bytes() == png


def test_ids_are_one_percent_encoded_segment() -> None:
    with ScriptedServer() as ours:
        ours.on("/api/ai/task/t:1@x", answer(completed_with({"imageId": "i"})))
        client = AuraxClient(ours.url, api_key=KEY, key_id="kid", retry=FAST)
        client.get_task("t:1@x")
        assert [s.path for s in ours.seen] == ["/api/ai/task/t:1@x"]
        client.close()
