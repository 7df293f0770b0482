"""Finds and reads a language's compiled catalog (explorer/locale/LANG/LC_MESSAGES/explorer.mo).
In a checkout where it was not compiled yet, or is older than its .po (a translator's edit not
yet compiled), the .po itself is read, so that a run never shows older words than the .po's."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from explorer.i18n import DOMAIN

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def catalog_paths(language: str, root: Path = LOCALE_DIR) -> tuple[Path, Path]:
    """The .po and the .mo of `language`."""
    folder = root / language / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def load(language: str, root: Path = LOCALE_DIR) -> gettext.GNUTranslations | None:
    """The catalog of `language`, or None where there is none to read."""
    po, mo = catalog_paths(language, root)
    try:
        if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as file:
                return gettext.GNUTranslations(file)
        if po.exists():
            from explorer.i18n.po import mo_bytes, read_po, translations

            return gettext.GNUTranslations(io.BytesIO(mo_bytes(translations(read_po(po)))))
    except (OSError, ValueError, SyntaxError):  # unreadable or damaged: the English words
        return None
    return None
