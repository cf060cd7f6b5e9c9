"""In a right-to-left window a line of parts reads right to left whatever its first
word: the Gallery's keys (the first key at the right, each before what it does, a range
of keys in its order) and the loupe's caption (the first field at the right, a Latin name
in its own direction). Qt takes a line's direction from its first strong letter: both
began with a Latin letter and were laid out left to right."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aurax_desktop.ui.common.elided_label import ElidedLabel
from aurax_desktop.ui.common.keys_hint import KeysHint

RETRIEVE = QTextLayout.GlyphRunRetrievalFlag


@pytest.fixture
def right_to_left() -> Iterator[None]:
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as in Arabic
    yield
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def drawn_at(text: str, font: QFont) -> dict[int, float]:
    """Where each character of ``text`` is drawn, laid out as Qt lays out a line whose
    direction it reads from the text."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(4000)
    layout.endLayout()
    flags = (
        RETRIEVE.RetrieveGlyphIndexes
        | RETRIEVE.RetrieveGlyphPositions
        | RETRIEVE.RetrieveStringIndexes
    )
    where: dict[int, float] = {}
    for run in layout.glyphRuns(-1, -1, flags):
        for index, position in zip(run.stringIndexes(), run.positions(), strict=True):
            where[index] = position.x()
    return where


def test_the_keys_read_right_to_left_each_key_before_its_word(
    qtbot: QtBot, right_to_left: None
) -> None:
    hint = KeysHint(("F مفضلة", "X رفض", "1–5 نجوم"))
    qtbot.addWidget(hint)
    hint.resize(600, 30)
    hint.show()
    shown = hint.text()
    x = drawn_at(shown, hint.font())

    def at(text: str) -> float:
        return x[shown.index(text)]

    assert at("F") > at("X") > at("1")  # the first key at the right
    assert at("F") > at("م") and at("X") > at("ر")  # each key before (right of) its word
    assert at("1") < at("5")  # a range of keys in its order, not turned round


def test_the_loupes_caption_reads_right_to_left_a_latin_name_in_its_own_order(
    qtbot: QtBot, right_to_left: None
) -> None:
    caption = ElidedLabel("")
    qtbot.addWidget(caption)
    caption.resize(800, 30)
    caption.show()
    caption.set_fields(["anna maria", "Linen dress", "فستان"], 2)
    shown = caption.text()
    x = drawn_at(shown, caption.font())

    def at(text: str) -> float:
        return x[shown.index(text)]

    assert at("anna") > at("Linen") > at("ف")  # the first field at the right
    assert at("anna") < at("maria")  # a Latin name reads left to right
    assert caption.full_text() == "anna maria · Linen dress · فستان"
