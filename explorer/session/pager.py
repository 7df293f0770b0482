"""The session's pager: a text a screenful at a time, laid out anew for the window as it is at
each screen (and at once when the window changes size while a key is awaited), until its end or
until the person goes back.

Keys: Enter (or Space) for the next screen, b or q to go back, s for the sources of the
explorer's notes on the page. Where the menus act on one key (the arrow-key menus), so does the
pager; with --plain it reads a line, as the numbered menus do. The text is given as a function
of the width (`lay_out`); its words do not change with the width, so the place reached is kept
by counting them: nothing is skipped when the window narrows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from explorer.ask.single_key import RESIZED
from explorer.ask.terminal import Terminal
from explorer.render.text import fill_phrases

NEXT_KEYS = ("", "enter", "space")  # a line of nothing (Enter) with --plain; Enter or Space as keys
BACK_KEYS = ("b", "q")  # b as the screen says; q too, the key that leaves a pager such as less
SOURCES_KEY = "s"
ORIGINAL_KEY = "o"  # a translated section's English original
FEWEST_LINES = 5  # a page shows at least this much text, however short the window


class Prompts(NamedTuple):
    """The pager's line between two screens (`more`) and after the last (`end`), as phrases: it
    wraps between them."""

    more: tuple[str, ...]
    end: tuple[str, ...]


class Shown(NamedTuple):
    """What the pager showed: the lines of text it put on screen, and whether the person read to
    the end (False: b or q went back)."""

    text: str
    to_the_end: bool


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def same_place(before: list[str], start: int, after: list[str]) -> int:
    """The line of `after` (the text laid out anew) to go on from, where `start` was in `before`:
    the first line with a word not yet shown, so that nothing is skipped."""
    seen, count = _words(before[:start]), 0
    for index, line in enumerate(after):
        words = len(line.split())
        if count + words > seen:
            return index
        count += words
    return len(after)


def page(
    terminal: Terminal,
    lay_out: Callable[[int], str],
    prompts: Prompts,
    sources: Callable[[int], str] | None = None,
    original: Callable[[int], str] | None = None,
) -> Shown:
    """Shows the text a screenful at a time; returns what was shown, and whether it was read to
    the end. `sources`, when the page has notes: their sources at a width, shown on s;
    `original`, when the page is a translation: the English original at a width, shown on o."""
    width = terminal.width
    lines = lay_out(width).rstrip("\n").split("\n")
    start, shown = 0, []
    while True:
        if terminal.width != width:  # the window changed since the last screen
            width, before = terminal.width, lines
            lines = lay_out(width).rstrip("\n").split("\n")
            start = same_place(before, start, lines)
        more, last_line = (fill_phrases(prompt, width - 4) for prompt in prompts)
        step = max(terminal.rows - 1 - max(len(more), len(last_line)), FEWEST_LINES)
        screen = lines[start : start + step]
        terminal.show("\n".join(screen))
        shown += screen
        at_the_end = start + step >= len(lines)
        key = _key(terminal, last_line if at_the_end else more, {SOURCES_KEY: sources, ORIGINAL_KEY: original})
        if key == RESIZED:
            continue  # the same place, laid out again for the window as it is now
        if key in BACK_KEYS:
            return Shown("\n".join(shown), False)
        if at_the_end:
            return Shown("\n".join(shown), True)
        start += step


def _key(terminal: Terminal, prompt: list[str], extras: dict[str, Callable[[int], str] | None]) -> str:
    """The key (or line) that moves the pager on: next, back or resized. s shows the sources, o
    the English original (where the page has them) and asks again; any other single key is
    ignored, any other line goes on (as Enter)."""
    *above, last = prompt
    if above:
        terminal.show("\n".join(above))
    while True:
        if terminal.read_key is None:
            answer = terminal.read_line(last + " ").strip().lower()
            answer = answer if answer in (*BACK_KEYS, *extras) else ""
        else:
            answer = terminal.read_key(last + " ")
        extra = extras.get(answer)
        if extra is not None:
            terminal.show("\n".join([extra(terminal.width), "", *above]))
            continue
        if answer in (*NEXT_KEYS, *BACK_KEYS, RESIZED) or terminal.read_key is None:
            return answer
