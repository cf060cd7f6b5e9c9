"""The translation catalogs: a ``.po`` file per language in the package
(``locale/<code>/LC_MESSAGES/aurax.po``, written by translators), compiled to the
``.mo`` file gettext reads.

The build compiles every ``.mo`` beside its ``.po`` (``compile_all``), and the
packages carry them. Run from the sources, where no ``.mo`` is made (or one is older
than its ``.po``, just edited), the ``.po`` is compiled in memory when its language is
first used: a checkout works as it is, and an edited translation shows at the next
start. Babel reads and compiles; it is imported only then.
"""

from __future__ import annotations

import gettext
import io
import logging
from pathlib import Path

log = logging.getLogger(__name__)

DOMAIN = "aurax"
LOCALE_DIR = Path(__file__).with_name("locale")


def po_file(code: str, folder: Path = LOCALE_DIR) -> Path:
    return folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(code: str, folder: Path = LOCALE_DIR) -> gettext.NullTranslations:
    """The catalog of language ``code``: its ``.mo`` when that is as new as its ``.po``,
    else its ``.po`` compiled now. English (no translation) when it has neither, or when
    the catalog cannot be read (said in the log: a damaged catalog never stops the
    program, it only leaves it in English)."""
    po = po_file(code, folder)
    mo = po.with_suffix(".mo")
    try:
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as stream:
                return gettext.GNUTranslations(stream)
        if po.is_file():
            return gettext.GNUTranslations(io.BytesIO(compiled(po, code)))
    except (OSError, ValueError, LookupError, SyntaxError) as exc:
        # gettext raises OSError for a damaged .mo; Babel raises ValueError, SyntaxError
        # and LookupError (an unknown locale) for a damaged .po
        log.warning("The %s catalog could not be read (%s): English is used", code, exc)
    return gettext.NullTranslations()


def compiled(po: Path, code: str) -> bytes:
    """The ``.mo`` file's bytes for ``po`` (fuzzy translations left out, as ``msgfmt``
    and ``pybabel compile`` leave them)."""
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - only when compiling
    from babel.messages.pofile import PoFileError, read_po  # noqa: PLC0415

    with po.open("rb") as stream:
        try:
            catalog = read_po(stream, locale=code, abort_invalid=True)
        except PoFileError as exc:
            raise ValueError(f"{po.name}: {exc}") from exc
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def shipped(folder: Path = LOCALE_DIR) -> list[str]:
    """The languages with a catalog in ``folder``, by code."""
    return sorted(po.parent.parent.name for po in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compile_all(folder: Path = LOCALE_DIR) -> list[Path]:
    """Every ``.po`` in ``folder`` compiled to the ``.mo`` beside it (for the build);
    the files written."""
    written = []
    for code in shipped(folder):
        po = po_file(code, folder)
        mo = po.with_suffix(".mo")
        mo.write_bytes(compiled(po, code))
        written.append(mo)
    return written
