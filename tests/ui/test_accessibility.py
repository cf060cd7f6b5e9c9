"""What a screen reader reads, from Qt's accessibility tree: every control of the pages
and dialogs has a name and a role (``accessibility_check``), with a catalog in the
panes, a finished job in the list and the viewer; the Gallery with a batch shown and
the loupe open say what each heading, cell and row shows, have the keys the shortcut
sheet lists, and are gone through with Tab in reading order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QDesktopServices, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobQuery
from tests.ui.accessibility_check import Role, problems, spoken
from tests.ui.conftest import WindowFactory
from tests.ui.fit_check import load_samples
from tests.ui.photographers_batch import BATCH, write_batch
from tests.ui.test_job_rows import OpenedUrls
from tests.ui.window_driver import WindowDriver


@pytest.fixture
def driver(
    qapp: QApplication, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> Iterator[WindowDriver]:
    shown = open_window(demo_factory())
    shown.window.setGeometry(0, 0, 1366, 700)
    load_samples(qapp, shown)
    yield shown


def settle(qapp: QApplication) -> None:
    for _ in range(10):
        qapp.processEvents()


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("try-on", id="try-on"),
        pytest.param("generate", id="generate"),
        pytest.param("describe", id="describe"),
        pytest.param("gallery", id="gallery"),
    ],
)
def test_every_control_of_a_page_has_a_name_and_a_role(
    qapp: QApplication, driver: WindowDriver, page: str
) -> None:
    driver.page(page)
    settle(qapp)
    assert problems(driver.window) == []


def test_the_job_searchs_buttons_are_named(
    qapp: QApplication, qtbot: QtBot, driver: WindowDriver
) -> None:
    jobs = driver.pane("jobs")
    search = jobs.job_search
    qtbot.keyClicks(search, "linen")  # the clear button shows once there is text
    qtbot.waitUntil(lambda: driver.job_model.query.text == "linen", timeout=5000)  # searched
    settle(qapp)
    assert problems(jobs) == []
    said = spoken(search)
    assert "Search, Button" in said and "Clear the search, Button" in said


def dialogs(driver: WindowDriver) -> list[tuple[str, QWidget]]:
    from aurax_desktop.ui.gallery.compare import CompareView  # noqa: PLC0415
    from aurax_desktop.ui.shell.dialogs.already_open import AlreadyOpenDialog  # noqa: PLC0415
    from aurax_desktop.ui.shell.dialogs.settings import SettingsDialog  # noqa: PLC0415
    from aurax_desktop.ui.shell.dialogs.shortcuts import ShortcutsDialog  # noqa: PLC0415
    from aurax_desktop.ui.shell.dialogs.trash import TrashDialog  # noqa: PLC0415
    from aurax_desktop.ui.shell.menus import about_text  # noqa: PLC0415
    from aurax_desktop.ui.studio.batch import BatchQuestion, Pairs  # noqa: PLC0415

    window, session = driver.window, driver.session
    job = session.store.query(JobQuery(limit=1))[0]
    about = QMessageBox(window)
    about.setText(about_text())
    pairs = Pairs.of(driver.try_on.person_pane, driver.try_on.garment_pane)
    return [
        ("shortcuts", ShortcutsDialog(window)),
        ("settings", SettingsDialog(session.settings, window, lambda: None)),
        ("batch question", BatchQuestion(window, pairs)),
        ("trash", TrashDialog(session.book, driver.work, driver.cache, 30, window)),
        ("compare", CompareView([job, job], window)),
        ("already open", AlreadyOpenDialog(session.store.path.parent, window)),
        ("about", about),
    ]


def test_every_control_of_a_dialog_has_a_name_and_a_role(
    qapp: QApplication, driver: WindowDriver
) -> None:
    found = []
    for name, dialog in dialogs(driver):
        dialog.show()
        settle(qapp)
        found += [f"{name}: {problem}" for problem in problems(dialog)]
        dialog.hide()
        dialog.deleteLater()
    assert found == []


def test_the_welcome_dialog_names_its_controls(qapp: QApplication, driver: WindowDriver) -> None:
    from aurax_desktop.ui.shell.dialogs.welcome import WelcomeDialog  # noqa: PLC0415

    dialog: QDialog = WelcomeDialog(driver.session, driver.work, parent=driver.window)
    dialog.show()
    settle(qapp)
    assert problems(dialog) == []
    dialog.hide()
    dialog.deleteLater()


def focus_order(first: QWidget, among: list[QWidget]) -> list[QWidget]:
    """The widgets of ``among`` in the order Tab reaches them, from ``first``."""
    found, widget = [first], first.nextInFocusChain()
    while widget is not first and len(found) < len(among):
        if widget in among and widget not in found:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def said_by_role(widget: QWidget) -> dict[QAccessible.Role, list[str]]:
    """The names of ``widget``'s accessible children (a table's headings and cells, a
    list's rows), by role."""
    table = QAccessible.queryAccessibleInterface(widget)
    found: dict[QAccessible.Role, list[str]] = {}
    for number in range(table.childCount()):
        child = table.child(number)
        found.setdefault(child.role(), []).append(child.text(QAccessible.Text.Name))
    return found


def test_the_gallery_with_a_batch_and_the_loupe_say_what_they_show(
    qapp: QApplication, qtbot: QtBot, open_window: WindowFactory
) -> None:
    write_batch(variants={(0, 1): 2})
    driver = open_window(demo=True)
    driver.window.setGeometry(0, 0, 1366, 700)
    page, grid, model = driver.page("gallery"), driver.grid, driver.gallery.model
    driver.gallery.refresh_batches(BATCH)
    qtbot.waitUntil(lambda: model.counts()["done"] == 17, timeout=10_000)
    settle(qapp)
    assert problems(page) == []
    said = said_by_role(grid)
    assert "Garment: linen midi dress washed sand" in said[Role.ColumnHeader]
    assert said[Role.RowHeader] == ["Person: anna maria santos", "Person: beatriz oliveira"]
    tried_again = "anna maria santos with linen midi dress washed sand · Dress · Completed"
    assert f"{tried_again} · 2 variants" in said[Role.Cell]
    # the keys the shortcut sheet lists for the Gallery, where the grid has the focus
    keys = {key.toString() for action in grid.actions() for key in action.shortcuts()}
    assert {"F", "X", "0", "1", "2", "3", "4", "5", "Space", "C", "F2", "Del"} <= keys
    driver.window.activateWindow()
    qtbot.waitUntil(driver.window.isActiveWindow)
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(grid, Qt.Key.Key_F)
    qtbot.keyClick(grid, Qt.Key.Key_3)
    qtbot.waitUntil(driver.edits_saved, timeout=5000)
    qtbot.waitUntil(
        lambda: f"{tried_again}, favourite, 3 stars · 2 variants" in said_by_role(grid)[Role.Cell]
    )
    # Tab goes through the controls as they are read: the top line, the tools, the grid
    order = [
        page.batch_combo,
        page.rename_button,
        page.pause_button,
        page.cancel_button,
        page.flag_filter,
        page.star_filter,
        page.size_slider,
        page.compare_button,
        page.export_button,
        grid,
    ]
    assert focus_order(order[0], order) == order
    # the loupe: named, its keys, its buttons read before its picture
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    qtbot.waitUntil(driver.loupe_open)
    loupe = driver.loupe
    settle(qapp)
    assert problems(loupe) == []
    assert loupe.accessibleName() == "Loupe: one result large"
    assert loupe.caption.full_text().endswith(" · variant 2 of 2 · favourite · ★★★")
    keys = {shortcut.key().toString() for shortcut in loupe.findChildren(QShortcut)}
    assert {"Left", "Right", "Up", "Down", "Z", "D", "F", "X", "Esc", "Space", "0", "5"} <= keys
    buttons = [b for b in loupe.findChildren(QToolButton) if b.isVisibleTo(loupe)]
    assert len(buttons) == 4 and all(b.accessibleName() for b in buttons)
    assert focus_order(buttons[0], [*buttons, loupe.canvas])[-1] is loupe.canvas
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not driver.loupe_open())


def test_the_jobs_list_says_what_each_row_shows(
    qapp: QApplication, qtbot: QtBot, driver: WindowDriver
) -> None:
    jobs = driver.pane("jobs")
    model = driver.job_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    row = QAccessible.queryAccessibleInterface(driver.job_list).child(0)
    assert row.role() == Role.ListItem
    assert row.text(QAccessible.Text.Name) == str(
        model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    )
    assert row.text(QAccessible.Text.Description)  # what went in, and when
    order = [jobs.job_search, jobs.job_filter, driver.job_list]
    assert focus_order(order[0], order) == order
    # Enter opens the current row's result, as a double-click does
    job = driver.jobs()[0]
    driver.job_list.setCurrentIndex(model.index(model.row_of(job.id) or 0))
    opened = OpenedUrls()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        qtbot.keyClick(driver.job_list, Qt.Key.Key_Return)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(url.toLocalFile()) for url in opened.urls] == [job.result_paths[0]]
