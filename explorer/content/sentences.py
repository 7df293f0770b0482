"""Whole sentences: a quote must start where a sentence of its source starts and end where one
ends. The loaders call these once, at load; `check_quote` is their one check of a quote taken from
a section (a caution, a comparison cell, a point of "what matters")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from explorer.content.toml import squash
from explorer.errors import CatalogError


class Section(Protocol):
    """A section as a check reads it: checked (content/models/documents.py) or a record."""

    @property
    def text(self) -> str: ...


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


def check_quote(
    path: Path, quote: str, section_id: str | None, sections: Mapping[str, Section], entry: str, cites: str = "cites"
) -> None:
    """Raises CatalogError (naming `path` and `entry`) unless `quote` is whole sentences, verbatim,
    of the known section `section_id`. `cites`: the verb of the message for an unknown section."""
    section = sections.get(section_id or "")
    if section is None:
        raise CatalogError(path, f"{cites} unknown section {section_id!r}", entry)
    if squash(quote) not in squash(section.text):
        raise CatalogError(path, f"quote is not verbatim in section {section_id!r}", entry)
    if not whole_sentences(quote, section.text):
        raise CatalogError(
            path, f"quote does not start and end at a sentence boundary of section {section_id!r}", entry
        )
