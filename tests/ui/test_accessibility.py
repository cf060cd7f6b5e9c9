"""What a screen reader reads, from Qt's accessibility tree: every control of the pages
and dialogs has a name and a role (``accessibility_check``), with a catalog in the
panes, a finished job in the list and the viewer."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobQuery
from tests.ui.accessibility_check import problems, spoken
from tests.ui.conftest import WindowFactory
from tests.ui.fit_check import load_samples
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
