"""The progress list's model: one row per job, newest first, updates throttled; a
generation's variations are a group (see ``groups``), folded into one entry unless
opened, and so is a batch of try-ons with the descriptions sent with it (listed under
its try-ons).

It is a view over the window's job cache: it keeps which jobs it shows, in what
order, and how each row is decorated (progress, a notice, a thumbnail), and asks
the cache what each job now is. A reload read before the last event therefore
never shows a job older than the cache holds.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage

from aurax_desktop.jobs import Job, JobKind, JobProgress, JobQuery, JobStatus
from aurax_desktop.translation import _
from aurax_desktop.ui.common.coalesce import Coalesced
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.jobs.groups import GroupPlace, GroupSummary, group_of, leads_a_group
from aurax_desktop.ui.jobs.row_text import list_of, spoken_detail, type_label, type_word

JobRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2
ThumbnailRole = Qt.ItemDataRole.UserRole + 3
NoticeRole = Qt.ItemDataRole.UserRole + 4
GroupRole = Qt.ItemDataRole.UserRole + 5
RowRole = Qt.ItemDataRole.UserRole + 6
"""All a row's painting needs (a ``RowState``), in one call."""


@dataclass(frozen=True)
class RowState:
    """A row as it is drawn: asked for once per paint, since every call from Qt into
    Python waits its turn for the interpreter while the workers are busy."""

    job: Job
    progress: float | None
    notice: str | None
    thumbnail: QImage | None
    place: GroupPlace | None


_Index = QModelIndex | QPersistentModelIndex
Order = tuple[float, int, float, str]


class JobListModel(QAbstractListModel):
    """Holds job snapshots; changes are gathered and shown at most ten times a second.

    The rows are the history's answer to ``query`` (all jobs unless the user filters),
    a page at a time: scrolling to the end asks ``fetcher`` for the next page.
    """

    thumbnailWanted = Signal(object)
    """A shown finished job has no thumbnail yet (a Job); answer with ``set_thumbnail``."""
    groupsChanged = Signal()
    """A group was opened or closed (its rows came or went)."""

    def __init__(
        self,
        cache: JobCache,
        parent: QObject | None = None,
        *,
        fetcher: Callable[[JobQuery], None] | None = None,
        query: JobQuery | None = None,
    ) -> None:
        """``fetcher``: called with the next page's query, it answers with
        ``older_loaded`` (without one, the rows are all there is); ``query``: what the
        rows are (a page of the whole history unless said)."""
        super().__init__(parent)
        self.cache = cache
        cache.changed.connect(self.update_job)
        cache.removed.connect(self.remove_job)
        self.query = query or JobQuery()
        self.fetcher = fetcher
        self.answered = fetcher is None
        """Whether the history answered (until then an empty list says nothing: "No jobs
        yet" would say that a user's work is gone)."""
        self._more = False
        self._fetching = False
        self._listed: list[str] = []
        """Every job the list holds (the pages loaded), in order."""
        self._at: dict[str, int] = {}
        """Where each job stands in ``_listed``."""
        self._ids: list[str] = []
        """The rows: the jobs listed but the hidden rows of closed groups (a folded batch
        of 10,000 try-ons is one row, so the view never walks 10,000 hidden rows)."""
        self._rows: dict[str, int] = {}
        self._groups: dict[str, list[str]] = {}
        """Each group with two rows or more: its jobs' ids, top row first."""
        self._member_of: dict[str, str] = {}
        """Each grouped job's group."""
        self._summaries: dict[str, GroupSummary] = {}
        """What each group's rows share, worked out when first drawn since it changed."""
        self._expanded: set[str] = set()
        self._anchors: dict[str, float] = {}
        """Each batch's oldest try-on seen (when it was made): the descriptions sent with
        the batch are listed under it."""
        self._progress: dict[str, float | None] = {}
        self._notices: dict[str, tuple[JobStatus, str]] = {}
        """A notice holds while the job stays in the state it was given in."""
        self._thumbnails: dict[str, QImage] = {}
        self._pictured: dict[str, JobStatus] = {}
        """The state each row's picture was asked for in (a new state may bring a new
        picture)."""
        self._asked: set[str] = set()
        self._pending: set[str] = set()
        """Jobs the cache announced since the last flush."""
        self._dirty: set[str] = set()
        self._updates = Coalesced(self._flush, self, interval=100)
        self._ticker = QTimer(self)  # elapsed times move on while jobs run
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()

    def stop_timers(self) -> None:
        """The window closes: the timers stop and changes arriving later start none."""
        self._updates.stop()
        self._ticker.stop()

    # Qt's model interface

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        job = self.job(index.row()) if index.isValid() else None
        if job is None:
            return None
        if role == JobRole:
            return job
        if role == RowRole:
            return RowState(
                job,
                self._progress.get(job.id),
                self._notice(job),
                self._thumbnail(job),
                self.place(job),
            )
        if role == ProgressRole:
            return self._progress.get(job.id)
        if role == ThumbnailRole:
            return self._thumbnail(job)
        if role == NoticeRole:
            return self._notice(job)
        if role == GroupRole:
            return self.place(job)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{job.kind.label} · {type_label(job.product_type)} · {job.status.label}"
        if role in (
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.AccessibleDescriptionRole,
        ):
            return self._spoken(job, description=role == Qt.ItemDataRole.AccessibleDescriptionRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return job.error or job.task_id or None
        return None

    def _thumbnail(self, job: Job) -> QImage | None:
        thumb = self._thumbnails.get(job.id)
        if thumb is None and _has_picture(job) and job.id not in self._asked:
            self._asked.add(job.id)
            self.thumbnailWanted.emit(job)  # loaded when first shown, not all at start
        return thumb

    def _notice(self, job: Job) -> str | None:
        status, text = self._notices.get(job.id, (None, None))
        return text if status is job.status else None

    def _spoken(self, job: Job, *, description: bool) -> str:
        """What a screen reader says of a row: its name (the kind, the product type, the
        state, what went wrong), or its description (what went in, and when)."""
        place = self.place(job)
        if place is not None and place.folded:  # the entry speaks for its group
            return place.detail(job) if description else place.spoken(job)
        if description:
            return spoken_detail(job)
        text = list_of([job.kind.label, type_word(job.product_type), job.status.label])
        # Translators: a job as a screen reader says it, then what went wrong.
        return _("{job}: {error}").format(job=text, error=job.error) if job.error else text

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self.fetcher is not None:
            self._fetching = True
            self.fetcher(replace(self.query, offset=len(self._listed)))

    # Feeding it

    def show_query(self, query: JobQuery, jobs: list[Job], *, more: bool) -> None:
        """Show the first page of a new query's answer (the rows are replaced)."""
        shown = self.cache.absorb(jobs)
        self._anchor(shown)
        self.answered = True
        self.beginResetModel()
        self.query = query
        self._listed = [job.id for job in sorted(shown, key=self._order) if query.matches(job)]
        self._pending.difference_update(self._listed)
        self._reindex()
        self._ids = self._visible()
        self._rows = {job_id: row for row, job_id in enumerate(self._ids)}
        self._more, self._fetching = more, False
        self.endResetModel()

    def older_loaded(self, jobs: list[Job], *, more: bool) -> None:
        """A further page of the current query arrived."""
        self._more, self._fetching, self.answered = more, False, True
        self.append_older(jobs)

    def is_filtered(self) -> bool:
        return self.query.text.strip() != "" or bool(self.query.statuses)

    def append_older(self, jobs: list[Job]) -> None:
        absorbed = self.cache.absorb(jobs)
        moved = self._anchor(absorbed)
        new = [
            j.id
            for j in sorted(absorbed, key=self._order)
            if j.id not in self._at and self.query.matches(j)
        ]
        if new:
            self._listed.extend(new)
            self._reindex()
            self._reshow()
        if new or moved:  # a batch's try-ons came after its descriptions: these go under them
            self._resort()

    def update_job(self, job: Job) -> None:
        """The cache has a job anew: shown on the next flush (many changes, one
        repaint)."""
        self._pending.add(job.id)
        self._updates.ask()

    def set_progress(self, event: JobProgress) -> None:
        self._progress[event.job_id] = event.fraction
        self._dirty.add(event.job_id)
        self._updates.ask()

    def set_notice(self, job_id: str, text: str) -> None:
        job = self.cache.get(job_id)
        if job is None:
            return
        self._notices[job_id] = (job.status, text)
        self._dirty.add(job_id)
        self._updates.ask()

    def set_thumbnail(self, job_id: str, image: QImage) -> None:
        self._thumbnails[job_id] = image
        row = self._rows.get(job_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [ThumbnailRole])

    def remove_job(self, job_id: str) -> None:
        self._pending.discard(job_id)
        at = self._at.get(job_id)
        if at is None:
            return
        kin = self._groups.get(self._member_of.get(job_id, ""), [])
        del self._listed[at]
        self._reindex()
        self._reshow()
        self._redraw(kin)  # its group's entry counts one job less (or is a plain row now)

    def flush(self) -> None:
        """Show every pending change now."""
        self._updates.now()

    def _flush(self) -> None:
        pending, self._pending = self._pending, set()
        dirty, self._dirty = self._dirty, set()
        jobs = [job for job_id in pending if (job := self.cache.get(job_id)) is not None]
        moved = self._anchor(j for j in jobs if self.query.matches(j) and not j.in_trash)
        for job in jobs:  # deleted (to the Trash) or brought back from it
            if job.id in self._at and job.in_trash != self.query.trashed:
                self.remove_job(job.id)
        self._insert([j for j in jobs if j.id not in self._at and self.query.matches(j)])
        if moved:
            self._resort()
        for job in jobs:
            group = group_of(job) or ""
            summary = self._summaries.get(group)
            if summary is not None and not summary.refresh(job):  # its group's counts move
                del self._summaries[group]
            row = self._rows.get(job.id)
            if row is None:
                continue
            if job.status in _NEW_PICTURE and self._pictured.get(job.id) is not job.status:
                self._thumbnails.pop(job.id, None)  # the row's picture changes: ask again
                self._asked.discard(job.id)
            self._pictured[job.id] = job.status
            if job.status.is_final or job.status.value not in ("submitting", "downloading"):
                self._progress.pop(job.id, None)
            dirty.add(job.id)
        for job_id in [*dirty, *(job.id for job in jobs)]:  # a group's entry counts its jobs
            dirty.update(self._groups.get(self._member_of.get(job_id, ""), [])[:1])
        for job_id in dirty:
            found = self._rows.get(job_id)
            if found is not None:
                index = self.index(found)
                self.dataChanged.emit(index, index)

    def _insert(self, jobs: list[Job]) -> None:
        """Jobs new to the list, each in its place (newest first); one older than every
        row while more pages wait is left for its page. The rows change once for all of
        them: a batch of 10,000 try-ons is one insertion, not 10,000."""
        placed = []
        for job in jobs:
            order = self._order(job)
            at = bisect.bisect_left(self._listed, order, key=self._order_of)
            if at == len(self._listed) and self._more:
                continue
            placed.append((at, order, job.id))
        if not placed:
            return
        placed.sort()
        for at, _order, job_id in reversed(placed):  # bottom first: the places hold
            self._listed.insert(at, job_id)
        self._reindex()
        self._reshow()

    # Order: newest first, and a batch's descriptions under its try-ons

    def _order(self, job: Job) -> Order:
        """Where ``job``'s row goes (rows are in this order, smallest first)."""
        if job.kind is JobKind.PRODUCT_DESCRIPTION and job.batch in self._anchors:
            return (-self._anchors[job.batch], 1, -job.created_at, job.id)
        return (-job.created_at, 0, 0.0, job.id)

    def _order_of(self, job_id: str) -> Order:
        known = self.cache.get(job_id)
        return self._order(known) if known is not None else (0.0, 0, 0.0, job_id)

    def _anchor(self, jobs: Iterable[Job]) -> bool:
        """Note the batches' oldest try-ons; True when one moved (a batch new here, or
        an older try-on of it)."""
        moved = False
        for job in jobs:
            if job.kind is JobKind.TRY_ON and job.batch:
                known = self._anchors.get(job.batch)
                if known is None or job.created_at < known:
                    self._anchors[job.batch] = job.created_at
                    moved = True
        return moved

    def _resort(self) -> None:
        """Put the rows in order again (descriptions shown before their batch's try-ons
        arrived go under them); the selection and the current row follow their jobs."""
        ordered = sorted(self._listed, key=self._order_of)
        if ordered == self._listed:
            return
        self._listed = ordered
        self._reindex()
        shown = set(self._ids)
        rows = [job_id for job_id in ordered if job_id in shown]
        if rows != self._ids:
            self.layoutAboutToBeChanged.emit()
            before = self.persistentIndexList()
            kept = [self._ids[index.row()] for index in before]
            self._ids = rows
            self._rows = {job_id: row for row, job_id in enumerate(rows)}
            self.changePersistentIndexList(before, [self.index(self._rows[i]) for i in kept])
            self.layoutChanged.emit()
        self._reshow()  # a group's top row may be another now

    def _tick(self) -> None:
        running = [
            row
            for row, job_id in enumerate(self._ids)
            if (job := self.cache.get(job_id)) is not None and not job.status.is_final
        ]
        if running:
            self.dataChanged.emit(self.index(min(running)), self.index(max(running)))

    def _reindex(self) -> None:
        """Where each listed job stands, and the groups (after the list changed)."""
        self._at = {job_id: at for at, job_id in enumerate(self._listed)}
        self._summaries.clear()
        groups: dict[str, list[Job]] = {}
        for job in self.jobs():
            group = group_of(job)
            if group is not None:
                groups.setdefault(group, []).append(job)
        self._groups = {
            group: [job.id for job in members]
            for group, members in groups.items()
            if len(members) > 1 and leads_a_group(members[0])
        }
        self._member_of = {job_id: group for group, ids in self._groups.items() for job_id in ids}

    def _visible(self) -> list[str]:
        """The listed jobs that are rows: all but the hidden rows of closed groups."""
        hidden = {
            job_id
            for group, ids in self._groups.items()
            if group not in self._expanded
            for job_id in ids[1:]
        }
        return [job_id for job_id in self._listed if job_id not in hidden]

    def _reshow(self) -> None:
        """The rows follow the list and its groups: rows that go are removed and rows
        that come are inserted, each run of neighbours at once."""
        shown = self._visible()
        if shown == self._ids:
            return
        keep = set(shown)
        gone = [row for row, job_id in enumerate(self._ids) if job_id not in keep]
        for first, last in reversed(_runs(gone)):  # bottom first: the rows above hold
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self._rows = {job_id: row for row, job_id in enumerate(self._ids)}
            self.endRemoveRows()
        present = set(self._ids)
        coming = [row for row, job_id in enumerate(shown) if job_id not in present]
        for first, last in _runs(coming):  # top first: each lands where it is to stand
            self.beginInsertRows(QModelIndex(), first, last)
            self._ids[first:first] = shown[first : last + 1]
            self._rows = {job_id: row for row, job_id in enumerate(self._ids)}
            self.endInsertRows()

    # Groups

    def place(self, job: Job) -> GroupPlace | None:
        """``job``'s place in its group, or None (no group, or alone in it here)."""
        group = group_of(job)
        ids = self._groups.get(group or "")
        if group is None or ids is None:
            return None
        summary = self._summaries.get(group)
        if summary is None:
            members = self.group_jobs(group)
            if len(members) < 2:
                return None
            summary = self._summaries[group] = GroupSummary.of(group, members)
        return summary.place(job, expanded=group in self._expanded)

    def set_expanded(self, group: str, *, expanded: bool) -> None:
        """Open (every variation shown) or close a group."""
        if (group in self._expanded) == expanded:
            return
        self._expanded.symmetric_difference_update({group})
        self._reshow()
        self.groupsChanged.emit()
        self._redraw(self._groups.get(group, []))

    def _redraw(self, ids: list[str]) -> None:
        """The rows that show ``ids`` are drawn again, at once."""
        rows = [row for i in ids if (row := self._rows.get(i)) is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)))

    def lead_row(self, group: str) -> int | None:
        ids = self._groups.get(group)
        return self._rows.get(ids[0]) if ids else None

    def group_jobs(self, group: str) -> list[Job]:
        """A group's jobs shown here, top row first."""
        return [job for i in self._groups.get(group, []) if (job := self.cache.get(i))]

    def entry_jobs(self, job: Job) -> list[Job]:
        """What a row stands for: a closed group's entry, all its variations."""
        place = self.place(job)
        if place is None or not place.folded:
            return [job]
        return self.group_jobs(place.group)

    # Reading

    def job(self, row: int) -> Job | None:
        return self.cache.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, job_id: str) -> int | None:
        """The row that shows the job: its own, or its closed group's entry (None when
        the list does not hold it)."""
        row = self._rows.get(job_id)
        if row is None and job_id in self._at:
            job = self.cache.get(job_id)
            group = group_of(job) if job is not None else None
            row = self.lead_row(group) if group is not None else None
        return row

    def jobs(self) -> list[Job]:
        """Every job the list holds, in order (as the cache now has them), the hidden
        rows of closed groups included."""
        return [job for job_id in self._listed if (job := self.cache.get(job_id)) is not None]


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending rows as runs of neighbours: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


_NEW_PICTURE = (JobStatus.COMPLETED, JobStatus.SUBMITTING)
"""Sent (a try-on's photos are prepared) and done (its result came)."""


def _has_picture(job: Job) -> bool:
    """A result to show, or (for a try-on) the photos that were sent."""
    if job.status is JobStatus.COMPLETED:
        return True
    return job.kind is JobKind.TRY_ON and job.status is not JobStatus.PREPARING
