"""What the image pipeline tells a user, in German and in Arabic: a file that is not a
picture, one cut short, one of a kind not supported, one too large (its megapixels
written as the locale writes numbers), a small or landscape person photo, and a result
that cannot be saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from aurax_desktop.imaging import ImageError, load_image, photo_warnings, read_header, save_as
from aurax_desktop.languages import choose
from aurax_desktop.translation import use_language
from tests.imaging.corpus import card_image, encoded, png_bomb


def refusal(source: Path | bytes, **options: object) -> str:
    with pytest.raises(ImageError) as info:
        load_image(source, **options)  # type: ignore[arg-type]
    assert info.value.user_message == str(info.value)
    return info.value.user_message


@pytest.mark.usefixtures("german")
def test_refusals_in_german(tmp_path: Path) -> None:
    notes = tmp_path / "notiz.jpg"
    notes.write_text("Einkaufsliste: Stoff, Knöpfe")
    assert refusal(notes) == (
        "„notiz.jpg“ ist kein Bild. Bitte eine JPEG-, PNG-, WebP-, HEIC-, TIFF-, BMP- oder "
        "GIF-Datei wählen."
    )
    photo = encoded(card_image((400, 300)), "JPEG", quality=90)
    cut = tmp_path / "abgeschnitten.jpg"
    cut.write_bytes(photo[: len(photo) // 2])
    assert refusal(cut) == (
        "„abgeschnitten.jpg“ ist beschädigt oder unvollständig und kann nicht geöffnet "
        "werden. Bitte erneut exportieren oder herunterladen."
    )
    catalogue = tmp_path / "katalog.pdf"
    catalogue.write_bytes(b"%PDF-1.7\n" + b"0" * 64)
    assert refusal(catalogue).startswith(
        "„katalog.pdf“ ist ein PDF-Dokument; diese Dateiart wird nicht unterstützt."
    )
    assert refusal(tmp_path / "fehlt.jpg") == (
        "„fehlt.jpg“ wurde nicht gefunden. Möglicherweise wurde die Datei verschoben oder gelöscht."
    )


@pytest.mark.usefixtures("german")
def test_a_picture_too_large_counts_its_megapixels_as_german_writes_numbers() -> None:
    with pytest.raises(ImageError) as info:
        read_header(png_bomb(50_000), name="riesig.png")
    assert info.value.user_message == (
        "„riesig.png“ ist zu groß (2.500 Megapixel; die Grenze liegt bei 100). Bitte "
        "verkleinern oder eine kleinere Kopie exportieren."
    )
    assert refusal(b"x" * 3_000_000, name="gross.jpg", max_bytes=1_000_000) == (
        "„gross.jpg“ ist zu groß (3 MB; die Grenze liegt bei 1 MB). Bitte eine kleinere "
        "Kopie exportieren."
    )


@pytest.mark.usefixtures("arabic")
def test_refusals_in_arabic(tmp_path: Path) -> None:
    notes = tmp_path / "ملاحظات.png"
    notes.write_text("not a picture")
    assert refusal(notes) == (
        "الملف «ملاحظات.png» ليس صورة. اختر ملفًا بصيغة JPEG أو PNG أو WebP أو HEIC أو TIFF "
        "أو BMP أو GIF."
    )
    assert refusal(b"", name="فارغ.jpg") == "الملف «فارغ.jpg» فارغ (0 بايت). اختر ملفًا آخر."
    with pytest.raises(ImageError) as bomb:
        read_header(png_bomb(50_000))
    # Without a name, the picture is called so in the language; Latin digits, as the
    # United Arab Emirates write them.
    assert bomb.value.user_message.startswith("الملف «الصورة» كبير جدًا (2,500 ميغابكسل؛")


def test_person_photo_warnings_in_german_and_arabic() -> None:
    use_language(choose(["de"]))
    assert photo_warnings((400, 300), "person") == [
        "Das Personenfoto ist klein (400 × 300 Pixel). Anproben gelingen am besten mit "
        "mindestens 512 Pixeln an der kurzen Seite.",
        "Das Personenfoto ist im Querformat. Ein Hochformat-Foto, das die ganze Person "
        "zeigt, ergibt die beste Anprobe.",
    ]
    use_language(choose(["ar"]))
    assert photo_warnings((600, 2000), "person") == [
        "صورة الشخص ضيقة جدًا؛ قد تقتطع تجربة الارتداء جزءًا من الشخص."
    ]
    assert photo_warnings((400, 300), "garment") == []


@pytest.mark.usefixtures("german")
def test_a_result_that_cannot_be_saved_says_why_in_german(tmp_path: Path) -> None:
    result = tmp_path / "ergebnis.png"
    result.write_bytes(encoded(card_image(), "PNG"))
    in_the_way = tmp_path / "kein-ordner"
    in_the_way.write_text("a file where a folder should be")
    with pytest.raises(ImageError) as info:
        save_as(result, in_the_way / "look.png")
    assert info.value.user_message == (
        f"„look.png“ konnte nicht in {in_the_way} gespeichert werden: Dieser Ordner kann "
        "nicht angelegt werden. Bitte einen anderen Ordner wählen."
    )
    with pytest.raises(ImageError) as extension:
        save_as(result, tmp_path / "look.psd")
    assert extension.value.user_message == (
        "„look.psd“ hat keine Bild-Dateiendung. Bitte .png, .jpg, .webp oder .tiff verwenden."
    )
