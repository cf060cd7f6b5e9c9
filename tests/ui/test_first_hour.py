"""A new user's first hour, through the real window and the demo server: money that is
visible, a product type suggested by the file's name, results saved with useful names,
a picture opened even with no picture viewer, and the Describe page made for editing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from aurax_desktop.account import Settings, SettingsStore
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobStatus
from aurax_desktop.ui.common.picture_window import LargeView
from tests.factories import garment_jpeg, jpeg_bytes
from tests.ui.conftest import WindowFactory, answer_next_dialog, drop_file, run_try_on


def test_the_status_bar_says_what_was_spent_and_the_daily_limit_asks(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    server = demo_factory(task_seconds=0.2)
    driver = open_window(server)
    run_try_on(qtbot, driver, photos)
    qtbot.waitUntil(
        lambda: driver.spending.label.text() == "Spent today 3 credits · this month 3",
        timeout=10000,
    )
    driver.session.update_settings(replace(driver.session.settings, daily_limit=4))
    driver.spending.refresh()
    qtbot.waitUntil(lambda: "of 4 credits" in driver.spending.label.text(), timeout=10000)
    asked = answer_next_dialog(QMessageBox.StandardButton.Cancel)
    driver.try_on.submit()
    assert asked and "daily limit of 4 credits" in asked[0] and "3 credits" in asked[0]
    with qtbot.assertNotEmitted(driver.job_events, wait=300):
        pass
    assert server.stats()["requests"]["POST /api/ai/vto"] == 1  # the second was not sent


def test_used_up_credits_say_so_and_where_to_buy_more(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    server = demo_factory(credits=1)
    driver = open_window(server)
    job = run_try_on(qtbot, driver, photos, JobStatus.WAITING)  # never failed: it waits
    assert "out of credits" in (job.error or "") and "aurax.co.in" in (job.error or "")
    assert job.task_id is None
    # once credits are bought, "Send what waits" on its row sends it
    server.top_up(10)
    driver.command("resumeJob")  # declared for the Jobs menu
    driver.job_actions.resume(job)
    qtbot.waitUntil(
        lambda: (
            (done := driver.session.store.get(job.id)) is not None
            and done.status is JobStatus.COMPLETED
        ),
        timeout=20_000,
    )


def test_the_garment_name_suggests_the_product_type(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    SettingsStore().save(Settings(last_product_type="BAG", last_strength=3))
    driver = open_window(demo_factory())
    page = driver.try_on
    assert page.product_type.currentData() == "GARMENT"  # not carried over from last time
    assert page.strength.value() == 3
    assert not page.type_hint.isVisibleTo(driver.window)
    dress = tmp_path / "red-summer-dress.jpg"
    dress.write_bytes(garment_jpeg())
    drop_file(page.garment_pane, dress)
    qtbot.waitUntil(lambda: page.garment_pane.source is not None, timeout=10000)
    assert page.product_type.currentData() == "DRESS"
    assert page.type_hint.isVisibleTo(driver.window)
    assert page.type_hint.full_text() == "Suggested from the file name"
    page.product_type.setCurrentIndex(page.product_type.findData("OUTFIT"))
    assert not page.type_hint.isVisibleTo(driver.window)  # the user's own choice now


def test_save_as_names_the_result_from_its_inputs_in_pictures_aurax(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    results = tmp_path / "Pictures" / "AuraX"
    driver = open_window(demo_factory(task_seconds=0.2))
    driver.session.settings = replace(driver.session.settings, results_folder=str(results))
    job = run_try_on(qtbot, driver, photos)
    driver.viewer.show_job(job)
    qtbot.waitUntil(driver.viewer.canvas.has_image, timeout=10000)
    offered: list[str] = []

    def fake_dialog(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)  # the dialog itself is the desktop's; what it is offered:
        return suggested, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    driver.viewer.save_as()
    assert offered == [str(results / "person-garment-garment.png")]
    assert results.is_dir()  # made on the first save
    qtbot.waitUntil((results / "person-garment-garment.png").is_file, timeout=10000)
    assert driver.session.settings.folders["results"] == str(results)


def test_with_no_picture_viewer_the_result_opens_in_a_large_window(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    """The offscreen platform, like a desktop with no viewer set up, cannot open files."""
    driver = open_window(demo_factory(task_seconds=0.2))
    job = run_try_on(qtbot, driver, photos)
    driver.job_actions.open_result(job)
    views = [w for w in QApplication.topLevelWidgets() if isinstance(w, LargeView)]
    assert len(views) == 1 and views[0].isVisible()
    assert views[0].canvas.has_image() and views[0].windowTitle() == job.result_paths[0].name
    views[0].close()


def test_describe_editing_removing_and_a_stale_description(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory(task_seconds=0.2)
    driver = open_window(server)
    driver.page("describe")
    page = driver.describe
    paths = []
    for name in ("blue shirt.jpg", "white sneakers.jpg", "leather bag.jpg"):
        path = tmp_path / name
        path.write_bytes(jpeg_bytes((160, 160), (40, 60, 160)))
        paths.append(path)
    page.add_paths(paths)
    assert [r.product_type for r in page.model.rows] == ["GARMENT", "FOOTWEAR", "BAG"]
    page.describe_all()
    qtbot.waitUntil(lambda: all(r.done for r in page.model.rows), timeout=20000)
    page.table.setCurrentIndex(page.model.index(0, 3))
    assert page.editor.text.toPlainText() == page.model.rows[0].description
    page.editor.text.setPlainText("A blue cotton shirt with a button-down collar.")
    assert page.editor.count.text() == "8 words"
    job_id = page.model.rows[0].job_id or ""
    qtbot.waitUntil(
        lambda: (
            driver.session.store.get(job_id).own_description  # type: ignore[union-attr]
            == "A blue cotton shirt with a button-down collar."
        ),
        timeout=10000,
    )
    page.model.setData(page.model.index(1, 2), "BAG")  # the type changed after describing
    assert page.model.rows[1].stale and "describe it again" in page.model.rows[1].status
    assert page.describe_button.text() == "Describe all"  # stale rows are not resent
    page.table.setCurrentIndex(page.model.index(2, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [r.name for r in page.model.rows] == ["blue shirt.jpg", "white sneakers.jpg"]
    assert server.stats()["requests"]["POST /api/ai/product-description"] == 3


def test_describing_more_than_twenty_asks_first_with_the_total(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
) -> None:
    server = demo_factory()
    driver = open_window(server)
    page = driver.describe
    paths = []
    for number in range(21):
        path = tmp_path / f"item {number}.jpg"
        path.write_bytes(jpeg_bytes((64, 64), (number * 10, 90, 90)))
        paths.append(path)
    page.add_paths(paths)
    asked = answer_next_dialog(QMessageBox.StandardButton.Cancel)
    page.describe_all()
    assert asked == ["21 photos are described, for 5.25 credits in all."]
    assert all(r.job_id is None for r in page.model.rows)
    assert "POST /api/ai/product-description" not in server.stats()["requests"]


def test_the_generate_page_says_what_to_type(open_window: WindowFactory) -> None:
    driver = open_window(demo=True)
    texts = [label.text() for label in driver.generate.findChildren(QLabel)]
    assert "Describe the product to generate" in texts and "Describe the image" not in texts
