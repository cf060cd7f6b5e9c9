"""A generation's variations as one entry of the jobs list, like a stack of photos: the
newest variation stands for them all, with their count and how many are done; opened,
every variation shows, moved in and numbered "2 of 4" (``job_group_controls`` opens and
closes them)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect

from aurax_desktop.jobs import Job, JobKind, JobStatus

INDENT = 16
"""How far a shown variation's row is moved in, under its entry."""


def group_of(job: Job) -> str | None:
    """The group a job belongs to: a generation's variations share their batch id."""
    return job.batch if job.kind is JobKind.IMAGE_GENERATION and job.batch else None


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
        if self.folded:
            return f"{job.kind.label} · {kind} · {self.count} variations"
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
        return " · ".join([*parts, job.prompt or ""]).strip(" ·")

    def spoken(self, job: Job) -> str:
        word, _status = self.status()
        return f"{job.kind.label}, {job.product_type.lower()}, {self.count} variations, {word}"


def place_in(job: Job, members: list[Job], *, expanded: bool) -> GroupPlace | None:
    """``job``'s place among ``members`` (its group's rows, top first), or None when the
    group has one row only (shown as any job)."""
    group = group_of(job)
    if group is None or len(members) < 2:
        return None
    order = sorted(members, key=lambda j: (j.created_at, -members.index(j)))
    return GroupPlace(
        group=group,
        position=order.index(job) + 1,
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
