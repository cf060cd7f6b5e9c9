"""What the ``aurax`` command shows: progress on stderr, results on stdout."""

from __future__ import annotations

import json
import sys
import threading
import time
import unicodedata
from datetime import datetime
from typing import Any, TextIO

from aurax_desktop.api import ProductType
from aurax_desktop.cli.terminal import write_raw
from aurax_desktop.exports.print_pictures import look_name
from aurax_desktop.formats import format_datetime, format_number, format_percent
from aurax_desktop.jobs import Job, JobEvent, JobNotice, JobProgress, JobStatus, JobUpdated
from aurax_desktop.jobs.garments import CATEGORY, COLOUR, LABEL, PRICE, SKU, garment_details
from aurax_desktop.translation import _, lazy_gettext, ngettext


class Progress:
    """Prints job progress to stderr: one live line per job on a terminal, plain lines
    otherwise. Thread-safe: the job runner calls it from worker threads."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.quiet = quiet
        self._lock = threading.Lock()
        self._lines: dict[str, str] = {}
        self._states: dict[str, str] = {}
        """Each job's line without its note: what it is and its status (or a transfer)."""
        self._notes: dict[str, tuple[JobStatus | None, str]] = {}
        """Each job's latest note (how it is being followed or sent) and the status it
        was given in: a newer note replaces it, and it holds while the job stays in that
        status, as in the window's Jobs list."""
        self._statuses: dict[str, JobStatus] = {}
        self._order: list[str] = []
        self._shown = 0
        self._last_draw = 0.0

    def __call__(self, event: JobEvent) -> None:
        if self.quiet:
            return
        with self._lock:
            if isinstance(event, JobUpdated):
                job = event.job
                self._statuses[job.id] = job.status
                self._states[job.id] = describe(job)
                self._show(job.id, force=True)
            elif isinstance(event, JobProgress) and event.fraction is not None:
                percent = format_percent(event.fraction)
                if event.phase == "upload":
                    # Translators: a job's photos being sent to AuraX: "Sending 40%"
                    transfer = _("Sending {percent}").format(percent=percent)
                else:
                    # Translators: a job's result being fetched from AuraX
                    transfer = _("Downloading {percent}").format(percent=percent)
                base = self._states.get(event.job_id, "").split(" · ")[0] or event.job_id
                self._states[event.job_id] = f"{base} · {transfer}"
                self._show(event.job_id, force=False)
            elif isinstance(event, JobNotice):
                status = self._statuses.get(event.job_id)
                self._notes[event.job_id] = (status, event.message)
                self._show(event.job_id, force=True)

    def _show(self, job_id: str, *, force: bool) -> None:
        """The job's line as it stands: one note at most, for the notes tell how the
        job is followed now (live, checked every few seconds, reconnecting), and two
        side by side would contradict each other."""
        line = self._states.get(job_id, job_id)
        note = self._notes.get(job_id)
        if note is not None:
            given_in, message = note
            if given_in is self._statuses.get(job_id):
                line += f" ({message})"
            else:
                del self._notes[job_id]  # the job has moved on: the note is stale
        self._set(job_id, line, force=force)

    def _set(self, job_id: str, text: str, *, force: bool) -> None:
        if self._lines.get(job_id) == text:
            return
        if job_id not in self._lines:
            self._order.append(job_id)
        self._lines[job_id] = text
        if not self.live:
            if force:
                print(text, file=self.stream, flush=True)
            return
        now = time.monotonic()
        if force or now - self._last_draw > 0.1:
            self._last_draw = now
            self._draw()

    def _draw(self) -> None:
        out = self.stream
        if self._shown:
            write_raw(out, f"\x1b[{self._shown}F")
        for job_id in self._order:
            write_raw(out, "\x1b[2K")
            out.write(self._lines[job_id][:200] + "\n")
        self._shown = len(self._order)
        out.flush()

    def note(self, text: str) -> None:
        with self._lock:
            print(text, file=self.stream, flush=True)
            self._shown = 0
            self._order.clear()


def describe(job: Job) -> str:
    """One line about a job, for progress and history."""
    name = job.source_name or (job.prompt or "")[:40]
    garment = job.params.get("garment_name")
    if name and garment:
        name = look_name(name, str(garment))
    parts = [
        f"{job.kind.label} {job.id[:8]}",
        type_label(job.product_type),
        name,
        job.status.label,
    ]
    if job.error:
        parts.append(job.error)
    return " · ".join(p for p in parts if p)


def type_label(product_type: str) -> str:
    """A job's product type in words ("Dress"); as stored when it names none."""
    try:
        return ProductType.parse(product_type).label
    except ValueError:
        return product_type.capitalize()


def job_record(job: Job, output: str | None = None) -> dict[str, Any]:
    """A job as JSON for ``--json``."""
    return {
        "job_id": job.id,
        "batch": job.batch,
        "kind": job.kind.value,
        "status": job.status.value,
        "product_type": job.product_type,
        "task_id": job.task_id,
        "prompt": job.prompt,
        "source": job.source_name,
        "description": job.shown_description,
        "output": output,
        "results": [str(p) for p in job.result_paths],
        "error": job.error,
        "messages": list(job.messages),
        "cost": job.cost,
        "mark": job.mark or None,
        "stars": job.stars,
        "batch_name": job.batch_name or None,
        "person_name": job.person_name,
        "garment": job.params.get("garment_name"),
        **{key: value or None for key, value in _garment_fields(job).items()},
        "created_at": job.created_at,
    }


def _garment_fields(job: Job) -> dict[str, str]:
    details = garment_details(job.params)
    return {
        "sku": details.get(SKU, ""),
        "name": details.get(LABEL, ""),
        "category": details.get(CATEGORY, ""),
        "price": details.get(PRICE, ""),
        "colour": details.get(COLOUR, ""),
    }


def print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


HISTORY_HEADINGS = (
    # Translators: the headings of "aurax history"'s table: a job's short id
    lazy_gettext("Job"),
    # Translators: when a job was sent
    lazy_gettext("When"),
    # Translators: a job's kind: Try-on, Generation, Description
    lazy_gettext("Kind"),
    # Translators: a job's product type
    lazy_gettext("Type"),
    lazy_gettext("Status"),
    # Translators: a job's task id on AuraX
    lazy_gettext("Task"),
    # Translators: a job's result: a file, a description, or why it failed
    lazy_gettext("Result"),
)


def history_table(jobs: list[Job]) -> str:
    rows = [tuple(str(heading) for heading in HISTORY_HEADINGS)]
    for job in jobs:
        when = format_datetime(datetime.fromtimestamp(job.created_at), "short")
        result = (
            job.shown_description
            or (str(job.result_paths[0]) if job.results else "")
            or job.error
            or ""
        )
        rows.append(
            (
                job.id[:8],
                when,
                job.kind.label,
                type_label(job.product_type),
                job.status.label,
                (job.task_id or "")[:12],
                result[:60],
            )
        )
    widths = [max(columns(r[i]) for r in rows) for i in range(6)]
    return "\n".join(
        "  ".join(padded(cell, widths[i]) for i, cell in enumerate(row[:6])) + "  " + row[6]
        for row in rows
    )


def columns(text: str) -> int:
    """How many of a terminal's columns ``text`` takes: Chinese and Japanese characters
    (wide, or full-width) take two, marks that take no room (an accent combined with its
    letter, the right-to-left mark in an Arabic date) none."""
    return sum(_columns(character) for character in text)


def _columns(character: str) -> int:
    if unicodedata.category(character) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def padded(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` columns."""
    return text + " " * max(0, width - columns(text))


def waiting_note(waiting: list[Job]) -> str:
    """Why jobs wait unsent, and what sends them."""
    why = next((job.error for job in waiting if job.error), "") or str(PAUSED_NOTE)
    # Translators: {why} is why jobs were not sent (without a full stop): "AuraX says
    # the account is out of credits". Resume is the button of the window's Gallery.
    # English says "them" for one too.
    note = ngettext(
        "{why}. {count} not sent (nothing was charged for them): they wait. Top up your AuraX "
        "credits, then run `aurax resume` (or press Resume in the window's Gallery) to send "
        "them.",
        "{why}. {count} not sent (nothing was charged for them): they wait. Top up your AuraX "
        "credits, then run `aurax resume` (or press Resume in the window's Gallery) to send "
        "them.",
        len(waiting),
    )
    return note.format(why=why.rstrip("."), count=format_number(len(waiting)))


PAUSED_NOTE = lazy_gettext("AuraX says the account is out of credits")
