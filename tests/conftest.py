"""Test configuration shared by every test.

Qt runs offscreen (CI has no display); each test gets its own data and config
folders so nothing touches the real user's files.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from aurax_desktop.api import AuraxClient, RetryPolicy
from aurax_desktop.demo import DemoServer
from aurax_desktop.imaging import use_jpeg_encoder
from aurax_desktop.languages import choose
from aurax_desktop.translation import current_language, use_language
from tests.memory_keyring import MemoryKeyring

FAST_RETRY = RetryPolicy(attempts=4, base_delay=0.02, max_delay=0.1, max_retry_after=2.0)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring (the real one has its own tests)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test has its own data folder: no test reads or writes the user's files."""
    monkeypatch.setenv("AURAX_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("AURAX_API_KEY", raising=False)
    monkeypatch.delenv("AURAX_KEY_ID", raising=False)
    # No desktop notification from a test reaches the user's own desktop.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    # A command's default folder ("here") is a folder of the test's own, never the
    # checkout.
    monkeypatch.chdir(tmp_path_factory.mktemp("here"))
    # Every test speaks English, whatever the language of the machine running it; a
    # test of another language sets these itself.
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """A test that chose another language leaves the next one in English."""
    yield
    if current_language().code != "en":
        use_language(choose(["en"]))


@pytest.fixture(autouse=True)
def _pillows_jpeg_again() -> Iterator[None]:
    """A test that opened a window (which encodes JPEG with Qt's encoder) leaves the
    next one encoding with Pillow's, as the command line does."""
    yield
    use_jpeg_encoder(None)


@pytest.fixture(autouse=True)
def _frozen_objects_let_go() -> Iterator[None]:
    """A window sets what it built aside from the garbage collector's passes; the next
    test's collector sees them again (a closed window's cycles are collected)."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _umask_restored() -> Iterator[None]:
    """The program makes its process's files private (a umask); a test that starts it
    in-process leaves the umask as it found it for the next test."""
    mask = os.umask(0o022)
    os.umask(mask)
    yield
    os.umask(mask)


class _LogFail(logging.Handler):
    """Keeps every warning or error logged during a test."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def _no_unexpected_log_messages(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that logs a warning or an error it did not declare with
    ``@pytest.mark.logs_expected(pattern, ...)`` (regular expressions, searched in the
    message): an unexpected warning is a bug somewhere, even when the test passes."""
    handler = _LogFail()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    patterns = [
        re.compile(pattern)
        for marker in request.node.iter_markers("logs_expected")
        for pattern in marker.args
    ]
    unexpected = [
        f"{r.levelname} {r.name}: {r.getMessage()}"
        for r in handler.records
        if not any(p.search(r.getMessage()) for p in patterns)
    ]
    if unexpected:
        pytest.fail("unexpected log messages:\n" + "\n".join(unexpected[:20]), pytrace=False)


def _alive() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.is_alive()}


@pytest.fixture(autouse=True)
def _no_threads_left_behind() -> Iterator[None]:
    """Fail a test that leaves any thread it started running: the program's workers,
    servers the test started, anything (five seconds' grace to finish)."""
    before = _alive()
    yield
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        left = _alive() - before
        if not left:
            return
        time.sleep(0.05)
    pytest.fail(f"threads left running: {sorted(t.name for t in left)}")


@pytest.fixture
def demo_factory() -> Iterator[Callable[..., DemoServer]]:
    """Start demo servers with given options; every one is stopped after the test."""
    started: list[DemoServer] = []

    def start(**options: Any) -> DemoServer:
        options.setdefault("task_seconds", 0.4)
        options.setdefault("heartbeat_seconds", 0.2)
        server = DemoServer(**options)
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def demo(demo_factory: Callable[..., DemoServer]) -> DemoServer:
    """A fast demo server with default options."""
    return demo_factory()


def client_for(server: DemoServer, **options: Any) -> AuraxClient:
    options.setdefault("retry", FAST_RETRY)
    return AuraxClient(server.url, api_key=server.api_key, key_id=server.key_id, **options)


@pytest.fixture
def client(demo: DemoServer) -> Iterator[AuraxClient]:
    api = client_for(demo)
    yield api
    api.close()


@pytest.fixture
def tmp_dir(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def server(demo_factory: Callable[..., DemoServer], monkeypatch: pytest.MonkeyPatch) -> DemoServer:
    """A demo server the command line reaches with the key in the environment."""
    demo = demo_factory(task_seconds=0.1)
    monkeypatch.setenv("AURAX_API_KEY", demo.api_key)
    monkeypatch.setenv("AURAX_KEY_ID", demo.key_id)
    return demo


@pytest.fixture
def german() -> Iterator[None]:
    """The rest of the test speaks German (then English again)."""
    use_language(choose(["de"]))
    yield
    use_language(choose(["en"]))


@pytest.fixture
def arabic() -> Iterator[None]:
    """The rest of the test speaks Arabic (then English again)."""
    use_language(choose(["ar"]))
    yield
    use_language(choose(["en"]))
