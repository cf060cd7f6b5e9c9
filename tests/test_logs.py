"""The log file rotates, lives in the log folder, and never holds an API key."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from aurax_desktop import paths
from aurax_desktop.logs import setup_logging
from aurax_desktop.redaction import MASK, redact, register_secret


@pytest.fixture
def log_file() -> Iterator[object]:
    path = setup_logging(logging.DEBUG)
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "aurax", False):
            root.removeHandler(handler)
            handler.close()


@pytest.mark.logs_expected(r"calling with", r"something broke")
def test_log_file_in_the_log_folder_with_keys_redacted(log_file: object) -> None:
    assert log_file == paths.log_dir() / "aurax-desktop.log"
    secret = "sk-live-log-secret-998877"
    register_secret(secret)
    log = logging.getLogger("aurax_desktop.test")
    log.info("headers: {'x-api-key': 'other-secret-value', 'x-key-id': 'kid'}")
    log.warning("calling with api_key=%s", secret)
    try:
        raise RuntimeError(f"failed with {secret}")
    except RuntimeError:
        log.exception("something broke")
    text = paths.log_dir().joinpath("aurax-desktop.log").read_text(encoding="utf-8")
    assert secret not in text and "other-secret-value" not in text
    assert text.count(MASK) >= 3
    assert "x-key-id': 'kid'" in text  # the key id is not a secret
    assert "Traceback" in text


def test_redact_patterns() -> None:
    assert redact("x-api-key: abcdef123") == f"x-api-key: {MASK}"
    assert redact('{"x-api-key": "abcdef123"}') == f'{{"x-api-key": "{MASK}"}}'
    assert redact("nothing secret here") == "nothing secret here"
