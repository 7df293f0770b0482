"""The interactive terminal as one object: its menus, how it shows and wraps text, how it reads a
line, its size. The session, the questionnaire, the reader and the save offer take one; tests
pass their own. Light on purpose: no prompt library is imported here."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import IO

from explorer.ask.menus import Menus
from explorer.render.text import wrap

MAX_WIDTH = 100  # long lines are hard to read, even on a wide terminal


def width_of(stream: IO[str] | None) -> int:
    """The width to wrap at: the terminal's (one column spare, at most MAX_WIDTH), else 80 (also
    for a closed stream)."""
    if stream is not None and stream.isatty():
        return max(20, min(shutil.get_terminal_size((80, 24)).columns - 1, MAX_WIDTH))
    return 80


def _print(text: str) -> None:
    print(text, flush=True)


class Terminal:
    """Not a dataclass: importing dataclasses would cost every run, --help included, about 8 ms."""

    def __init__(
        self,
        menus: Menus,
        width: int = 80,
        rows: int = 24,
        show: Callable[[str], None] = _print,  # prints text as it is (already laid out)
        read_line: Callable[[str], str] = input,  # the pager's prompt; Ctrl-D raises EOFError
    ) -> None:
        self.menus, self.width, self.rows, self.show, self.read_line = menus, width, rows, show, read_line

    def say(self, text: str) -> None:
        """Prints the app's own words, wrapped at the terminal's width."""
        self.show(wrap(text, self.width))
