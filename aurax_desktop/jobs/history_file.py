"""Opening the history so that the program always starts: a damaged file is kept aside
(with the date in its name) and a fresh history begun, and the user is told which file
was kept."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from aurax_desktop.jobs.store import HistoryError, JobStore, default_path
from aurax_desktop.translation import _

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenedHistory:
    store: JobStore
    kept: Path | None = None
    """Where a damaged history file was moved, if it was."""
    was_link: bool = False
    """The history file was a symbolic link (to a place outside the data folder)."""

    @property
    def message(self) -> str | None:
        """What the user should be told, in plain words (None: nothing happened)."""
        if self.kept is None:
            return None
        if self.was_link:
            # Translators: {kept} is the path of the file the link was renamed to.
            message = _(
                "The history file was a link to another place, so it was not used (the "
                "program never writes through links): a new history was started, and the "
                "link was kept as {kept}."
            )
        else:
            # Translators: {kept} is the path of the damaged file, renamed.
            message = _(
                "The history file was damaged, so a new history was started. The old file "
                "was kept as {kept}."
            )
        return message.format(kept=self.kept)


def open_history(path: Path | None = None) -> OpenedHistory:
    """The history at ``path``; a damaged file is moved aside and a new one started.

    Raises ``HistoryError`` for what moving aside cannot mend (a read-only folder, a
    full disk), with a message that names the folder.
    """
    target = path or default_path()
    if target.is_symlink():
        log.error("The history file %s is a symbolic link: not followed", target)
        kept = move_aside(target)  # the link itself, renamed: what it points to is untouched
        return OpenedHistory(JobStore(target), kept, was_link=True)
    try:
        return OpenedHistory(JobStore(target))
    except HistoryError as exc:
        if not exc.corrupt:
            raise
        log.error("%s", exc.user_message)
    kept = move_aside(target)
    return OpenedHistory(JobStore(target), kept)


def move_aside(path: Path) -> Path:
    """Rename ``path`` (and its journal files) to ``<stem>.damaged-<date>``; the new name."""
    stamp = time.strftime("%Y-%m-%d-%H%M%S")
    kept = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    counter = 1
    while kept.exists():
        counter += 1
        kept = path.with_name(f"{path.stem}.damaged-{stamp}-{counter}{path.suffix}")
    path.rename(kept)
    for extra in ("-wal", "-shm"):
        journal = path.with_name(path.name + extra)
        if journal.exists():
            journal.rename(kept.with_name(kept.name + extra))
    log.warning("The damaged history was moved to %s", kept)
    return kept
