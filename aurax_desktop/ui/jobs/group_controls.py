"""Opening and closing a generation's variations in the jobs list: a click on the
entry's picture, the Right and Left keys (the view passes its clicks and keys here), or
the row's menu. A closed group's rows other than its entry are not rows of the model
at all (``JobListModel`` leaves them out), so the view never walks hidden rows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QListView

from aurax_desktop.jobs import Job, JobKind
from aurax_desktop.translation import _, ngettext
from aurax_desktop.ui.common.icons import icon
from aurax_desktop.ui.jobs.delegate import THUMB
from aurax_desktop.ui.jobs.groups import GroupPlace, both, group_noun, picture_rect, to_retry
from aurax_desktop.ui.jobs.model import GroupRole, JobListModel, JobRole


class GroupControls(QObject):
    """The list view's side of groups: the click, keys and menu actions that open and
    close a group."""

    openBatch = Signal(str)
    """A batch of try-ons to show in the Gallery (its id)."""
    retryJobs = Signal(list)
    """A group's jobs that did not finish, to send again (asked first)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        model = view.model()
        assert isinstance(model, JobListModel)
        self.model = model

    def place(self, index: QModelIndex) -> GroupPlace | None:
        found = index.data(GroupRole) if index.isValid() else None
        return found if isinstance(found, GroupPlace) else None

    def toggle(self, index: QModelIndex, *, expanded: bool | None = None) -> bool:
        """Open or close the group of ``index``'s row; False when it has none."""
        place = self.place(index)
        if place is None:
            return False
        wanted = not place.expanded if expanded is None else expanded
        if wanted == place.expanded:
            return True
        self.model.set_expanded(place.group, expanded=wanted)
        if not wanted:  # the current row may have been hidden: its entry becomes current
            lead = self.model.lead_row(place.group)
            if lead is not None:
                self.view.setCurrentIndex(self.model.index(lead))
        return True

    def actions_for(self, index: QModelIndex) -> list[QAction]:
        place = self.place(index)
        if place is None:
            return []
        job = index.data(JobRole)
        if not isinstance(job, Job):
            return []
        members = self.model.group_jobs(place.group)
        nouns = both(list(dict.fromkeys(group_noun(member) for member in members)))
        text = (
            # Translators: {jobs} is what the group holds ("try-ons and descriptions").
            _("Hide the {jobs}").format(jobs=nouns)
            if place.expanded
            # Translators: {jobs} is what the group holds ("4 try-ons and 2 descriptions").
            else _("Show the {jobs}").format(jobs=place.contents)
        )
        action = QAction(text, self.view)
        action.triggered.connect(lambda: self.toggle(index))
        found = [action]
        unfinished = to_retry(members)
        if unfinished:
            retry = QAction(
                icon("retry"),
                ngettext(
                    "Retry the {count} that did not finish…",
                    "Retry the {count} that did not finish…",
                    len(unfinished),
                ).format(count=len(unfinished)),
                self.view,
            )
            retry.triggered.connect(lambda: self.retryJobs.emit(unfinished))
            found.append(retry)
        if job.kind is JobKind.TRY_ON:
            gallery = QAction(icon("gallery"), _("Open the batch in the Gallery"), self.view)
            gallery.triggered.connect(lambda: self.openBatch.emit(place.group))
            found.append(gallery)
        return found

    def clicked(self, event: QMouseEvent) -> bool:
        """A left click on a group entry's picture opens or closes it (True: done)."""
        point = event.position().toPoint()
        index = self.view.indexAt(point)
        place = self.place(index)
        if event.button() != Qt.MouseButton.LeftButton or place is None or not place.lead:
            return False
        if not picture_rect(self.view.visualRect(index), place, THUMB).contains(point):
            return False
        return self.toggle(index)

    def key(self, event: QKeyEvent) -> bool:
        """Right opens the current row's group, Left closes it (True: done)."""
        key = event.key()
        if key not in (Qt.Key.Key_Right, Qt.Key.Key_Left) or event.modifiers() != (
            Qt.KeyboardModifier.NoModifier
        ):
            return False
        return self.toggle(self.view.currentIndex(), expanded=key == Qt.Key.Key_Right)
