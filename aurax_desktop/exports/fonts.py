"""Text in the documents clients receive (lookbooks, line sheets), in any script the
system has fonts for, as real text.

The bundled DejaVu Sans covers Latin, Greek, Cyrillic and Arabic. A character it
lacks (Chinese, Japanese, Thai...) is drawn with a system font that has it, found
through fontconfig on Linux and in the system font folders elsewhere; only fonts with
TrueType outlines can be embedded, so others are passed over. Every font is embedded
(as the subset used). Arabic and Hebrew are laid out right to left, Arabic letters
joined (python-bidi and arabic-reshaper). Names are cleaned first: control
characters and bidirectional overrides never reach a document.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from dataclasses import dataclass
from importlib.resources import as_file, files
from itertools import groupby
from pathlib import Path

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

REGULAR, BOLD = "AuraSans", "AuraSans-Bold"
_BUNDLED = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_SYSTEM_FOLDERS = {
    "win32": [Path("C:/Windows/Fonts")],
    "darwin": [
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
        Path.home() / "Library/Fonts",
    ],
}
_lock = threading.Lock()
_PATHS: dict[str, tuple[str, int]] = {}
"""Each registered font's file and index (for pictures drawn with Pillow)."""


def clean(text: str) -> str:
    """A name as a document may print it: no control characters, no bidirectional
    overrides, spaces made single."""
    return " ".join(_CONTROLS.sub(" ", unicodedata.normalize("NFC", text)).split())


def visual(text: str) -> str:
    """``text`` in the order it is drawn: right-to-left runs reversed, Arabic letters in
    their joined forms, brackets facing their words; left-to-right text as it is."""
    if not _RIGHT_TO_LEFT.search(text):
        return text
    return facing(str(get_display(arabic_reshaper.reshape(text))))


_PAIRS = {")": "(", "]": "[", "}": "{", ">": "<", "\u00bb": "\u00ab", "\u203a": "\u2039"}
"""Each closing bracket, as a left-to-right line draws it, and its opening one."""
_OPENINGS = frozenset(_PAIRS.values())


def facing(drawn: str) -> str:
    """A line in the order it is drawn, with the brackets of its right-to-left runs
    turned to face their words, as Unicode's mirroring asks ("عالم (ليلى)" is drawn
    "(ىليل) ملاع", not ")ىليل( ملاع"): the reordering (python-bidi) reverses a run's
    brackets but draws them unmirrored. A pair drawn closing first is a reversed one."""
    chars = list(drawn)
    opened: list[int] = []  # opening brackets drawn, waiting for their closing one
    backwards: list[int] = []  # closing brackets drawn before their opening one
    for index, char in enumerate(chars):
        if char in _PAIRS:
            if opened and chars[opened[-1]] == _PAIRS[char]:
                opened.pop()
            else:
                backwards.append(index)
        elif char in _OPENINGS:
            partner = next((i for i in reversed(backwards) if _PAIRS[chars[i]] == char), None)
            if partner is None:
                opened.append(index)
            else:
                backwards.remove(partner)
                chars[partner], chars[index] = char, chars[partner]
    return "".join(chars)


@dataclass(frozen=True)
class Run:
    font: str
    text: str


class FontBook:
    """The fonts a document uses: the bundled ones first, system ones for the rest."""

    def __init__(self) -> None:
        self.searches = 0
        """How many characters this book asked the system's fonts for."""
        with _lock:
            for name, file_name in _BUNDLED.items():
                if name not in pdfmetrics.getRegisteredFontNames():
                    with as_file(files("aurax_desktop.resources") / "fonts" / file_name) as path:
                        pdfmetrics.registerFont(TTFont(name, str(path)))
                        _PATHS[name] = (str(path), 0)

    def runs(self, text: str, *, bold: bool = False) -> list[Run]:
        """``text`` (in visual order) in runs of one font each (in time that grows with
        the text: each run is joined once, and a character's font is looked up once)."""
        base = BOLD if bold else REGULAR
        found: list[Run] = []
        for font, chars in groupby(text, key=lambda char: self._font_of(char, base)):
            found.append(Run(font, "".join(chars)))
        return found

    def _font_of(self, char: str, base: str) -> str:
        if char.isspace() or _covers(base, char):
            return base
        return self.fallback(char) or base

    def fallback(self, char: str) -> str | None:
        """A system font for a character the bundled one lacks: one already in use that
        has it, else one fontconfig (or the system's folders) names. Only so many are
        asked for a document: text of thousands of characters no font has (a hostile
        name) is drawn in the bundled font rather than searched for, character by
        character."""
        for name in _system_fonts():
            if _covers(name, char):
                return name
        if char in _FOUND:
            return _FOUND[char]
        if self.searches >= MAX_SEARCHES:
            return None
        self.searches += 1
        if len(_FOUND) > MAX_FOUND:
            _FOUND.clear()
        _FOUND[char] = _font_for(char)
        return _FOUND[char]

    @staticmethod
    def file_of(font_name: str) -> tuple[str, int]:
        """The font's file and its index in it (for Pillow)."""
        return _PATHS[font_name]

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        return float(
            sum(
                pdfmetrics.stringWidth(run.text, run.font, size)
                for run in self.runs(text, bold=bold)
            )
        )


def _covers(font_name: str, char: str) -> bool:
    font = pdfmetrics.getFont(font_name)
    return ord(char) in font.face.charToGlyph


MAX_SEARCHES = 64
"""The most characters a document asks the system's fonts for (a search runs
fontconfig, some milliseconds): the scripts of a season's names take a few."""
MAX_FOUND = 4096
_FOUND: dict[str, str | None] = {}
"""Characters asked for, and the font found (None: none has it), for every document."""


def _system_fonts() -> list[str]:
    """The system fonts registered so far, in the order they were."""
    with _lock:
        return [name for name in _PATHS if name.startswith("System-")]


def _font_for(char: str) -> str | None:
    """A registered system font that has ``char`` (None: none found)."""
    for path, index in _candidates(char):
        name = f"System-{path.stem}-{index}"
        with _lock:
            try:
                if name not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
                    _PATHS[name] = (str(path), index)
            except Exception as exc:  # outlines reportlab cannot embed (CFF), or damaged
                log.info("Font %s cannot be embedded: %s", path, exc)
                continue
        if _covers(name, char):
            return name
    return None


def _candidates(char: str) -> list[tuple[Path, int]]:
    """Fonts that may have ``char``: fontconfig's answer on Linux, the system font
    folders elsewhere."""
    if sys.platform.startswith("linux") and shutil.which("fc-list"):
        try:
            listed = subprocess.run(  # noqa: S603 - a fixed program, no shell
                ["fc-list", f":charset={ord(char):x}", "file", "index"],  # noqa: S607
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            return []
        found = []
        for line in listed.splitlines():
            path, _, rest = line.partition(":")
            index = re.search(r"index=(\d+)", rest)
            if path.lower().endswith((".ttf", ".ttc")):
                found.append((Path(path), int(index.group(1)) if index else 0))
        return sorted(found, key=lambda item: (item[0].suffix.lower() != ".ttf", str(item[0])))
    folders = _SYSTEM_FOLDERS.get(sys.platform, [])
    return [
        (path, 0)
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.glob("*.tt[fc]"))
    ]
