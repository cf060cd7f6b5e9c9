"""A strip gives its names the room it has, and says when it holds more photos than
fit: a bar appears below the names (the strip grows to hold it, covering none)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from aurax_desktop.api import ProductType
from aurax_desktop.languages import ENGLISH, choose
from aurax_desktop.translation import use_language
from aurax_desktop.ui.photos.photo_strip import ITEM_WIDTH, THUMB
from aurax_desktop.ui.photos.type_badge import SCALE
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


def test_a_garments_type_is_written_whole_across_its_thumbnails_foot(
    qtbot: QtBot, open_window: WindowFactory, tmp_path: Path
) -> None:
    """In German a garment is a "Kleidungsstück": its badge is as wide as the word (up to
    the item's width), not the portrait's 37 pixels, where it read "idungsst"."""
    driver = open_window(demo=True)
    driver.window.resize(1366, 700)
    use_language(choose(["de"]))  # the words the strip draws are read as it draws them
    try:
        page = driver.try_on
        garments = []
        for n, name in enumerate(("Lederjacke-cognac.jpg", "Veste-en-lin.jpg")):
            path = tmp_path / name
            path.write_bytes(jpeg_bytes((400, 600), (235, 235 - 5 * n, 235)))  # portraits
            garments.append(path)
        page.garment_pane.load_paths(garments)
        strip = page.garment_pane.strip
        qtbot.waitUntil(lambda: strip.count() == 2 and not page.garment_pane.loading)
        qtbot.waitUntil(lambda: not strip.item(1).icon().isNull())
        label = str(ProductType.GARMENT.label)
        assert label == "Kleidungsstück"
        cell = strip.visualItemRect(strip.item(1))  # not selected: no tint over it
        picture = strip.viewport().grab(cell).toImage()
        ratio = picture.devicePixelRatio()
        font = QFont(strip.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * SCALE)
        word = QFontMetrics(font).horizontalAdvance(label)
        widest = 0
        for y in range(picture.height()):  # the widest dark run: the badge's
            run = best = 0
            for x in range(picture.width()):
                run = run + 1 if picture.pixelColor(x, y).lightness() < 100 else 0
                best = max(best, run)
            widest = max(widest, best)
        assert widest / ratio >= word  # the whole word's room
        assert widest / ratio > THUMB * 400 / 600 + 4  # wider than the portrait itself
    finally:
        use_language(choose([ENGLISH]))
