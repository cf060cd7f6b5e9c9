"""People have names from the command line: a people list (file, name) names the people
of a batch, and the names go into the history, the results' file names and the
lookbook. The real command against the demo server, a real history, a real PDF."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook

from aurax_desktop.demo import DemoServer
from tests.command_line import run
from tests.factories import jpeg_bytes


@pytest.fixture
def shoot(tmp_path: Path) -> Path:
    """A shoot's folder: three models' photos, a garment, and a people list naming two."""
    folder = tmp_path / "SS27-shoot"
    (folder / "models").mkdir(parents=True)
    for number, name in enumerate(("look-021-model-a", "look-022-model-b", "look-023-model-c")):
        colour = (205 - 30 * number, 180, 160)
        (folder / "models" / f"SS27-resort-{name}.jpg").write_bytes(jpeg_bytes((600, 900), colour))
    (folder / "linen-dress.jpg").write_bytes(jpeg_bytes((400, 400), (200, 40, 20)))
    (folder / "people.csv").write_text(
        "File,Name\n"
        "models/SS27-resort-look-021-model-a.jpg,Amira Haddad\n"
        "models/SS27-resort-look-022-model-b.jpg,Björn Ólafsson\n"
        "models/SS27-resort-look-023-model-c.jpg,\n",
        encoding="utf-8",
    )
    return folder


def test_a_people_list_names_the_people_everywhere(
    server: DemoServer, shoot: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = run(
        server,
        "batch",
        "--people-list",
        str(shoot / "people.csv"),
        "--garments",
        str(shoot / "linen-dress.jpg"),
        "-o",
        str(out),
        "--yes",
    )
    assert code == 0, capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == [
        "Amira Haddad__linen-dress.jpg",
        "Björn Ólafsson__linen-dress.jpg",
        "SS27-resort-look-023-model-c__linen-dress.jpg",  # no name given: its file's
    ]
    capsys.readouterr()
    assert run(None, "--json", "history") == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["person_name"] for r in records} == {"Amira Haddad", "Björn Ólafsson", None}
    pdf = tmp_path / "resort.pdf"
    assert run(None, "lookbook", str(pdf)) == 0
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext reads the lookbook back")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Amira Haddad" in text and "Björn Ólafsson" in text
    assert "model c" in text  # the one not named: its file's name, without what all share


def test_a_people_list_names_the_people_given_with_people(
    server: DemoServer, shoot: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["photo", "person"])  # the other names the columns go by
    sheet.append(["models/SS27-resort-look-022-model-b.jpg", "Björn"])
    book.save(shoot / "people.xlsx")
    code = run(
        server,
        "--json",
        "batch",
        "--people",
        str(shoot / "models" / "SS27-resort-look-021-model-a.jpg"),
        str(shoot / "models" / "SS27-resort-look-022-model-b.jpg"),
        "--people-list",
        str(shoot / "people.xlsx"),
        "--garments",
        str(shoot / "linen-dress.jpg"),
        "-o",
        str(tmp_path / "out"),
        "--yes",
    )
    assert code == 0, capsys.readouterr().err
    records = json.loads(capsys.readouterr().out)
    assert sorted(str(r["person_name"]) for r in records) == ["Björn", "None"]


def test_a_bad_people_list_is_refused_row_by_row_and_nothing_is_sent(
    server: DemoServer, shoot: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere.jpg"
    outside.write_bytes(jpeg_bytes((600, 900)))
    (shoot / "notes.jpg").write_text("not a picture")
    (shoot / "people.csv").write_text(
        "file,name\n"
        "../elsewhere.jpg,Someone\n"
        "notes.jpg,Nobody\n"
        "models/SS27-resort-look-021-model-a.jpg,Amira\n"
        "models/SS27-resort-look-021-model-a.jpg,Amira again\n"
        ",A name without a photo\n",
        encoding="utf-8",
    )
    code = run(
        server,
        "batch",
        "--people-list",
        str(shoot / "people.csv"),
        "--garments",
        str(shoot / "linen-dress.jpg"),
        "--yes",
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "“people.csv” has 4 rows that cannot be used; nothing was sent" in err
    assert "row 2: “../elsewhere.jpg” is outside the folder of the list" in err
    assert (
        "row 3: " in err
        and "row 5: “models/SS27-resort-look-021-model-a.jpg” is also on row 4" in err
    )
    assert "row 6: no file is named" in err
    assert server.stats()["tasks_created"] == 0
    (shoot / "people.csv").write_text("name\nAmira\n", encoding="utf-8")
    assert run(server, "batch", "--people-list", str(shoot / "people.csv"), "--garments",
               str(shoot / "linen-dress.jpg"), "--yes") == 2  # fmt: skip
    assert "has no “file” column" in capsys.readouterr().err
