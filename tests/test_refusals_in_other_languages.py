"""The file system's refusals as a user reads them, in German and in Arabic: a link
planted among the program's own files, and why a file could not be written."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from aurax_desktop.disk_errors import why_not_written
from aurax_desktop.languages import choose
from aurax_desktop.privacy import refuse_link
from aurax_desktop.translation import use_language


def planted_link(tmp_path: Path) -> Path:
    elsewhere = tmp_path / "elsewhere.sqlite3"
    elsewhere.write_bytes(b"")
    link = tmp_path / "history.sqlite3"
    link.symlink_to(elsewhere)
    return link


@pytest.mark.usefixtures("german")
def test_a_planted_link_is_refused_in_german(tmp_path: Path) -> None:
    link = planted_link(tmp_path)
    with pytest.raises(OSError) as info:
        refuse_link(link, "Die Verlaufsdatei")
    assert info.value.errno == errno.ELOOP
    assert info.value.strerror == (
        f"Die Verlaufsdatei {link} ist ein Link auf einen anderen Ort und wird daher nicht "
        "zum Schreiben verwendet. Bitte den Link entfernen (AuraX Desktop speichert seine "
        "eigenen Dateien nur in seinem Datenordner)."
    )


@pytest.mark.usefixtures("arabic")
def test_a_planted_link_is_refused_in_arabic(tmp_path: Path) -> None:
    link = planted_link(tmp_path)
    with pytest.raises(OSError) as info:
        refuse_link(link, "ملف السجل")
    assert info.value.strerror == (
        f"ملف السجل {link} رابط إلى مكان آخر، لذا لا تتم الكتابة عبره. احذف الرابط "
        "(يحفظ AuraX Desktop ملفاته الخاصة في مجلد البيانات فقط)."
    )


@pytest.mark.usefixtures("german")
def test_why_a_file_was_not_written_in_german(tmp_path: Path) -> None:
    in_the_way = tmp_path / "datei"
    in_the_way.write_text("a file where a folder should be")
    with pytest.raises(OSError) as made:
        (in_the_way / "lookbook").mkdir()
    assert why_not_written(made.value) == (
        "Dieser Ordner kann nicht angelegt werden. Bitte einen anderen Ordner wählen."
    )
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "look.pdf"))
    assert why_not_written(full) == (
        "Der Datenträger ist voll. Bitte Speicherplatz freigeben oder einen anderen "
        "Datenträger wählen."
    )


@pytest.mark.usefixtures("arabic")
def test_why_a_file_was_not_written_in_arabic() -> None:
    denied = PermissionError(errno.EACCES, "Permission denied", "/look.pdf")
    assert why_not_written(denied) == "هذا المجلد لا يسمح بالكتابة. اختر مجلدًا آخر."
    # English is spoken again once the language is English.
    use_language(choose(["en"]))
    assert why_not_written(denied) == "this folder does not allow writing. Choose another folder."
