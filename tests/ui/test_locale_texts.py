"""The window's dates, durations, sizes and credits as the user's locale writes them."""

from __future__ import annotations

import time
from datetime import datetime

from pytestqt.qtbot import QtBot

from aurax_desktop.languages import choose
from aurax_desktop.ui.common.choices import credits_text, number_text
from aurax_desktop.ui.common.language import apply_language
from aurax_desktop.ui.jobs.forgetting import _size
from aurax_desktop.ui.jobs.row_text import elapsed_text, when_text

NOW = datetime(2026, 12, 6, 18, 0).timestamp()


def at(*moment: int) -> float:
    return datetime(*moment).timestamp()  # type: ignore[arg-type]


def test_english(qtbot: QtBot) -> None:
    apply_language(choose(["C.UTF-8"]))  # as the window does at its start
    assert when_text(at(2026, 12, 6, 14, 32), NOW) == "14:32"
    assert when_text(at(2026, 12, 5, 14, 32), NOW) == "Yesterday 14:32"
    assert when_text(at(2026, 11, 27, 9, 0), NOW) == "27 Nov"
    assert when_text(at(2025, 11, 27, 9, 0), NOW) == "27 Nov 2025"
    assert [elapsed_text(s) for s in (42, 185, 3720)] == ["42 s", "3 min 05 s", "1 h 02 min"]
    assert _size(1_500_000) == "1.5 MB" and number_text(1234.5) == "1,234.5"
    assert credits_text(0.25) == "0.25 credits" and credits_text(1) == "1 credit"


def test_german(qtbot: QtBot) -> None:
    apply_language(choose(["de_DE"]))
    assert when_text(at(2026, 12, 5, 14, 32), NOW) == "Gestern 14:32"
    assert when_text(at(2026, 11, 27, 9, 0), NOW) == "27. Nov."
    assert when_text(at(2025, 11, 27, 9, 0), NOW) == "27.11.2025"
    assert elapsed_text(3720) == "1 Std. 02 min"
    assert _size(1_500_000) == "1,5 MB"
    assert credits_text(1234.5) == "1.234,5 Credits" and credits_text(1) == "1 Credit"


def test_japanese_and_arabic(qtbot: QtBot) -> None:
    apply_language(choose(["ja_JP"]))
    assert when_text(at(2026, 11, 27, 9, 0), NOW) == "11月27日"
    assert elapsed_text(185) == "3 分 05 秒"
    apply_language(choose(["ar"]))
    assert when_text(at(2026, 12, 5, 14, 32), NOW).startswith("أمس ")
    assert credits_text(2) == "2 نقطتان"


def test_a_day_is_said_where_it_was_lived() -> None:
    # the row's clock is this computer's, whatever the time zone of the test's machine
    assert when_text(time.time()) == time.strftime("%H:%M")
