"""A data folder the user made a link to another disk (``~/.local/share/aurax-desktop``
to ``/mnt/big/aurax``) is the data folder: resolved once at start and used where it
really is, so everything can be tried, listed and deleted in it; links inside it are
still never followed. The real command, in processes of its own, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aurax_desktop.demo import DemoServer
from tests.factories import garment_jpeg, person_jpeg

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links")


def aurax(server: DemoServer, data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aurax_desktop.cli", "--base-url", server.url, *argv],
        env={**os.environ, "AURAX_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def photos(tmp_path: Path) -> list[str]:
    person, garment = tmp_path / "anna.jpg", tmp_path / "linen-dress.jpg"
    person.write_bytes(person_jpeg())
    garment.write_bytes(garment_jpeg())
    return [str(person), str(garment)]


def test_a_data_folder_that_is_a_link_is_used_where_it_really_is(
    server: DemoServer, tmp_path: Path, photos: list[str]
) -> None:
    big = tmp_path / "big disk" / "aurax"
    big.mkdir(parents=True)
    data = tmp_path / "home" / "aurax-desktop"
    data.parent.mkdir()
    data.symlink_to(big)
    tried = aurax(server, data, "try-on", *photos, "--type", "DRESS", "-o", str(tmp_path / "a.jpg"))
    assert tried.returncode == 0, tried.stderr
    assert "not followed" not in tried.stderr and "link" not in tried.stderr
    listed = aurax(server, data, "history", "--json")
    assert listed.returncode == 0, listed.stderr
    (job,) = json.loads(listed.stdout)
    (result,) = job["results"]
    assert Path(result).is_relative_to(big)  # kept where the folder really is
    assert (big / "history.sqlite3").is_file() and data.is_symlink()
    deleted = aurax(server, data, "delete", job["job_id"][:8])
    assert deleted.returncode == 0, deleted.stderr
    assert json.loads(aurax(server, data, "history", "--json").stdout) == []
    assert not Path(result).exists()


def test_links_inside_a_linked_data_folder_are_still_not_followed(
    server: DemoServer, tmp_path: Path, photos: list[str]
) -> None:
    big = tmp_path / "big"
    big.mkdir()
    data = tmp_path / "aurax-desktop"
    data.symlink_to(big)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (big / "jobs").symlink_to(elsewhere)  # planted inside: never written through
    tried = aurax(server, data, "try-on", *photos, "--type", "DRESS")
    assert tried.returncode == 1
    assert f"not followed: {big / 'jobs'} is a link to another place" in tried.stderr
    assert "Traceback" not in tried.stderr
    assert list(elsewhere.iterdir()) == []
    assert server.stats()["tasks_created"] == 0


@pytest.mark.parametrize("planted", ["the log file", "the log folder"])
def test_a_link_planted_for_the_log_is_not_written_through(
    server: DemoServer, tmp_path: Path, photos: list[str], planted: str
) -> None:
    data = tmp_path / "aurax-desktop"
    data.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "aurax-desktop.log"
    victim.write_text("someone else's file\n", encoding="utf-8")
    if planted == "the log file":
        (data / "logs").mkdir()
        (data / "logs" / "aurax-desktop.log").symlink_to(victim)
    else:
        (data / "logs").symlink_to(elsewhere)
    tried = aurax(server, data, "try-on", *photos, "--type", "DRESS")
    assert tried.returncode == 0, tried.stderr  # the work goes on without a log file
    assert "Traceback" not in tried.stderr
    assert victim.read_text(encoding="utf-8") == "someone else's file\n"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["aurax-desktop.log"]
