"""Photos given when the program starts (the file manager's "Open with", the command
line) open in the Try-On page: a name that says a product in the Garment pane, others
in the Person pane, a missing file named. The real window in demo mode."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from aurax_desktop.app import create_window
from tests.factories import jpeg_bytes, person_jpeg
from tests.ui.conftest import close_window


def test_photos_given_at_start_open_in_the_try_on_page(qtbot: QtBot, tmp_path: Path) -> None:
    anna = tmp_path / "anna.jpg"
    anna.write_bytes(person_jpeg())
    dress = tmp_path / "red-summer-dress.jpg"
    dress.write_bytes(jpeg_bytes((400, 600), (200, 30, 40)))
    gone = tmp_path / "gone.jpg"
    window = create_window(["--demo", str(anna), str(dress), str(gone)])
    qtbot.addWidget(window)
    try:
        page = window.try_on
        qtbot.waitUntil(
            lambda: page.person_pane.source is not None and page.garment_pane.source is not None,
            timeout=10_000,
        )
        assert [p.name for p in page.person_pane.photos()] == ["anna.jpg"]
        assert [p.name for p in page.garment_pane.photos()] == ["red-summer-dress.jpg"]
        assert page.product_type.currentData() == "DRESS"  # suggested from the name
        assert window.navigation.currentRow() == 0
        assert "Not found, so not opened: gone.jpg" in window.statusBar().currentMessage()
        assert page.blocker() == ""  # ready to try on
    finally:
        close_window(window)
