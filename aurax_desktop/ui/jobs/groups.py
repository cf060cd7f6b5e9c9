"""A generation's variations, or a batch of try-ons (with the descriptions sent with it),
as one entry of the jobs list, like a stack of photos: the newest job stands for them
all, with their count and how many are done; opened, every job shows, moved in and
numbered "2 of 4", the batch's descriptions under its try-ons (``job_group_controls``
opens and closes them). A single job, a batch of one included, is a plain row."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QRect

from aurax_desktop.jobs import Job, JobKind, JobStatus
from aurax_desktop.jobs.model import RETRYABLE_STATUSES
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.jobs.row_text import list_of, type_label

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
    """What the jobs of ``job``'s kind are called in its group ("try-ons")."""
    if job.kind is JobKind.PRODUCT_DESCRIPTION:
        # Translators: a group's jobs of this kind, in "Hide the {jobs}".
        return _("descriptions")
    if job.kind is JobKind.TRY_ON:
        # Translators: a group's jobs of this kind, in "Hide the {jobs}".
        return _("try-ons")
    # Translators: a group's jobs of this kind (a generation's), in "Hide the {jobs}".
    return _("variations")


def counted(kind: JobKind, count: int) -> str:
    """``count`` jobs of ``kind`` in a group, in words: "4 try-ons"."""
    if kind is JobKind.PRODUCT_DESCRIPTION:
        said = ngettext("{count} description", "{count} descriptions", count)
    elif kind is JobKind.TRY_ON:
        said = ngettext("{count} try-on", "{count} try-ons", count)
    else:
        said = ngettext("{count} variation", "{count} variations", count)
    return said.format(count=count)


def both(parts: list[str]) -> str:
    """Things said together: "4 try-ons and 2 descriptions"."""
    said = parts[0] if parts else ""
    for part in parts[1:]:
        # Translators: two things said together ("4 try-ons and 2 descriptions").
        said = _("{first} and {second}").format(first=said, second=part)
    return said


def group_contents(members: list[Job]) -> str:
    """What a group holds, in words: "4 try-ons", "4 try-ons and 2 descriptions"."""
    kinds: dict[JobKind, int] = {}
    for job in members:
        kinds[job.kind] = kinds.get(job.kind, 0) + 1
    return both([counted(kind, count) for kind, count in kinds.items()])


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
        """The row's first line: "Try-on 2 of 4 · Dress", "Try-on batch · 4 try-ons"."""
        kind = type_label(job.product_type)
        where = {"number": self.position, "count": self.of, "product_type": kind}
        if job.kind is JobKind.TRY_ON:
            if self.folded:
                # Translators: a batch of try-ons, folded into one row of the Jobs list.
                return ngettext(
                    "Try-on batch · {count} try-on", "Try-on batch · {count} try-ons", self.of
                ).format(**where)
            return _("Try-on {number} of {count} · {product_type}").format(**where)
        if job.kind is JobKind.PRODUCT_DESCRIPTION:
            return _("Description {number} of {count} · {product_type}").format(**where)
        if self.folded:
            # Translators: a generation's variations, folded into one row of the Jobs
            # list; {kind} is "Generation".
            return ngettext(
                "{kind} · {product_type} · {count} variation",
                "{kind} · {product_type} · {count} variations",
                self.of,
            ).format(kind=job.kind.label, **where)
        return _("Variation {number} of {count} · {product_type}").format(**where)

    def status(self) -> tuple[str, JobStatus]:
        """The folded entry's status word, and the job status whose colour it takes."""
        # Translators: how many of a group's jobs are done ("2 of 3 done").
        done = ngettext("{done} of {total} done", "{done} of {total} done", self.done).format(
            done=self.done, total=self.count
        )
        if self.running:
            return done, JobStatus.PROCESSING
        if self.done == self.count:
            # Translators: every job of a group is done.
            return _("Done"), JobStatus.COMPLETED
        return done, JobStatus.FAILED

    def with_others(self) -> str:
        """What the group holds besides its entry's kind: "with 2 descriptions"."""
        # Translators: what a batch of try-ons holds besides them ("with 2 descriptions").
        return _("with {jobs}").format(jobs=self.others) if self.others else ""

    def detail(self, job: Job) -> str:
        """The folded entry's second line, after its status word."""
        unfinished = self.count - self.done - self.running
        parts = []
        if unfinished:
            parts.append(
                ngettext("{count} did not finish", "{count} did not finish", unfinished).format(
                    count=unfinished
                )
            )
        parts.append(self.with_others())
        what = job.prompt or ""
        if job.kind is JobKind.TRY_ON:
            what = job.batch_name or ""
        return " · ".join(part for part in [*parts, what] if part).strip(" ·")

    def spoken(self, job: Job) -> str:
        """What a screen reader says of the row: its title, what else the group holds
        (when folded), and its state."""
        word, _status = self.status()
        others = self.with_others() if self.folded else ""
        return list_of([*self.title(job).split(" · "), others, word])


def to_retry(members: list[Job]) -> list[Job]:
    """The group's jobs that did not finish and were not retried yet."""
    retried = {job.retry_of for job in members if job.retry_of}
    return [j for j in members if j.status in RETRYABLE_STATUSES and j.id not in retried]


class GroupSummary:
    """What every row of a group shares, worked out once for all of them (a batch of
    10,000 try-ons is walked once, not once for each row drawn); the rows' numbers
    only when a row that shows one is drawn."""

    def __init__(self, group: str, members: list[Job]) -> None:
        """``members``: the group's rows, top first."""
        self.group = group
        self.members = members
        self.count = len(members)
        self.contents = group_contents(members)
        self.others = group_contents([j for j in members if j.kind is not members[0].kind])
        self.done = sum(j.status is JobStatus.COMPLETED for j in members)
        self.running = sum(not j.status.is_final for j in members)
        self.first, self.last = members[0].id, members[-1].id
        self.of_kind = Counter(job.kind for job in members)
        self._row_of = {job.id: row for row, job in enumerate(members)}

    def refresh(self, job: Job) -> bool:
        """Take in a member's new state (the group's rows as they were): its counts move
        by what changed, without walking the group again (a batch of 10,000 try-ons hears
        from a job every few milliseconds). False when ``job`` is not a member."""
        row = self._row_of.get(job.id)
        if row is None:
            return False
        before, self.members[row] = self.members[row], job
        self.done += (job.status is JobStatus.COMPLETED) - (before.status is JobStatus.COMPLETED)
        self.running += (not job.status.is_final) - (not before.status.is_final)
        return True

    @classmethod
    def of(cls, group: str, members: list[Job]) -> GroupSummary:
        return cls(group, members)

    @functools.cached_property
    def positions(self) -> dict[str, tuple[int, int]]:
        """Each job's number among its own kind, and how many of its kind there are."""
        positions: dict[str, tuple[int, int]] = {}
        for kind in dict.fromkeys(job.kind for job in self.members):
            kin = [(row, job) for row, job in enumerate(self.members) if job.kind is kind]
            # sent one after another: by time, and for equal times the lower row first
            ordered = sorted(kin, key=lambda entry: (entry[1].created_at, -entry[0]))
            for number, (_row, job) in enumerate(ordered, start=1):
                positions[job.id] = (number, len(kin))
        return positions

    def place(self, job: Job, *, expanded: bool) -> GroupPlace | None:
        """``job``'s place in the group."""
        lead = self.first == job.id
        if lead and not expanded:  # the folded entry speaks for the whole group
            position, of = 1, self.of_kind[job.kind]
        else:
            position, of = self.positions.get(job.id, (1, self.count))
        return GroupPlace(
            group=self.group,
            position=position,
            of=of,
            count=self.count,
            contents=self.contents,
            others=self.others,
            done=self.done,
            running=self.running,
            lead=lead,
            last=self.last == job.id,
            expanded=expanded,
        )


def place_in(job: Job, members: list[Job], *, expanded: bool) -> GroupPlace | None:
    """``job``'s place among ``members`` (its group's rows, top first), or None when the
    group has one row only (shown as any job)."""
    group = group_of(job)
    if group is None or len(members) < 2:
        return None
    return GroupSummary.of(group, members).place(job, expanded=expanded)


def card_rect(row: QRect, place: GroupPlace | None) -> QRect:
    """A row's card: a shown variation's is moved in under its entry."""
    indent = INDENT if place is not None and not place.lead else 0
    return row.adjusted(2 + indent, 3, -2, -3)


def picture_rect(row: QRect, place: GroupPlace | None, thumb: int) -> QRect:
    """Where a row's picture is drawn."""
    card = card_rect(row, place)
    return QRect(card.left() + 10, card.top() + (card.height() - thumb) // 2, thumb, thumb)
