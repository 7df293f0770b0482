"""The explorer's own words in the language chosen for the run (English or Spanish), through
gettext: the code says `_("Finish")`, and the Spanish comes from the catalog
explorer/locale/es/LC_MESSAGES/explorer.po (a file a translator can review), compiled to .mo by
the build and by `make`.

Words kept in module constants are marked with `N_` (found by the extraction, translated where
they are used, when the language is known). Only the chosen language is loaded: English loads
nothing and imports nothing, so the start-up of an English run is as it was. The language is
chosen once per run by main (explorer/i18n/choice.py decides which) and held here, as gettext
holds it: every module that speaks reads it.

Imports nothing at start: main imports this before anything slow.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    from gettext import NullTranslations

ENGLISH, SPANISH = "en", "es"
LANGUAGES = (ENGLISH, SPANISH)
DOMAIN = "explorer"

_catalog: NullTranslations | None = None  # None: English, the words as the code says them
_language = ENGLISH


def use(language: str) -> None:
    """Speaks `language` from now on; a language whose catalog cannot be read speaks English."""
    global _catalog, _language
    if language == ENGLISH or language not in LANGUAGES:
        _catalog, _language = None, ENGLISH
        return
    from explorer.i18n.messages import load

    _catalog = load(language)
    _language = language if _catalog is not None else ENGLISH


def language() -> str:
    """The language the explorer speaks in this run: "en" or "es"."""
    return _language


def _(message: str) -> str:
    """`message` (English, as the code says it) in the run's language."""
    return message if _catalog is None else _catalog.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """Marks a constant for the catalog; it is translated where it is used, with `_`."""
    return message


# The system's reasons for a failed read or write, as the C library words them in English: the
# catalog translates them like the explorer's own words (a reason not listed stays as it is).
SYSTEM_REASONS = (
    N_("Permission denied"),
    N_("No space left on device"),
    N_("Read-only file system"),
    N_("File name too long"),
    N_("No such file or directory"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("Too many levels of symbolic links"),
    N_("Disk quota exceeded"),
    N_("Input/output error"),
    N_("Operation not permitted"),
)


def reason(error: BaseException) -> str:
    """Why a read or write failed, in the run's language where the catalog knows the words."""
    return _(getattr(error, "strerror", None) or str(error))


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or the plural of a message, as the language counts."""
    if _catalog is None:
        return singular if count == 1 else plural
    return _catalog.ngettext(singular, plural, count)
