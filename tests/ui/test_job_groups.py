"""A generation's variations are one entry of the jobs list, opened and closed by a
click on its picture, the arrow keys or its menu; deleting the entry deletes them all. A
batch of try-ons is one entry too, the descriptions sent with it inside it. Real window,
real history, the demo server."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aurax_desktop.api import ProductType
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import DescriptionInput, Job, JobKind, JobQuery, JobStatus
from aurax_desktop.ui.common.theme import accent
from aurax_desktop.ui.jobs.groups import GroupPlace, picture_rect, place_in
from aurax_desktop.ui.jobs.model import GroupRole
from aurax_desktop.ui.jobs.view import THUMB
from tests.factories import jpeg_bytes
from tests.ui.conftest import WindowFactory, answer_batch_question
from tests.ui.window_driver import WindowDriver


def generate(qtbot: QtBot, driver: WindowDriver, prompt: str, count: int) -> list[Job]:
    """Send ``count`` variations from the Generate page and wait until they are done."""
    driver.page("generate")
    page = driver.generate
    page.prompt.setPlainText(prompt)
    page.product_type.setCurrentIndex(page.product_type.findData("DRESS"))
    page.variations.setValue(count)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)

    def done() -> list[Job]:
        jobs = [j for j in driver.jobs() if j.prompt == prompt]
        finished = len(jobs) == count and all(j.status is JobStatus.COMPLETED for j in jobs)
        return jobs if finished else []

    qtbot.waitUntil(lambda: bool(done()), timeout=20_000)
    return done()


def shown_rows(driver: WindowDriver) -> list[int]:
    """The list's rows, each drawn (a closed group's other jobs are not rows)."""
    rows = list(range(driver.job_model.rowCount()))
    assert not any(driver.job_list.isRowHidden(r) for r in rows)
    return rows


def rows_of(driver: WindowDriver, jobs: list[Job]) -> list[int]:
    """The rows that show ``jobs`` (a closed group's entry shows all of its jobs)."""
    return sorted({r for j in jobs if (r := driver.job_model.row_of(j.id)) is not None})


def place(driver: WindowDriver, row: int) -> GroupPlace | None:
    found = driver.job_model.index(row).data(GroupRole)
    assert found is None or isinstance(found, GroupPlace)
    return found


def test_variations_are_one_entry_that_opens_and_closes(
    qtbot: QtBot, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    driver = open_window(demo_factory(task_seconds=0.2))
    single = generate(qtbot, driver, "A plain white tee", 1)
    jobs = generate(qtbot, driver, "A red linen dress, studio light", 3)
    assert len({j.batch for j in jobs}) == 1 and jobs[0].batch is not None
    model, view = driver.job_model, driver.job_list
    rows = rows_of(driver, jobs)
    lone = model.row_of(single[0].id)
    assert lone is not None and place(driver, lone) is None  # one generation: a plain row

    # closed: the newest variation stands for the three, which are one row
    assert len(rows) == 1 and shown_rows(driver) == [rows[0], lone]
    entry = place(driver, rows[0])
    assert entry is not None and entry.folded
    assert (entry.count, entry.done, entry.running) == (3, 3, 0)
    lead = model.job(rows[0])
    assert lead is not None
    assert entry.title(lead) == "Generation · Dress · 3 variations"
    assert entry.status()[0] == "Done"
    spoken = model.index(rows[0]).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Generation, Dress, 3 variations, Done"
    # drawn as a stack with its count in a badge of the accent colour
    rect = view.visualRect(model.index(rows[0]))
    picture = picture_rect(rect, entry, THUMB)
    image = view.viewport().grab().toImage()
    corner = image.pixelColor(
        int((picture.right() - 2) * image.devicePixelRatio()),
        int((picture.bottom() + 1) * image.devicePixelRatio()),
    )
    assert _near(corner, accent())

    # a click on the picture opens it: every variation, numbered by when it was sent
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=picture.center())
    rows, lone = rows_of(driver, jobs), model.row_of(single[0].id)
    assert len(rows) == 3 and shown_rows(driver) == [*rows, lone]
    titles = []
    for row in rows:
        where, job = place(driver, row), model.job(row)
        assert where is not None and job is not None and not where.folded
        titles.append(where.title(job))
    assert sorted(titles) == [f"Variation {n} of 3 · Dress" for n in (1, 2, 3)]
    # a shown variation's row is moved in under its entry
    inner = view.visualRect(model.index(rows[1]))
    inner_place = place(driver, rows[1])
    assert picture_rect(inner, inner_place, THUMB).left() > picture.left()

    # Left closes it (from a variation, the entry becomes current), Right opens it
    view.setCurrentIndex(model.index(rows[2]))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert shown_rows(driver) == [rows[0], rows[0] + 1] == rows_of(driver, [*jobs, *single])
    assert view.currentIndex().row() == rows[0]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert shown_rows(driver) == [*rows, lone]
    qtbot.keyClick(view, Qt.Key.Key_Left)

    # while some run, or when some did not finish, the entry says so
    busy = [replace(jobs[0], status=JobStatus.PROCESSING), *jobs[1:]]
    busy_place = place_in(busy[0], busy, expanded=False)
    assert busy_place is not None
    assert busy_place.status() == ("2 of 3 done", JobStatus.PROCESSING)
    short = [replace(jobs[0], status=JobStatus.UNCERTAIN), *jobs[1:]]
    short_place = place_in(short[0], short, expanded=False)
    assert short_place is not None and short_place.status()[1] is JobStatus.FAILED
    assert short_place.detail(short[0]).startswith("1 did not finish · A red linen dress")

    # the row's menu offers the same, and Delete on the entry deletes the three
    (toggle,) = view.groups.actions_for(model.index(rows[0]))
    assert toggle.text() == "Show the 3 variations"
    delete = [a for a in view.actions_for(lead) if a.objectName() == "deleteJobAction"]
    assert [a.text() for a in delete] == ["Delete the 3 variations"]
    view.selectionModel().select(
        model.index(rows[0]), view.selectionModel().SelectionFlag.ClearAndSelect
    )
    assert {j.id for j in view.selected_jobs()} == {j.id for j in jobs}
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # to the Trash, no question: Ctrl+Z undoes it
    assert "3 jobs moved to the Trash" in driver.status()
    store = driver.session.store
    qtbot.waitUntil(
        lambda: [j.id for j in store.query(JobQuery(limit=10))] == [single[0].id],
        timeout=10_000,
    )
    model.flush()
    qtbot.waitUntil(lambda: shown_rows(driver) == [0], timeout=5000)
    # Ctrl+Z (Edit → Undo: the Try-On page's mask no longer takes the key) brings them back
    assert driver.command("undo").shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(store.query(JobQuery(limit=10))) == 4, timeout=10_000)


def _near(colour: QColor, wanted: QColor) -> bool:
    return all(
        abs(a - b) <= 24 for a, b in zip(colour.getRgb()[:3], wanted.getRgb()[:3], strict=True)
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(1366, 700), (1280, 740)])
def test_a_batchs_descriptions_are_grouped_under_its_row(
    qtbot: QtBot,
    qapp: QApplication,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
    theme: str,
    width: int,
    height: int,
) -> None:
    driver = open_window(demo_factory(task_seconds=0.1))
    driver.set_theme(theme)
    driver.window.setGeometry(0, 0, width, height)
    driver.first_split()
    people, garments = [], []
    for number, name in enumerate(("anna", "ben")):
        people.append(tmp_path / f"{name}.jpg")
        people[-1].write_bytes(jpeg_bytes((600, 900), (205 - 20 * number, 180, 160)))
    for name, colour in (("linen-dress", (200, 40, 20)), ("silk-dress", (20, 40, 200))):
        garments.append(tmp_path / f"{name}.jpg")
        garments[-1].write_bytes(jpeg_bytes((400, 400), colour))
    page = driver.try_on
    page.person_pane.load_paths(people)
    page.garment_pane.load_paths(garments)
    qtbot.waitUntil(lambda: page.blocker() == "" and len(page.garment_pane.photos()) == 2)
    driver.session.runner.submit_description(  # an earlier job, listed below the batch
        DescriptionInput(garments[0], ProductType.DRESS)
    )
    answer_batch_question(name="Resort", describe=True)
    page.submit()
    store = driver.session.store

    def ended() -> list[Job]:
        jobs = store.query(JobQuery(limit=50))
        driver.job_model.flush()
        listed = driver.job_model.jobs()  # as the list knows them (it hears a moment later)
        shown = len(listed) == 7 and all(j.status.is_final for j in listed)
        return jobs if shown and len(jobs) == 7 and all(j.status.is_final for j in jobs) else []

    qtbot.waitUntil(lambda: bool(ended()), timeout=30_000)
    jobs = ended()
    batch = {j.batch for j in jobs if j.kind is JobKind.TRY_ON}.pop()
    grouped = [j for j in jobs if j.batch == batch]
    assert len(grouped) == 6  # four try-ons and the two garments' descriptions
    model, view = driver.job_model, driver.job_list
    qapp.processEvents()
    # one entry for the batch, its descriptions in it; the earlier description below it
    entry = shown_rows(driver)[0]
    lead, where = model.job(entry), place(driver, entry)
    assert lead is not None and lead.kind is JobKind.TRY_ON and where is not None
    assert shown_rows(driver) == [entry, entry + 1]
    assert where.title(lead) == "Try-on batch · 4 try-ons"
    assert where.detail(lead) == "with 2 descriptions · Resort"
    spoken = model.index(entry).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Try-on batch, 4 try-ons, with 2 descriptions, Done"
    assert where.status() == ("Done", JobStatus.COMPLETED)
    viewport = view.viewport().rect()
    for row in shown_rows(driver):  # both in view among the rows the laptop shows
        assert viewport.contains(view.visualRect(model.index(row))), row
    (toggle, _gallery) = view.groups.actions_for(model.index(entry))
    assert toggle.text() == "Show the 4 try-ons and 2 descriptions"
    # opened: the try-ons first, then the descriptions, each numbered among its kind
    view.groups.toggle(model.index(entry), expanded=True)
    titles = []
    for row in shown_rows(driver)[:6]:
        job, at = model.job(row), place(driver, row)
        assert job is not None and at is not None
        titles.append(at.title(job))
    numbered = ["Try-on 4", "Try-on 3", "Try-on 2", "Try-on 1", "Description 2", "Description 1"]
    assert [t.split(" of ")[0] for t in titles] == numbered
    assert titles[-1] == "Description 1 of 2 · Dress"
    lone = model.job(6)
    assert lone is not None and lone.kind is JobKind.PRODUCT_DESCRIPTION
    assert place(driver, 6) is None  # a description sent on its own is a row of its own
    view.groups.toggle(model.index(entry), expanded=False)
    # a page of the history that holds the descriptions before their try-ons: once the
    # try-ons come, the descriptions go under them and the batch is one entry again
    descriptions = [j for j in grouped if j.kind is JobKind.PRODUCT_DESCRIPTION]
    try_ons = [j for j in grouped if j.kind is JobKind.TRY_ON]
    model.show_query(JobQuery(), descriptions, more=True)
    assert [model.place(j) for j in descriptions] == [None, None]
    model.older_loaded([*try_ons, lone], more=False)
    qapp.processEvents()
    kinds = [job.kind for job in model.jobs()]
    assert kinds == [JobKind.TRY_ON] * 4 + [JobKind.PRODUCT_DESCRIPTION] * 3
    assert shown_rows(driver) == [0, 1]
    driver.set_theme("")
