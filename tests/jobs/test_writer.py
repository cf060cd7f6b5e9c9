"""The history's one writer: in order, and never wedged by a thread that died."""

from __future__ import annotations

import threading

import pytest

from aurax_desktop.jobs import writer as writer_module
from aurax_desktop.jobs.writer import HistoryWriter


def test_operations_run_one_at_a_time_in_the_order_given() -> None:
    writer = HistoryWriter()
    seen: list[int] = []
    futures = [writer.submit(lambda n=n: seen.append(n)) for n in range(200)]  # type: ignore[misc]
    writer.flush()
    assert seen == list(range(200)) and all(f.done() for f in futures)
    writer.close()


def test_an_operations_own_error_comes_back_to_its_caller() -> None:
    writer = HistoryWriter()

    def slow() -> None:
        raise TimeoutError("the operation's own")

    with pytest.raises(TimeoutError, match="the operation's own"):
        writer.call(slow)
    assert writer.call(lambda: 42) == 42
    writer.close()


def test_a_thread_that_died_before_serving_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread can die as it starts when the interpreter cannot set it up (it happened
    under coverage, with a Python audit hook). Such a death cannot be caused here, so the
    first thread's work is replaced by one that ends at once, serving nothing: the caller
    waiting for its operation still gets it, from a new thread."""
    monkeypatch.setattr(writer_module, "REVIVE_AFTER_S", 0.05)
    writer = HistoryWriter()
    serve = writer._serve
    died = threading.Event()

    def die_once() -> None:
        if not died.is_set():
            died.set()
            return  # ended without serving, and without saying so
        serve()

    monkeypatch.setattr(writer, "_serve", die_once)
    assert writer.call(lambda: "written") == "written"
    assert died.is_set()
    writer.close()
