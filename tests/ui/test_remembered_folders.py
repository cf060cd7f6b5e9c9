"""Save and open dialogs start where the user last went, else in the usual folder for
the kind of file; never in a folder that is not there (a dialog given one opens in the
program's working folder, which may be anywhere)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import WindowFactory


def test_a_missing_documents_folder_falls_back_to_home(
    open_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = open_window(demo=True)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs file
    for name in ("XDG_DOCUMENTS_DIR", "XDG_PICTURES_DIR"):
        monkeypatch.delenv(name, raising=False)
    folders = driver.folders
    assert folders.folder("exports") == str(home)
    assert folders.folder("photos") == str(home)
    (home / "Documents").mkdir()
    assert folders.folder("exports") == str(home / "Documents")
    folders.remember("exports", tmp_path)
    assert folders.folder("exports") == str(tmp_path)  # where the last one ended
