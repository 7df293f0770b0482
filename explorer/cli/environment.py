"""The process the explorer runs in, as one object: made once by main and handed to the commands,
the session and the save offer, so that nothing else reads the standard streams or the clock.

It holds the standard streams (whether each is a terminal, what each can encode), the terminal's
size (read when asked, so a resize is followed) and kind, --plain, the language, the clock, and
what the run found out or changed on the way: the streams that broke, the summaries saved, the
terminal's mode to put back, the signal handlers it replaced (explorer/cli/ending.py uses these).
Tests make one with fake streams, a fixed size and a fixed day instead of patching sys.

Imports only modules the interpreter has already loaded before main starts, so that main can make
it and install the signal handlers before anything slow is imported.
"""

from __future__ import annotations

import os
import sys

from explorer.cli.streams import put, read_line
from explorer.i18n.choice import language_of_locale

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    import datetime
    from collections.abc import Mapping
    from contextlib import AbstractContextManager
    from pathlib import Path
    from typing import IO, Any, TextIO

MAX_WIDTH = 100  # long lines are hard to read, even on a wide terminal
UNKNOWN_SIZE = (80, 24)  # columns and lines where no terminal says otherwise
UNIVERSAL_ENCODINGS = ("utf-8", "utf8", "utf-16", "utf-32", "utf-8-sig")


def is_terminal(stream: IO[str] | None) -> bool:
    """False for a closed stream too (None, or one whose file is closed)."""
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):
        return False


class Environment:
    """The standard streams, the terminal, the options that say how to show things, the language,
    the clock, and the run's records. `environ` (the process's variables unless given) supplies
    TERM and the COLUMNS and LINES that override the terminal's size; `size` fixes the size and
    `today` the day (for tests); `language` the language spoken ("en" or "es"; by default the
    locale's, from `environ`). Not a dataclass: importing dataclasses costs every start ~8 ms."""

    def __init__(
        self,
        stdin: TextIO | None,
        stdout: TextIO | None,
        stderr: TextIO | None,
        *,
        environ: Mapping[str, str] | None = None,
        size: tuple[int, int] | None = None,
        today: datetime.date | None = None,
        language: str | None = None,
    ) -> None:
        self.stdin, self.stdout, self.stderr = stdin, stdout, stderr  # None: closed
        self.environ: Mapping[str, str] = os.environ if environ is None else environ
        self.fixed_size, self.fixed_day = size, today
        # "en" or "es": given, else the locale's (main changes it where --lang says otherwise)
        self.language = language or language_of_locale(self.environ)
        self.plain = False  # --plain: numbered menus, no colours, the comparison as a list
        self.saved: list[Path] = []  # summaries written: an interruption says where they are
        self.broken: set[int] = set()  # ids of streams that failed: never tried again
        self.terminal_mode: list[Any] | None = None  # termios attributes as the program found them
        self.replaced_handlers: dict[int, Any] = {}  # signal number -> the handler before main's
        self.replaced_unraisablehook: Any = None  # sys.unraisablehook before main's
        # How a stopping signal ends the run (explorer/cli/ending.py): the first that arrived, its
        # KeyboardInterrupt on its way to main, main's net taking over (later ones change nothing),
        # steps under way that a stop must not cut.
        self.stopping: int | None = None
        self.stop_raised = False
        self.ending = False
        self.held = 0

    @classmethod
    def of_process(cls) -> Environment:
        """The streams and variables of this process, as they are now."""
        return cls(sys.stdin, sys.stdout, sys.stderr)

    # ---- the terminal ------------------------------------------------------------------------

    @property
    def stdin_isatty(self) -> bool:
        return is_terminal(self.stdin)

    @property
    def stdout_isatty(self) -> bool:
        return is_terminal(self.stdout)

    @property
    def terminal_kind(self) -> str:
        """TERM: "dumb" asks for numbered menus; "" where it is not set."""
        return self.environ.get("TERM", "")

    def size(self) -> tuple[int, int]:
        """Columns and lines: COLUMNS and LINES where set, else the terminal's (standard output's),
        else 80 by 24; read anew at each call, so a resized terminal is followed."""
        if self.fixed_size is not None:
            return self.fixed_size
        columns, lines = (_positive(self.environ.get(name)) for name in ("COLUMNS", "LINES"))
        if (not columns or not lines) and self.stdout is not None:
            try:
                measured = os.get_terminal_size(self.stdout.fileno())
                columns, lines = columns or measured.columns, lines or measured.lines
            except (AttributeError, ValueError, OSError):  # not a file, closed, not a terminal
                pass
        return columns or UNKNOWN_SIZE[0], lines or UNKNOWN_SIZE[1]

    def width_on(self, stream: IO[str] | None) -> int:
        """The width to wrap at on `stream`: the terminal's (one column spare, at most MAX_WIDTH),
        or 80 where the stream is not a terminal (a pipe, a file, a closed stream)."""
        if is_terminal(stream):
            return max(20, min(self.size()[0] - 1, MAX_WIDTH))
        return 80

    def width(self) -> int:
        """The width to wrap standard output at."""
        return self.width_on(self.stdout)

    # ---- what standard output can show ---------------------------------------------------------

    def can_show(self, text: str) -> bool:
        """Whether standard output's encoding has every character of `text`."""
        try:
            text.encode(getattr(self.stdout, "encoding", None) or "ascii")
        except (UnicodeEncodeError, LookupError):
            return False
        return True

    def encodes_everything(self) -> bool:
        """Standard output takes any character (a UTF encoding): nothing needs an ASCII stand-in."""
        encoding = getattr(self.stdout, "encoding", None) or "utf-8"
        return encoding.lower().replace("_", "-") in UNIVERSAL_ENCODINGS

    def show(self, text: str) -> None:
        """Prints text as it is (already laid out) on standard output, at once."""
        if self.stdout is None:
            raise OSError("standard output is closed")
        put(self.stdout, text + "\n")

    def read_line(self, prompt: str) -> str:
        """A line typed at the terminal, after `prompt` (the numbered menus, the pager); Ctrl-D on an
        empty line raises EOFError. Not input(): see streams.read_line."""
        if self.stdout is not None:
            put(self.stdout, prompt)
        if self.stdin is None:
            raise EOFError
        return read_line(self.stdin)

    # ---- the clock and the run's records -------------------------------------------------------

    def today(self) -> datetime.date:
        """The day, for the notes' review-by dates and the summary's date."""
        if self.fixed_day is not None:
            return self.fixed_day
        import datetime  # here: --help never needs it

        return datetime.date.today()

    def holding_stops(self) -> AbstractContextManager[None]:
        """While it lasts, a stopping signal waits; the run stops as soon as it ends."""
        from explorer.cli.signals import HeldStops

        return HeldStops(self)

    def record_save(self, path: Path) -> None:
        """A summary was written: an interruption from now on must say where it is."""
        self.saved.append(path)

    def stream_works(self, stream: IO[str] | None) -> bool:
        return stream is not None and id(stream) not in self.broken

    def mark_broken(self, stream: IO[str] | None) -> None:
        self.broken.add(id(stream))


def _positive(value: str | None) -> int:
    """COLUMNS or LINES as a number of cells; 0 where unset or not a positive number."""
    try:
        number = int(value or 0)
    except ValueError:
        return 0
    return max(number, 0)
