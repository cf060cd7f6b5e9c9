"""The window's changes reach the history in the order the user made them: Delete then
Ctrl+Z fifty times, as fast as the keys repeat, ends as the user left it (once, on a
pool of two workers, an undo could overtake its deletion). The real window, a real
history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobQuery
from tests.ui.conftest import WindowFactory, sent_grid


def test_delete_then_undo_fifty_times_ends_as_the_user_left_it(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    driver = open_window(demo_factory(task_seconds=0.1))
    jobs = sent_grid(qtbot, driver, tmp_path)
    driver.page("gallery")
    driver.window.activateWindow()
    qtbot.waitUntil(driver.window.isActiveWindow)
    grid, model = driver.grid, driver.gallery.model
    target = jobs[0]
    store = driver.session.store
    before = store.get(target.id)
    assert before is not None
    for _ in range(50):
        grid.setFocus()
        grid.setCurrentIndex(model.index_of(target.id))
        qtbot.keyClick(grid, Qt.Key.Key_Delete)
        qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # every change asked for is written, in order: the job is back
    assert driver.session.book.writer.flush(timeout=30)
    stored = store.get(target.id)
    assert stored is not None and not stored.in_trash
    assert stored.revision == before.revision + 100  # fifty deletions, fifty undone
    assert store.count(JobQuery(trashed=True)) == 0
    # and a last Delete, with no undo after it, leaves it in the Trash
    grid.setCurrentIndex(model.index_of(target.id))
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert driver.session.book.writer.flush(timeout=30)
    stored = store.get(target.id)
    assert stored is not None and stored.in_trash
