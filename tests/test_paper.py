"""The paper documents are printed on: A4 or Letter as the locale says (LC_PAPER, else
LC_ALL, else LANG; Letter in CLDR's Letter countries), or as ``--paper`` says; a page of
two looks uses the paper as well as a page of one; no caption is under 8 pt. The real
command against the demo server; sizes read back with poppler's ``pdfinfo``, what is
drawn with the PDF library."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream

from aurax_desktop.demo import DemoServer
from aurax_desktop.exports import Lookbook, Paper, locale_paper
from aurax_desktop.exports.linesheet import LineItem, LineSheet, write_linesheet
from aurax_desktop.exports.lookbook import Look, PersonPage, write_pdf
from tests.command_line import run
from tests.factories import jpeg_bytes, person_jpeg

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler-utils")

LETTER_PTS, A4_PTS = "612 x 792 pts (letter)", "595.276 x 841.89 pts (A4)"


def page_sizes(pdf: Path) -> list[str]:
    """Each page's size as poppler gives it ("612 x 792 pts (letter)")."""
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return re.findall(r"Page +\d+ size: +(.+)", out)


@pytest.fixture
def no_locale(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("LC_PAPER", "LC_ALL", "LANG"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    ("variables", "paper"),
    [
        ({"LANG": "en_US.UTF-8"}, Paper.LETTER),
        ({"LANG": "de_DE.UTF-8"}, Paper.A4),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}, Paper.A4),  # LC_PAPER first
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "es_MX.UTF-8"}, Paper.LETTER),  # then LC_ALL
        ({"LC_ALL": "en_US.UTF-8", "LC_PAPER": "fr_FR.UTF-8"}, Paper.A4),
        ({"LANG": "C.UTF-8"}, Paper.A4),
    ],
)
def test_the_paper_follows_the_locale_s_variables(
    no_locale: pytest.MonkeyPatch, variables: dict[str, str], paper: Paper
) -> None:
    for name, value in variables.items():
        no_locale.setenv(name, value)
    assert locale_paper() is paper


@pytest.mark.parametrize(
    "name",
    [
        "en_US.UTF-8",
        "en_CA",
        "fr_CA.UTF-8",
        "es_MX",
        "en_PH",
        "es_CL",
        "es_CO",
        "es_VE",
        "es_CR",
        "es_GT",
        "es_PA",
        "es_SV",
        "es_NI",
        "en_BZ",
        "es_PR",
        "en-US",
    ],
)
def test_letter_where_cldr_says_letter(name: str) -> None:
    assert locale_paper(name) is Paper.LETTER


@pytest.mark.parametrize(
    "name", ["en_GB.UTF-8", "de_DE", "fr_FR", "es_ES", "es_AR", "pt_BR", "hi_IN", "ja_JP", "C"]
)
def test_a4_everywhere_else(name: str) -> None:
    assert locale_paper(name) is Paper.A4


def test_paper_by_locale_and_by_choice_from_the_command(
    server: DemoServer, tmp_path: Path, no_locale: pytest.MonkeyPatch
) -> None:
    people, garments = tmp_path / "people", tmp_path / "garments"
    people.mkdir()
    garments.mkdir()
    (people / "anna.jpg").write_bytes(person_jpeg())
    for name in ("linen-dress", "striped-top"):
        (garments / f"{name}.jpg").write_bytes(jpeg_bytes((400, 400), (20, 90, 160)))
    command = ["batch", "--people", str(people), "--garments", str(garments), "--yes"]
    assert run(server, *command, "-o", str(tmp_path / "out")) == 0
    no_locale.setenv("LANG", "de_DE.UTF-8")
    no_locale.setenv("LC_PAPER", "en_US.UTF-8")
    for command, name in (("lookbook", "book"), ("linesheet", "sheet")):
        by_locale, chosen = tmp_path / f"{name}.pdf", tmp_path / f"{name}-a4.pdf"
        assert run(None, command, str(by_locale)) == 0
        assert run(None, command, str(chosen), "--paper", "A4") == 0
        assert set(page_sizes(chosen)) <= {A4_PTS, "841.89 x 595.276 pts (A4)"}
        assert set(page_sizes(by_locale)) <= {LETTER_PTS, "792 x 612 pts (letter)"}
    assert page_sizes(tmp_path / "sheet.pdf") == [LETTER_PTS] * 2  # the cover and a page
    assert run(None, "linesheet", str(tmp_path / "x.pdf"), "--paper", "legal") == 2


def looks_share(pdf: Path) -> list[float]:
    """On each page, the share of the paper the pictures cover (as drawn: each picture
    is placed by the matrix before it is painted)."""
    reader = PdfReader(pdf)
    shares = []
    for page in reader.pages:
        placed: list[float] = []
        covered = 0.0
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"cm":
                placed = [float(value) for value in operands]
            elif operator == b"Do" and placed:
                covered += abs(placed[0] * placed[3])
                placed = []
        shares.append(covered / float(page.mediabox.width * page.mediabox.height))
    return shares


def font_sizes(pdf: Path) -> set[float]:
    reader = PdfReader(pdf)
    return {
        float(operands[1])
        for page in reader.pages
        for operands, operator in ContentStream(page.get_contents(), reader).operations
        if operator == b"Tf"
    }


def test_a_page_of_two_looks_uses_the_paper_as_well_as_a_page_of_one(tmp_path: Path) -> None:
    shots = []
    for n in range(9):
        shot = tmp_path / f"look-{n}.jpg"
        Image.new("RGB", (600, 900), (25 * n, 120, 90)).save(shot)
        shots.append(Look(shot, f"Linen dress {n}", f"SS27-{n:03d}", "Trousers"))
    book = Lookbook(
        "SS27",
        pages=tuple(PersonPage(f"Model {count}", tuple(shots[:count])) for count in (1, 2, 3, 9)),
    )
    target, notes = write_pdf(book, tmp_path / "book.pdf", paper=Paper.A4)
    assert notes == []
    one, two, three, nine = looks_share(target)
    assert one > 0.55  # a single look fills the page
    assert two >= one * 0.75 and three >= one * 0.75  # turned: as large as the paper allows
    assert nine >= 0.35
    sizes = page_sizes(target)
    assert sizes[0] == A4_PTS and sizes[-1] == A4_PTS  # one look, and nine, stand upright
    assert sizes[1] == sizes[2] == "841.89 x 595.276 pts (A4)"  # two and three lie
    assert min(font_sizes(target)) >= 8  # every caption readable in print
    looks = tuple((f"Model {n}", look) for n, look in enumerate(shots[:5]))
    item = LineItem("Linen dress", shots[0].picture, sku="SS27-1", retail="€129.00", looks=looks)
    sheet = LineSheet("SS27", items=(item,))
    written, _notes = write_linesheet(sheet, tmp_path / "sheet.pdf", paper=Paper.LETTER)
    assert min(font_sizes(written)) >= 8
    assert page_sizes(written) == [LETTER_PTS, LETTER_PTS]
