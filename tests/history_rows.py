"""Rows of a history as a test needs them: made as they would be after some time or a
crash, written with SQL beside the program's own writer (which never changes these
fields), so the program then meets them as it would in a user's history."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def set_columns(history: Path, job_id: str, **columns: Any) -> None:
    """Set these columns of a job's row as they are (``created_at`` to make it old, ...),
    through a connection of the test's own."""
    assignments = ", ".join(f"{name} = ?" for name in columns)
    with sqlite3.connect(history, timeout=10) as db:
        db.execute(f"UPDATE jobs SET {assignments} WHERE id = ?", [*columns.values(), job_id])
    db.close()
