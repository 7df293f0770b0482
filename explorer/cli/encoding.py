"""Output on terminals that cannot show every character (a latin-1 or ASCII locale): typographic
marks print as their ASCII look-alikes, anything else as "?", instead of an encoding error.
Streams that can encode everything (UTF-8, the usual case) are unaffected."""

from __future__ import annotations

import codecs
import io

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
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


def tolerate_narrow_encodings(*streams: IO[str] | None) -> None:
    """Characters a stream's encoding lacks print as look-alikes (or "?") from now on."""
    for stream in streams:
        if not isinstance(stream, io.TextIOWrapper):  # closed (None), or a test's capture
            continue
        try:
            stream.reconfigure(errors=ERRORS)
        except (ValueError, OSError):  # a stream whose file is closed
            pass
