"""Season lists someone else made are read within bounds, name only files in their own
folder, and have their bad cells named by row: each test makes the hostile file
itself and reads it as the program does (``read_manifest``). Memory and time figures
for the same files come from ``benchmarks/hostile_lists.py``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from openpyxl import Workbook

from aurax_desktop.api import ProductType
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import list_files
from aurax_desktop.jobs.list_files import MAX_CELL, MAX_ROWS, read_rows
from aurax_desktop.jobs.manifest import ManifestError, read_manifest
from tests.command_line import run
from tests.factories import garment_jpeg, person_jpeg
from tests.jobs.hostile_lists import (
    cell,
    one_huge_cell,
    reaching_xfd,
    rows_of,
    shared_strings_bomb,
    sheet,
    workbook,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="devices, pipes and links")


def refused(path: Path) -> str:
    with pytest.raises(ManifestError) as caught:
        read_manifest(path)
    message = caught.value.user_message
    assert "Traceback" not in message and "Error" not in message
    return message


ROOT = Path(__file__).resolve().parents[2]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    text = io.StringIO(newline="")
    csv.writer(text).writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def season(tmp_path: Path) -> Path:
    folder = tmp_path / "SS27"
    folder.mkdir()
    (folder / "dress.jpg").write_bytes(garment_jpeg())
    return folder


# 1. Lists are read within bounds


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_or_a_link_to_one_is_refused_before_it_is_read(device: str, season: Path) -> None:
    assert "is not a file but a device or a pipe" in refused(Path(device))
    link = season / "SS27.csv"
    os.symlink(device, link)
    assert "“SS27.csv” is not a file but a device or a pipe, so it is not read" in refused(link)


@posix_only
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(season: Path) -> None:
    pipe = season / "SS27.csv"
    os.mkfifo(pipe)
    outcome: list[str] = []
    reader = threading.Thread(target=lambda: outcome.append(refused(pipe)))
    reader.start()
    reader.join(timeout=30)
    if reader.is_alive():  # it waits for a writer: give it one, so the thread ends
        with open(pipe, "wb"):
            pass
        reader.join()
        pytest.fail("reading the list waited for a writer on the pipe")
    assert "is not a file but a device or a pipe" in outcome[0]


def test_a_file_over_the_size_limit_is_refused_naming_it(season: Path) -> None:
    big = season / "SS27.csv"
    with big.open("wb") as out:
        out.truncate(list_files.MAX_LIST_BYTES + 1)  # sparse: nothing is written
    assert "is larger than a list may be (20 MB)" in refused(big)


def test_a_workbook_with_one_enormous_cell_is_refused_before_it_is_parsed(
    season: Path,
) -> None:
    bomb = one_huge_cell(season / "SS27.xlsx", 200 * 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024  # 200 MB of one letter, packed to little
    message = refused(bomb)
    assert "holds a part that unpacks to 210 MB" in message
    assert "at most 64 MB, packed no more than 100 times" in message
    packed_hard = one_huge_cell(season / "packed.xlsx", 20 * 1024 * 1024)  # under 64 MB
    assert "packed no more than 100 times" in refused(packed_hard)


def test_a_sheet_reaching_the_last_column_is_refused_by_its_stated_size(season: Path) -> None:
    stated = reaching_xfd(season / "SS27.xlsx", 3, stated="A1:XFD4")
    message = refused(stated)
    assert "says its sheet is 4 rows by 16,384 columns" in message
    assert f"at most {MAX_ROWS:,} rows of 100 columns" in message


def test_a_sheet_that_hides_its_size_is_refused_by_its_cells(season: Path) -> None:
    hiding = reaching_xfd(season / "SS27.xlsx", 40, stated="A1:B2")  # 655,000 cells
    assert "has more than 500,000 cells in its sheet" in refused(hiding)


def test_a_few_rows_past_the_last_column_are_read_only_as_far_as_a_list_goes(
    season: Path,
) -> None:
    few = reaching_xfd(season / "SS27.xlsx", 3, stated="A1:B2")  # under the cells' limit
    rows = read_rows(few)
    assert [number for number, _row in rows] == [1]  # the header; the rows are empty
    assert all(len(row) <= list_files.MAX_COLUMNS for _number, row in rows)


def test_a_shared_strings_bomb_is_refused_whatever_it_says_of_itself(season: Path) -> None:
    honest = shared_strings_bomb(season / "honest.xlsx", 300_000, stated=300_000)
    assert "holds more than 250,000 different texts" in refused(honest)
    lying = shared_strings_bomb(season / "SS27.xlsx", 300_000, stated=1)
    assert "holds more than 250,000 different texts" in refused(lying)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_list_over_the_rows_limit_is_refused_never_cut(kind: str, season: Path) -> None:
    rows = [["file", "sku"]] + [["dress.jpg", f"SS27-{n}"] for n in range(MAX_ROWS + 1)]
    if kind == "csv":
        listed = write_csv(season / "SS27.csv", rows)
    else:
        book = Workbook()
        for row in rows:
            book.active.append(row)
        listed = season / "SS27.xlsx"
        book.save(listed)
    assert f"has more than {MAX_ROWS:,} rows; a list may have at most {MAX_ROWS:,}" in refused(
        listed
    )


def test_a_list_of_the_most_rows_is_read_whole(season: Path) -> None:
    rows = [["file", "name"]] + [["", f"note {n}"] for n in range(MAX_ROWS - 1)]
    rows.append(["dress.jpg", "Linen dress"])  # the last row counts as much as the first
    found = read_rows(write_csv(season / "SS27.csv", rows))
    assert len(found) == MAX_ROWS + 1 and found[-1] == (MAX_ROWS + 1, ["dress.jpg", "Linen dress"])


def test_millions_of_empty_lines_are_refused_at_the_furthest_row(season: Path) -> None:
    listed = season / "SS27.csv"
    listed.write_bytes(b"file,sku\n" + b"\n" * 15_000_000)
    assert "goes on past row 100,000" in refused(listed)


# 2. Rows stay in the list's folder


OPENS_WHILE_READING = r"""
import json, os, sys
from pathlib import Path
from aurax_desktop.jobs.manifest import ManifestError, read_manifest

opened = []

def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        opened.append(os.fsdecode(args[0]))

sys.addaudithook(hook)
bad, message = {}, ""
try:
    read_manifest(Path(sys.argv[1]))
except ManifestError as error:
    bad = {row.row: row.why for row in error.bad_rows}
    message = str(error.user_message)
sys.stdout.write(json.dumps({"opened": opened, "bad": bad, "message": message}))
"""
"""Reads a list with every file the process opens recorded (Python's audit events: the
real calls, not a stand-in). In a process of its own: an audit hook cannot be removed,
and on Python 3.11 one written in Python lets two threads' trace installations collide
(a thread of a later test then dies as it starts, under coverage)."""


def read_recording_opens(listed: Path) -> tuple[list[str], dict[int, str], str]:
    """What reading ``listed`` opened, its bad rows (row -> why) and its message."""
    done = subprocess.run(
        [sys.executable, "-c", OPENS_WHILE_READING, str(listed)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    said = json.loads(done.stdout)
    return said["opened"], {int(row): why for row, why in said["bad"].items()}, said["message"]


@posix_only
def test_a_row_naming_a_file_outside_the_folder_is_refused_and_never_opened(
    tmp_path: Path, season: Path
) -> None:
    private = tmp_path / "private"
    private.mkdir()
    (private / "x.jpg").write_bytes(garment_jpeg())
    os.symlink(private / "x.jpg", season / "linked.jpg")
    os.symlink(private, season / "shortcut")
    listed = write_csv(
        season / "SS27.csv",
        [
            ["file", "sku"],
            ["dress.jpg", "A"],
            ["../private/x.jpg", "B"],
            [str(private / "x.jpg"), "C"],
            ["linked.jpg", "D"],
            ["shortcut/x.jpg", "E"],
            ["../../../../../../etc/passwd", "F"],
            [str(season / "dress.jpg"), "G"],  # absolute, but in the folder: fine
        ],
    )
    opened_files, bad, message = read_recording_opens(listed)
    assert sorted(bad) == [3, 4, 5, 6, 7]
    for number, given in (
        (3, "../private/x.jpg"),
        (4, str(private / "x.jpg")),
        (5, "linked.jpg"),
        (6, "shortcut/x.jpg"),
        (7, "../../../../../../etc/passwd"),
    ):
        assert bad[number].startswith(f"“{given}” is outside the folder of the list (SS27)")
    assert "row 3: “../private/x.jpg” is outside the folder of the list" in message
    outside = [p for p in opened_files if "private" in p or p.startswith("/etc")]
    assert outside == []  # nothing outside was opened, not even to be refused
    assert str(season / "dress.jpg") in opened_files  # while the rows inside were read


# 3. Bad cells are named by row


def test_bad_cells_are_named_by_row_and_the_rest_are_read(season: Path) -> None:
    listed = season / "SS27.csv"
    good = "dress.jpg,SS27-1,Linen dress\n"
    listed.write_bytes(
        b"file,sku,name\n"
        + good.encode()
        + b"dress.jpg,SS27-2,Silk\x00dress\n"
        + b"dress\x00.jpg,SS27-3,Tote\n"
        + f"dress.jpg,SS27-4,{'x' * (MAX_CELL + 1)}\n".encode()
        + b"dress.jpg,SS27-5,Caf\xe9 cr\xe8me\n"  # Latin-1, not UTF-8
        + b"dress.jpg,SS27-6,Robe d\xe2\x80\x99\xc3\xa9t\xc3\xa9\n"  # UTF-8: fine
    )
    with pytest.raises(ManifestError) as caught:
        read_manifest(listed)
    bad = {row.row: row.why for row in caught.value.bad_rows}
    assert bad == {
        3: "the “name” cell holds a NUL character (the file may be damaged)",
        4: "the “file” cell holds a NUL character (the file may be damaged)",
        5: f"the “name” cell holds {MAX_CELL + 1:,} characters; a cell may hold at most "
        f"{MAX_CELL:,}",
        6: "the “name” cell is not UTF-8 text: save the list as “CSV UTF-8” from the spreadsheet",
    }


def test_an_over_long_cell_of_a_workbook_is_named_by_row(season: Path) -> None:
    rows = rows_of([["file", "name"], ["dress.jpg", "y" * (MAX_CELL + 5)], ["dress.jpg", "ok"]])
    listed = workbook(season / "SS27.xlsx", sheet(rows, dimension="A1:B3"))
    with pytest.raises(ManifestError) as caught:
        read_manifest(listed)
    assert [(r.row, r.why) for r in caught.value.bad_rows] == [
        (2, f"the “name” cell holds {MAX_CELL + 5:,} characters; a cell may hold at most 10,000")
    ]


def test_a_csv_that_is_not_utf8_at_all_is_refused_whole(season: Path) -> None:
    listed = season / "SS27.csv"
    listed.write_bytes("fichier,réf\ndress.jpg,1\n".encode("latin-1"))
    assert "is not UTF-8 text. Save it as “CSV UTF-8”" in refused(listed)


# 5. Duplicates


def test_the_same_sku_in_another_case_or_composition_is_a_duplicate(season: Path) -> None:
    listed = write_csv(
        season / "SS27.csv",
        [
            ["file", "sku"],
            ["dress.jpg", "Caf\u00e9-01"],  # NFC
            ["dress.jpg", "Cafe\u0301-01"],  # NFD: the same on screen
            ["dress.jpg", "CAF\u00c9-01"],  # in capitals
            ["dress.jpg", "Cafe-01"],  # another SKU
        ],
    )
    with pytest.raises(ManifestError) as caught:
        read_manifest(listed)
    assert [(r.row, r.why) for r in caught.value.bad_rows] == [
        (3, "SKU “Cafe\u0301-01” is also on row 2"),
        (4, "SKU “CAF\u00c9-01” is also on row 2"),
    ]


def test_a_plain_list_is_read_as_before(season: Path) -> None:
    rows = [["File", "SKU", "Name", "Type"], ["dress.jpg", "SS27-1", "Linen dress", "dress"]]
    manifest = read_manifest(write_csv(season / "SS27.csv", rows))
    (garment,) = manifest.garments
    assert garment.photo == (season / "dress.jpg").resolve() and garment.sku == "SS27-1"
    book = workbook(
        season / "SS27.xlsx",
        sheet(rows_of(rows), dimension="A1:D2"),
    )
    assert read_manifest(book).garments == manifest.garments
    assert cell("A1", "<x>") == b'<c r="A1" t="inlineStr"><is><t>&lt;x&gt;</t></is></c>'


@posix_only
def test_the_command_refuses_a_hostile_list_plainly_and_sends_nothing(
    server: DemoServer, season: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (season / "anna.jpg").write_bytes(person_jpeg())
    pipe = season / "pipe.csv"
    os.mkfifo(pipe)
    bomb = one_huge_cell(season / "SS27.xlsx", 200 * 1024 * 1024)
    for hostile, expected in (
        ("/dev/zero", "“zero” is not a file but a device or a pipe"),
        (str(pipe), "“pipe.csv” is not a file but a device or a pipe"),
        (str(bomb), "“SS27.xlsx” holds a part that unpacks to 210 MB"),
    ):
        code = run(
            server, "batch", "--people", str(season / "anna.jpg"), "--manifest", hostile, "--yes"
        )
        err = capsys.readouterr().err
        assert code == 2 and expected in err and "Traceback" not in err
    assert server.stats()["tasks_created"] == 0


def test_a_lists_type_column_in_the_merchandisers_own_language_names_the_type(
    season: Path,
) -> None:
    """A German list's Typ words ("Kleid", "Röcke", "Schuhe") are types, not rows to fix."""
    for name in ("kleid.jpg", "rock.jpg", "schuhe.jpg"):
        (season / name).write_bytes(garment_jpeg())
    rows = [
        ["File", "SKU", "Name", "Type"],
        ["kleid.jpg", "HW26-1", "Abendkleid", "Kleid"],
        ["rock.jpg", "HW26-2", "Faltenrock", "Röcke"],
        ["schuhe.jpg", "HW26-3", "Halbschuh", "Schuhe"],
    ]
    manifest = read_manifest(write_csv(season / "HW26.csv", rows))
    assert [g.product_type for g in manifest.garments] == [
        ProductType.DRESS,
        ProductType.GARMENT,
        ProductType.FOOTWEAR,
    ]
