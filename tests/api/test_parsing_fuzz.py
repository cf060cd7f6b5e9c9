"""Whatever JSON the server sends, parsing raises nothing but AuraxError subclasses."""

from __future__ import annotations

import contextlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from aurax_desktop.api import AuraxError, TaskStatus
from aurax_desktop.api.parsing import (
    error_from_response,
    parse_retry_after,
    parse_task_id,
    parse_task_state,
)
from aurax_desktop.api.streaming import parse_event

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
known_keys = st.sampled_from(
    [
        "id",
        "status",
        "output",
        "errorMessages",
        "errorMessage",
        "imageId",
        "message",
        "error",
        "statusCode",
        "taskId",
        "timestamp",
    ]
)
status_like = st.dictionaries(known_keys, json_values, max_size=6)


@settings(max_examples=400, deadline=None)
@given(st.one_of(json_values, status_like))
def test_task_state_parsing(payload: object) -> None:
    try:
        state = parse_task_state(payload, task_id="fallback")
    except AuraxError:
        return
    assert isinstance(state.status, TaskStatus)
    assert all(isinstance(i, str) for i in state.image_ids)
    assert all(isinstance(m, str) for m in state.messages)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["message", "heartbeat", "other"]), st.one_of(json_values, status_like))
def test_stream_event_parsing(name: str, payload: object) -> None:
    with contextlib.suppress(AuraxError):
        parse_event(name, json.dumps(payload))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["message", "heartbeat"]), st.text())
def test_stream_event_text_that_is_not_json(name: str, data: str) -> None:
    with contextlib.suppress(AuraxError):
        parse_event(name, data)


@settings(max_examples=400, deadline=None)
@given(
    st.integers(min_value=300, max_value=599),
    st.one_of(json_values, status_like),
    st.one_of(st.none(), st.text(max_size=40)),
)
def test_error_bodies(status: int, payload: object, retry_after: str | None) -> None:
    error = error_from_response(status, json.dumps(payload).encode(), retry_after)
    assert isinstance(error, AuraxError)
    assert error.user_message and isinstance(error.user_message, str)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=400, max_value=599), st.binary(max_size=200))
def test_error_bodies_that_are_not_json(status: int, body: bytes) -> None:
    assert isinstance(error_from_response(status, body), AuraxError)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_task_id_parsing(payload: object) -> None:
    with contextlib.suppress(AuraxError):
        assert parse_task_id(payload)


@given(st.text(max_size=40))
def test_retry_after_never_raises(value: str) -> None:
    seconds = parse_retry_after(value)
    assert seconds is None or 0.0 <= seconds <= 3600.0


def test_error_messages_joined_as_the_sdk_does() -> None:
    body = json.dumps(
        {"statusCode": 400, "message": ["a is bad", "b is bad"], "error": "Bad Request"}
    )
    error = error_from_response(400, body.encode())
    assert error.server_message == "a is bad, b is bad"
    assert error.user_message == "AuraX refused the request: a is bad, b is bad."


def test_retry_after_as_http_date() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("soon") is None
