"""The history: every job in an SQLite file (WAL mode), with a versioned schema (its
tables in ``schema``, what is asked of it in ``queries``)."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from aurax_desktop import paths
from aurax_desktop.jobs.history_errors import HistoryError, history_error
from aurax_desktop.jobs.kept_files import remove_kept_files
from aurax_desktop.jobs.model import Job, JobKind, JobStatus
from aurax_desktop.jobs.queries import UNMARKED, JobQuery, contains_text, marks, sql_where
from aurax_desktop.jobs.schema import (
    COLUMNS,
    EDITABLE,
    MIGRATIONS,
    SCHEMA_VERSION,
    WORK_COLUMNS,
    from_row,
    to_row,
    to_row_fields,
)
from aurax_desktop.privacy import refuse_link
from aurax_desktop.translation import _, lazy_gettext

__all__ = ["UNMARKED", "HistoryError", "JobQuery", "JobStore", "history_error"]


def default_path() -> Path:
    return paths.data_dir() / "history.sqlite3"


class JobStore:
    """Thread-safe access to the history. Every write is committed at once.

    ``read_only``: opened for reading only (a second window beside the one that owns
    the data folder, or a folder that cannot be written): the file is never changed,
    and every write raises ``HistoryError``.
    """

    def __init__(
        self, path: Path | None = None, *, check: bool = True, read_only: bool = False
    ) -> None:
        self.path = path or default_path()
        self.read_only = read_only
        self._lock = threading.RLock()
        memory = str(self.path) == ":memory:"
        try:
            if read_only and not memory:
                self._db = _open_read_only(self.path)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                if not memory:
                    _create_private(self.path)
                self._db = sqlite3.connect(
                    self.path, check_same_thread=False, timeout=10, isolation_level=None
                )
        except (sqlite3.Error, OSError) as exc:
            raise history_error(exc, self.path) from exc
        try:
            self._db.create_function("contains_text", 2, contains_text, deterministic=True)
            if not read_only:
                self._set_up(memory)
            elif self._version() > SCHEMA_VERSION:
                raise HistoryError(_NEWER.format(version=self._version(), known=SCHEMA_VERSION))
            if check:
                found = self._db.execute("PRAGMA quick_check(1)").fetchone()
                if not found or found[0] != "ok":
                    raise sqlite3.DatabaseError(f"database disk image is malformed: {found}")
        except sqlite3.Error as exc:
            self._db.close()
            raise history_error(exc, self.path) from exc
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def in_memory(cls) -> JobStore:
        """A history kept only in memory (when the file cannot be used): lost on quit."""
        return cls(Path(":memory:"), check=False)

    def _set_up(self, memory: bool) -> None:
        """WAL mode and the current schema. Switching to WAL needs the file to itself and,
        unlike other statements, does not wait for it (SQLite answers "database is
        locked" at once), so a new file is set up under a lock beside it that other
        processes starting at the same moment wait for."""
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        wal = self._journal_mode() == "wal"
        if (wal or memory) and self._version() == SCHEMA_VERSION:
            return
        if memory:
            self._migrate()
            return
        guard = FileLock(self.path.with_name(self.path.name + ".setup.lock"), is_singleton=False)
        try:
            with guard.acquire(timeout=30):
                if self._journal_mode() != "wal":
                    self._db.execute("PRAGMA journal_mode=WAL")
                self._migrate()
        except Timeout as exc:
            message = _(
                "The history file {path} is being set up by another program. Wait a moment "
                "and try again."
            )
            raise HistoryError(message.format(path=self.path)) from exc

    def _journal_mode(self) -> str:
        return str(self._db.execute("PRAGMA journal_mode").fetchone()[0]).lower()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return self._version()

    @property
    def journal_mode(self) -> str:
        with self._lock:
            return self._journal_mode()

    def _migrate(self) -> None:
        """Bring the schema up to date. The version is read inside the write
        transaction, so processes starting at once never both create the tables."""
        with self._lock:
            if self._version() == SCHEMA_VERSION:
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                version = self._version()
                if version > SCHEMA_VERSION:
                    raise HistoryError(_NEWER.format(version=version, known=SCHEMA_VERSION))
                for target in range(version + 1, SCHEMA_VERSION + 1):
                    for statement in MIGRATIONS[target]:
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # Writing: only the job book calls these (the one writer)

    def _writable(self) -> None:
        if self.read_only:
            raise HistoryError(str(READ_ONLY_MESSAGE))

    def insert(self, jobs: Sequence[Job]) -> list[Job]:
        """Add new jobs, each whole, in one transaction (a job's charge, if it has cost
        already, goes to the ledger with it); the jobs as stored. A job whose id is in the
        history already is an error: nothing is inserted."""
        self._writable()
        marks = ", ".join("?" for _ in COLUMNS)
        try:
            with self._lock, self._transaction():
                for job in jobs:
                    row = to_row(replace(job, revision=max(1, job.revision)))
                    self._db.execute(
                        f"INSERT INTO jobs ({', '.join(COLUMNS)}) VALUES ({marks})",
                        [row[c] for c in COLUMNS],
                    )
                    if job.cost > 0:
                        self._charge(job, job.cost)
        except sqlite3.Error as exc:
            raise history_error(exc, self.path) from exc
        return self.get_many([job.id for job in jobs])

    def save_work(self, job: Job) -> Job | None:
        """Write the work's fields of ``job`` (``WORK_FIELDS``) to the job as the history
        holds it now, leaving the user's fields as they are there; the job as it now is,
        or None when it is no longer in the history (forgotten meanwhile: it is not made
        again). A cost that grew is appended to the ledger in the same transaction."""
        self._writable()
        row = to_row(job)
        assignments = ", ".join(f"{name} = ?" for name in WORK_COLUMNS)
        try:
            with self._lock, self._transaction():
                found = self._db.execute("SELECT cost FROM jobs WHERE id = ?", (job.id,))
                known = found.fetchone()
                if known is None:
                    return None
                self._db.execute(
                    f"UPDATE jobs SET {assignments}, revision = revision + 1 WHERE id = ?",
                    [*(row[c] for c in WORK_COLUMNS), job.id],
                )
                charge = job.cost - float(known[0] or 0.0)
                if charge > 0:
                    self._charge(job, charge)
                saved = self._db.execute(
                    f"SELECT {', '.join(COLUMNS)} FROM jobs WHERE id = ?", (job.id,)
                ).fetchone()
        except sqlite3.Error as exc:
            raise history_error(exc, self.path) from exc
        return from_row(saved)

    def update(self, job_ids: Sequence[str], **fields: Any) -> list[Job]:
        """Change only these fields of the user's (``USER_FIELDS``) on these jobs (each
        gets its next revision), in one transaction; the jobs as they now are. What the
        work wrote meanwhile to its own fields is kept."""
        return self._update("id IN ({ids})", list(job_ids), fields)

    def update_batch(
        self, batch: str, *, person_row: int | None = None, **fields: Any
    ) -> list[Job]:
        """Change the user's fields of every job of ``batch`` (of its row ``person_row``
        only, when given: one person's jobs), whatever their number, as the history holds
        them now; the jobs changed, as they now are."""
        where = "batch = ?"
        args: list[Any] = [batch]
        if person_row is not None:
            where += " AND json_valid(params) AND json_extract(params, '$.batch_row') = ?"
            args.append(int(person_row))
        with self._lock:
            ids = [r[0] for r in self._db.execute(f"SELECT id FROM jobs WHERE {where}", args)]
        return self.update(ids, **fields)

    def _update(self, where: str, job_ids: list[str], fields: dict[str, Any]) -> list[Job]:
        self._writable()
        unknown = set(fields) - EDITABLE
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        if not job_ids or not fields:
            return []
        row = to_row_fields(fields)
        assignments = ", ".join(f"{name} = ?" for name in row)
        try:
            with self._lock, self._transaction():
                for chunk in _chunks(job_ids):
                    self._db.execute(
                        f"UPDATE jobs SET {assignments}, revision = revision + 1 "
                        f"WHERE {where.format(ids=marks(chunk))}",
                        [*row.values(), *chunk],
                    )
        except sqlite3.Error as exc:
            raise history_error(exc, self.path) from exc
        return self.get_many(job_ids)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction, taken at once (``BEGIN IMMEDIATE``): another process
        writing waits its turn (up to the connection's timeout) instead of failing midway."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _charge(self, job: Job, credits: float) -> None:
        self._db.execute(
            "INSERT INTO charges (at, credits, job_id, kind) VALUES (?, ?, ?, ?)",
            (job.updated_at, credits, job.id, job.kind.value),
        )

    def delete(self, job_id: str, *, files: bool = True) -> None:
        """Remove the job from the history, and every file kept for it: its folder (what
        was sent, the results, the preview) and the cached previews of those files. The
        ledger keeps its charges."""
        self._writable()
        try:
            with self._lock:
                self._db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
        except sqlite3.Error as exc:
            raise history_error(exc, self.path) from exc
        if files:
            remove_kept_files(paths.data_dir() / "jobs" / job_id)

    # Reading

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {', '.join(COLUMNS)} FROM jobs WHERE id = ?",
                (job_id,),
            ).fetchone()
        return from_row(row) if row else None

    def get_many(self, job_ids: Sequence[str]) -> list[Job]:
        """These jobs (those still in the history), in the order asked."""
        found: dict[str, Job] = {}
        with self._lock:
            for chunk in _chunks(list(job_ids)):
                for row in self._db.execute(
                    f"SELECT {', '.join(COLUMNS)} FROM jobs WHERE id IN ({marks(chunk)})",
                    chunk,
                ).fetchall():
                    job = from_row(row)
                    found[job.id] = job
        return [found[i] for i in job_ids if i in found]

    def find_task(self, task_id: str) -> Job | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {', '.join(COLUMNS)} FROM jobs WHERE task_id = ? "
                "ORDER BY created_at DESC LIMIT 1",
                (task_id,),
            ).fetchone()
        return from_row(row) if row else None

    def query(self, query: JobQuery | None = None) -> list[Job]:
        """Jobs newest first, filtered and paged."""
        query = query or JobQuery()
        clause, args = sql_where(query)
        sql = (
            f"SELECT {', '.join(COLUMNS)} FROM jobs {clause} "
            "ORDER BY created_at DESC, id LIMIT ? OFFSET ?"
        )
        with self._lock:
            rows = self._db.execute(sql, [*args, query.limit, query.offset]).fetchall()
        return [from_row(r) for r in rows]

    def count(self, query: JobQuery | None = None) -> int:
        clause, args = sql_where(query or JobQuery())
        with self._lock:
            return int(self._db.execute(f"SELECT COUNT(*) FROM jobs {clause}", args).fetchone()[0])

    def spent_since(self, moment: float) -> float:
        """Credits charged since ``moment`` (seconds since the epoch), from the ledger:
        deleting, trashing or purging jobs never lowers it."""
        with self._lock:
            row = self._db.execute(
                "SELECT COALESCE(SUM(credits), 0) FROM charges WHERE at >= ?", (moment,)
            ).fetchone()
        return float(row[0])

    def batches(
        self, limit: int = 20, kind: JobKind = JobKind.PRODUCT_DESCRIPTION
    ) -> list[tuple[str, float, int]]:
        """Recent batches of a kind: (batch, last change, number of jobs), newest first
        (jobs in the Trash left out)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT batch, MAX(created_at), COUNT(*) FROM jobs WHERE batch IS NOT NULL "
                "AND kind = ? AND trashed_at IS NULL GROUP BY batch "
                "ORDER BY MAX(created_at) DESC LIMIT ?",
                (kind.value, limit),
            ).fetchall()
        return [(str(b), float(t), int(n)) for b, t, n in rows]

    def with_status(
        self, statuses: Iterable[JobStatus], *, failed_with: Iterable[str] = ()
    ) -> list[Job]:
        """Every job in one of ``statuses``, and every failed one with a task whose
        ``error_kind`` is in ``failed_with``, oldest first (for recovery)."""
        wanted = [s.value for s in statuses]
        kinds = list(failed_with)
        sql = f"SELECT {', '.join(COLUMNS)} FROM jobs WHERE status IN ({marks(wanted)})"
        if kinds:
            sql += (
                f" OR (status = 'failed' AND task_id IS NOT NULL"
                f" AND error_kind IN ({marks(kinds)}))"
            )
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY created_at", [*wanted, *kinds]).fetchall()
        return [from_row(r) for r in rows]


READ_ONLY_MESSAGE = lazy_gettext(
    "The history is open for viewing only here (another AuraX Desktop window runs the "
    "jobs of this data folder, or the folder cannot be written), so nothing was changed."
)
# Translators: {version} and {known} are numbers of the history's layout (its schema).
_NEWER = lazy_gettext(
    "The history was written by a newer version of AuraX Desktop (schema {version}; this "
    "version knows {known}). Update the program."
)
_CHUNK = 500
"""Ids per statement (SQLite limits the number of placeholders)."""


def _open_read_only(path: Path) -> sqlite3.Connection:
    """The history for reading only. In a folder that cannot be written at all (a
    read-only disk), SQLite cannot make the shared-memory file that reading a WAL
    history needs; nothing can change the file there, so it is read as immutable."""
    uri = path.resolve().as_uri()
    db = sqlite3.connect(
        f"{uri}?mode=ro", uri=True, check_same_thread=False, timeout=10, isolation_level=None
    )
    try:
        db.execute("PRAGMA user_version").fetchone()
    except sqlite3.Error:
        db.close()
        if os.access(path.parent, os.W_OK):
            raise
        db = sqlite3.connect(
            f"{uri}?mode=ro&immutable=1",
            uri=True,
            check_same_thread=False,
            timeout=10,
            isolation_level=None,
        )
    return db


def _create_private(path: Path) -> None:
    """The history file, made readable by its user only before SQLite opens it (its
    journal files take the same mode); never opened through a symbolic link."""
    # Translators: the start of a sentence, followed by the file's path: "The history
    # file /home/… is a link to another place, …".
    refuse_link(path, _("The history file"))
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600))


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
