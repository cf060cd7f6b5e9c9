"""Build AuraX Desktop for people who have no Python: ``python packaging/build.py``.

Run from the repository root in the development environment, after
``pip install -e ".[packaging]"``. It renders the app icon (PNG sizes, .ico, .icns),
runs PyInstaller on ``packaging/aurax.spec`` (one folder, both programs: the window
``aurax-desktop`` and the command ``aurax``) after compiling the translations, adds
the desktop entry, the AppStream
file, the icons and the install scripts (Linux), packs
``dist/aurax-desktop-<version>-<system>-<machine>.tar.gz`` (``.zip`` on Windows),
and prints the bundle's size. On macOS the spec also makes ``AuraX Desktop.app``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUNDLE_NAME = "aurax-desktop"
APP_ID = "in.co.aurax.Desktop"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def version() -> str:
    """The one version: the installed package's metadata (from pyproject.toml)."""
    return importlib.metadata.version("aurax-desktop")


def machine() -> str:
    name = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(name, name)


def system() -> str:
    return {"Darwin": "macos", "Windows": "windows"}.get(platform.system(), "linux")


def render_icons() -> dict[str, Path]:
    """The app icon as PNGs (hicolor layout), .ico and .icns, drawn from the one SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    svg = ROOT / "resources" / "icons" / "app.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"the app icon {svg} cannot be drawn")
    hicolor = PACKAGING / "linux" / "icons" / "hicolor"
    pngs: dict[int, Path] = {}
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise SystemExit(f"could not write {target}")
        pngs[size] = target
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    largest = Image.open(pngs[512])
    ico = PACKAGING / "windows" / "aurax-desktop.ico"
    largest.save(ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    icns = PACKAGING / "macos" / "aurax-desktop.icns"
    largest.save(icns)
    return {"png": pngs[256], "ico": ico, "icns": icns}


VERSION_INFO = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'AuraX Desktop developers'),
      StringStruct('FileDescription', 'AuraX Desktop'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('ProductName', 'AuraX Desktop'),
      StringStruct('ProductVersion', '{version}'),
      StringStruct('OriginalFilename', 'aurax-desktop.exe')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_info() -> Path:
    """The Windows version resource (PyInstaller's version-file format)."""
    parts = [int(p) if p.isdigit() else 0 for p in version().split(".")[:3]]
    numbers = tuple([*parts, *[0] * (4 - len(parts))])
    target = ROOT / "build" / "version_info.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(VERSION_INFO.format(numbers=numbers, version=version()), encoding="utf-8")
    return target


def compile_translations() -> list[Path]:
    """Every translation's .mo beside its .po in the package, for PyInstaller to carry
    (the same compilation as ``pybabel compile``)."""
    from aurax_desktop.catalogs import compile_all

    return compile_all()


def run_pyinstaller() -> Path:
    work = ROOT / "build" / "pyinstaller"
    env = {**os.environ, "AURAX_BUILD_VERSION": version()}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(work),
            str(PACKAGING / "aurax.spec"),
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    return DIST / BUNDLE_NAME


def check_release_notes() -> None:
    """The AppStream file must name this version's release (a reminder to write it)."""
    metainfo = (PACKAGING / "linux" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    if f'<release version="{version()}"' not in metainfo:
        raise SystemExit(
            f"packaging/linux/{APP_ID}.metainfo.xml has no <release> for {version()}: "
            "add one (version, date, a sentence on what changed) before building."
        )


def add_linux_files(bundle: Path) -> None:
    """The desktop entry, AppStream file, icons and install scripts, in the bundle."""
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / "linux" / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml", share / "metainfo")
    shutil.copytree(PACKAGING / "linux" / "icons", share / "icons", dirs_exist_ok=True)
    for script in ("install.sh", "uninstall.sh"):
        target = bundle / script
        shutil.copy2(PACKAGING / "linux" / script, target)
        target.chmod(0o755)


def pack(bundle: Path) -> Path:
    stem = f"{BUNDLE_NAME}-{version()}-{system()}-{machine()}"
    if system() == "windows":
        archive = DIST / f"{stem}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
            for path in sorted(bundle.rglob("*")):
                out.write(path, Path(BUNDLE_NAME) / path.relative_to(bundle))
        return archive
    archive = DIST / f"{stem}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=9) as out:
        out.add(bundle, arcname=BUNDLE_NAME)
    return archive


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    args = parser.parse_args(argv)
    started = time.monotonic()
    print(f"AuraX Desktop {version()} for {system()} {machine()}", flush=True)
    check_release_notes()
    render_icons()
    if system() == "windows":
        write_version_info()
    print(f"translations: {len(compile_translations())} catalogs compiled", flush=True)
    bundle = run_pyinstaller()
    if system() == "linux":
        add_linux_files(bundle)
    print(f"bundle: {bundle} ({size_of(bundle) / 1e6:.1f} MB unpacked)")
    if not args.no_archive:
        archive = pack(bundle)
        print(f"archive: {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    print(f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
