"""Folders dropped on the Try-On page's panes, as a photographer's card or a stylist's
folder holds them: garments go to the Garment pane and people to the Person pane by what
their names say, the same picture twice is taken once, and the strips' names never run
into each other (the Result column shown or hidden). The real window, the demo server,
real files dropped as the file manager drops them."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.ui.photos.image_pane import ImagePane
from tests.factories import garment_jpeg, jpeg_bytes, person_jpeg
from tests.ui.conftest import WindowFactory, drop
from tests.ui.fit_check import load_samples, strip_problems
from tests.ui.window_driver import WindowDriver

SIZES = [(1366, 700), (1280, 740)]


def drop_paths(widget: ImagePane, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    drop(widget, mime)


def names(pane: ImagePane) -> list[str]:
    return sorted(photo.name for photo in pane.photos())


def settled(pane: ImagePane, count: int) -> Callable[[], bool]:
    """The pane holds ``count`` photos, each drawn (a twin is known once drawn)."""
    return lambda: (
        len(pane.photos()) == count
        and all(photo.digest for photo in pane.photos())
        and not pane.loading
    )


@pytest.fixture
def driver(open_window: WindowFactory, demo_factory: Callable[..., DemoServer]) -> WindowDriver:
    return open_window(demo_factory())


@pytest.fixture
def card(tmp_path: Path) -> Path:
    """A shoot's folder: three people (one of them twice, under another name), two
    garments named as garments, a note and a text file named like a photo."""
    folder = tmp_path / "SS27 shoot"
    folder.mkdir()
    anna = person_jpeg((600, 900))
    (folder / "anna.jpg").write_bytes(anna)
    (folder / "copy-of-anna.jpg").write_bytes(anna)  # the same picture, another name
    (folder / "ben.jpg").write_bytes(jpeg_bytes((600, 900), (190, 170, 150)))
    (folder / "SS27-model-chloe.jpg").write_bytes(jpeg_bytes((600, 900), (150, 170, 190)))
    (folder / "silk-scarf-print.jpg").write_bytes(garment_jpeg())
    (folder / "linen-dress.jpg").write_bytes(jpeg_bytes((400, 400), (200, 40, 20)))
    (folder / "notes.txt").write_text("call the agency")
    (folder / "broken.jpg").write_text("a text file named like a photo")
    return folder


def test_a_dropped_folder_sends_garments_and_people_to_their_panes(
    qtbot: QtBot, driver: WindowDriver, card: Path
) -> None:
    page = driver.try_on
    people, garments = page.person_pane, page.garment_pane
    drop_paths(people, [card])
    qtbot.waitUntil(settled(garments, 2), timeout=10_000)
    qtbot.waitUntil(settled(people, 3), timeout=10_000)
    assert names(people) == ["SS27-model-chloe.jpg", "anna.jpg", "ben.jpg"]
    # what was taken off the strip (a twin, a file that is not a picture) moved nothing:
    # the first photo is still the one shown, and the one selected
    assert people.shown is not None and people.shown.name == "SS27-model-chloe.jpg"
    assert people.strip.current() is people.shown
    assert names(garments) == ["linen-dress.jpg", "silk-scarf-print.jpg"]
    qtbot.waitUntil(lambda: "broken.jpg" in people.message_text(), timeout=10_000)
    said = people.message_text()
    assert "Moved 2 photos to the Garment pane, as their names say: " in said
    assert "Skipped “copy-of-anna.jpg”: it is the same picture as “anna.jpg”." in said
    assert "Skipped what is not a picture: notes.txt" in said
    assert "“broken.jpg” is not a picture" in said
    qtbot.waitUntil(lambda: page.blocker() == "", timeout=10_000)
    assert page.submit_button.text() == "Try on 6 · 18 credits"  # 3 people by 2 garments

    # the other way round: a person in a folder dropped on the Garment pane goes across
    more = card.parent / "more"
    more.mkdir()
    (more / "model-dana.jpg").write_bytes(jpeg_bytes((600, 900), (120, 100, 90)))
    (more / "wool-coat.jpg").write_bytes(jpeg_bytes((400, 400), (60, 60, 60)))
    (more / "SS27-014.jpg").write_bytes(jpeg_bytes((400, 400), (20, 120, 60)))  # a SKU
    drop_paths(garments, [more])
    qtbot.waitUntil(settled(people, 4), timeout=10_000)
    qtbot.waitUntil(settled(garments, 4), timeout=10_000)
    assert "model-dana.jpg" in names(people)
    assert {"wool-coat.jpg", "SS27-014.jpg"} <= set(names(garments))  # says neither: stays
    assert "Moved 1 photo to the Person pane, as their names say: model-dana.jpg" in (
        garments.message_text()
    )


def test_a_folder_named_for_garments_goes_whole_to_the_garment_pane(
    qtbot: QtBot, driver: WindowDriver, tmp_path: Path
) -> None:
    folder = tmp_path / "garments"
    folder.mkdir()
    for name, colour in (("SS27-001.jpg", (200, 40, 20)), ("SS27-002.jpg", (20, 40, 200))):
        (folder / name).write_bytes(jpeg_bytes((400, 400), colour))
    page = driver.try_on
    drop_paths(page.person_pane, [folder])
    qtbot.waitUntil(settled(page.garment_pane, 2), timeout=10_000)
    assert page.person_pane.photos() == []
    assert "Moved 2 photos to the Garment pane" in page.person_pane.message_text()


def test_files_given_by_their_own_names_stay_where_they_were_given(
    qtbot: QtBot, driver: WindowDriver, card: Path
) -> None:
    """Dropping chosen files is a choice: a person in a red dress stays a person."""
    page = driver.try_on
    dress = card / "anna-in-a-red-dress.jpg"
    shutil.copy(card / "ben.jpg", dress)
    drop_paths(page.person_pane, [card / "anna.jpg", dress])
    qtbot.waitUntil(settled(page.person_pane, 2), timeout=10_000)
    assert names(page.person_pane) == ["anna-in-a-red-dress.jpg", "anna.jpg"]
    assert page.garment_pane.photos() == []


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_note_is_one_line_opened_for_detail_and_dismissed(
    qtbot: QtBot, qapp: QApplication, driver: WindowDriver, card: Path, theme: str
) -> None:
    driver.set_theme(theme)
    driver.window.setGeometry(0, 0, *SIZES[0])
    people = driver.try_on.person_pane
    drop_paths(people, [card])
    qtbot.waitUntil(settled(people, 3), timeout=10_000)  # every photo drawn: each note said
    qtbot.waitUntil(lambda: "broken.jpg" in people.message_text(), timeout=10_000)
    note = people.message
    whole = note.text()
    assert whole.count("\n") == 3  # four notes: moved, not pictures, twice, not a picture
    one_line = note.fontMetrics().height()
    assert note.line.height() < 2 * one_line and note.height() < 3 * one_line
    assert note.line.toolTip() == whole
    assert note.details_button.isVisible()
    canvas_before = people.canvas.height()
    qtbot.mouseClick(note.details_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(note.details.isVisible)
    assert note.details.text.text() == whole  # every note, whole, to read
    assert note.details.geometry().width() <= driver.window.screen().availableGeometry().width()
    note.details.close()
    qtbot.mouseClick(note.dismiss_button, Qt.MouseButton.LeftButton)
    assert not note.isVisible() and people.message_text() == ""
    qtbot.waitUntil(lambda: people.canvas.height() > canvas_before)  # its room goes back
    driver.set_theme("")


@pytest.fixture
def laptop_window(
    qapp: QApplication, open_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> Iterator[WindowDriver]:
    shown = open_window(demo_factory())
    load_samples(qapp, shown)  # long names in both strips
    yield shown
    shown.set_theme("")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_strip_names_never_overlap_with_the_result_column_shown_or_hidden(
    qapp: QApplication, laptop_window: WindowDriver, theme: str, width: int, height: int
) -> None:
    driver = laptop_window
    driver.set_theme(theme)
    driver.window.setGeometry(0, 0, width, height)
    driver.first_split()
    found = []
    for shown in (True, False, True):
        if driver.side_column_shown() != shown:
            driver.command("toggleSideColumn").trigger()
        for _ in range(10):
            qapp.processEvents()
        found += [
            f"{'with' if shown else 'without'} the Result: {p}" for p in strip_problems(driver)
        ]
    assert found == []
    for pane in (driver.try_on.person_pane, driver.try_on.garment_pane):
        strip = pane.strip
        for row, photo in zip(range(strip.count()), pane.photos(), strict=True):
            assert photo.name in strip.item(row).toolTip()  # the whole name, on hovering
        rects = [strip.visualItemRect(strip.item(r)) for r in range(strip.count())]
        assert not any(a.intersects(b) for a, b in itertools.combinations(rects, 2))
