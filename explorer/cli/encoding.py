"""Output on terminals that cannot show every character (a latin-1 or ASCII locale): typographic
marks print as their ASCII look-alikes, anything else as "?", instead of an encoding error.
Streams that can encode everything (UTF-8, the usual case) are unaffected."""

from __future__ import annotations

import codecs
from typing import IO

ERRORS = "explorer-look-alike"
LOOK_ALIKES = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "–": "-",
    "—": "--",
    "…": "...",
    "•": "*",
    "─": "-",
    "»": ">",
    "○": "o",
    "●": "*",
    "®": "(R)",
    "©": "(C)",
    "™": "(TM)",
    "\u00a0": " ",
}


def _look_alike(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    unshowable = error.object[error.start : error.end]
    return "".join(LOOK_ALIKES.get(char, "?") for char in unshowable), error.end


codecs.register_error(ERRORS, _look_alike)


def tolerate_narrow_encodings(*streams: IO[str]) -> None:
    for stream in streams:
        try:
            stream.reconfigure(errors=ERRORS)  # type: ignore[attr-defined]
        except (AttributeError, ValueError, OSError):
            pass  # not a text stream we can reconfigure (a test's capture, a closed stream)


def can_show(text: str, stream: IO[str]) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True
