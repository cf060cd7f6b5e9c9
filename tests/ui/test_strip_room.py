"""A strip gives its names the room it has, and says when it holds more photos than
fit: a bar appears below the names (the strip grows to hold it, covering none)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from aurax_desktop.ui.photos.photo_strip import ITEM_WIDTH, THUMB
from tests.factories import jpeg_bytes
from tests.ui.conftest import WindowFactory


def test_names_get_the_room_there_is_and_a_bar_says_there_are_more(
    qtbot: QtBot, open_window: WindowFactory, tmp_path: Path
) -> None:
    driver = open_window(demo=True)
    driver.window.resize(1366, 700)
    page = driver.try_on
    people = []
    for number, name in enumerate(("anna-maria-fernandez", "jean-baptiste-okonkwo")):
        path = tmp_path / f"SS27-resort-lookbook-model-{name}.jpg"
        path.write_bytes(jpeg_bytes((600, 900), (205 - 20 * number, 180, 160)))  # two people
        people.append(path)
    page.person_pane.load_paths(people)
    strip = page.person_pane.strip
    qtbot.waitUntil(lambda: strip.count() == 2 and not page.person_pane.loading)
    qtbot.waitUntil(lambda: strip.item(0).sizeHint().width() > ITEM_WIDTH)
    assert [strip.item(row).text() for row in range(2)] == [
        "anna-maria-fernandez",
        "jean-baptiste-okonkwo",
    ]  # whole: the strip has room for them
    assert strip.horizontalScrollBar().maximum() == 0 and strip.height() == THUMB + 24
    garments = []
    for n in range(9):
        path = tmp_path / f"SS27-resort-garment-{n:02d}-dress.jpg"
        path.write_bytes(jpeg_bytes((300, 300), (20 * n, 40, 90)))
        garments.append(path)
    page.garment_pane.load_paths(garments)
    more = page.garment_pane.strip
    qtbot.waitUntil(lambda: more.count() == 9 and not page.garment_pane.loading)
    qtbot.waitUntil(lambda: more.horizontalScrollBar().maximum() > 0)
    bar = more.horizontalScrollBar()
    assert bar.isVisible() and more.height() > THUMB + 24
    assert more.viewport().height() >= THUMB + 20  # the names above the bar, whole
