"""Worker threads that yield the processor to the window, and never hold it up.

Decoding a 24-megapixel photo keeps a core busy for a quarter of a second; on
a two-core machine a few of those starve the GUI thread. Background threads
therefore lower their own scheduling priority where the system allows it per
thread (Linux); elsewhere they run as they are. A read that may block for long
(a dripping link, a pipe, a slow disk) runs where it can be given up
(``abandonable``): closing the window never waits on it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar, cast

T = TypeVar("T")

BACKGROUND_NICENESS = 8


def lower_priority() -> None:
    """Lower the calling thread's priority (Linux: per thread); a no-op elsewhere."""
    setpriority = getattr(os, "setpriority", None)
    if setpriority is None or not hasattr(os, "PRIO_PROCESS"):
        return
    try:
        current = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        setpriority(os.PRIO_PROCESS, threading.get_native_id(), max(current, BACKGROUND_NICENESS))
    except OSError:
        pass


def background_pool(workers: int, name: str) -> ThreadPoolExecutor:
    """A thread pool whose threads run below the window's priority."""
    return ThreadPoolExecutor(workers, thread_name_prefix=name, initializer=lower_priority)


class Abandoned(Exception):  # noqa: N818 - what happened to the read, not a fault
    """A read was given up: the window closed while it waited."""


_waiting: set[threading.Event] = set()
_waiting_lock = threading.Lock()


def abandonable(work: Callable[[], T], *, seconds: float | None = None) -> T:
    """``work``'s result: a read that may block for long (a link that drips its answer,
    a named pipe, a slow or stuck disk), run on a daemon thread of its own and waited
    for here. ``abandon_reads()`` (the window closing) gives up every such wait at
    once with ``Abandoned``, and ``seconds`` passing gives it up with
    ``TimeoutError``; the thread is left to its read and never holds the process up
    as it ends (a blocked read cannot be interrupted, only left)."""
    over = threading.Event()
    outcome: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # handed to the waiting thread, whatever it is
            outcome.append((False, exc))
        over.set()

    with _waiting_lock:
        _waiting.add(over)
    try:
        threading.Thread(target=run, name="aurax-read", daemon=True).start()
        in_time = over.wait(seconds)
    finally:
        with _waiting_lock:
            _waiting.discard(over)
    if not outcome:
        if not in_time:
            raise TimeoutError(f"The read took more than {seconds} s.")
        raise Abandoned("The read was given up as the window closed.")
    done, value = outcome[0]
    if done:
        return cast(T, value)
    raise cast(BaseException, value)


def abandon_reads() -> None:
    """Give up every read waited for through ``abandonable`` now."""
    with _waiting_lock:
        waiting = list(_waiting)
    for over in waiting:
        over.set()
