"""The key is sent only where it belongs and never shows up anywhere else."""

from __future__ import annotations

import logging
import pickle

import pytest

from aurax_desktop.api import (
    AuraxClient,
    AuraxError,
    InsecureConnectionError,
    InvalidRequestError,
    ProductType,
    TryOnRequest,
    follow_task,
)
from aurax_desktop.demo import DemoServer
from tests.conftest import FAST_RETRY
from tests.factories import jpeg_bytes

SECRET = "sk-live-do-not-leak-0123456789"


@pytest.mark.parametrize(
    "url",
    ["http://backend.aurax.co.in", "http://192.168.1.20:4000", "ftp://127.0.0.1", "backend", ""],
)
def test_insecure_or_odd_addresses_are_refused(url: str) -> None:
    with pytest.raises(InsecureConnectionError) as info:
        AuraxClient(url, api_key=SECRET, key_id="k")
    assert isinstance(info.value, ValueError)
    assert SECRET not in str(info.value)


@pytest.mark.parametrize(
    "url",
    [
        "https://backend.aurax.co.in",
        "http://127.0.0.1:4000",
        "http://localhost:9",
        "http://[::1]:8080/",
    ],
)
def test_https_and_loopback_are_allowed(url: str) -> None:
    assert AuraxClient(url, api_key=SECRET, key_id="k").base_url == url.rstrip("/")


def test_default_base_url_is_the_real_service() -> None:
    assert AuraxClient(api_key=SECRET, key_id="k").base_url == "https://backend.aurax.co.in"


def test_empty_credentials_are_refused() -> None:
    with pytest.raises(InvalidRequestError):
        AuraxClient(api_key=" ", key_id="k")
    with pytest.raises(InvalidRequestError):
        AuraxClient(api_key=SECRET, key_id="")


def test_key_never_in_repr_logs_or_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with DemoServer(api_key=SECRET, task_seconds=0.2) as server:
        client = AuraxClient(server.url, api_key=SECRET, key_id=server.key_id, retry=FAST_RETRY)
        assert SECRET not in repr(client) and server.key_id in repr(client)
        errors: list[AuraxError] = []
        for call in (
            lambda: client.get_task("missing"),
            lambda: client.get_image("missing"),
            lambda: client.submit_try_on(TryOnRequest(b"junk", b"junk", ProductType.BAG)),
        ):
            with pytest.raises(AuraxError) as info:
                call()
            errors.append(info.value)
        task = client.submit_try_on(TryOnRequest(_jpeg(), _jpeg(), ProductType.BAG))
        follow_task(client, task, deadline_s=20)
        wrong = AuraxClient(server.url, api_key=SECRET + "x", key_id="k", retry=FAST_RETRY)
        with pytest.raises(AuraxError) as info:
            wrong.get_task(task)
        errors.append(info.value)
    for error in errors:
        assert SECRET not in str(error) and SECRET not in repr(error)
        assert SECRET not in error.user_message
        assert SECRET.encode() not in pickle.dumps(error)
    assert SECRET not in caplog.text
    assert caplog.records  # the client did log its requests


def _jpeg() -> bytes:
    return jpeg_bytes((64, 96))
