"""Every package and resource ships, and the desktop integration files agree with the
program (one application id, this version's release notes, validators' approval)."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from aurax_desktop import __version__, app
from aurax_desktop.imaging import PICTURE_SUFFIXES

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "aurax_desktop").rglob("__init__.py")
    }
    assert found | {"aurax_desktop.resources"} == listed


def test_icons_are_reachable_as_package_data() -> None:
    icons = files("aurax_desktop.resources") / "icons"
    names = {entry.name for entry in icons.iterdir()}
    assert {"person.svg", "garment.svg", "brush.svg", "eraser.svg"} <= names


PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
APP_ID = "in.co.aurax.Desktop"


def test_the_desktop_files_are_named_by_the_one_application_id() -> None:
    desktop = (PACKAGING / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    metainfo = (PACKAGING / "linux" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert app.APP_ID == APP_ID
    assert f"Icon={APP_ID}\n" in desktop and "\nExec=aurax-desktop %F\n" in desktop
    # "Open with" offers it for the pictures it opens (each suffix's type is listed)
    types = next(line for line in desktop.splitlines() if line.startswith("MimeType="))
    for suffix in PICTURE_SUFFIXES:
        wanted = {".jpg": "jpeg", ".jpeg": "jpeg", ".tif": "tiff"}.get(suffix, suffix[1:])
        assert f"image/{wanted};" in types, suffix
    assert "Categories=Graphics;" in desktop
    assert f"<id>{APP_ID}</id>" in metainfo
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo
    assert "<binary>aurax-desktop</binary>" in metainfo and "<binary>aurax</binary>" in metainfo
    assert f'<release version="{__version__}"' in metainfo  # the current version's notes
    assert metainfo.count("<p>") >= 2 and 'content_rating type="oars-1.1"' in metainfo
    assert all(url.startswith("https://") for url in _images(metainfo))


def _images(metainfo: str) -> list[str]:
    return [part.split("</image>")[0] for part in metainfo.split("<image>")[1:]]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validate_accepts_the_entry() -> None:
    said = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "linux" / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    # It exits 0 even on some errors: anything it says is a failure.
    assert said.returncode == 0 and not said.stdout.strip() and not said.stderr.strip()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_appstreamcli_accepts_the_metainfo() -> None:
    said = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert said.returncode == 0, said.stdout + said.stderr


def test_the_app_icon_is_a_simple_svg_qt_can_draw() -> None:
    svg = (Path(__file__).resolve().parents[1] / "resources" / "icons" / "app.svg").read_text()
    assert "<filter" not in svg and "<mask" not in svg  # QtSvg draws neither


def test_windows_and_macos_offer_open_with_for_every_picture_type() -> None:
    setup = (PACKAGING / "windows" / "aurax-desktop.iss").read_text(encoding="utf-8")
    spec = (PACKAGING / "aurax.spec").read_text(encoding="utf-8")
    for suffix in PICTURE_SUFFIXES:
        assert f'ValueName: "{suffix}"' in setup, suffix
        assert f"Software\\Classes\\{suffix}\\OpenWithList\\aurax-desktop.exe" in setup, suffix
    assert '""{app}\\aurax-desktop.exe"" ""%1""' in setup
    assert '"CFBundleDocumentTypes"' in spec and '"public.heic"' in spec
