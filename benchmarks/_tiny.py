"""The benchmarks' tiny mode: with ``AURAX_BENCH_TINY=1`` in the environment every script
runs each of its cases on a few small photos and jobs, quickly, to its end. The tests
run each benchmark so (``tests/test_benchmarks.py``): a change to the window or the
runner cannot break one unseen. The figures a tiny run prints mean nothing."""

from __future__ import annotations

import os
from typing import TypeVar

T = TypeVar("T")

TINY = os.environ.get("AURAX_BENCH_TINY") == "1"


def sized(full: T, tiny: T) -> T:
    """``full`` for a real measurement, ``tiny`` in tiny mode."""
    return tiny if TINY else full
