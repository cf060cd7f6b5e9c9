"""Documents set Arabic and Hebrew lines flush right in their room, where their reader
starts, and Latin lines flush left (word boxes read back with poppler's pdftotext)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aurax_desktop.exports.typesetting import Typesetter, new_document, reads_right_to_left
from tests.test_document_layout import words

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

LEFT, ROOM = 100.0, 300.0


def test_the_first_strong_letter_decides() -> None:
    assert reads_right_to_left("فستان كتان صيفي") and reads_right_to_left("«שמלה» 12")
    assert reads_right_to_left("12 فستان")  # digits have no direction of their own
    assert not reads_right_to_left("SKU 12 فستان") and not reads_right_to_left("42 · …")


def test_right_to_left_lines_are_set_flush_right(tmp_path: Path) -> None:
    pdf = tmp_path / "directions.pdf"
    with pdf.open("wb") as out:
        canvas = new_document(out, (595.0, 842.0), "directions")
        setter = Typesetter(canvas)
        for n, text in enumerate(("Linen dress", "فستان كتان", "שמלת פשתן", "SKU فستان")):
            setter.draw(LEFT, 700 - 40 * n, text, 12, room=ROOM)
        setter.draw(LEFT, 500, "فستان", 12)  # no room given: drawn as before, from x
        canvas.save()
    [page] = words(pdf, tmp_path)
    rows: dict[int, list[tuple[float, float]]] = {}
    for x_min, y_min, x_max, _y_max, _word in page:
        rows.setdefault(round(y_min / 10), []).append((x_min, x_max))
    lines = [rows[key] for key in sorted(rows)]
    starts = [min(x for x, _ in line) for line in lines]
    ends = [max(x for _, x in line) for line in lines]
    assert starts[0] == pytest.approx(LEFT, abs=1)  # Latin: flush left
    assert ends[1] == pytest.approx(LEFT + ROOM, abs=1)  # Arabic: flush right
    assert ends[2] == pytest.approx(LEFT + ROOM, abs=1)  # Hebrew: flush right
    assert starts[3] == pytest.approx(LEFT, abs=1)  # starts in Latin: flush left
    assert starts[4] == pytest.approx(LEFT, abs=1)
