"""Worker threads that yield the processor to the window.

Decoding a 24-megapixel photo keeps a core busy for a quarter of a second; on
a two-core machine a few of those starve the GUI thread. Background threads
therefore lower their own scheduling priority where the system allows it per
thread (Linux); elsewhere they run as they are.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

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
