"""Documents set Arabic and Hebrew lines flush right in their room, where their reader
starts, and Latin lines flush left (word boxes read back with poppler's pdftotext)."""

from __future__ import annotations

import shutil
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from aurax_desktop.exports.fonts import visual
from aurax_desktop.exports.lookbook import MARGIN, Look, PersonPage, from_jobs, write_pdf
from aurax_desktop.exports.paper import Paper
from aurax_desktop.exports.typesetting import Typesetter, new_document, reads_right_to_left
from aurax_desktop.languages import choose
from aurax_desktop.translation import use_language
from tests.test_document_layout import Box, words

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


def test_brackets_face_their_words_in_right_to_left_lines() -> None:
    # "(SKU)" and "(تابع)" drawn as brackets open towards their words, as Unicode's
    # mirroring asks, whichever direction the words inside them read
    assert visual("رمز المنتج (SKU): SS27-101").startswith("SS27-101 :(SKU) ")
    drawn = visual("ليلى (تابع)")
    assert drawn.startswith("(") and drawn.index(")") < drawn.index(" ")
    assert visual("«فستان» [XL]") == "[XL] «" + visual("فستان") + "»"
    assert visual("Linen (sand) [XL]") == "Linen (sand) [XL]"  # left to right: as it is


def test_an_arabic_lookbook_reads_from_the_right(tmp_path: Path) -> None:
    """A lookbook made with Arabic chosen: its words in Arabic (its title when the batch
    has none, the date, a person's page going on), each line flush with the right margin
    where its reader starts, the date facing the title from the left."""
    use_language(choose(["ar"]))
    shots = []
    for n in range(LOOKBOOK_PAGE + 1):  # a page and one more: the person's page goes on
        path = tmp_path / f"look-{n}.jpg"
        Image.new("RGB", (600, 900), (20 * n, 90, 120)).save(path)
        shots.append(Look(path, "فستان كتان صيفي", f"SS27-{n:03d}", "فستان"))
    book = replace(
        from_jobs([]),  # a batch without a name: the lookbook's own title, in Arabic
        pages=(PersonPage("ليلى", tuple(shots)),),
        subtitle="معاينة البيع بالجملة",
        made=datetime(2026, 12, 6, 12).timestamp(),
    )
    target, notes = write_pdf(book, tmp_path / "book.pdf", paper=Paper.A4)
    assert notes == []
    first, second = words(target, tmp_path)
    right, left = A4_WIDTH - MARGIN, MARGIN
    heading = [box for box in first if box[1] < 80]
    title = [box for box in heading if box[3] - box[1] > 14]  # 16 pt, the date 9 pt
    assert {letters(box[4]) for box in title} == {"كتالوج", "الإطلالات"}
    assert max(box[2] for box in title) == pytest.approx(right, abs=0.5)
    date = sorted((box for box in heading if box[2] < A4_WIDTH / 2), key=lambda box: box[0])
    assert [letters(box[4]) for box in date] == ["2026", "ديسمبر", "6"]  # drawn order
    assert date[0][0] == pytest.approx(left, abs=0.5)
    for page in (first, second):
        assert ends_of(page, "معاينة البيع بالجملة")[1] == pytest.approx(right, abs=0.5)
    assert ends_of(first, "ليلى")[1] == pytest.approx(right, abs=0.5)
    assert ends_of(second, "ليلى (تابع)")[1] == pytest.approx(right, abs=0.5)


A4_WIDTH = 595.2756
LOOKBOOK_PAGE = 9


def letters(drawn: str) -> str:
    """A word as drawn, read back in reading order: Arabic letters out of their joined
    forms and right to left, its brackets turned back; other words as they are."""
    if not any("\ufb50" <= char <= "\ufeff" for char in drawn):
        return drawn
    back = unicodedata.normalize("NFKC", drawn[::-1])  # a ligature unfolds in reading order
    return back.translate(str.maketrans("()", ")("))


def ends_of(page: list[Box], line: str) -> tuple[float, float]:
    """Where the right-to-left ``line`` (in reading order) starts and ends on ``page``."""
    rows: dict[float, list[Box]] = {}
    for box in page:
        rows.setdefault(round(box[1]), []).append(box)
    for row in rows.values():
        drawn = sorted(row)
        if " ".join(letters(box[4]) for box in reversed(drawn)) == line:
            return drawn[0][0], drawn[-1][2]
    raise AssertionError(f"no line {line!r}")
