"""Running a command with a folder on a disk that is full: a real one, not a mock.

A small tmpfs is mounted on the folder in a mount namespace of the command's own
(``unshare``: as root, or as a user whose user namespace maps them to root there),
filled until a few kilobytes are left, so a write begins and then fails with ENOSPC
as on a real full disk. What the command left on that disk is listed before the
namespace (and the disk) goes. Where namespaces are not allowed the test is skipped.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

FILLER = ".filler"
FREE_BYTES = 8192
"""What the full disk has left by default: a write of more begins, then fails."""
_ON_A_FULL_DISK = f"""
mount -t tmpfs -o size=256k,mode=0777 tmpfs "$0" || exit 97
head -c 1048576 /dev/zero > "$0/{FILLER}" 2>/dev/null
truncate -s "-$AURAX_TEST_FREE" "$0/{FILLER}"
"$@"
code=$?
find "$0" -mindepth 1 ! -name {FILLER} -printf '%y %P\\n' > "$AURAX_TEST_LEFT"
exit $code
"""


_IN_A_NAMESPACE = ("unshare", "--map-root-user", "--mount", "sh", "-c")


@dataclass(frozen=True)
class FullDiskRun:
    done: subprocess.CompletedProcess[str]
    left: list[str]
    """What the command left on the full disk: "f name" for a file, "d name" for a
    folder (the filler that made it full is not listed)."""

    @property
    def files_left(self) -> list[str]:
        return [entry[2:] for entry in self.left if entry.startswith("f ")]


def _namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--map-root-user", "--mount", "true"], capture_output=True, check=False
    )
    return probe.returncode == 0


def run_on_full_disk(
    folder: Path,
    command: Sequence[str],
    env: dict[str, str],
    *,
    free_bytes: int = FREE_BYTES,
    timeout: float = 120,
) -> FullDiskRun:
    """Run ``command`` with a full disk mounted on ``folder`` (made if missing), with
    ``free_bytes`` left on it."""
    if not _namespaces_work():
        pytest.skip("a small disk cannot be mounted here: mount namespaces are not allowed")
    folder.mkdir(parents=True, exist_ok=True)
    listing = folder.parent / f"{folder.name}.left"
    done = subprocess.run(
        [*_IN_A_NAMESPACE, _ON_A_FULL_DISK, str(folder), *command],
        env={**env, "AURAX_TEST_LEFT": str(listing), "AURAX_TEST_FREE": str(free_bytes)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode == 97:
        pytest.skip(f"a small disk cannot be mounted here: {done.stderr.strip()}")
    left = listing.read_text().splitlines() if listing.exists() else []
    listing.unlink(missing_ok=True)
    return FullDiskRun(done, left)
