"""A generation's variations, or a batch of try-ons, as one entry of the jobs list, like a
stack of photos: the newest job stands for them all, with their count and how many are
done; opened, every job shows, moved in and numbered "2 of 4" (``job_group_controls``
opens and closes them). A single job, a batch of one included, is a plain row."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect

from aurax_desktop.jobs import Job, JobKind, JobStatus
from aurax_desktop.jobs.model import RETRYABLE_STATUSES

INDENT = 16
"""How far a shown variation's row is moved in, under its entry."""


def group_of(job: Job) -> str | None:
    """The group a job belongs to: a generation's variations, or a batch of try-ons,
    share their batch id (descriptions are grouped in the Describe table instead)."""
    return job.batch if job.kind in _GROUPED and job.batch else None


_GROUPED = (JobKind.TRY_ON, JobKind.IMAGE_GENERATION)


def group_noun(job: Job) -> str:
    """What the jobs of ``job``'s group are called."""
    return "try-ons" if job.kind is JobKind.TRY_ON else "variations"


@dataclass(frozen=True)
class GroupPlace:
    """Where a job stands in its group, and how the group is doing."""

    group: str
    position: int
    """1 for the first variation sent."""
    count: int
    done: int
    running: int
    lead: bool
    """The row that stands for the group (the top one)."""
    last: bool
    """The group's bottom row."""
    expanded: bool

    @property
    def folded(self) -> bool:
        """This row shows the whole group (the others are hidden)."""
        return self.lead and not self.expanded

    def title(self, job: Job) -> str:
        kind = job.product_type.capitalize()
        if job.kind is JobKind.TRY_ON:
            if self.folded:
                return f"Try-on batch · {self.count} {group_noun(job)}"
            return f"Try-on {self.position} of {self.count} · {kind}"
        if self.folded:
            return f"{job.kind.label} · {kind} · {self.count} {group_noun(job)}"
        return f"Variation {self.position} of {self.count} · {kind}"

    def status(self) -> tuple[str, JobStatus]:
        """The folded entry's status word, and the job status whose colour it takes."""
        if self.running:
            return f"{self.done} of {self.count} done", JobStatus.PROCESSING
        if self.done == self.count:
            return "Done", JobStatus.COMPLETED
        return f"{self.done} of {self.count} done", JobStatus.FAILED

    def detail(self, job: Job) -> str:
        """The folded entry's second line, after its status word."""
        others = self.count - self.done - self.running
        parts = [f"{others} did not finish"] if others else []
        what = job.prompt or ""
        if job.kind is JobKind.TRY_ON:
            what = job.batch_name or ""
        return " · ".join([*parts, what]).strip(" ·")

    def spoken(self, job: Job) -> str:
        word, _status = self.status()
        return f"{self.title(job).replace(' · ', ', ')}, {word}"


def to_retry(members: list[Job]) -> list[Job]:
    """The group's jobs that did not finish and were not retried yet."""
    retried = {job.retry_of for job in members if job.retry_of}
    return [j for j in members if j.status in RETRYABLE_STATUSES and j.id not in retried]


def place_in(job: Job, members: list[Job], *, expanded: bool) -> GroupPlace | None:
    """``job``'s place among ``members`` (its group's rows, top first), or None when the
    group has one row only (shown as any job)."""
    group = group_of(job)
    if group is None or len(members) < 2:
        return None
    # sent one after another: by time, and for equal times the lower row first
    mine = (job.created_at, -next(r for r, j in enumerate(members) if j.id == job.id))
    older = sum((j.created_at, -row) < mine for row, j in enumerate(members))
    return GroupPlace(
        group=group,
        position=older + 1,
        count=len(members),
        done=sum(j.status is JobStatus.COMPLETED for j in members),
        running=sum(not j.status.is_final for j in members),
        lead=members[0].id == job.id,
        last=members[-1].id == job.id,
        expanded=expanded,
    )


def card_rect(row: QRect, place: GroupPlace | None) -> QRect:
    """A row's card: a shown variation's is moved in under its entry."""
    indent = INDENT if place is not None and not place.lead else 0
    return row.adjusted(2 + indent, 3, -2, -3)


def picture_rect(row: QRect, place: GroupPlace | None, thumb: int) -> QRect:
    """Where a row's picture is drawn."""
    card = card_rect(row, place)
    return QRect(card.left() + 10, card.top() + (card.height() - thumb) // 2, thumb, thumb)
