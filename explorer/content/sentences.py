"""Whole sentences: a quote must start where a sentence of its source starts and end where one
ends. Pure functions; the loaders call them once, at load."""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends with one of these, perhaps followed by a closing quote or bracket.
_ENDS = re.compile(r"[.!?:…][\"”’)\]]*$")
# Before a quote's first word: the end of a sentence, or a line's start, perhaps after a bullet.
_BEFORE = re.compile(r"(?:[.!?:…][\"”’)\]]*\s*|(?:^|\n)\s*(?:[•*-]\s*)?)$")


@lru_cache(maxsize=64)  # each document is the source of many quotes: normalized once, not per quote
def _lines(text: str) -> str:
    """Whitespace-insensitive within a line; line breaks kept, since a line ends a sentence."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def whole_sentences(quote: str, source: str) -> bool:
    """True when `quote` stands in `source` (whitespace aside) starting and ending at sentence
    boundaries, at one of its places at least."""
    wanted, text = " ".join(quote.split()), _lines(source)
    if not wanted:
        return False
    at = text.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        starts = at == 0 or _BEFORE.search(text[max(0, at - 8) : at]) is not None
        ends = _ENDS.search(wanted) is not None or end == len(text) or text[end] == "\n"
        if starts and ends:
            return True
        at = text.find(wanted, at + 1)
    return False
