"""Exports into a folder others share: temporary files made exclusively under random
names and never through a link, final names claimed so that two exports at once never
replace each other, name templates bounded, names safe on Windows and macOS, and what
a client receives made with the user's file mask while the data folder stays private.
Real files throughout; the races are two processes released together."""

from __future__ import annotations

import multiprocessing
import os
import stat
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest

from aurax_desktop import paths
from aurax_desktop.demo import DemoServer
from aurax_desktop.exports.full_size import TemplateError, check_template, export_results
from aurax_desktop.exports.progress import Progress
from aurax_desktop.jobs import Job, JobKind, JobStatus
from aurax_desktop.jobs.garments import SKU
from aurax_desktop.jobs.naming import NAME_BYTES, caseless
from tests.factories import garment_jpeg, person_jpeg

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links and modes")


def looks(skus: list[str], content: bytes = b"result") -> list[Job]:
    """Finished try-ons with these SKUs, each with a result file of ``content``."""
    made = []
    for number, sku in enumerate(skus):
        job = Job(
            id=f"job{number:04d}{abs(hash(sku)) % 10_000:04d}",
            kind=JobKind.TRY_ON,
            status=JobStatus.COMPLETED,
            product_type="DRESS",
            params={"garment_name": f"garment-{number}.jpg", SKU: sku},
            results=("result.jpg",),
            source_name="anna.jpg",
        )
        job.folder.mkdir(parents=True, exist_ok=True)
        (job.folder / "result.jpg").write_bytes(content + sku.encode())
        made.append(job)
    return made


@posix_only
def test_a_link_planted_at_a_temporary_name_is_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "private.txt"
    outside.write_text("someone else's file")
    shared = tmp_path / "shared"
    shared.mkdir()
    planted = [".SKU-1.jpg.part", ".SKU-1.jpg.tmp", "SKU-1.jpg.part", ".SKU-1.jpg.1.part"]
    for name in planted:
        os.symlink(outside, shared / name)
    (job,) = looks(["SKU-1"])
    done = export_results([job], shared, "{sku}")
    assert done.written == [shared / "SKU-1.jpg"] and not done.failed
    assert outside.read_text() == "someone else's file"
    written = shared / "SKU-1.jpg"
    assert not written.is_symlink() and written.read_bytes() == b"resultSKU-1"
    assert all((shared / name).is_symlink() for name in planted)  # left as they were
    assert sorted(p.name for p in shared.iterdir()) == sorted([*planted, "SKU-1.jpg"])


@posix_only
def test_a_link_at_the_final_name_is_a_file_there_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "private.txt"
    outside.write_text("someone else's file")
    shared = tmp_path / "shared"
    shared.mkdir()
    os.symlink(outside, shared / "SKU-1.jpg")
    (job,) = looks(["SKU-1"])
    kept = export_results([job], shared, "{sku}")
    assert kept.existing == [shared / "SKU-1.jpg"] and kept.written == []
    assert (shared / "SKU-1.jpg").is_symlink()
    replaced = export_results([job], shared, "{sku}", force=True)  # the link is replaced
    assert replaced.written == [shared / "SKU-1.jpg"]
    assert not (shared / "SKU-1.jpg").is_symlink()
    assert outside.read_text() == "someone else's file"


def _export_in_a_process(data: str, shared: str, content: bytes, start: object) -> None:
    """One of two exports of the same names into one folder, each of its own pictures;
    what it wrote goes into a file beside the folder."""
    os.environ["AURAX_DATA_DIR"] = data
    jobs = looks([f"SKU-{n}" for n in range(40)], content)
    start.wait()  # type: ignore[attr-defined] - a multiprocessing Barrier
    done = export_results(jobs, Path(shared), "{sku}")
    Path(f"{shared}.{content.decode()}").write_text(
        "\n".join(p.name for p in done.written) + "\n" + "!" * len(done.failed)
    )


def test_two_exports_at_once_never_replace_each_other(tmp_path: Path) -> None:
    spawn = multiprocessing.get_context("spawn")
    for round_ in range(5):
        shared = tmp_path / f"shared-{round_}"
        start = spawn.Barrier(2)
        workers = [
            spawn.Process(
                target=_export_in_a_process,
                args=(str(tmp_path / f"data-{who}"), str(shared), who.encode(), start),
            )
            for who in ("A", "B")
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=120)
            assert worker.exitcode == 0
        by = {who: (tmp_path / f"shared-{round_}.{who}").read_text() for who in ("A", "B")}
        wrote = {who: set(text.split("\n")[0:-1]) - {""} for who, text in by.items()}
        assert not any(text.endswith("!") for text in by.values())  # nothing failed
        assert wrote["A"].isdisjoint(wrote["B"])  # no name written by both
        assert wrote["A"] | wrote["B"] == {f"SKU-{n}.jpg" for n in range(40)}
        for who, names in wrote.items():  # and each file is its writer's, whole
            for name in names:
                expected = who.encode() + name.removesuffix(".jpg").encode()
                assert (shared / name).read_bytes() == expected
        assert sorted(p.name for p in shared.iterdir()) == sorted(wrote["A"] | wrote["B"])


@pytest.mark.parametrize(
    "template",
    [
        "{n:>1500000000}",
        "{sku:>300}",
        "{person:.5}",
        "{n:,}",
        "{n!r}",
        "{n:{n}}",
        "{sku}" + "x" * 1000,
        "{n.real}",
        "{sku[0]}",
    ],
)
def test_a_template_asking_for_a_format_is_refused_before_anything_is_made(
    template: str, tmp_path: Path
) -> None:
    with pytest.raises(TemplateError) as refused:
        check_template(template)
    assert len(str(refused.value)) < 400  # a sentence, never the template's whole output
    with pytest.raises(TemplateError):
        export_results(looks(["SKU-1"]), tmp_path / "never", template)
    assert not (tmp_path / "never").exists()


def test_the_command_refuses_a_huge_format_at_once(tmp_path: Path) -> None:
    """In a process of its own, capped at 300 MB: a template that made its name first
    (1.5 GB of spaces) could not even start."""
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20))"
    command = "from aurax_desktop.cli import main; import sys; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"{limit}\n{command}",
            "export",
            str(tmp_path / "out"),
            "--name",
            "{n:>1500000000}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "asks for a format, which names do not take" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "out").exists()


def test_a_number_s_width_is_the_one_format_taken(tmp_path: Path) -> None:
    done = export_results(looks(["A", "B"]), tmp_path / "out", "look-{n:03}")
    assert sorted(p.name for p in done.written) == ["look-001.jpg", "look-002.jpg"]


def test_every_name_is_within_255_bytes_and_they_stay_apart(tmp_path: Path) -> None:
    skus = ["é" * 10_000 + "-1", "é" * 10_000 + "-2", "连" * 5_000]
    done = export_results(looks(skus), tmp_path / "out", "{sku}_{person}_{sku}")
    assert len(done.written) == 3 and not done.failed
    assert all(len(p.name.encode()) <= NAME_BYTES for p in done.written)
    assert len({caseless(p.name) for p in done.written}) == 3


def test_names_are_safe_on_windows_and_macos(tmp_path: Path) -> None:
    reserved = ["COM0", "LPT0", "COM\u00b9", "LPT\u00b2", "com9", "Nul", "CON .x", "CONIN$"]
    cafe = ["Caf\u00e9", "Cafe\u0301", "CAF\u00c9"]  # NFC, NFD, and in capitals
    done = export_results(looks([*reserved, *cafe]), tmp_path / "out", "{sku}")
    names = [p.name for p in done.written]
    assert names[: len(reserved)] == [
        "_COM0.jpg",
        "_LPT0.jpg",
        "_COM\u00b9.jpg",
        "_LPT\u00b2.jpg",
        "_com9.jpg",
        "_Nul.jpg",
        "_CON .x.jpg",
        "_CONIN$.jpg",
    ]
    assert names[len(reserved) :] == ["Caf\u00e9.jpg", "Caf\u00e9-2.jpg", "CAF\u00c9-3.jpg"]
    assert all(unicodedata.is_normalized("NFC", name) for name in names)
    on_disk = [p.name for p in (tmp_path / "out").iterdir()]
    assert len({caseless(n) for n in on_disk}) == len(on_disk)  # one name on a Mac too


def test_a_file_there_in_another_case_is_not_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "cafe\u0301.JPG").write_bytes(b"the client's")
    done = export_results(looks(["Caf\u00e9"]), out, "{sku}")
    assert done.written == [] and done.existing == [out / "cafe\u0301.JPG"]
    assert sorted(p.name for p in out.iterdir()) == ["cafe\u0301.JPG"]
    forced = export_results(looks(["Caf\u00e9"]), out, "{sku}", force=True)
    assert forced.written == [out / "cafe\u0301.JPG"]  # the one file, replaced
    assert sorted(p.name for p in out.iterdir()) == ["cafe\u0301.JPG"]


def modes(root: Path) -> dict[str, int]:
    return {
        str(path.relative_to(root)): stat.S_IMODE(path.lstat().st_mode) for path in root.rglob("*")
    }


@posix_only
def test_exports_for_clients_follow_the_user_s_file_mask_the_data_folder_stays_private(
    server: DemoServer, tmp_path: Path
) -> None:
    """The installed command as a user runs it, with a usual desktop's mask (022)."""
    people, garments = tmp_path / "people", tmp_path / "garments"
    people.mkdir()
    garments.mkdir()
    (people / "anna.jpg").write_bytes(person_jpeg())
    (garments / "linen-dress.jpg").write_bytes(garment_jpeg())
    client = tmp_path / "for the client"
    commands = [
        [
            "batch",
            "--people",
            str(people),
            "--garments",
            str(garments),
            "--yes",
            "-o",
            str(client / "new" / "looks"),
        ],
        ["lookbook", str(client / "book.pdf")],
        ["lookbook", str(client / "sheet.png")],
        ["linesheet", str(client / "buyers.pdf")],
        ["export", str(client / "finals" / "SS27"), "--name", "{person}-{n}"],
        [
            "try-on",
            str(people / "anna.jpg"),
            str(garments / "linen-dress.jpg"),
            "--type",
            "DRESS",
            "-o",
            str(client / "look.png"),
        ],
    ]
    previous = os.umask(0o022)
    try:
        for argv in commands:
            done = subprocess.run(
                [sys.executable, "-m", "aurax_desktop.cli", "--base-url", server.url, *argv],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert done.returncode == 0, (argv, done.stderr)
    finally:
        os.umask(previous)
    made = modes(client)
    assert {name: oct(mode) for name, mode in made.items() if mode not in (0o644, 0o755)} == {}
    assert made["new"] == made["new/looks"] == made["finals/SS27"] == 0o755
    assert made["book.pdf"] == made["buyers.pdf"] == made["finals/SS27/anna-1.jpg"] == 0o644
    assert made["sheet.png"] == made["look.png"] == made["new/looks/anna__linen-dress.jpg"]
    kept = modes(paths.data_dir())
    assert {name: oct(mode) for name, mode in kept.items() if mode not in (0o700, 0o600)} == {}


def test_the_pictures_tell_their_progress_and_a_stop_keeps_what_was_written(
    tmp_path: Path,
) -> None:
    """Each picture is told before it is copied; a stop asked for while the third is
    copied ends the export after it: three pictures written whole, two left."""
    told: list[tuple[int, int]] = []
    progress = Progress(lambda done, total: told.append((done, total)))
    done = export_results(looks(["A", "B", "C", "D", "E"]), tmp_path / "all", progress=progress)
    assert told == [(n, 5) for n in range(5)] and len(done.written) == 5 and done.left == 0

    stop = threading.Event()

    def stop_at_the_third(step: int, _total: int) -> None:
        if step == 2:
            stop.set()  # as Stop in the dialog, from another thread, while it is copied

    jobs = looks(["A", "B", "C", "D", "E"])
    out = tmp_path / "stopped"
    done = export_results(jobs, out, "{sku}", progress=Progress(stop_at_the_third, stop))
    assert [p.name for p in done.written] == ["A.jpg", "B.jpg", "C.jpg"]
    assert done.left == 2 and not done.failed
    assert sorted(p.name for p in out.iterdir()) == ["A.jpg", "B.jpg", "C.jpg"]  # no part
    for job, written in zip(jobs, done.written, strict=False):
        assert written.read_bytes() == job.result_paths[0].read_bytes()
