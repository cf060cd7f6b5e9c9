"""Which of the files and folders a user gives are pictures (by their names)."""

from __future__ import annotations

from pathlib import Path

PICTURE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".tif", ".tiff", ".bmp", ".gif"}
)


def picture_files(paths: list[Path]) -> list[Path]:
    """Files as they are; folders as the pictures directly inside them, sorted."""
    found, _skipped = sort_out(paths)
    return found


def sort_out(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(pictures, skipped): files given by name are kept whatever their name (they are
    checked when opened); files inside folders are kept only by a picture's extension."""
    found: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for inner in sorted(path.iterdir()):
                if not inner.is_file():
                    continue
                (found if inner.suffix.lower() in PICTURE_SUFFIXES else skipped).append(inner)
        elif path.is_file():
            found.append(path)
        else:
            skipped.append(path)
    return found, skipped
