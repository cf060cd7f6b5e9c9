"""Saving a result as the user names it: the format follows the name, files appear whole."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PIL import Image

from aurax_desktop.atomic import write_atomically
from aurax_desktop.imaging import ImageError, save_as


@pytest.fixture
def result_png(tmp_path: Path) -> Path:
    path = tmp_path / "result.png"
    image = Image.new("RGBA", (120, 80), (200, 40, 40, 255))
    image.putpixel((0, 0), (0, 0, 0, 0))  # one transparent pixel
    image.save(path)
    return path


def test_png_to_jpeg_is_converted_and_flattened(result_png: Path, tmp_path: Path) -> None:
    target = save_as(result_png, tmp_path / "out" / "look.jpg")
    with Image.open(target) as saved:
        assert saved.format == "JPEG"
        assert saved.mode == "RGB"
        assert saved.size == (120, 80)
        assert saved.getpixel((0, 0))[0] > 200  # transparency becomes white, not black


def test_same_format_is_copied_byte_for_byte(result_png: Path, tmp_path: Path) -> None:
    target = save_as(result_png, tmp_path / "copy.PNG")
    assert target.read_bytes() == result_png.read_bytes()


def test_an_unknown_extension_is_explained(result_png: Path, tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="no picture extension"):
        save_as(result_png, tmp_path / "look.txt")


def test_an_unwritable_place_is_explained_and_leaves_nothing(
    result_png: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(ImageError) as caught:
        save_as(result_png, blocker / "look.png")
    assert caught.value.user_message.startswith("“look.png” could not be saved in")
    assert "Choose another folder" in caught.value.user_message
    assert blocker.read_text() == "a file where a folder should be"


def test_replacing_a_file_never_leaves_it_half_written(result_png: Path, tmp_path: Path) -> None:
    target = tmp_path / "look.png"
    target.write_bytes(b"the previous picture")
    save_as(result_png, target)
    assert target.read_bytes() == result_png.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_saved_files_get_ordinary_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    path = write_atomically(tmp_path / "export.csv", b"a,b\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
