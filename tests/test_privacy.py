"""The data folder is private (photos of people are personal data): folders 0700 and
files 0600, older ones corrected at start, and nothing written through a symbolic
link."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from aurax_desktop import paths, privacy
from aurax_desktop.cli import main
from aurax_desktop.jobs import open_history
from aurax_desktop.jobs.files import write_atomically
from aurax_desktop.jobs.store import default_path
from aurax_desktop.privacy import CORRECTED_MARK, secure_folders
from tests.factories import garment_jpeg, person_jpeg

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def modes(root: Path) -> dict[str, int]:
    found = {}
    for top, folders, files in os.walk(root):
        for name in [*folders, *files]:
            path = Path(top, name)
            found[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def test_what_a_run_leaves_is_readable_by_its_user_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(privacy, "_remembered", {})  # as a fresh process has it
    previous = os.umask(0o022)  # a usual desktop's: new files readable by all
    try:
        person, garment = tmp_path / "person.jpg", tmp_path / "garment.jpg"
        person.write_bytes(person_jpeg())
        garment.write_bytes(garment_jpeg())
        out = tmp_path / "look.jpg"
        code = main(
            ["--demo", "try-on", str(person), str(garment), "--type", "dress", "-o", str(out)]
        )
        assert code == 0, capsys.readouterr().err
    finally:
        os.umask(previous)
    root = paths.data_dir()
    found = modes(root)
    assert any(name.startswith("jobs/") and "/result." in name for name in found), found
    assert "history.sqlite3" in found and "logs/aurax-desktop.log" in found
    loose = {name: oct(mode) for name, mode in found.items() if mode not in (0o700, 0o600)}
    assert loose == {}
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    # what the user took out (for a client, a buyer) is made as the user's files are
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_files_an_older_version_left_readable_are_corrected_at_start() -> None:
    root = paths.data_dir()
    job = root / "jobs" / "0123456789abcdef"
    job.mkdir(parents=True)
    for folder in (root, root / "jobs", job):
        folder.chmod(0o755)
    photo = job / "person.jpg"
    photo.write_bytes(person_jpeg())
    photo.chmod(0o644)
    (root / "history.sqlite3").write_bytes(b"")
    (root / "history.sqlite3").chmod(0o644)
    assert secure_folders([root]) == []
    assert set(modes(root).values()) <= {0o700, 0o600}
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert (root / CORRECTED_MARK).exists()


@pytest.mark.logs_expected(r"symbolic link", r"history was moved")
def test_a_history_file_that_links_elsewhere_is_moved_aside_not_written_through(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "someone-elses.db"
    outside.write_bytes(b"not ours")
    history = default_path()
    history.parent.mkdir(parents=True, exist_ok=True)
    history.symlink_to(outside)
    opened = open_history()
    try:
        assert outside.read_bytes() == b"not ours"
        assert opened.kept is not None and opened.kept.is_symlink()
        assert opened.message and "link to another place" in opened.message
        assert not history.is_symlink() and opened.store.count() == 0
    finally:
        opened.store.close()


@pytest.mark.logs_expected(r"symbolic link")
def test_a_job_folder_that_links_elsewhere_is_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    folder = paths.data_dir() / "jobs" / "linked"
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(outside, target_is_directory=True)
    with pytest.raises(OSError, match="link to another place"):
        write_atomically(folder / "result.png", b"data")
    assert list(outside.iterdir()) == []
    links = secure_folders([paths.data_dir()])
    assert folder in links
