"""Running a program with a folder it cannot write, whoever runs the tests and wherever
the checkout lies.

The folder is made read-only by a bind mount in a mount namespace of the command's
own (``unshare``, as root or as a user: a user namespace maps the user to root there),
so no one drops to another user who might not reach the checkout. Where that is not
allowed, a user who is not root gets the folder's write permission taken away
instead; root, who writes anywhere, then has no way to try it (the test says so)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

MOUNT_READ_ONLY = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'


def _namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--map-root-user", "--mount", "true"], capture_output=True, check=False
    )
    return probe.returncode == 0


@contextmanager
def read_only(folder: Path) -> Iterator[list[str]]:
    """The prefix that runs a command with ``folder`` read-only (the folder exists)."""
    if _namespaces_work():
        yield ["unshare", "--map-root-user", "--mount", "sh", "-c", MOUNT_READ_ONLY, str(folder)]
        return
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere, and mount namespaces are not allowed here")
    folder.chmod(0o555)
    try:
        yield []
    finally:
        folder.chmod(0o755)


def run_read_only(
    folder: Path, command: Sequence[str], env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    with read_only(folder) as prefix:
        return subprocess.run(
            [*prefix, *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
