"""Who runs which job: a lock per process, which the system drops when the process dies.

Every process that sends or follows jobs holds ``owners/<id>.lock`` in the data
folder for its whole life and stamps its jobs with that id. At start, only
jobs whose owner holds no lock any more (it quit or was killed) are taken
over: a second window or ``aurax resume`` beside a live process never
relabels that process's jobs or fetches their results a second time. Taking
over happens under ``owners/claim.lock``, so two starting processes never take
the same job.

The window also holds ``window.lock``: one window per data folder (see
``InstanceLock``).
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from aurax_desktop import paths
from aurax_desktop.translation import _

log = logging.getLogger(__name__)


def _owners_dir(root: Path | None = None) -> Path:
    return (root or paths.data_dir()) / "owners"


class OwnerLock:
    """This process's claim on its jobs, held until ``release()`` (or death)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or paths.data_dir()
        self.id = uuid.uuid4().hex[:12]
        folder = _owners_dir(self.root)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{self.id}.lock"
        self._lock = FileLock(self.path, is_singleton=False)
        self._lock.acquire(timeout=0)

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
            with contextlib.suppress(OSError):
                self.path.unlink()

    def is_alive(self, owner: str | None) -> bool:
        """True when ``owner`` is this process or another live one."""
        if not owner:
            return False
        if owner == self.id:
            return True
        return owner_alive(owner, self.root)

    @contextlib.contextmanager
    def claiming(self) -> Iterator[None]:
        """Hold the claim lock while jobs are taken over (one process at a time)."""
        lock = FileLock(_owners_dir(self.root) / "claim.lock", is_singleton=False)
        with lock.acquire(timeout=30):
            yield


def owner_alive(owner: str, root: Path | None = None) -> bool:
    """True when the process that stamped ``owner`` still holds its lock."""
    if not owner or not owner.isalnum():
        return False
    path = _owners_dir(root) / f"{owner}.lock"
    if not path.exists():
        return False
    probe = FileLock(path, is_singleton=False)
    try:
        probe.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:
        return False  # cannot even open it: nobody can hold it either
    probe.release()
    with contextlib.suppress(OSError):
        path.unlink()
    return False


class InstanceLock:
    """One window per data folder: ``acquire()`` is False while another window holds it."""

    def __init__(self, root: Path | None = None) -> None:
        self.path = (root or paths.data_dir()) / "window.lock"
        self._lock = FileLock(self.path, is_singleton=False)
        self.unwritable: str | None = None
        """Why the lock cannot even be made (a read-only data folder), in plain words."""

    def acquire(self) -> bool:
        """True when this window now owns the data folder; False when another one does,
        or when the folder cannot be written (then ``unwritable`` says why)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        except OSError as exc:
            log.warning("The data folder cannot be written: %s", exc)
            # Translators: {folder} is the data folder's path; {reason} is the system's
            # words for what went wrong.
            message = _(
                "The data folder {folder} cannot be written ({reason}), so the history is "
                "shown for viewing only and nothing can be sent. Check the folder's "
                "permissions, or choose another with the AURAX_DATA_DIR environment variable."
            )
            self.unwritable = message.format(folder=self.path.parent, reason=exc.strerror or exc)
            return False
        return True

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
