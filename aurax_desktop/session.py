"""Everything a running program holds, without Qt: settings, credentials, the history,
the client, the job runner, and the demo server when asked for."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from aurax_desktop.account import Credentials, Settings, SettingsStore
from aurax_desktop.jobs.book import JobBook
from aurax_desktop.jobs.events import EventSink
from aurax_desktop.jobs.history_file import open_history
from aurax_desktop.jobs.store import HistoryError, JobStore, default_path
from aurax_desktop.translation import _

if TYPE_CHECKING:  # imported when first used: a window paints before it needs them
    from aurax_desktop.api import AuraxClient
    from aurax_desktop.demo import DemoServer
    from aurax_desktop.jobs.runner import JobRunner

log = logging.getLogger(__name__)

DEMO_TASK_SECONDS = 3.0


class Session:
    def __init__(
        self,
        settings_store: SettingsStore | None = None,
        store: JobStore | None = None,
        *,
        read_only: bool = False,
        read_only_reason: str | None = None,
    ) -> None:
        self.settings_store = settings_store or SettingsStore()
        loaded = self.settings_store.load()
        self.settings: Settings = loaded.settings
        self.settings_message = loaded.message
        self._settings_lock = threading.Lock()
        self.read_only = read_only
        """Another window owns the data folder (or it cannot be written): this one
        browses the history only."""
        self.read_only_reason = read_only_reason
        """Why, when it is not another window: the data folder cannot be written."""
        self.history_message: str | None = None
        """What went wrong with the history file at start, in plain words (or None)."""
        self.store = store or self._open_history()
        self.book = JobBook(self.store, read_only=read_only or self.store.read_only)
        """The one writer of the history (a read-only window's refuses every change)."""
        self.credentials: Credentials | None = None
        self.client: AuraxClient | None = None
        self.runner: JobRunner | None = None
        self.demo: DemoServer | None = None

    def _open_history(self) -> JobStore:
        """The history; a damaged file is moved aside, and a folder that cannot be
        written leaves a history in memory (the window still opens, and says so). A
        read-only window opens the file for reading only."""
        if self.read_only:
            if not default_path().exists():
                return JobStore.in_memory()  # no history yet: nothing to show
            try:
                return JobStore(default_path(), read_only=True, check=False)
            except HistoryError as exc:
                log.error("The history cannot be read: %s", exc.user_message)
                self.history_message = exc.user_message
                return JobStore.in_memory()
        try:
            opened = open_history()
        except HistoryError as exc:
            log.error("The history cannot be used: %s", exc.user_message)
            # Translators: {message} says why the history file cannot be used, and what
            # to do about it.
            self.history_message = _(
                "{message} Until then, jobs are not kept after AuraX Desktop closes."
            ).format(message=exc.user_message)
            return JobStore.in_memory()
        self.history_message = opened.message
        return opened.store

    @property
    def demo_mode(self) -> bool:
        return self.demo is not None

    @property
    def connected(self) -> bool:
        return self.runner is not None

    def add_listener(self, sink: EventSink) -> None:
        """Every job event from now on (the runner's and the user's edits alike)."""
        self.book.add_listener(sink)

    def start_demo(self) -> None:
        """Start the built-in demo server and connect to it with the demo key."""
        if self.read_only:
            raise RuntimeError("another AuraX Desktop window runs the jobs of this data folder")
        if self.demo is None:
            from aurax_desktop.demo import (  # noqa: PLC0415 - Werkzeug, when asked
                TRIAL_CREDITS,
                DemoServer,
            )

            self.demo = DemoServer(task_seconds=DEMO_TASK_SECONDS, credits=TRIAL_CREDITS)
            self.demo.start()
        self.connect(Credentials(self.demo.api_key, self.demo.key_id, source="demo"), self.demo.url)

    def connect(self, credentials: Credentials, base_url: str | None = None) -> None:
        """Use these credentials from now on (jobs already running go on)."""
        if self.read_only:
            raise RuntimeError("another AuraX Desktop window runs the jobs of this data folder")
        from aurax_desktop.api.client import AuraxClient  # noqa: PLC0415 - HTTP, when asked
        from aurax_desktop.jobs.runner import JobRunner  # noqa: PLC0415

        self._close_runner()
        url = base_url or self.settings.base_url
        self.client = AuraxClient(url, api_key=credentials.api_key, key_id=credentials.key_id)
        self.credentials = credentials
        settings = self.settings
        self.runner = JobRunner(
            self.client,
            self.book,
            upload_side=settings.upload_size.max_side,
            deadline_s=settings.deadline_s,
            max_prepare=settings.concurrency,
        )
        if credentials.source == "keyring" and settings.key_id != credentials.key_id:
            self.update_settings(replace(settings, key_id=credentials.key_id))

    def disconnect(self) -> None:
        self._close_runner()
        self.credentials = None

    def edit_settings(self, edit: Callable[[Settings], Settings]) -> Settings:
        """Change the settings in memory: ``edit`` is given them as they are now, so
        edits one after another (a strength, a theme, a folder) never undo each other's
        fields; ``save_settings`` writes them."""
        with self._settings_lock:
            self.settings = edit(self.settings).checked()
            return self.settings

    def save_settings(self) -> None:
        """Write the settings as they are now (a file: on a worker from the window).
        Saves that run in another order than asked still end with the newest."""
        with self._settings_lock:
            try:
                self.settings_store.save(self.settings)
            except OSError as exc:
                log.warning("Settings could not be saved: %s", exc)

    def update_settings(self, settings: Settings) -> None:
        """Put ``settings`` in place whole (the Settings dialog's answer) and write them."""
        self.edit_settings(lambda _now: settings)
        self.save_settings()

    def _close_runner(self) -> None:
        if self.runner is not None:
            self.runner.shutdown()
        if self.client is not None:
            self.client.close()
        self.runner, self.client = None, None

    def shutdown(self) -> None:
        """Quit cleanly: workers stopped and joined, the demo server stopped."""
        self._close_runner()
        if self.demo is not None:
            self.demo.stop()
            self.demo = None
        self.book.close()  # what the user asked for is written first
        self.store.close()
