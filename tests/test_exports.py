"""The lookbook's paper follows the locale, and its pages, pictures and captions follow
the batch (written with the real exporter, read back with a PDF library)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER

from aurax_desktop.exports import Lookbook, paper_for_locale, write_contact_sheet, write_pdf
from aurax_desktop.exports.lookbook import Look, PersonPage
from aurax_desktop.jobs.results import PRINT_NAME


@pytest.mark.parametrize(
    ("locale_name", "paper"),
    [
        ("en_US.UTF-8", LETTER),
        ("es_MX.UTF-8", LETTER),
        ("fr_CA.UTF-8", LETTER),
        ("en_GB.UTF-8", A4),
        ("de_DE.UTF-8", A4),
        ("hi_IN.UTF-8", A4),
        ("C.UTF-8", A4),
    ],
)
def test_the_paper_follows_the_locale(locale_name: str, paper: tuple[float, float]) -> None:
    assert paper_for_locale(locale_name) == paper


def book_of(tmp_path: Path, people: int, looks: int) -> Lookbook:
    pages = []
    for person in range(people):
        shown = []
        for garment in range(looks):
            path = tmp_path / f"look-{person}-{garment}.jpg"
            Image.new("RGB", (600, 900), (40 * garment, 90, 30 * person)).save(path)
            shown.append(Look(path, f"Linen dress {garment}", f"SS27-{garment:03d}", "Dress"))
        pages.append(PersonPage(f"Model {person}", tuple(shown)))
    return Lookbook("Autumn", pages=tuple(pages))


def test_a_pdf_page_per_person_with_a_picture_per_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_PAPER", "de_DE.UTF-8")
    target, notes = write_pdf(book_of(tmp_path, 3, 7), tmp_path / "autumn.pdf")
    assert notes == []
    reader = PdfReader(target)
    assert len(reader.pages) == 3
    first = reader.pages[0]
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    assert (round(width), round(height)) == (round(A4[0]), round(A4[1]))
    assert [len(page.images) for page in reader.pages] == [7, 7, 7]
    text = first.extract_text()
    assert "Autumn" in text and "Model 0" in text
    assert "Linen dress 0" in text and "SS27-000 · Dress" in text and "SS27-006 · Dress" in text
    assert "favourite" not in text and ".jpg" not in text  # nothing internal


def test_a_contact_sheet_is_a_wide_picture(tmp_path: Path) -> None:
    for name in ("sheet.png", "sheet.jpg"):
        target, _notes = write_contact_sheet(book_of(tmp_path, 2, 5), tmp_path / name)
        with Image.open(target) as sheet:
            assert sheet.width >= 1000 and sheet.height > 600
    with pytest.raises(ValueError, match=r"\.png or \.jpg"):
        write_contact_sheet(book_of(tmp_path, 1, 1), tmp_path / "sheet.gif")


def test_arabic_in_a_contact_sheet_reads_right_to_left_and_joined() -> None:
    """Drawn as a text layout engine draws it from the logical order (the reference),
    not reversed back by a second layout of the already ordered text."""
    from PIL import ImageChops, ImageDraw, ImageFont, features  # noqa: PLC0415

    from aurax_desktop.exports.contact_sheet import _Writer  # noqa: PLC0415
    from aurax_desktop.exports.fonts import FontBook  # noqa: PLC0415

    if not features.check("raqm"):
        pytest.skip("the reference needs Pillow's complex text layout (libraqm)")
    arabic = "فستان كتان صيفي"
    drawn = Image.new("RGB", (400, 60), (255, 255, 255))
    _Writer(ImageDraw.Draw(drawn)).text(10, 10, arabic, 24, (0, 0, 0))
    drawn = drawn.convert("L")
    fonts = FontBook()
    (run,) = fonts.runs(arabic)
    path, index = fonts.file_of(run.font)
    reference = Image.new("L", (400, 60), 255)
    font = ImageFont.truetype(path, 24, index=index, layout_engine=ImageFont.Layout.RAQM)
    ImageDraw.Draw(reference).text((10, 10), arabic, font=font, fill=0)

    def inked(picture: Image.Image) -> Image.Image:
        """The text alone (where it sits may differ by a pixel between engines)."""
        box = ImageChops.invert(picture).getbbox()
        assert box is not None
        return picture.crop(box)

    ours, theirs = inked(drawn), inked(reference)
    assert abs(ours.width - theirs.width) <= 2 and abs(ours.height - theirs.height) <= 2
    difference = ImageChops.difference(ours.resize(theirs.size), theirs)
    ink = sum(theirs.histogram()[:128])
    differing = sum(difference.histogram()[129:])
    assert ink > 100 and differing < ink * 0.1


def test_an_empty_lookbook_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no finished try-ons"):
        write_pdf(Lookbook("Empty"), tmp_path / "empty.pdf")
    assert not (tmp_path / "empty.pdf").exists()


def test_a_person_with_many_looks_goes_on_over_more_pages_each_picture_at_print_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_PAPER", "de_DE.UTF-8")
    book = book_of(tmp_path, 1, 20)
    for look in book.pages[0].looks:  # results as they arrive: large, with a preview
        Image.new("RGB", (3200, 4800), (10, 90, 30)).save(look.picture)
        Image.new("RGB", (1067, 1600), (10, 90, 30)).save(look.picture.parent / PRINT_NAME)
    target, notes = write_pdf(book, tmp_path / "many.pdf")
    assert notes == []
    reader = PdfReader(target)
    assert [len(page.images) for page in reader.pages] == [9, 9, 2]
    assert "Model 0" in reader.pages[0].extract_text()
    assert "(continued)" not in reader.pages[0].extract_text()
    assert "Model 0 (continued)" in reader.pages[2].extract_text()
    # a picture in a 3 by 3 grid is made for its room (300 pixels an inch), not at the
    # 1600 pixels of its print preview
    sides = {max(image.image.size) for image in reader.pages[0].images}
    assert max(sides) < 1000


def test_a_batch_s_people_are_named_without_what_their_files_share() -> None:
    from aurax_desktop.exports.linesheet import from_jobs as sheet_from_jobs  # noqa: PLC0415
    from aurax_desktop.exports.lookbook import from_jobs  # noqa: PLC0415
    from aurax_desktop.jobs import Job, JobKind, JobStatus  # noqa: PLC0415
    from aurax_desktop.jobs.params import Sent, TryOnParams, encode  # noqa: PLC0415

    people = ("SS27-resort-lookbook-model-anna-maria.jpg", "SS27-resort-lookbook-model-ben.jpg")
    jobs = [
        Job(
            id=f"job{row}",
            kind=JobKind.TRY_ON,
            status=JobStatus.COMPLETED,
            product_type="DRESS",
            params=encode(
                TryOnParams(garment_strength=2, garment_name="linen-dress.jpg"),
                Sent(batch_row=row, batch_column=0),
            ),
            source_name=person,
            batch="batch-1",
            created_at=float(row),
            updated_at=float(row),
            results=("result.jpg",),
        )
        for row, person in enumerate(people)
    ]
    described = Job(  # a garment described with the batch: its photo is no person
        id="described",
        kind=JobKind.PRODUCT_DESCRIPTION,
        status=JobStatus.COMPLETED,
        product_type="DRESS",
        params={},
        source_name="SS27-resort-linen-dress.jpg",
        batch="batch-1",
        created_at=5.0,
        updated_at=5.0,
    )
    jobs.append(described)
    assert [page.person for page in from_jobs(jobs).pages] == ["anna maria", "ben"]
    (item,) = sheet_from_jobs(jobs).items
    assert [person for person, _look in item.looks] == ["anna maria", "ben"]


def test_a_contact_sheet_s_captions_sit_centred_under_their_pictures(tmp_path: Path) -> None:
    from PIL import ImageChops  # noqa: PLC0415

    from aurax_desktop.exports.contact_sheet import CELL, MARGIN  # noqa: PLC0415

    shot = tmp_path / "look.jpg"
    Image.new("RGB", (400, 600), (20, 120, 90)).save(shot)
    look = Look(shot, "Linen midi dress", "SS27-014", "Dress")
    book = Lookbook("SS27", pages=(PersonPage("anna", (look,)),))
    target, _notes = write_contact_sheet(book, tmp_path / "sheet.png")
    with Image.open(target) as sheet:
        grey = sheet.convert("L")
    top = MARGIN + 70 + 40

    def inked(box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
        """Where the crop is clearly darker than the paper."""
        crop = ImageChops.invert(grey.crop(box))
        return crop.point(lambda v: 255 if v > 60 else 0).getbbox()

    picture = inked((0, top, grey.width, top + CELL))
    words = inked((0, top + CELL + 4, grey.width, top + CELL + 60))
    assert picture is not None and words is not None
    assert abs((picture[0] + picture[2]) / 2 - (words[0] + words[2]) / 2) < 4
