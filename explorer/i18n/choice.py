"""Which language a run speaks: `--lang es` or `--lang en` on the command line; without it, the
locale, read as GNU gettext reads it (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG): any Spanish
locale (es, es_US, es_MX, es_ES.UTF-8, ...) gives Spanish, anything else English.

LANGUAGE is a list in order of preference ("fr:es"): its first language the explorer speaks
decides. Of the other three, the first that is set decides, as in GNU gettext.

Imports nothing: main decides the language before anything else is loaded.
"""

from __future__ import annotations

from explorer.i18n import ENGLISH, LANGUAGES, SPANISH

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

# The first screen and --help say, in the other language, how to switch.
HOW_TO_SWITCH = {
    ENGLISH: "En español: treatment-explorer --lang es",
    SPANISH: "In English: treatment-explorer --lang en",
}


def _language_of(locale_name: str) -> str:
    """ "es_US.UTF-8@euro" -> "es"; "C" -> "c"."""
    return locale_name.split(".")[0].split("@")[0].split("_")[0].split("-")[0].strip().lower()


def language_of_locale(environ: Mapping[str, str]) -> str:
    """The language the locale asks for: "es" for any Spanish locale, else "en"."""
    for entry in environ.get("LANGUAGE", "").split(":"):
        if _language_of(entry) in LANGUAGES:
            return _language_of(entry)
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return SPANISH if _language_of(value) == SPANISH else ENGLISH
    return ENGLISH


def language_asked(argv: Sequence[str]) -> str | None:
    """The language given with --lang (before any "--"), if it is one the explorer speaks; the
    parser refuses any other value, in the locale's language."""
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        value = None
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None
