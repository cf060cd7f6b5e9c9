"""People have names: a person named in the Gallery (F2, or a double-click on their
row's heading) is named so wherever they are named, kept with the batch in the history,
and a name given while the batch runs is not undone by its results landing. The real
window against the demo server, a real history, a real lookbook read back."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.exports import from_jobs, write_pdf
from aurax_desktop.jobs import Job, JobQuery
from aurax_desktop.jobs.params import sent_of
from tests.factories import jpeg_bytes
from tests.ui.conftest import (
    WindowFactory,
    answer_batch_question,
    drop_file,
    sent_grid,
    when_modal,
)
from tests.ui.window_driver import WindowDriver


def name_in_dialog(name: str) -> None:
    def answer(dialog: QInputDialog) -> None:
        dialog.setTextValue(name)
        dialog.accept()

    when_modal(QInputDialog, answer)


def row_of(driver: WindowDriver, job_id: str) -> int:
    return driver.gallery.model.index_of(job_id).row()


def test_a_person_named_in_the_gallery_is_named_so_everywhere(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    driver = open_window(demo_factory(task_seconds=0.1))
    jobs = sent_grid(qtbot, driver, tmp_path)
    driver.page("gallery")
    grid, model = driver.grid, driver.gallery.model
    anna = next(j for j in jobs if "anna" in (j.source_name or ""))
    row = row_of(driver, anna.id)
    assert model.headerData(row, Qt.Orientation.Vertical) == "anna"  # from the file
    driver.window.activateWindow()
    qtbot.waitUntil(driver.window.isActiveWindow)
    grid.setFocus()
    grid.setCurrentIndex(model.index(row, 0))
    name_in_dialog("Anna María Ortega")
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    qtbot.waitUntil(
        lambda: model.headerData(row, Qt.Orientation.Vertical) == "Anna María Ortega",
        timeout=10_000,
    )
    store = driver.session.store
    named = {j.id: j.person_name for j in store.query(JobQuery(limit=50))}
    in_row = {
        j.id for j in jobs if (sent_of(j.params).batch_row or 0) == sent_of(anna.params).batch_row
    }
    assert {named[i] for i in in_row} == {"Anna María Ortega"}
    assert {named[i] for i in named if i not in in_row} == {None}  # the other person: as was
    # the loupe names her so
    driver.gallery.page.open_loupe(model.index(row, 0))
    assert "Anna María Ortega" in driver.loupe.caption.full_text()
    driver.gallery.page.close_loupe()
    # a double-click on the other row's heading names him
    other = 1 - row
    name_in_dialog("Ben")
    grid.verticalHeader().sectionDoubleClicked.emit(other)
    qtbot.waitUntil(
        lambda: model.headerData(other, Qt.Orientation.Vertical) == "Ben", timeout=10_000
    )
    # and a lookbook made from the history names them so
    batch = store.query(JobQuery(batch=anna.batch, limit=50))
    pdf = tmp_path / "resort.pdf"
    write_pdf(from_jobs(batch, title="Resort"), pdf)
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext reads the lookbook back")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Anna María Ortega" in text and "Ben" in text
    assert "SS27-resort-look" not in text


def test_clearing_a_name_gives_the_photo_s_name_back(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    driver = open_window(demo_factory(task_seconds=0.1))
    jobs = sent_grid(qtbot, driver, tmp_path)
    driver.page("gallery")
    model = driver.gallery.model
    row = row_of(driver, jobs[0].id)
    before = model.headerData(row, Qt.Orientation.Vertical)
    name_in_dialog("Someone Else")
    driver.gallery.controls.rename_person(row)
    qtbot.waitUntil(
        lambda: model.headerData(row, Qt.Orientation.Vertical) == "Someone Else", timeout=10_000
    )
    name_in_dialog("   ")
    driver.gallery.controls.rename_person(row)
    qtbot.waitUntil(
        lambda: model.headerData(row, Qt.Orientation.Vertical) == before, timeout=10_000
    )
    assert all(j.person_name is None for j in driver.session.store.query(JobQuery(limit=50)))


def test_a_people_list_dropped_on_the_person_pane_names_the_batch_s_people(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    driver = open_window(demo_factory(task_seconds=0.1))
    shoot = tmp_path / "SS27-shoot"
    shoot.mkdir()
    for number, name in enumerate(("look-021-model-a", "look-022-model-b")):
        (shoot / f"SS27-resort-{name}.jpg").write_bytes(
            jpeg_bytes((600, 900), (205 - 30 * number, 180, 160))
        )
    (shoot / "people.csv").write_text(
        "file,name\nSS27-resort-look-021-model-a.jpg,Amira Haddad\n"
        "SS27-resort-look-022-model-b.jpg,Björn\n",
        encoding="utf-8",
    )
    dress = tmp_path / "linen-dress.jpg"
    dress.write_bytes(jpeg_bytes((400, 400), (200, 40, 20)))
    page = driver.try_on
    drop_file(page.person_pane, shoot / "people.csv")
    qtbot.waitUntil(lambda: len(page.person_pane.photos()) == 2, timeout=10_000)
    strip = page.person_pane.strip
    assert [strip.item(r).text() for r in range(strip.count())] == ["Amira Haddad", "Björn"]
    assert "2 people from “people.csv”, 2 of them named." in driver.status()
    page.garment_pane.load_paths([dress])
    qtbot.waitUntil(lambda: page.blocker() == "", timeout=10_000)
    shown = answer_batch_question(name="Resort")
    page.submit()
    assert any("Amira Haddad" in text for text in shown)  # the question names them so
    store = driver.session.store

    def ended() -> list[Job]:
        jobs = store.query(JobQuery(limit=10))
        return jobs if len(jobs) == 2 and all(j.status.is_final for j in jobs) else []

    qtbot.waitUntil(lambda: bool(ended()), timeout=30_000)
    assert sorted(str(j.person_name) for j in ended()) == ["Amira Haddad", "Björn"]
    model = driver.gallery.model
    qtbot.waitUntil(lambda: model.counts()["done"] == 2, timeout=10_000)
    headers = {model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())}
    assert headers == {"Amira Haddad", "Björn"}
