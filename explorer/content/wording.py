"""Adapts the app's own sentences to whom the reader is exploring for: "you" or "the person you
care about". Only the placeholders {you} and {your} exist; content/base.py refuses any other in the data.
No pydantic here: the rendering of the app's own words must not pay for it."""

from __future__ import annotations

import re
from functools import lru_cache

PLACEHOLDER = re.compile(r"\{(\w*)\}")
KNOWN_PLACEHOLDERS = frozenset({"you", "your"})

_WORDS = {
    "self": {"you": "you", "your": "your"},
    "someone_else": {"you": "the person you care about", "your": "their"},
    "unsure": {"you": "you", "your": "your"},
}


@lru_cache(maxsize=1024)  # the same few sentences, worded for each profile evaluated
def personalize(text: str, for_whom: str) -> str:
    words = _WORDS[for_whom]
    return PLACEHOLDER.sub(lambda match: words[match.group(1)], text)
