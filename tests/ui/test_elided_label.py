"""A label short of room cuts its text in the middle, whole in its tooltip; a start it
is asked to keep ("Mask for Footwear · ") stays whole."""

from __future__ import annotations

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
