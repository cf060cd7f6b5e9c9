"""What the ``aurax`` command tells: a batch's spend counts every job it sent, a refusal
is one sentence (the usage lines only when the options are wrong), a batch is named
as its user knows it, and a progress line holds one note at most. The real command
against the demo server on 127.0.0.1, and a real history."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import JobStore
from tests.command_line import run
from tests.factories import garment_jpeg, jpeg_bytes, person_jpeg


@pytest.fixture
def season(tmp_path: Path) -> tuple[Path, Path]:
    """Two people in a folder, three garments in another."""
    people, garments = tmp_path / "people", tmp_path / "garments"
    people.mkdir()
    garments.mkdir()
    for name in ("anna", "ben"):
        (people / f"{name}.jpg").write_bytes(person_jpeg())
    for name, colour in (("shirt", (20, 40, 200)), ("dress", (200, 40, 20)), ("coat", (0, 90, 0))):
        (garments / f"{name}.jpg").write_bytes(jpeg_bytes((400, 400), colour))
    return people, garments


def batch(server: DemoServer, season: tuple[Path, Path], out: Path, *extra: str) -> int:
    people, garments = season
    return run(
        server,
        "batch",
        "--people",
        str(people),
        "--garments",
        str(garments),
        "--type",
        "GARMENT",
        "-o",
        str(out),
        *extra,
    )


def test_a_described_batch_counts_its_descriptions_in_the_credits_spent(
    server: DemoServer,
    season: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert batch(server, season, tmp_path / "out", "--describe", "--yes") == 0
    err = capsys.readouterr().err
    assert "6 try-ons: 3 garments for 2 people and 3 descriptions (0.75 credits), 18.75" in err
    assert "6 try-ons and 3 descriptions completed, 0 failed; 18.75 credits spent" in err
    # the same as the history's charges
    assert run(None, "--json", "history", "--limit", "20") == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 9 and sum(r["cost"] for r in records) == 18.75


def test_a_refusal_is_one_sentence_without_the_usage_lines(
    server: DemoServer,
    season: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    people, garments = season
    existing = tmp_path / "look.jpg"
    existing.write_bytes(b"the user's own file")
    photos = [str(people / "anna.jpg"), str(garments / "dress.jpg")]
    assert run(server, "try-on", *photos, "--type", "DRESS", "-o", str(existing)) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "usage:" not in err
    # not at a terminal (pytest's stdin), and no --yes
    assert batch(server, season, tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert "add --yes" in err and "usage:" not in err
    assert server.stats()["tasks_created"] == 0
    assert batch(server, season, tmp_path / "out", "--yes") == 0
    capsys.readouterr()
    assert run(None, "lookbook", str(tmp_path / "fav.pdf"), "--favourites") == 2
    err = capsys.readouterr().err
    assert "no favourite try-ons" in err and "usage:" not in err
    # options that are wrong in themselves still come with the usage lines
    assert run(None, "lookbook", str(tmp_path / "book.txt")) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: aurax") and "a lookbook is a .pdf" in err
    assert run(None, "lookbook", str(tmp_path / "book.pdf"), "--min-stars", "9") == 2
    assert capsys.readouterr().err.startswith("usage: aurax")


def test_a_batch_is_named_by_its_name_never_by_its_id(
    server: DemoServer,
    season: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert batch(server, season, tmp_path / "out", "--yes", "--name", "Summer 27") == 0
    capsys.readouterr()
    store = JobStore()
    jobs = store.query()
    batch_id = jobs[0].batch
    assert batch_id is not None
    assert run(None, "lookbook", str(tmp_path / "fav.pdf"), "--favourites") == 2
    err = capsys.readouterr().err
    assert "the batch “Summer 27” has no favourite try-ons" in err and batch_id not in err
    assert run(None, "export", str(tmp_path / "export"), "--favourites") == 2
    err = capsys.readouterr().err
    assert "the batch “Summer 27” has no finished try-ons" in err and batch_id not in err
    # a batch without a name (as older histories hold): by which it is, or by its date
    store.update([job.id for job in jobs], batch_name=None)
    store.close()
    assert run(None, "lookbook", str(tmp_path / "fav.pdf"), "--favourites") == 2
    err = capsys.readouterr().err
    assert "the last batch has no favourite try-ons" in err and batch_id not in err
    assert run(None, "export", str(tmp_path / "export"), "--favourites", "--batch", batch_id) == 2
    err = capsys.readouterr().err
    assert "the batch made " in err and "has no finished try-ons" in err
    assert batch_id not in err


NOTES = (
    "Receiving live updates.",
    "Connection interrupted; reconnecting.",
    "Live updates are unavailable; checking every few seconds.",
)


def test_a_progress_line_holds_only_the_latest_note(
    demo_factory: Callable[..., DemoServer],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every stream ends after its first event: the follower reconnects, is told the
    status live again, and at last checks every few seconds, all while the task is in
    one state; each line says how it is followed now, not everything it has been."""
    demo = demo_factory(task_seconds=3.0, drop_streams=1.0)
    monkeypatch.setenv("AURAX_API_KEY", demo.api_key)
    monkeypatch.setenv("AURAX_KEY_ID", demo.key_id)
    person, garment = tmp_path / "person.jpg", tmp_path / "garment.jpg"
    person.write_bytes(person_jpeg())
    garment.write_bytes(garment_jpeg())
    out = tmp_path / "look.jpg"
    assert run(demo, "try-on", str(person), str(garment), "--type", "DRESS", "-o", str(out)) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "Try-on" in line]
    noted = [line for line in lines if any(note in line for note in NOTES)]
    assert any(NOTES[0] in line for line in noted) and any(NOTES[1] in line for line in noted)
    for line in noted:
        assert sum(note in line for note in NOTES) == 1, line
    assert lines[-1].endswith("Completed")
