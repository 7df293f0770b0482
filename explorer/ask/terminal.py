"""The interactive terminal as one object: its menus, how it shows and wraps text, how it reads a
line, its size. The session makes it from the Environment (explorer/cli/environment.py); the
questionnaire, the reader and the save offer take one; tests pass their own. Light on purpose: no
prompt library is imported here."""

from __future__ import annotations

from collections.abc import Callable

from explorer.ask.menus import Menus
from explorer.render.text import wrap


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
