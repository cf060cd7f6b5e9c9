"""The history's shape: its tables and how each version of them became the next, and a
job as a row of them and back (the columns the work writes and those the user does)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from aurax_desktop.jobs.model import (
    MARKS,
    MAX_STARS,
    USER_FIELDS,
    WORK_FIELDS,
    Job,
    JobKind,
    JobStatus,
)

SCHEMA_VERSION = 5

MIGRATIONS: dict[int, Sequence[str]] = {
    1: (
        """CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            product_type TEXT NOT NULL,
            prompt TEXT,
            description TEXT,
            task_id TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            cost REAL NOT NULL DEFAULT 0,
            error TEXT,
            error_kind TEXT,
            source_name TEXT,
            batch TEXT,
            retry_of TEXT,
            params TEXT NOT NULL DEFAULT '{}',
            timeline TEXT NOT NULL DEFAULT '{}',
            messages TEXT NOT NULL DEFAULT '[]',
            results TEXT NOT NULL DEFAULT '[]',
            raw TEXT
        )""",
        "CREATE INDEX jobs_created ON jobs (created_at DESC)",
        "CREATE INDEX jobs_status ON jobs (status)",
        "CREATE INDEX jobs_task ON jobs (task_id)",
        "CREATE INDEX jobs_batch ON jobs (batch)",
    ),
    2: (
        "ALTER TABLE jobs ADD COLUMN owner TEXT",
        "ALTER TABLE jobs ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
    ),
    3: ("ALTER TABLE jobs ADD COLUMN mark TEXT",),
    4: (
        "ALTER TABLE jobs ADD COLUMN stars INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE jobs ADD COLUMN trashed_at REAL",
        "CREATE INDEX jobs_trashed ON jobs (trashed_at)",
        # The ledger: every charge as it happened, never lowered by deleting a job.
        """CREATE TABLE charges (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            credits REAL NOT NULL,
            job_id TEXT NOT NULL,
            kind TEXT NOT NULL
        )""",
        "CREATE INDEX charges_at ON charges (at)",
        "INSERT INTO charges (at, credits, job_id, kind) "
        "SELECT created_at, cost, id, kind FROM jobs WHERE cost > 0",
    ),
    5: (
        # The user's fields in columns of their own, out of the request's parameters
        # (which the work writes): a batch's and a person's names, the variant chosen,
        # the user's own words for a description.
        "ALTER TABLE jobs ADD COLUMN batch_name TEXT",
        "ALTER TABLE jobs ADD COLUMN person_name TEXT",
        "ALTER TABLE jobs ADD COLUMN chosen_at REAL",
        "ALTER TABLE jobs ADD COLUMN own_description TEXT",
        "UPDATE jobs SET "
        "batch_name = CASE WHEN json_type(params, '$.batch_name') = 'text' "
        "AND trim(json_extract(params, '$.batch_name')) != '' "
        "THEN json_extract(params, '$.batch_name') END, "
        "chosen_at = CASE WHEN json_type(params, '$.chosen_at') IN ('real', 'integer') "
        "THEN json_extract(params, '$.chosen_at') END "
        "WHERE json_valid(params)",
    ),
}

COLUMNS = (
    "id",
    "kind",
    "status",
    "product_type",
    "prompt",
    "description",
    "task_id",
    "created_at",
    "updated_at",
    "cost",
    "error",
    "error_kind",
    "source_name",
    "batch",
    "retry_of",
    "params",
    "timeline",
    "messages",
    "results",
    "raw",
    "owner",
    "revision",
    "mark",
    "stars",
    "trashed_at",
    "batch_name",
    "person_name",
    "chosen_at",
    "own_description",
)
EDITABLE = frozenset(USER_FIELDS)
"""The columns the user's edits change, one field at a time (``JobStore.update``)."""
WORK_COLUMNS = WORK_FIELDS
"""The columns the work's saves change (``JobStore.save_work``)."""


def to_row(job: Job) -> dict[str, Any]:
    return {
        "id": job.id,
        "kind": job.kind.value,
        "status": job.status.value,
        "product_type": job.product_type,
        "prompt": job.prompt,
        "description": job.description,
        "task_id": job.task_id,
        "created_at": job.created_at,
        "updated_at": job.updated_at,
        "cost": job.cost,
        "error": job.error,
        "error_kind": job.error_kind,
        "source_name": job.source_name,
        "batch": job.batch,
        "retry_of": job.retry_of,
        "params": json.dumps(job.params),
        "timeline": json.dumps(job.timeline),
        "messages": json.dumps(list(job.messages)),
        "results": json.dumps(list(job.results)),
        "raw": json.dumps(job.raw, default=str) if job.raw is not None else None,
        "owner": job.owner,
        "revision": job.revision,
        "mark": job.mark,
        "stars": job.stars,
        "trashed_at": job.trashed_at,
        "batch_name": job.batch_name,
        "person_name": job.person_name,
        "chosen_at": job.chosen_at,
        "own_description": job.own_description,
    }


def to_row_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Edited fields as their columns hold them."""
    row = dict(fields)
    if "params" in row:
        row["params"] = json.dumps(row["params"])
    if "mark" in row and row["mark"] not in MARKS:
        row["mark"] = None
    if "stars" in row:
        row["stars"] = max(0, min(MAX_STARS, int(row["stars"])))
    for name in ("batch_name", "person_name"):
        if name in row:
            row[name] = " ".join(str(row[name] or "").split()) or None
    return row


def _loads(text: str | None, default: Any) -> Any:
    if not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


def from_row(row: Sequence[Any]) -> Job:
    values = dict(zip(COLUMNS, row, strict=True))
    try:
        status = JobStatus(values["status"])
    except ValueError:
        status = JobStatus.FAILED
    return Job(
        id=values["id"],
        kind=JobKind(values["kind"]),
        status=status,
        product_type=values["product_type"],
        prompt=values["prompt"],
        description=values["description"],
        task_id=values["task_id"],
        created_at=values["created_at"],
        updated_at=values["updated_at"],
        cost=values["cost"],
        error=values["error"],
        error_kind=values["error_kind"],
        source_name=values["source_name"],
        batch=values["batch"],
        retry_of=values["retry_of"],
        params=_loads(values["params"], {}),
        timeline=_loads(values["timeline"], {}),
        messages=tuple(_loads(values["messages"], [])),
        results=tuple(_loads(values["results"], [])),
        raw=_loads(values["raw"], None),
        owner=values["owner"],
        revision=int(values["revision"] or 0),
        mark=values["mark"] if values["mark"] in MARKS else None,
        stars=max(0, min(MAX_STARS, int(values["stars"] or 0))),
        trashed_at=values["trashed_at"],
        batch_name=values["batch_name"],
        person_name=values["person_name"],
        chosen_at=values["chosen_at"],
        own_description=values["own_description"],
    )
