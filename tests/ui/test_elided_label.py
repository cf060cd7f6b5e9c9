"""A label short of room cuts its text in the middle, whole in its tooltip; a start it
is asked to keep ("Mask for Footwear · ") stays whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption
from pytestqt.qtbot import QtBot

from aurax_desktop.ui.common.elided_label import ElidedLabel

NAME = "SS27-resort-lookbook-model-anna-maria-fernandez.jpg"


def test_the_kept_start_stays_whole_and_the_rest_is_cut_in_the_middle(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.show()
    label.set_parts("Mask for Footwear · ", NAME)
    kept = label.fontMetrics().horizontalAdvance("Mask for Footwear · ")
    label.resize(kept + label.fontMetrics().horizontalAdvance("SS27-re…dez.jpg") + 8, 24)
    shown = label.text()
    assert shown.startswith("Mask for Footwear · SS27")
    assert "…" in shown and shown.endswith(".jpg")
    assert label.toolTip() == label.full_text() == f"Mask for Footwear · {NAME}"
    label.resize(2000, 24)
    assert label.text() == label.full_text()


def test_plain_text_is_cut_in_the_middle(qtbot: QtBot) -> None:
    label = ElidedLabel(NAME)
    qtbot.addWidget(label)
    label.show()
    label.resize(label.fontMetrics().horizontalAdvance("SS27-re…dez.jpg") + 8, 24)
    assert label.text().startswith("SS27") and label.text().endswith("jpg")
    assert "…" in label.text()


def test_a_name_cut_in_a_right_to_left_window_keeps_its_mark_where_it_was_cut(
    qtbot: QtBot,
) -> None:
    """In Arabic the window reads right to left, a file name still left to right: cut at
    its end it reads "Wool-blend…", never "…Wool-blend" (the mark would sit at the
    start of the name, where nothing was cut)."""
    label = ElidedLabel(cut=Qt.TextElideMode.ElideRight)
    qtbot.addWidget(label)
    label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    label.show()
    label.setText("AW26 Wool-blend double-breasted overcoat camel long.jpg")
    label.resize(label.fontMetrics().horizontalAdvance("AW26 Wool-blend…") + 8, 24)
    shown = label.text()
    assert "…" in shown
    layout = QTextLayout(shown, label.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)  # as the label lays it out
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()

    def x_in(text: str) -> float:
        """Where the text's first character ends, on the line."""
        return float(line.cursorToX(shown.index(text) + 1)[0])

    mark = float(line.cursorToX(shown.index("…"))[0])  # where the mark begins
    assert x_in("AW26") < x_in("Wool") < mark  # left to right, the mark last


def test_a_line_of_fields_cuts_its_longest_names_at_their_ends(qtbot: QtBot) -> None:
    """The loupe's caption at a laptop's width: the person and the garment each keep
    their start (the garment is what tells the looks apart while culling), the longer
    one is cut first, and the type and the marks stay whole."""
    person = "Giorgos Papadopoulos Nikolaidis model test shoot March 2026"
    garment = "Ribbed merino turtleneck sweater in oat melange, SKU WT-7730-OAT"
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.show()
    label.set_fields([person, garment, "Top", "", "Favourite", "★★★"], 2)
    assert label.full_text() == label.toolTip() == f"{person} · {garment} · Top · Favourite · ★★★"
    metrics = label.fontMetrics()
    label.resize(metrics.horizontalAdvance("M" * 30) + 8, 24)
    shown = label.text()
    assert metrics.horizontalAdvance(shown) <= label.contentsRect().width()
    who, what, *rest = shown.split(" · ")
    assert rest == ["Top", "Favourite", "★★★"]
    assert who.startswith("Giorgos") and who.endswith("…")
    assert what.startswith("Ribbed") and what.endswith("…")
    short = "Ben"
    label.set_fields([short, garment, "Top"], 2)
    assert label.text().startswith("Ben · Ribbed")  # a short name stays whole
    label.resize(2000, 24)
    assert label.text() == label.full_text()
