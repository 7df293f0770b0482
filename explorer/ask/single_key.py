"""One key at a time, without Enter: the pager's keys where the menus take single keys too (the
arrow-key menus). With --plain and on simple terminals the pager reads lines instead, as the
numbered menus do.

The terminal is switched out of line editing only while a key is awaited and put back at once;
Ctrl-C and Ctrl-\\ still raise their signals (the terminal keeps ISIG), and Ctrl-D ends like end of
input (EOFError). Bytes are read one at a time, so keys typed ahead of the next menu stay in the
terminal for it. While waiting, a change of the window's size ends the wait with RESIZED, so the
page can be laid out again for the window as it is.
"""

from __future__ import annotations

import os
import select
import termios
from collections.abc import Callable
from typing import TextIO

RESIZED = "resized"  # not a key: the window changed size while the key was awaited
ENTER, SPACE, ESCAPE, OTHER = "enter", "space", "escape", "other"
POLL = 0.2  # seconds between two looks at the window's size
SEQUENCE_PAUSE = 0.05  # the rest of an escape sequence (an arrow key) comes within this
ERASE_LINE = "\r\x1b[K"

NAMED = {"\r": ENTER, "\n": ENTER, " ": SPACE}


class SingleKeys:
    """Reads keys from `stdin` (a terminal), showing a prompt on `stdout` and erasing it once the
    key is read; `size` is the window's size, asked while waiting."""

    def __init__(self, stdin: TextIO, stdout: TextIO, size: Callable[[], tuple[int, int]]) -> None:
        self.fd, self.stdout, self.size = stdin.fileno(), stdout, size

    def __call__(self, prompt: str) -> str:
        self.stdout.write(prompt)
        self.stdout.flush()
        try:
            return self._key()
        finally:
            self.stdout.write(ERASE_LINE)
            self.stdout.flush()

    def _key(self) -> str:
        saved = termios.tcgetattr(self.fd)
        keys = termios.tcgetattr(self.fd)
        keys[3] &= ~(termios.ICANON | termios.ECHO)
        keys[6][termios.VMIN], keys[6][termios.VTIME] = 1, 0
        termios.tcsetattr(self.fd, termios.TCSANOW, keys)
        try:
            started = self.size()
            while not self._ready(POLL):
                if self.size() != started:
                    return RESIZED
            return self._decode()
        finally:
            termios.tcsetattr(self.fd, termios.TCSANOW, saved)

    def _ready(self, timeout: float) -> bool:
        return bool(select.select([self.fd], [], [], timeout)[0])

    def _decode(self) -> str:
        first = os.read(self.fd, 1)
        if first == b"\x1b":
            if not self._ready(SEQUENCE_PAUSE):
                return ESCAPE
            first = os.read(self.fd, 1)
            if first in (b"[", b"O"):  # an arrow or function key: one key, read to its end, ignored
                self._sequence_rest(first)
                return OTHER
            # Esc then another key (Alt+key, or Esc then Enter): that key, as the menus take it.
        if not first or first == b"\x04":  # end of input, or Ctrl-D
            raise EOFError
        if first[0] >= 0x80:  # the rest of a character of several bytes
            needed = 1 if first[0] < 0xE0 else 2 if first[0] < 0xF0 else 3
            first += os.read(self.fd, needed)
        text = first.decode("utf-8", errors="replace")
        return NAMED.get(text, text.lower() if text.isprintable() else OTHER)

    def _sequence_rest(self, introducer: bytes) -> None:
        """Reads the rest of an escape sequence: one byte after ESC O, parameters up to the final
        byte (@ to ~) after ESC [."""
        while self._ready(SEQUENCE_PAUSE):
            byte = os.read(self.fd, 1)
            if introducer == b"O" or not byte or 0x40 <= byte[0] <= 0x7E:
                return
