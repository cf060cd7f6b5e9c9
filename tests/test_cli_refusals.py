"""The ``aurax`` command refuses bad input before spending anything, and never shows a
traceback: the real command against the demo server (in-process, or as a subprocess
where the terminal's view matters)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aurax_desktop.cli import main
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobStatus, JobStore
from aurax_desktop.logs import log_file
from tests.factories import garment_jpeg, person_jpeg
from tests.read_only_folder import run_read_only


@pytest.fixture
def photos(tmp_path: Path) -> tuple[Path, Path]:
    person, garment = tmp_path / "person.jpg", tmp_path / "garment.jpg"
    person.write_bytes(person_jpeg())
    garment.write_bytes(garment_jpeg())
    return person, garment


def refused(server: DemoServer, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    try:
        code = main(["--base-url", server.url, *argv])
    except SystemExit as exit_:  # argparse's own refusals
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    stats = server.stats()
    assert stats["tasks_created"] == 0
    assert {k: n for k, n in stats["requests"].items() if "/_demo" not in k} == {}
    return code, err


def test_a_missing_photo(
    server: DemoServer, photos: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = refused(server, capsys, "try-on", "nowhere.jpg", str(photos[1]), "--type", "BAG")
    assert code == 2 and "“nowhere.jpg” does not exist" in err


def test_a_folder_given_as_a_photo(
    server: DemoServer,
    photos: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, err = refused(server, capsys, "try-on", str(tmp_path), str(photos[1]), "--type", "BAG")
    assert code == 2 and "is a folder" in err and "does not exist" not in err


@pytest.mark.parametrize("deadline", ["0", "-5", "nan", "soon"])
def test_a_deadline_of_zero_or_less(
    server: DemoServer,
    photos: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    deadline: str,
) -> None:
    code, err = refused(
        server, capsys, "--deadline", deadline, "try-on", *map(str, photos), "--type", "BAG"
    )
    assert code == 2 and "--deadline" in err


def test_a_blank_prompt(
    server: DemoServer, photos: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = refused(server, capsys, "generate", "   ", "--type", "BAG")
    assert code == 2 and "prompt is blank" in err
    code, err = refused(
        server, capsys, "try-on", *map(str, photos), "--type", "BAG", "--prompt", " "
    )
    assert code == 2 and "prompt is blank" in err


def test_an_output_that_exists_is_not_replaced_without_force(
    server: DemoServer,
    photos: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    existing = tmp_path / "look.jpg"
    existing.write_bytes(b"the user's own file")
    code, err = refused(
        server, capsys, "try-on", *map(str, photos), "--type", "BAG", "-o", str(existing)
    )
    assert code == 2 and "already exists" in err and "--force" in err
    assert existing.read_bytes() == b"the user's own file"
    args = ["--base-url", server.url, "try-on", *map(str, photos), "--type", "BAG"]
    assert main([*args, "-o", str(existing), "--force"]) == 0
    assert existing.read_bytes()[:3] == b"\xff\xd8\xff"  # replaced, as asked


def test_file_names_that_are_not_utf8(tmp_path: Path, server: DemoServer) -> None:
    if sys.platform == "win32":
        pytest.skip("Windows file names are always Unicode")
    folder = os.fsencode(tmp_path)
    person = folder + b"/mod\xe8le.jpg"  # Latin-1 bytes: not valid UTF-8
    garment = folder + b"/\xff\xfe-robe.jpg"
    with open(person, "wb") as handle:
        handle.write(person_jpeg())
    with open(garment, "wb") as handle:
        handle.write(garment_jpeg())
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "aurax_desktop.cli",
            "--base-url",
            server.url,
            "try-on",
            person,
            garment,
            "--type",
            "DRESS",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, err
    assert b"Traceback" not in done.stderr
    assert "mod\ufffdle" in err  # shown with a replacement character
    saved = done.stdout.decode().strip()
    assert saved.endswith("-dress-tryon.jpg") and (tmp_path / saved).is_file()
    store = JobStore()
    (job,) = store.query()
    store.close()
    assert job.status is JobStatus.COMPLETED and job.source_name == "mod\ufffdle.jpg"


@pytest.mark.logs_expected(r"failed unexpectedly")
def test_an_unexpected_error_is_one_sentence_and_the_log_has_the_rest(
    server: DemoServer,
    photos: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A stand-in for a bug: the command's own code raising something unexpected."""
    from aurax_desktop.cli import job_commands  # noqa: PLC0415

    def broken(_context: object) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(
        __import__("aurax_desktop.cli.main", fromlist=["COMMANDS"]).COMMANDS,
        "try-on",
        (job_commands.check_try_on, broken),
    )
    code = main(["--base-url", server.url, "try-on", *map(str, photos), "--type", "BAG"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert str(log_file()) in err
    assert "ZeroDivisionError: a bug" in log_file().read_text()


def test_a_data_folder_that_cannot_be_made(
    photos: tuple[Path, Path], tmp_path: Path, server: DemoServer
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder would go")
    env = {**os.environ, "AURAX_DATA_DIR": str(blocker / "data")}
    started = time.monotonic()
    done = subprocess.run(
        [
            *(sys.executable, "-m", "aurax_desktop.cli", "--base-url", server.url, "try-on"),
            *map(str, photos),
            *("--type", "BAG"),
        ],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert time.monotonic() - started < 10
    assert "Traceback" not in done.stderr
    assert str(blocker / "data") in done.stderr and "cannot be written" in done.stderr
    assert server.stats()["tasks_created"] == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_data_folder(
    photos: tuple[Path, Path], tmp_path: Path, server: DemoServer
) -> None:
    """Wherever the checkout lies and whoever runs it (see ``read_only_folder``)."""
    data = tmp_path / "data"
    data.mkdir()
    command = [sys.executable, "-m", "aurax_desktop.cli", "--base-url", server.url, "try-on"]
    command += [*map(str, photos), "--type", "BAG"]
    env = {**os.environ, "AURAX_DATA_DIR": str(data)}
    started = time.monotonic()
    done = run_read_only(data, command, env)
    assert done.returncode == 1, done.stderr
    assert time.monotonic() - started < 10
    assert "Traceback" not in done.stderr
    assert str(data) in done.stderr and "cannot be written" in done.stderr
    assert server.stats()["tasks_created"] == 0


def test_a_full_disk_ends_the_command_in_seconds(
    server: DemoServer,
    photos: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The disk is the one thing mocked: writes of prepared photos fail with ENOSPC."""
    from aurax_desktop.jobs import inputs  # noqa: PLC0415

    def full(_target: Path, _data: bytes) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(inputs, "write_atomically", full)
    started = time.monotonic()
    code = main(["--base-url", server.url, "try-on", *map(str, photos), "--type", "BAG"])
    err = capsys.readouterr().err
    assert code == 1
    assert time.monotonic() - started < 10
    assert "No space left on device" in err and "Nothing was sent" in err
    assert "Traceback" not in err
    assert server.stats()["tasks_created"] == 0
