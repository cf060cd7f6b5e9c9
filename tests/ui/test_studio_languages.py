"""The Try-On, Generate and Describe pages in the user's language and for every user: in
German and Arabic they speak the language (plurals, numbers and credits as it writes
them, Arabic mirrored, file names kept in their own direction); in the pseudo-language
every text they write shows marked and nothing is cut at a laptop's size; a screen
reader hears the pictures by what they show and the fields with their labels; Tab goes
through a page in reading order, and the mask's keys work from its tools."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.demo import DemoServer
from aurax_desktop.languages import choose
from aurax_desktop.translation import use_language
from aurax_desktop.ui.common.note_bar import NoteBar
from aurax_desktop.ui.common.strength import StrengthWords
from aurax_desktop.ui.describe.model import FILE, STATUS
from aurax_desktop.ui.photos.image_pane import ImagePane
from aurax_desktop.ui.photos.pane_words import moved_note, pane_words
from aurax_desktop.ui.studio.batch import BatchQuestion, Pairs
from tests.factories import garment_jpeg, jpeg_bytes, person_jpeg
from tests.ui.conftest import WindowFactory, load_both
from tests.ui.pseudo_check import clipped_texts, unmarked_texts
from tests.ui.window_driver import WindowDriver

LAPTOP = (1366, 700)
ISOLATE, END = "\u2068", "\u2069"
"""A first-strong isolate around a file's name (its own direction in Arabic)."""


def settle(qapp: QApplication) -> None:
    for _ in range(10):
        qapp.processEvents()


def label_of(widget: QWidget) -> str:
    """The text of the label whose buddy ``widget`` is (what a screen reader reads)."""
    parent = widget.parentWidget()
    assert parent is not None
    found = [label.text() for label in parent.findChildren(QLabel) if label.buddy() is widget]
    assert len(found) == 1, found
    return found[0]


def opened(qtbot: QtBot, pane: ImagePane, count: int) -> None:
    qtbot.waitUntil(
        lambda: len(pane.photos()) == count and pane.source is not None and not pane.loading,
        timeout=10_000,
    )


def test_the_pane_words_in_german_and_arabic() -> None:
    try:
        use_language(choose(["de"]))
        garment = pane_words("garment")
        assert (garment.title, garment.choose) == (
            "Artikel",
            "Foto eines Kleidungsstücks auswählen…",
        )
        assert moved_note("garment", 2, "a.jpg, b.jpg") == (
            "2 Fotos in den Bereich „Artikel“ verschoben, wie ihre Namen sagen: a.jpg, b.jpg"
        )
        use_language(choose(["ar"]))
        assert pane_words("person").title == "الشخص"
        # Arabic's forms by count: two, three to ten, eleven and on
        assert moved_note("person", 2, "a.jpg").startswith("نُقلت 2 صورتان إلى لوحة الشخص")
        assert moved_note("person", 5, "a.jpg").startswith("نُقلت 5 صور إلى لوحة الشخص")
        assert moved_note("person", 11, "a.jpg").startswith("نُقلت 11 صورة إلى لوحة الشخص")
    finally:
        use_language(choose(["en"]))


def test_the_try_on_generate_and_describe_pages_in_german(
    qapp: QApplication,
    qtbot: QtBot,
    open_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("LANGUAGE", "de")
    driver = open_window(demo=True)
    page = driver.try_on
    assert page.submit_button.text() == "Anprobieren · 3 Credits"
    assert page.reason.text() == "Ein Personenfoto und ein Foto eines Kleidungsstücks hinzufügen."
    assert page.garment_pane.title == "Artikel"
    assert page.person_pane.browse_button.toolTip() == "Personenfoto auswählen…"
    assert page.brush_button.accessibleName() == "Bereich des Kleidungsstücks malen (B)"
    assert label_of(page.product_type) == "Produkttyp"
    assert label_of(page.strength) == "Stärke des Kleidungsstücks"
    assert page.prompt_edit.placeholderText() == "Optional: die Anprobe lenken"

    people = [tmp_path / "anna.jpg", tmp_path / "ben.jpg"]
    people[0].write_bytes(person_jpeg((600, 900)))
    people[1].write_bytes(person_jpeg((640, 960)))
    garment = tmp_path / "leinenkleid.jpg"
    garment.write_bytes(garment_jpeg())
    page.person_pane.load_paths(people)
    page.garment_pane.load_paths([garment])
    opened(qtbot, page.person_pane, 2)
    opened(qtbot, page.garment_pane, 1)
    assert page.submit_button.text() == "2 anprobieren · 6 Credits"
    assert page.person_pane.size_label.text() == "600 × 900 px"

    question = BatchQuestion(driver.window, Pairs.of(page.person_pane, page.garment_pane))
    qtbot.addWidget(question)
    assert question.windowTitle() == "Serie von Anproben senden"
    assert question.send_button.text() == "2 Anproben senden"
    question.describe.setChecked(True)
    assert question.send_button.text() == "2 Anproben und 1 Produktbeschreibung senden"
    assert question.text().startswith("2 Anproben: ")
    assert question.text().endswith(" × 2 Personen, 6,25 Credits")  # the German decimal mark
    assert label_of(question.name_edit) == "Name"

    generate = driver.generate
    assert generate.button.text() == "Generieren · 1 Credit"
    generate.variations.setValue(3)
    assert generate.button.text() == "3 generieren · 3 Credits"
    presets = [generate.preset.itemText(i) for i in range(generate.preset.count())]
    assert presets == [
        "Quadratisch 1024",
        "Hochformat 768 × 1024",
        "Querformat 1024 × 768",
        "Groß 2048 × 2048",
        "Benutzerdefiniert",
    ]
    generate.preset.setCurrentIndex(1)
    assert (generate.width_box.value(), generate.height_box.value()) == (768, 1024)
    generate.width_box.setValue(1024)
    assert generate.preset.currentText() == "Quadratisch 1024"
    generate.height_box.setValue(768)
    assert generate.preset.currentText() == "Querformat 1024 × 768"
    generate.width_box.setValue(640)
    assert generate.preset.currentText() == "Benutzerdefiniert"
    assert label_of(generate.preset) == "Größe"

    describe = driver.describe
    describe.add_paths([*people, garment])
    settle(qapp)
    model = describe.model
    assert model.headerData(FILE, Qt.Orientation.Horizontal) == "Datei"
    assert model.index(0, FILE).data() == "anna.jpg"  # left to right: no isolate
    assert model.index(0, STATUS).data() == "Bereit"
    assert describe.cost.text() == "3 × 0,25 Credits"
    assert describe.describe_button.text() == "Alle beschreiben · 0,75 Credits"
    assert describe.editor.count.text() == "0 Wörter"
    assert label_of(describe.default_type) == "Produkttyp für neue Fotos"


def test_the_try_on_and_describe_pages_in_arabic(
    qapp: QApplication,
    qtbot: QtBot,
    open_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("LANGUAGE", "ar")
    driver = open_window(demo=True)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    page = driver.try_on
    assert page.submit_button.text() == "تجربة · 3 نقاط"
    assert page.garment_pane.title == "الملابس"
    assert label_of(page.product_type) == "نوع المنتج"
    # the person pane, first in reading order, is on the right
    person, garment = page.person_pane, page.garment_pane
    assert person.mapTo(driver.window, person.rect().center()).x() > (
        garment.mapTo(driver.window, garment.rect().center()).x()
    )

    folder = tmp_path / "shoot"  # a name that says neither: each picture goes by its own
    folder.mkdir()
    (folder / "021-model-anna.jpg").write_bytes(jpeg_bytes((600, 900), (205, 180, 160)))
    (folder / "022-model-ben.jpg").write_bytes(jpeg_bytes((600, 900), (120, 100, 90)))
    (folder / "linen-dress.jpg").write_bytes(garment_jpeg())
    garment.load_paths([folder])
    opened(qtbot, person, 2)
    opened(qtbot, garment, 1)
    qtbot.waitUntil(lambda: "نُقلت" in garment.message_text(), timeout=10_000)
    assert garment.message_text() == (
        "نُقلت 2 صورتان إلى لوحة الشخص، كما يدل اسماهما: 021-model-anna.jpg, 022-model-ben.jpg"
    )
    # a name that starts with digits is not turned round ("model-anna-021")
    shown = [person.strip.item(row).text() for row in range(person.strip.count())]
    assert all(text.startswith(ISOLATE) and text.endswith(END) for text in shown), shown
    assert page.submit_button.text() == "تجربة 2 · 6 نقاط"

    describe = driver.describe
    describe.add_paths([folder / "021-model-anna.jpg"])
    settle(qapp)
    assert describe.model.index(0, FILE).data() == f"{ISOLATE}021-model-anna.jpg{END}"
    assert describe.model.index(0, STATUS).data() == "جاهزة"


def test_a_screen_reader_hears_the_pictures_and_the_labels(
    qapp: QApplication,
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory())
    page = driver.try_on
    person, garment = page.person_pane.canvas, page.garment_pane.canvas
    assert garment.accessibleName() == "Garment photo"
    assert garment.accessibleDescription() == (
        "Drop garment photos here, paste (Ctrl+V), or click to browse"
    )
    load_both(qtbot, driver, photos)
    assert person.accessibleName() == "Person photo: person.jpg"
    assert person.accessibleDescription().startswith(
        "600 × 900 px. Paint where the garment goes: B brush, E eraser"
    )
    assert garment.accessibleName() == "Garment photo: garment.jpg"
    assert garment.accessibleDescription() == "400 × 400 px"
    for field, label in (
        (page.product_type, "Product type"),
        (page.strength, "Garment strength"),
        (page.prompt_edit, "Prompt"),
        (page.brush_size, "Brush size"),
        (driver.generate.product_type, "Product type"),
        (driver.generate.variations, "Variations"),
    ):
        interface = QAccessible.queryAccessibleInterface(field)
        labels = [
            other.text(QAccessible.Text.Name)
            for other, _relation in interface.relations(QAccessible.Relation.Label)
        ]
        assert labels == [label], (field.objectName(), labels)
    page.person_pane.clear()
    settle(qapp)
    assert person.accessibleName() == "Person photo"  # what it shows, even when nothing


def test_tab_reads_the_try_on_page_in_order_and_the_mask_keys_work_from_its_tools(
    qapp: QApplication,
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    photos: dict[str, Path],
) -> None:
    driver = open_window(demo_factory())
    driver.window.activateWindow()
    page = driver.try_on
    load_both(qtbot, driver, photos)
    person, garment = page.person_pane, page.garment_pane
    person.browse_button.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []
    while len(visited) < 40 and page.submit_button not in visited:
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        settle(qapp)
        widget = QApplication.focusWidget()
        assert widget is not None
        visited.append(widget)
    wanted = [
        person.clear_button,
        person.canvas,
        garment.browse_button,
        garment.clear_button,
        garment.canvas,
        page.brush_button,
        page.brush_size,
        page.opacity,
        page.product_type,
        page.strength,
        page.prompt_edit,
        page.run_with_prompt,
        page.submit_button,
    ]
    assert [w for w in visited if w in wanted] == wanted
    # a prompt of several lines takes no Tab: Tab goes on to the next field
    generate = driver.generate
    driver.page("generate")
    generate.prompt.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(generate.prompt, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is generate.product_type
    assert generate.prompt.toPlainText() == ""
    driver.page("try-on")
    # the keyboard's focus shows on a picture (a ring), not a click's
    assert garment.canvas.focus_ring is False
    garment.canvas.setFocus(Qt.FocusReason.TabFocusReason)
    assert garment.canvas.focus_ring is True
    QTest.mouseClick(garment.canvas, Qt.MouseButton.MiddleButton)
    assert garment.canvas.focus_ring is False

    # the shortcut sheet's mask keys, from the mask's own tools
    canvas = page.mask_canvas
    page.brush_button.setFocus()
    size = canvas.brush_size
    QTest.keyClick(page.brush_button, Qt.Key.Key_BracketRight)
    assert canvas.brush_size > size and page.brush_size.value() == canvas.brush_size
    QTest.keyClick(page.brush_button, Qt.Key.Key_BracketLeft)
    QTest.keyClick(page.brush_button, Qt.Key.Key_BracketLeft)
    assert canvas.brush_size < size
    QTest.keyClick(page.brush_button, Qt.Key.Key_E)
    assert page.eraser_button.isChecked() and canvas.erasing
    QTest.keyClick(page.eraser_button, Qt.Key.Key_B)
    assert page.brush_button.isChecked() and not canvas.erasing


def _written_elsewhere(widget: QWidget) -> bool:
    """What these pages show without writing it: the product types' names and the
    strength's words (shared pieces of the window, marked where they are made), notes
    (the core's messages about files), the names of files."""
    if isinstance(widget, StrengthWords | NoteBar) or widget.objectName() in {
        "productTypeCombo",
        "generateProductTypeCombo",
        "describeProductTypeCombo",
        "garmentStrength",
        "photoName",
    }:
        return True
    parent = widget.parentWidget()
    return parent is not None and isinstance(parent, NoteBar)


@pytest.mark.parametrize("name", ["try-on", "generate", "describe"])
def test_every_text_of_the_page_is_marked_and_fits_a_laptop_in_the_pseudo_language(
    qapp: QApplication,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    monkeypatch.setenv("LANGUAGE", "x-pseudo")
    driver: WindowDriver = open_window(demo_factory())
    driver.window.setGeometry(0, 0, *LAPTOP)
    page = driver.page(name)
    settle(qapp)

    def elsewhere(widget: QWidget) -> bool:  # the mask's heading names the type
        return _written_elsewhere(widget) or widget is driver.try_on.mask_label

    assert unmarked_texts(page, elsewhere) == []
    assert clipped_texts(page) == []
    area = driver.page_area(name)  # the page never scrolls
    assert area.verticalScrollBar().maximum() == 0 and area.horizontalScrollBar().maximum() == 0
