"""Work off the GUI thread: what a job's closures hold is let go on the GUI thread.

A closure often holds a widget; when a worker dropped the last reference, PySide
deferred the widget's deletion to the GUI thread and could free it twice (the
window crashed at random after a dialog closed). These tests would fail if a
worker were again the last holder of the work, its callbacks or its result.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from aurax_desktop.ui.common.background import BackgroundWork


class _Witness:
    """Records the thread it is let go on."""

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen

    def __call__(self, *_args: object) -> object:
        return _Result(self.seen)

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


class _Result(_Witness):
    pass


def test_work_callbacks_and_results_are_let_go_on_the_gui_thread(qtbot: QtBot) -> None:
    work = BackgroundWork()
    seen: list[str] = []
    delivered: list[object] = []
    for _ in range(20):
        done = _Witness(seen)
        work.run(_Witness(seen), lambda result, d=done: delivered.append(type(d(result))))
        del done
    qtbot.waitUntil(lambda: len(delivered) == 20, timeout=10_000)
    gc.collect()
    work.shutdown()
    main = threading.main_thread().name
    assert len(seen) >= 60  # every work, callback, result and returned object
    assert set(seen) == {main}


def test_errors_are_let_go_on_the_gui_thread_too(qtbot: QtBot) -> None:
    work = BackgroundWork()
    seen: list[str] = []
    errors: list[str] = []

    work.run(_failing(_Witness(seen)), lambda _r: None, lambda error: errors.append(str(error)))
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)
    gc.collect()
    work.shutdown()
    assert seen == [threading.main_thread().name]


def _failing(witness: _Witness) -> Callable[[], None]:
    """Work that fails; only its closure holds ``witness``."""

    def failing() -> None:
        raise ValueError(repr(witness))

    return failing
