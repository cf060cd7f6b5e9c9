"""Every package and resource ships: the list in pyproject.toml misses nothing."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

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
