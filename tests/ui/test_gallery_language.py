"""The Gallery and the Jobs list in the user's language. Started in German with a season's
batch in the history, the Gallery's controls, its progress, its headings, its cells and
the loupe speak German, counts by German rules, and so does the batch's entry in the
Jobs list; in Arabic they speak Arabic, and the loupe's Left goes on to the next result,
as the mirrored grid reads. In the pseudo-language every text of the Gallery, the loupe,
the Jobs list and their dialogs is marked, and fits at a laptop's size. The words the
Gallery and the Jobs list are made of, in German, without a window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.exports import Paper
from aurax_desktop.jobs import Job, JobKind, JobQuery, JobStatus
from aurax_desktop.languages import choose
from aurax_desktop.translation import use_language
from aurax_desktop.ui.gallery.commands import star_text
from aurax_desktop.ui.gallery.document_words import words
from aurax_desktop.ui.gallery.export_options import ExportOptionsDialog
from aurax_desktop.ui.gallery.lookbook_export import held
from aurax_desktop.ui.gallery.page import progress_text
from aurax_desktop.ui.gallery.try_again import TryAgainDialog
from aurax_desktop.ui.jobs.groups import group_contents
from aurax_desktop.ui.jobs.row_text import type_word
from tests.ui.conftest import WindowFactory
from tests.ui.fit_check import problems
from tests.ui.photographers_batch import BATCH, write_batch
from tests.ui.pseudo_check import clipped_texts, unmarked_texts
from tests.ui.window_driver import WindowDriver

LAPTOP = (1366, 700)
ENTRY = Qt.ItemDataRole.AccessibleTextRole
ACROSS = Qt.Orientation.Horizontal


def gallery_in(
    language: str, qtbot: QtBot, open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> WindowDriver:
    """The window in ``language`` at a laptop's size, the season's batch (two people, eight
    garments, one cell tried again) in its Gallery."""
    monkeypatch.setenv("LANGUAGE", language)
    write_batch(variants={(0, 1): 2})
    driver = open_window(demo=True)
    driver.window.setGeometry(0, 0, *LAPTOP)
    driver.page("gallery")
    driver.gallery.refresh_batches(BATCH)
    qtbot.waitUntil(lambda: driver.gallery.model.counts()["done"] == 17, timeout=10_000)
    return driver


def batch_entry(qtbot: QtBot, driver: WindowDriver) -> str:
    """What a screen reader says of the batch's entry in the Jobs list."""
    model = driver.job_model
    qtbot.waitUntil(lambda: len(model.jobs()) == 17, timeout=10_000)
    assert model.rowCount() == 1  # the batch folded into its one entry
    return str(model.index(0).data(ENTRY))


def fits(qtbot: QtBot, window: QWidget) -> None:
    """Nothing in ``window`` is cut, once what it is still filling in (the spend in the
    status bar) has arrived."""

    def nothing_cut() -> None:
        assert problems(window) == []

    qtbot.waitUntil(nothing_cut, timeout=5000)


def open_loupe_at(qtbot: QtBot, driver: WindowDriver, row: int, column: int) -> None:
    grid = driver.grid
    driver.window.activateWindow()
    qtbot.waitUntil(driver.window.isActiveWindow)
    grid.setFocus()
    grid.setCurrentIndex(driver.gallery.model.index(row, column))
    grid.open_large()
    qtbot.waitUntil(driver.loupe_open)


def test_the_gallery_and_the_jobs_list_speak_german(
    qtbot: QtBot, open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = gallery_in("de", qtbot, open_window, monkeypatch)
    page, model = driver.page("gallery"), driver.gallery.model
    flags = [page.flag_filter.itemText(i) for i in range(page.flag_filter.count())]
    assert flags == [
        "Alle Ergebnisse",
        "Favoriten",
        "Nicht abgelehnt",
        "Ohne Markierung",
        "Abgelehnt",
    ]
    stars = [page.star_filter.itemText(i) for i in range(page.star_filter.count())]
    assert stars[:3] == ["Jede Bewertung", "1+ Stern", "2+ Sterne"]
    assert page.pause_button.text() == "Anhalten"
    assert page.progress.full_text() == "17 von 17 fertig"
    assert str(model.headerData(1, ACROSS, ENTRY)).startswith("Kleidungsstück: linen midi dress")
    assert str(model.data(model.index(0, 1), ENTRY)).endswith(" · 2 Varianten")  # tried again
    open_loupe_at(qtbot, driver, 0, 1)
    loupe = driver.loupe
    assert loupe.caption.full_text().endswith(" · Variante 2 von 2")
    assert "← → vorige, nächste" in loupe.hint.toolTip()
    assert loupe.accessibleName() == "Lupe: ein Ergebnis groß"
    assert batch_entry(qtbot, driver) == "Anprobe-Serie, 17 Anproben, Fertig"
    jobs = driver.pane("jobs")
    assert jobs.job_filter.itemText(0) == "Alle Aufträge"
    assert jobs.job_search.accessibleName() == "Aufträge durchsuchen"


def test_the_gallery_and_the_jobs_list_speak_arabic_and_read_right_to_left(
    qtbot: QtBot, open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = gallery_in("ar", qtbot, open_window, monkeypatch)
    page = driver.page("gallery")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.flag_filter.itemText(0) == "كل النتائج"
    assert page.pause_button.text() == "إيقاف مؤقت"
    assert page.progress.full_text() == "اكتمل 17 من 17"
    assert batch_entry(qtbot, driver) == "دفعة تجارب ارتداء، 17 تجربة، مكتمل"
    open_loupe_at(qtbot, driver, 0, 0)
    loupe = driver.loupe
    assert loupe.caption.full_text().startswith("anna maria santos · ")
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Left)  # right to left: the next result
    assert loupe.cell == (0, 1)
    assert loupe.caption.full_text().endswith(" · النسخة 2 من 2")
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Right)  # and back
    assert loupe.cell == (0, 0)
    qtbot.keyClick(loupe.canvas, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not driver.loupe_open())


def test_in_the_pseudo_language_the_gallery_the_loupe_and_the_jobs_list_are_marked_and_fit(
    qtbot: QtBot, open_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = gallery_in("x-pseudo", qtbot, open_window, monkeypatch)
    page = driver.page("gallery")

    def named_by_the_user(widget: QWidget) -> bool:
        # the batch's name, and the loupe's caption: people's and garments' names (the
        # product type in it is the core's word)
        return widget is page.batch_combo or widget is driver.loupe.caption

    assert unmarked_texts(page, named_by_the_user) == []
    assert unmarked_texts(driver.pane("jobs")) == []
    assert unmarked_texts(driver.pane("result")) == []
    fits(qtbot, driver.window)
    open_loupe_at(qtbot, driver, 0, 1)
    assert unmarked_texts(driver.loupe, named_by_the_user) == []
    fits(qtbot, driver.window)
    job = driver.session.store.query(JobQuery(limit=1))[0]
    again = TryAgainDialog(job, "anna", driver.window)
    options = ExportOptionsDialog(
        "line sheet", filtered=True, selected=3, paper=Paper.A4, parent=driver.window
    )

    def shared(widget: QWidget) -> bool:
        # the strength slider's words are every page's slider's (ui/common), the papers'
        # names the documents' (exports)
        return widget in (again.strength, again.strength_words, options.paper)

    for dialog in (again, options):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= LAPTOP[0] and dialog.height() <= LAPTOP[1]
        assert unmarked_texts(dialog, shared) == []
        assert clipped_texts(dialog) == []
        assert problems(dialog) == []
        dialog.close()


@pytest.fixture
def german() -> Iterator[None]:
    use_language(choose(["de"]))
    yield
    use_language(choose(["en"]))


def job(kind: JobKind) -> Job:
    return Job(id=kind.value, kind=kind, status=JobStatus.COMPLETED, product_type="DRESS")


def test_the_words_the_gallery_and_the_jobs_list_are_made_of_in_german(german: None) -> None:
    counts = {"done": 1, "failed": 1, "working": 0, "unsent": 2}
    assert progress_text(counts, paused=True) == "1 von 4 fertig · 1 fehlgeschlagen · 2 angehalten"
    assert progress_text(counts, paused=False).endswith(" · 2 wartend")
    assert [star_text(n) for n in (0, 1, 3)] == ["Keine Sterne", "1 Stern", "3 Sterne"]
    assert held(1, 1) == "1 Look von 1 Person" and held(12, 3) == "12 Looks von 3 Personen"
    page = words("line sheet").step("page").format(number=2, count=5)
    assert page == "Linesheet wird geschrieben: Seite 2 von 5…"
    assert (
        str(words("lookbook").stopped) == "Das Lookbook wurde nicht geschrieben: Es wurde gestoppt."
    )
    batch = [job(JobKind.TRY_ON)] * 4 + [job(JobKind.PRODUCT_DESCRIPTION)] * 2
    assert group_contents(batch) == "4 Anproben und 2 Produktbeschreibungen"
    assert group_contents(batch[:1]) == "1 Anprobe"
    assert type_word("DRESS") == "Kleid"
