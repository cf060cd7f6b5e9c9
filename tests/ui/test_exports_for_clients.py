"""What the window exports for a client (pictures, lookbooks, line sheets) is made with
the user's file mask, as any file of theirs, while the data folder stays private: the
real window, started as the program starts (its own files private from then on)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from aurax_desktop import paths, privacy
from aurax_desktop.demo import DemoServer
from tests.command_line import run
from tests.factories import garment_jpeg, person_jpeg
from tests.ui.conftest import WindowFactory, answer_export_options, when_modal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_pictures_and_documents_exported_from_the_window_follow_the_user_s_mask(
    qtbot: QtBot,
    open_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = demo_factory(task_seconds=0.1)
    people, garments = tmp_path / "people", tmp_path / "garments"
    people.mkdir()
    garments.mkdir()
    (people / "anna.jpg").write_bytes(person_jpeg())
    (garments / "linen-dress.jpg").write_bytes(garment_jpeg())
    monkeypatch.setenv("AURAX_API_KEY", server.api_key)
    monkeypatch.setenv("AURAX_KEY_ID", server.key_id)
    made = run(server, "batch", "--people", str(people), "--garments", str(garments), "--yes")
    assert made == 0
    # the window starts as the program does, in a session whose mask is a usual
    # desktop's (022): it makes its own files private from then on
    monkeypatch.setattr(privacy, "_remembered", {})
    os.umask(0o022)  # put back after the test (conftest)
    driver = open_window(server)
    assert os.umask(0o077) == 0o077  # the program's own files: private
    catalog = driver.gallery
    qtbot.waitUntil(lambda: catalog.model.batch is not None, timeout=10_000)
    qtbot.waitUntil(lambda: catalog.model.counts()["done"] == 1, timeout=10_000)
    client = tmp_path / "for the client"
    client.mkdir(mode=0o755)
    # the system's dialogs are stood in for: their answers are the user's
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(client))

    def name_pictures(dialog: QInputDialog) -> None:  # the program's own question
        dialog.setTextValue("{person}-{n}")
        dialog.accept()

    when_modal(QInputDialog, name_pictures)
    driver.command("exportPictures").trigger()
    picture = client / "anna-1.jpg"
    qtbot.waitUntil(picture.exists, timeout=10_000)
    book = client / "summer.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(book), "PDF lookbook (*.pdf)")
    )
    answer_export_options()
    driver.command("exportLookbook").trigger()
    qtbot.waitUntil(book.exists, timeout=10_000)
    assert mode(picture) == 0o644 and mode(book) == 0o644
    kept = [p for p in paths.data_dir().rglob("*") if not p.is_symlink()]
    loose = {str(p): oct(mode(p)) for p in kept if mode(p) not in (0o600, 0o700)}
    assert loose == {}
