"""The interactive terminal as one object: its menus, how it shows and wraps text, how it reads a
line or a single key, its size (read anew each time it is asked, so a resized window is followed
from the next screen on). The session makes it from the Environment (explorer/cli/environment.py);
the questionnaire, the reader and the save offer take one; tests pass their own. Light on
purpose: no prompt library is imported here."""

from __future__ import annotations

from collections.abc import Callable

from explorer.ask.menus import Menus
from explorer.render.text import wrap


def _print(text: str) -> None:
    print(text, flush=True)


class Terminal:
    """Not a dataclass: importing dataclasses would cost every run, --help included, about 8 ms.

    `size` (columns to wrap at, lines) is asked at every use; without it, `width` and `rows` are
    fixed. `read_key`, where the terminal can give single keys, reads one without Enter (see
    explorer/ask/single_key.py); without it, the pager reads lines. `plain`: words instead of
    rule lines and other marks, for screen readers (--plain)."""

    def __init__(
        self,
        menus: Menus,
        width: int = 80,
        rows: int = 24,
        show: Callable[[str], None] = _print,  # prints text as it is (already laid out)
        read_line: Callable[[str], str] = input,  # the pager's prompt; Ctrl-D raises EOFError
        *,
        size: Callable[[], tuple[int, int]] | None = None,
        read_key: Callable[[str], str] | None = None,
        plain: bool = False,
    ) -> None:
        self.menus, self.show, self.read_line = menus, show, read_line
        self.size = size or (lambda: (width, rows))
        self.read_key, self.plain = read_key, plain

    @property
    def width(self) -> int:
        """The width to wrap at, now."""
        return self.size()[0]

    @property
    def rows(self) -> int:
        """The window's height in lines, now."""
        return self.size()[1]

    def say(self, text: str) -> None:
        """Prints the app's own words, wrapped at the terminal's width."""
        self.show(wrap(text, self.width))
