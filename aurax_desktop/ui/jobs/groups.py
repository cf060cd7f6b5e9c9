"""A generation's variations, or a batch of try-ons (with the descriptions sent with it),
as one entry of the jobs list, like a stack of photos: the newest job stands for them
all, with their count and how many are done; opened, every job shows, moved in and
numbered "2 of 4", the batch's descriptions under its try-ons (``job_group_controls``
opens and closes them). A single job, a batch of one included, is a plain row."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect

from aurax_desktop.jobs import Job, JobKind, JobStatus
from aurax_desktop.jobs.model import RETRYABLE_STATUSES

INDENT = 16
"""How far a shown variation's row is moved in, under its entry."""


def group_of(job: Job) -> str | None:
    """The group a job may belong to: a generation's variations, or a batch of try-ons
    and the descriptions sent with it, share their batch id. (Descriptions sent from
    the Describe table share one too, but are grouped in its table: a group needs a
    try-on or a generation, see ``leads_a_group``.)"""
    return job.batch or None


def leads_a_group(job: Job) -> bool:
    """A try-on or a generation: what a group of the jobs list is made around."""
    return job.kind in (JobKind.TRY_ON, JobKind.IMAGE_GENERATION)


def group_noun(job: Job) -> str:
    """What the jobs of ``job``'s kind are called in its group."""
    if job.kind is JobKind.PRODUCT_DESCRIPTION:
        return "descriptions"
    return "try-ons" if job.kind is JobKind.TRY_ON else "variations"


def group_contents(members: list[Job]) -> str:
    """What a group holds, in words: "4 try-ons", "4 try-ons and 2 descriptions"."""
    kinds: dict[JobKind, tuple[int, str]] = {}
    for job in members:
        count, noun = kinds.get(job.kind, (0, group_noun(job)))
        kinds[job.kind] = (count + 1, noun)
    parts = [f"{count} {noun if count > 1 else noun[:-1]}" for count, noun in kinds.values()]
    return " and ".join(parts)


@dataclass(frozen=True)
class GroupPlace:
    """Where a job stands in its group, and how the group is doing."""

    group: str
    position: int
    """1 for the first variation sent (among the jobs of its own kind)."""
    of: int
    """How many jobs of its own kind the group holds."""
    count: int
    """How many jobs the group holds (a batch's try-ons and its descriptions)."""
    contents: str
    """What the group holds, in words ("4 try-ons and 2 descriptions")."""
    others: str
    """What it holds besides its entry's kind ("2 descriptions"), or ""."""
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
                return f"Try-on batch · {self.of} {group_noun(job)}"
            return f"Try-on {self.position} of {self.of} · {kind}"
        if job.kind is JobKind.PRODUCT_DESCRIPTION:
            return f"Description {self.position} of {self.of} · {kind}"
        if self.folded:
            return f"{job.kind.label} · {kind} · {self.of} {group_noun(job)}"
        return f"Variation {self.position} of {self.of} · {kind}"

    def status(self) -> tuple[str, JobStatus]:
        """The folded entry's status word, and the job status whose colour it takes."""
        if self.running:
            return f"{self.done} of {self.count} done", JobStatus.PROCESSING
        if self.done == self.count:
            return "Done", JobStatus.COMPLETED
        return f"{self.done} of {self.count} done", JobStatus.FAILED

    def detail(self, job: Job) -> str:
        """The folded entry's second line, after its status word."""
        unfinished = self.count - self.done - self.running
        parts = [f"{unfinished} did not finish"] if unfinished else []
        if self.others:
            parts.append(f"with {self.others}")
        what = job.prompt or ""
        if job.kind is JobKind.TRY_ON:
            what = job.batch_name or ""
        return " · ".join([*parts, what]).strip(" ·")

    def spoken(self, job: Job) -> str:
        word, _status = self.status()
        others = f", with {self.others}" if self.others and self.folded else ""
        return f"{self.title(job).replace(' · ', ', ')}{others}, {word}"


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
    # sent one after another: by time, and for equal times the lower row first; numbered
    # among its own kind (a batch's try-ons, then its descriptions)
    kin = [(row, j) for row, j in enumerate(members) if j.kind is job.kind]
    mine = (job.created_at, -next(r for r, j in kin if j.id == job.id))
    older = sum((j.created_at, -row) < mine for row, j in kin)
    return GroupPlace(
        group=group,
        position=older + 1,
        of=len(kin),
        count=len(members),
        contents=group_contents(members),
        others=group_contents([j for j in members if j.kind is not members[0].kind]),
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
