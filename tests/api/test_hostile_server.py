"""The client survives a real server's surprises (a scripted server on loopback)."""

from __future__ import annotations

import json

import pytest

from aurax_desktop.api import (
    AuraxClient,
    AuraxError,
    FollowNotice,
    FollowRules,
    MaybeSentError,
    ProductType,
    RetryPolicy,
    ServerError,
    TaskStatus,
    TaskUpdate,
    TryOnRequest,
    follow_task,
)
from tests.api.scripted_server import ScriptedServer, answer, stream

FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02)
TASK = "/api/ai/task/t1"
DONE = json.dumps({"id": "t1", "status": "COMPLETED", "output": {"imageId": "img1"}})


def make_client(server: ScriptedServer, **options: object) -> AuraxClient:
    return AuraxClient(server.url, api_key="secret-key-123", key_id="kid", retry=FAST, **options)  # type: ignore[arg-type]


def request() -> TryOnRequest:
    return TryOnRequest(b"\xff\xd8\xffperson", b"\xff\xd8\xffgarment", ProductType.GARMENT)


def test_get_retries_5xx_then_succeeds() -> None:
    with ScriptedServer() as server:
        server.on(TASK, answer("boom", 502, "text/html"), answer("{}", 503), answer(DONE))
        state = make_client(server).get_task("t1")
        assert state.status is TaskStatus.COMPLETED
        assert state.image_ids == ("img1",)
        assert server.count("GET", TASK) == 3


def test_get_gives_up_with_a_server_error() -> None:
    with ScriptedServer() as server:
        server.on(TASK, answer('{"statusCode":500,"message":"Internal server error"}', 500))
        with pytest.raises(ServerError) as info:
            make_client(server).get_task("t1")
        assert info.value.status_code == 500
        assert "try again" in info.value.user_message.lower()
        assert server.count("GET", TASK) == 3


def test_post_answered_500_is_never_sent_again_and_may_have_been_charged() -> None:
    with ScriptedServer() as server:
        server.on("/api/ai/vto", answer("oops", 500, "text/plain"))
        with pytest.raises(MaybeSentError) as info:
            make_client(server).submit_try_on(request())
        assert info.value.status_code == 500
        assert "may have" in info.value.user_message
        assert server.count("POST", "/api/ai/vto") == 1


def test_post_timing_out_is_never_sent_again() -> None:
    with ScriptedServer() as server:
        server.on("/api/ai/vto", answer('{"taskId":"x"}', delay=1.0))
        client = make_client(server, post_timeout=(2.0, 0.3))
        with pytest.raises(MaybeSentError):
            client.submit_try_on(request())
        assert server.count("POST", "/api/ai/vto") == 1


@pytest.mark.parametrize("body", [b"<html>gateway</html>", b"{not json", b"[]", b'{"ok":1}'])
def test_garbage_submission_answers(body: bytes) -> None:
    with ScriptedServer() as server:
        server.on("/api/ai/vto", answer(body))
        with pytest.raises(MaybeSentError) as info:
            make_client(server).submit_try_on(request())
        assert "may have been charged" in info.value.user_message


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ({"imageId": "a"}, ("a",)),
        ({"imageIds": ["a", "b"]}, ("a", "b")),
        (["a", "b"], ("a", "b")),
        ("https://cdn.example.com/a.png", ("https://cdn.example.com/a.png",)),
        ([{"imageUrl": "https://x/a.png"}], ("https://x/a.png",)),
        ({"something": "else"}, ()),
    ],
)
def test_output_shapes(output: object, expected: tuple[str, ...]) -> None:
    with ScriptedServer() as server:
        server.on(
            TASK,
            answer(
                json.dumps(
                    {"id": "t1", "status": "COMPLETED", "output": output, "extra": {"field": 1}}
                )
            ),
        )
        state = make_client(server).get_task("t1")
        assert state.image_ids == expected
        assert state.raw["extra"] == {"field": 1}


def test_unknown_status_is_kept_not_fatal() -> None:
    with ScriptedServer() as server:
        server.on(TASK, answer(json.dumps({"id": "t1", "status": "THINKING_HARD"})))
        state = make_client(server).get_task("t1")
        assert state.status is TaskStatus.UNKNOWN
        assert state.raw_status == "THINKING_HARD"


def test_stream_with_garbage_events_and_unknown_names_still_finishes() -> None:
    events = [
        b": a comment\n\n",
        b"data: not json at all\n\n",
        b'event: heartbeat\ndata: {"timestamp": "soon"}\n\n',
        b'event: progress\ndata: {"percent": 50}\n\n',
        b'data: {"id":"t1","status":"PROCESSING"}\n\n',
        b'data: {"id":"t1","status":"COMPLETED","output":["img9"],"errorMessage":null}\n\n',
    ]
    with ScriptedServer() as server:
        server.on(TASK + "/stream", stream(events))
        seen: list[object] = []
        state = follow_task(make_client(server), "t1", deadline_s=10, on_event=seen.append)
        assert state.image_ids == ("img9",)
        assert [e.state.status for e in seen if isinstance(e, TaskUpdate)][
            -1
        ] is TaskStatus.COMPLETED


def test_stream_that_ends_early_is_checked_by_polling() -> None:
    with ScriptedServer() as server:
        server.on(TASK + "/stream", stream([b'data: {"id":"t1","status":"PENDING"}\n\n']))
        server.on(TASK, answer(json.dumps({"id": "t1", "status": "IN_QUEUE"})), answer(DONE))
        seen: list[object] = []
        state = follow_task(
            make_client(server),
            "t1",
            deadline_s=10,
            on_event=seen.append,
            rules=FollowRules(poll_interval=0.05),
        )
        assert state.status is TaskStatus.COMPLETED
        assert any(isinstance(e, FollowNotice) for e in seen)


def test_failed_status_messages_from_either_spelling() -> None:
    body = {
        "id": "t1",
        "status": "FAILED",
        "errorMessages": ["bad pose"],
        "errorMessage": ["bad pose", "no face"],
    }
    with ScriptedServer() as server:
        server.on(TASK + "/stream", stream([b"data: " + json.dumps(body).encode() + b"\n\n"]))
        with pytest.raises(AuraxError) as info:
            follow_task(make_client(server), "t1", deadline_s=10)
        assert "bad pose; no face" in info.value.user_message


def test_redirect_is_not_followed_with_the_key() -> None:
    with ScriptedServer() as server:
        server.on(TASK, answer("", 302, headers={"Location": "https://elsewhere.example/"}))
        with pytest.raises(AuraxError, match="redirected"):
            make_client(server).get_task("t1")
