"""``aurax batch``, ``lookbook``, ``purge`` and ``delete``: the real command against the
demo server on 127.0.0.1, a real history file, real result files and a real PDF."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from aurax_desktop.demo import DemoServer
from aurax_desktop.imaging.thumbnails import thumbnail, thumbnail_dir
from aurax_desktop.jobs import JobBook, JobStatus, JobStore, jobs_dir
from tests.command_line import run
from tests.factories import jpeg_bytes, person_jpeg
from tests.history_rows import set_columns

GARMENT_COLOURS = [(20, 40, 200), (200, 40, 20), (30, 160, 60)]


@pytest.fixture
def catalog(tmp_path: Path) -> tuple[Path, Path]:
    """Two people in a folder, three garments in another, and two files that are not
    pictures among the garments."""
    people, garments = tmp_path / "people", tmp_path / "garments"
    people.mkdir()
    garments.mkdir()
    for name in ("anna", "ben"):
        (people / f"{name}.jpg").write_bytes(person_jpeg())
    for name, colour in zip(("shirt", "dress", "coat"), GARMENT_COLOURS, strict=True):
        (garments / f"{name}.jpg").write_bytes(jpeg_bytes((400, 400), colour))
    (garments / "notes.txt").write_text("not a picture")
    (garments / "fake.jpg").write_text("a text file named like a photo")
    return people, garments


def sent(server: DemoServer) -> int:
    return int(server.stats()["tasks_created"])


def batch(server: DemoServer, catalog: tuple[Path, Path], out: Path, *extra: str) -> int:
    people, garments = catalog
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


def test_a_batch_tries_every_garment_on_every_person(
    server: DemoServer,
    catalog: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "results"
    assert batch(server, catalog, out, "--yes", "--jobs", "3") == 0
    err = capsys.readouterr().err
    assert "“garments”: 6 try-ons: 3 garments for 2 people, 18 credits." in err
    assert "skipped: “fake.jpg” is not a picture" in err and "notes.txt: not a picture" in err
    assert "6 completed, 0 failed; 18 credits spent" in err
    assert sent(server) == 6
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        f"{person}__{garment}.jpg"
        for person in ("anna", "ben")
        for garment in ("coat", "dress", "shirt")
    ]
    for path in out.iterdir():
        with Image.open(path) as picture:
            picture.verify()
    # every job of the batch carries the batch's id in the history
    assert run(None, "history", "--json", "--limit", "10") == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 6 and len({r["batch"] for r in records}) == 1
    assert records[0]["batch"] is not None


def test_a_batch_is_not_sent_without_consent(
    server: DemoServer,
    catalog: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # not a terminal (pytest's stdin): refused unless --yes
    assert batch(server, catalog, tmp_path / "out") == 2
    assert "add --yes" in capsys.readouterr().err
    # a terminal that answers "n" (a stand-in for a person at a terminal)
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    assert batch(server, catalog, tmp_path / "out") == 2
    assert "not confirmed" in capsys.readouterr().err
    # over the credit limit: refused before anything is asked or sent
    assert batch(server, catalog, tmp_path / "out", "--yes", "--max-credits", "17") == 2
    assert "more than --max-credits 17" in capsys.readouterr().err
    assert sent(server) == 0 and not (tmp_path / "out").exists()
    # a terminal that answers "y" sends the batch
    monkeypatch.setattr("sys.stdin", _Terminal("y\n"))
    assert batch(server, catalog, tmp_path / "out", "--max-credits", "18") == 0
    assert sent(server) == 6


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_out_of_credits_stops_the_batch_and_aurax_resume_sends_the_rest(
    demo_factory: Callable[..., DemoServer],
    monkeypatch: pytest.MonkeyPatch,
    catalog: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A batch of 32 sent with 4 credits left ended with 31 jobs "Failed"; now what was
    not sent waits, the command says so plainly and exits 1, and ``aurax resume`` sends
    the rest once credits are bought."""
    demo = demo_factory(task_seconds=0.2, credits=12.0)  # enough for four of six
    monkeypatch.setenv("AURAX_API_KEY", demo.api_key)
    monkeypatch.setenv("AURAX_KEY_ID", demo.key_id)
    out = tmp_path / "out"
    assert batch(demo, catalog, out, "--yes", "--jobs", "1") == 1
    err = capsys.readouterr().err
    assert "4 completed, 0 failed, 2 waiting, not sent; 12 credits spent" in err
    assert "2 not sent (nothing was charged for them): they wait." in err
    assert "run `aurax resume`" in err and "Traceback" not in err
    assert len(list(out.iterdir())) == 4
    assert demo.stats()["requests"]["POST /api/ai/vto"] == 5  # the fifth was refused
    store = JobStore()
    waiting = [job for job in store.query() if job.status is JobStatus.WAITING]
    assert len(waiting) == 2 and all(job.owner is None for job in waiting)
    store.close()
    demo.top_up(6)
    assert run(demo, "resume") == 0
    capsys.readouterr()
    assert demo.stats()["requests"]["POST /api/ai/vto"] == 7  # each waiting pair once more
    store = JobStore()
    assert [job.status for job in store.query()] == [JobStatus.COMPLETED] * 6
    store.close()


def test_lookbooks_of_the_last_batch(
    server: DemoServer,
    catalog: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert batch(server, catalog, tmp_path / "out", "--yes") == 0
    capsys.readouterr()
    book = tmp_path / "book.pdf"
    assert run(None, "lookbook", str(book)) == 0
    reader = PdfReader(book)
    assert len(reader.pages) == 2  # one page per person
    for page, person in zip(reader.pages, ("anna", "ben"), strict=True):
        text = page.extract_text()
        assert person in text and "shirt" in text and "Garment" in text and "coat" in text
        assert ".jpg" not in text
        assert len(page.images) == 3  # one picture per garment
    # favourites only: none marked yet, so nothing to write (and nothing written)
    assert run(None, "lookbook", str(tmp_path / "fav.pdf"), "--favourites") == 2
    assert not (tmp_path / "fav.pdf").exists()
    # an existing file is not replaced without --force
    assert run(None, "lookbook", str(book)) == 2
    sheet = tmp_path / "sheet.png"
    assert run(None, "lookbook", str(sheet), "--last-batch") == 0
    with Image.open(sheet) as picture:
        assert picture.width >= 1000
    assert run(None, "lookbook", str(tmp_path / "book.txt")) == 2


def test_purge_and_delete_leave_no_kept_file_behind(
    server: DemoServer,
    catalog: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert batch(server, catalog, tmp_path / "out", "--yes") == 0
    store = JobStore()
    jobs = store.query()
    assert len(jobs) == 6 and all(j.status is JobStatus.COMPLETED for j in jobs)
    previews = [thumbnail(job.result_paths[0], 96) for job in jobs]  # as the window makes
    # one job by the first letters of its id
    first = jobs[0]
    assert run(None, "delete", first.id[:10]) == 0
    assert store.get(first.id) is None and not (jobs_dir() / first.id).exists()
    assert not previews[0].exists()
    # one in the Trash (deleted in the window): purge empties the Trash
    trashed = jobs[1]
    JobBook(store).trash([trashed.id])
    assert run(None, "purge", "--yes") == 0
    assert store.get(trashed.id) is None and not (jobs_dir() / trashed.id).exists()
    assert "1 jobs in the Trash" in capsys.readouterr().err
    assert run(None, "purge", "--yes") == 0
    assert "The Trash is empty: nothing to delete." in capsys.readouterr().err
    # the rest: made "ten days ago", purged with their folders and previews
    for job in jobs[2:]:
        set_columns(store.path, job.id, created_at=time.time() - 10 * 86_400)
    assert run(None, "purge", "--older-than", "30", "--yes") == 0
    assert store.count() == 4
    assert run(None, "purge", "--older-than", "7") == 2  # not a terminal: asks for --yes
    assert store.count() == 4
    assert run(None, "purge", "--older-than", "7", "--yes") == 0
    assert store.count() == 0
    assert list(jobs_dir().iterdir()) == []
    assert [p for p in thumbnail_dir().rglob("*") if p.is_file()] == []
    store.close()


def test_long_names_are_shortened_and_every_paid_result_is_saved(
    server: DemoServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 200-character person name made a name longer than the file system allows."""
    people, garments = tmp_path / "people", tmp_path / "garments"
    people.mkdir()
    garments.mkdir()
    long_name = "model-" + "é" * 50 + "-" + "x" * 143  # 200 characters, 250 bytes
    (people / f"{long_name}.jpg").write_bytes(person_jpeg())
    for name in ("dress-" + "a" * 150, "dress-" + "b" * 150):
        (garments / f"{name}.jpg").write_bytes(jpeg_bytes((400, 400), (20, 40, 200)))
    out = tmp_path / "results"
    code = run(
        server,
        "batch",
        "--people",
        str(people),
        "--garments",
        str(garments),
        "--type",
        "dress",
        "-o",
        str(out),
        "--yes",
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert "2 completed, 0 failed; 6 credits spent" in err
    saved = sorted(out.iterdir())
    assert len(saved) == 2
    assert all(len(p.name.encode()) <= 255 and p.name.startswith("model-éé") for p in saved)
    assert saved[0].name != saved[1].name
