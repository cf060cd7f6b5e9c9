"""The terminal never shows a Python traceback: an unexpected error (in a command or in
one of its threads) is one sentence and the log file's path, a warning is one plain
line, and a full disk is said plainly by every command, with nothing half-written left
behind. The real command in a subprocess, as a user's terminal sees it; the full disk
is a real one (a small tmpfs, see ``full_disk``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from aurax_desktop.demo import DemoServer
from aurax_desktop.logs import log_file
from tests.command_line import run
from tests.factories import garment_jpeg, person_jpeg
from tests.full_disk import FREE_BYTES, run_on_full_disk

# A stand-in for a bug: the command's own code (here "history") replaced by one that
# fails, then the real entry point, as the installed ``aurax`` runs it.
BROKEN = """
import logging, sys, threading
import aurax_desktop.cli.main as command

def broken(args, store):
    how = sys.argv[1]
    if how == "thread":
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        return 0
    if how == "warning":
        try:
            {}["missing"]
        except KeyError:
            logging.getLogger("aurax_desktop.test").warning(
                "a warning with its cause\\nand a second line", exc_info=True
            )
        return 0
    raise ZeroDivisionError("a bug")

command.READING_COMMANDS["history"] = (None, broken)
sys.exit(command.main(["history"]))
"""


def broken_command(how: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BROKEN, how],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=dict(os.environ),
    )


def test_an_unexpected_error_is_one_sentence_and_the_log_s_path() -> None:
    done = broken_command("raise")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "File " not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"aurax: something unexpected went wrong (ZeroDivisionError). The details are in "
        f"{log_file()}."
    ]
    assert "ZeroDivisionError: a bug" in log_file().read_text()  # the details: the log's


def test_an_error_in_a_thread_is_one_sentence_too() -> None:
    done = broken_command("thread")
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"aurax: something unexpected went wrong (ZeroDivisionError). The details are in "
        f"{log_file()}."
    ]
    logged = log_file().read_text()
    assert "a thread of aurax failed unexpectedly" in logged and "Traceback" in logged


def test_a_warning_is_one_plain_line_its_cause_in_the_log() -> None:
    done = broken_command("warning")
    assert done.returncode == 0
    assert done.stderr.strip().splitlines() == ["WARNING a warning with its cause"]
    assert "KeyError: 'missing'" in log_file().read_text()


@pytest.fixture
def batch_made(server: DemoServer, tmp_path: Path) -> dict[str, Path]:
    """A finished batch in the history, and photos to send."""
    people, garments = tmp_path / "people", tmp_path / "garments"
    people.mkdir()
    garments.mkdir()
    (people / "anna.jpg").write_bytes(person_jpeg())
    for name in ("linen-dress", "silk-dress"):
        (garments / f"{name}.jpg").write_bytes(garment_jpeg())
    code = run(server, "batch", "--people", str(people), "--garments", str(garments), "--yes")
    assert code == 0
    return {"person": people / "anna.jpg", "garment": garments / "linen-dress.jpg"}


def aurax(server: DemoServer, *argv: str) -> list[str]:
    return [sys.executable, "-m", "aurax_desktop.cli", "--base-url", server.url, *argv]


def test_a_full_disk_is_said_plainly_by_every_command_and_nothing_is_half_written(
    server: DemoServer, batch_made: dict[str, Path], tmp_path: Path
) -> None:
    person, garment = str(batch_made["person"]), str(batch_made["garment"])
    disk = tmp_path / "disk"
    writes_to_the_disk = {
        "lookbook": ["lookbook", f"{disk}/book.pdf"],
        "contact sheet": ["lookbook", f"{disk}/sheet.png"],
        "line sheet": ["linesheet", f"{disk}/buyers.pdf"],
        "export": ["export", f"{disk}/finals", "--name", "{sku}{person}-{garment}"],
        "batch": [
            *("batch", "--people", person, "--garments", garment),
            *("-o", f"{disk}/looks", "--yes"),
        ],
        "try-on": ["try-on", person, garment, "--type", "DRESS", "-o", f"{disk}/look.jpg"],
        "generate": ["generate", "a red bag", "--type", "BAG", "-o", f"{disk}/bag.png"],
        "describe": ["describe", garment, "--type", "DRESS", "--csv", f"{disk}/words.csv"],
    }
    for what, argv in writes_to_the_disk.items():
        free = 0 if what == "describe" else FREE_BYTES  # a CSV of one row fits in 8 KB
        full = run_on_full_disk(disk, aurax(server, *argv), dict(os.environ), free_bytes=free)
        err = full.done.stderr
        assert full.done.returncode == 1, (what, err)
        assert "Traceback" not in err and "Errno" not in err, (what, err)
        assert "the disk is full. Free some space or choose another disk." in err, (what, err)
        assert full.files_left == [], (what, full.left)  # nothing half-written
    # the data folder itself on a full disk: the history cannot be written, said so
    data = tmp_path / "full-data"
    env = {**os.environ, "AURAX_DATA_DIR": str(data)}
    sent = server.stats()["tasks_created"]
    for argv in (["history"], ["try-on", person, garment, "--type", "DRESS"]):
        full = run_on_full_disk(data, aurax(server, *argv), env)
        err = full.done.stderr
        assert full.done.returncode == 1, (argv, err)
        assert "Traceback" not in err, err
        assert f"The disk that holds {data} is full" in err, err
    assert server.stats()["tasks_created"] == sent  # nothing was sent


@pytest.mark.skipif(os.name != "posix", reason="a pipe closed by its reader")
def test_a_reader_that_stops_ends_the_command_quietly(
    server: DemoServer, batch_made: dict[str, Path]
) -> None:
    """`aurax history --json | head -1`: the reader closes the pipe; the command ends as
    commands do then, without a word about files not written."""
    data = os.environ["AURAX_DATA_DIR"]
    process = subprocess.Popen(
        aurax(server, "history", "--json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "AURAX_DATA_DIR": data},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is printed
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141, errors
    assert errors == ""
