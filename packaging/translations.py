"""The catalogs brought up to date: extract the marked messages, update every language's
catalog, and fill in what translators wrote in tables (``aurax_desktop/locale/pending/
*.json``), then compile.

A table is a JSON list, one entry per message::

    [
      {"id": "Zoom in", "de": "Vergrößern", "fr": "Zoom avant", ...},
      {"id": "{count} photo", "plural": "{count} photos",
       "de": ["{count} Foto", "{count} Fotos"], "ar": ["…", "…", "…", "…", "…", "…"]},
      {"id": "View", "context": "Menu bar", "de": "Ansicht", ...}
    ]

every language of the program in each entry (a plural gives as many forms as the
language has: one in Chinese and Japanese, two in German, six in Arabic). Run from the
repository's root: ``python packaging/translations.py`` (``--keep`` leaves the tables
in place; without it, a table wholly applied is removed).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "aurax_desktop" / "locale"
PENDING = LOCALE / "pending"
LANGUAGES = ("de", "fr", "es", "it", "zh_CN", "ja", "ar")


def pybabel(*arguments: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *arguments], cwd=ROOT, check=True
    )


def entries() -> list[tuple[Path, dict[str, object]]]:
    found: list[tuple[Path, dict[str, object]]] = []
    for table in sorted(PENDING.glob("*.json")):
        found += [(table, entry) for entry in json.loads(table.read_text(encoding="utf-8"))]
    return found


def fill(language: str, table: list[tuple[Path, dict[str, object]]]) -> list[str]:
    """Fill ``language``'s catalog from the tables; the messages not found in it."""
    path = LOCALE / language / "LC_MESSAGES" / "aurax.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    missing = []
    for source, entry in table:
        message_id = str(entry["id"])
        context = entry.get("context")
        message = catalog.get(message_id, context=str(context) if context else None)
        translated = entry.get(language)
        if message is None or translated is None:
            missing.append(f"{source.name}: {message_id!r} ({language})")
            continue
        message.string = tuple(translated) if isinstance(translated, list) else str(translated)
        message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="leave the tables in place")
    args = parser.parse_args()
    pybabel("extract")
    pybabel("update", "--no-fuzzy-matching")
    table = entries()
    missing = [problem for language in LANGUAGES for problem in fill(language, table)]
    pybabel("compile")
    for problem in missing:
        print(f"not filled: {problem}")
    if not missing and not args.keep:
        for source in {source for source, _entry in table}:
            source.unlink()
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
