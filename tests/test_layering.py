"""Nothing outside ui/ and app.py imports Qt: the core runs headless, in the CLI and in tests."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import aurax_desktop

QT_ALLOWED = ("ui", "app", "__main__")


def core_modules() -> list[str]:
    """Every module of the package except ui/, app.py and the window's entry point."""
    names = []
    for info in pkgutil.walk_packages(aurax_desktop.__path__, "aurax_desktop."):
        if info.name.split(".")[1] not in QT_ALLOWED:
            names.append(info.name)
    return names


def test_core_imports_with_qt_made_unimportable() -> None:
    modules = core_modules()
    for expected in (
        "api.client",
        "demo.app",
        "imaging.source",
        "jobs.runner",
        "account.credentials",
        "cli",
    ):
        assert f"aurax_desktop.{expected}" in modules
    script = textwrap.dedent(
        f"""
        import importlib, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken"):
                    raise ImportError("Qt is blocked in this test: " + name)
                return None

        sys.meta_path.insert(0, BlockQt())
        for name in {modules!r}:
            if name.endswith("__main__"):
                continue
            importlib.import_module(name)
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print("imported", len({modules!r}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported")


def test_the_window_is_in_feature_packages() -> None:
    """ui/ holds its feature packages (shell, studio, jobs, gallery, generate, describe)
    and what they share (photos, common), not a room of loose modules."""
    ui = Path(aurax_desktop.__file__).parent / "ui"
    loose = sorted(p.name for p in ui.glob("*.py") if p.name != "__init__.py")
    packages = sorted(p.name for p in ui.iterdir() if (p / "__init__.py").is_file())
    assert len(loose) <= 12, loose
    assert set(packages) >= {
        "shell",
        "studio",
        "jobs",
        "gallery",
        "generate",
        "describe",
        "common",
    }
