"""The Gallery's headers: a person's long name wraps onto the lines its row holds
instead of being cut after a dozen letters; a name with no spaces breaks anywhere; what
still does not fit ends in an ellipsis; a garment's one-line header cuts at the end."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aurax_desktop.jobs import Job
from aurax_desktop.ui.common.job_cache import JobCache
from aurax_desktop.ui.gallery.grid import HEADER_WIDTH
from aurax_desktop.ui.gallery.model import GalleryModel
from aurax_desktop.ui.gallery.name_header import NameHeader, wrapped_lines
from tests.ui.conftest import batch_try_on, shown_grid

LONG_PERSON = "Anna-Maria Kowalczyk Brightwater de la Fuente"
LONG_GARMENT = "Court sneaker low white leather"


def _job(row: int, column: int) -> Job:
    return batch_try_on(
        row,
        column,
        person=f"{LONG_PERSON} {row}.jpg",
        garment=f"{LONG_GARMENT} {column}.jpg",
        product_type="SHOES",
    )


def test_a_long_name_wraps_between_words_each_line_within_the_width() -> None:
    font = QFont()
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance("Anna-Maria Kow")
    lines = wrapped_lines(LONG_PERSON, font, width, 10)
    assert len(lines) >= 3
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert " ".join(lines) == LONG_PERSON  # every word kept, in order, none cut
    assert not any(line.endswith("…") for line in lines)


def test_a_word_longer_than_a_line_breaks_anywhere() -> None:
    font = QFont()
    metrics = QFontMetrics(font)
    name = "SS27-look-anna-maria-santos-kowalczyk_final_retouched"
    width = metrics.horizontalAdvance("SS27-look-an")
    lines = wrapped_lines(name, font, width, 20)
    assert len(lines) >= 3
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert "".join(lines).replace("-", "") == name.replace("-", "")


def test_what_does_not_fit_ends_its_last_line_in_an_ellipsis() -> None:
    font = QFont()
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance("Anna-Maria Kow")
    lines = wrapped_lines(LONG_PERSON, font, width, 2)
    assert len(lines) == 2
    assert lines[0] == wrapped_lines(LONG_PERSON, font, width, 10)[0]  # the start kept
    assert lines[1].endswith("…")
    assert metrics.horizontalAdvance(lines[1]) <= width
    one = wrapped_lines(LONG_PERSON, font, width, 1)
    assert len(one) == 1 and one[0].endswith("…") and LONG_PERSON.startswith(one[0][:-1])
    assert wrapped_lines("", font, width, 3) == []
    assert wrapped_lines(LONG_PERSON, font, width, 0) == []


def test_a_name_outside_the_basic_plane_is_not_cut_inside_a_character() -> None:
    font = QFont()
    name = "Zoë 𝒜𝓃𝓃𝒶 Ōkubo 😀 Brightwater"
    lines = wrapped_lines(name, font, QFontMetrics(font).horizontalAdvance("Zoë 𝒜𝓃"), 20)
    assert " ".join(lines).replace(" ", "") == name.replace(" ", "")


def _text_bands(picture: QImage, rect: QRect) -> int:
    """How many separate bands of text a section's picture holds, top to bottom (a
    pixel row is text when some pixel in it is far darker or lighter than the row's
    first, the section's own background)."""
    ratio = picture.devicePixelRatio()
    bands, inside = 0, False
    left, right = int((rect.left() + 4) * ratio), int((rect.right() - 4) * ratio)
    for y in range(int(rect.top() * ratio) + 2, int(rect.bottom() * ratio) - 2):
        ground = picture.pixelColor(left, y).lightness()
        text = any(
            abs(picture.pixelColor(x, y).lightness() - ground) > 90 for x in range(left, right)
        )
        if text and not inside:
            bands += 1
        inside = text
    return bands


def test_the_grids_row_headers_show_a_long_name_on_several_lines(qtbot: QtBot) -> None:
    model = GalleryModel(JobCache(), lambda work, done: None)
    model.show_batch("batch-1", [_job(row, column) for row in range(2) for column in range(3)])
    view = shown_grid(qtbot, model, 900, 700)
    rows, columns = view.verticalHeader(), view.horizontalHeader()
    assert isinstance(rows, NameHeader) and isinstance(columns, NameHeader)
    name = str(model.headerData(0, Qt.Orientation.Vertical))
    assert rows.fontMetrics().horizontalAdvance(name) > HEADER_WIDTH  # one line would cut
    assert rows.width() <= HEADER_WIDTH
    first = QRect(0, rows.sectionViewportPosition(0), rows.width(), rows.sectionSize(0))
    assert _text_bands(rows.grab().toImage(), first) >= 2
    across = QRect(columns.sectionViewportPosition(0), 0, columns.sectionSize(0), columns.height())
    assert _text_bands(columns.grab().toImage(), across) == 1  # a garment's: one line
    assert rows.sectionsClickable()  # a click on a name still selects the person's row
    view.stop()


def _ink_columns(picture: QImage) -> dict[int, list[int]]:
    """For each column of a header's picture with text in it, the rows of its text."""
    ground = picture.pixelColor(0, 0).lightness()
    ink: dict[int, list[int]] = {}
    for x in range(picture.width()):
        for y in range(picture.height()):
            if abs(picture.pixelColor(x, y).lightness() - ground) > 90:
                ink.setdefault(x, []).append(y)
    return ink


def test_a_latin_name_keeps_its_direction_in_a_right_to_left_window(qtbot: QtBot) -> None:
    """In Arabic a garment's cut name still reads "Court sneaker low …", its ellipsis
    where it was cut (at its right, three dots low on the line), not before it."""
    try:
        for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft):
            QApplication.setLayoutDirection(direction)  # as the window does in Arabic
            model = GalleryModel(JobCache(), lambda work, done: None)
            model.show_batch("batch-1", [_job(0, column) for column in range(2)])
            view = shown_grid(qtbot, model, 900, 500)
            columns = view.horizontalHeader()
            shown = str(model.headerData(0, Qt.Orientation.Horizontal))
            assert columns.fontMetrics().horizontalAdvance(shown) > columns.sectionSize(0)  # cut
            start = columns.sectionViewportPosition(0)
            inside = QRect(start + 3, 2, columns.sectionSize(0) - 6, columns.height() - 4)
            ink = _ink_columns(columns.grab(inside).toImage())
            assert ink
            top = min(min(rows) for rows in ink.values())
            bottom = max(max(rows) for rows in ink.values())
            low = top + (bottom - top) * 2 // 3
            left, right = min(ink), max(ink)
            assert min(ink[left]) < low, direction  # the name's first letter, "C", at the left
            assert min(ink[right]) >= low, direction  # the ellipsis's last dot at the right
            view.stop()
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
