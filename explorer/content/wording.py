"""Adapts the app's own sentences to whom the reader is exploring for: "you" or "the person you
care about". Only the placeholders {you} and {your} exist; content/base.py refuses any other in the data.
In Spanish both readers take the same verb forms ("usted" and "su ser querido" are
third person), so a Spanish sentence written around {you} and {your} ("su") reads right for both.
No pydantic here: the rendering of the app's own words must not pay for it."""

from __future__ import annotations

import re
from functools import lru_cache

PLACEHOLDER = re.compile(r"\{(\w*)\}")
KNOWN_PLACEHOLDERS = frozenset({"you", "your"})

_WORDS = {
    "en": {
        "self": {"you": "you", "your": "your"},
        "someone_else": {"you": "the person you care about", "your": "their"},
        "unsure": {"you": "you", "your": "your"},
    },
    "es": {
        "self": {"you": "usted", "your": "su"},
        "someone_else": {"you": "su ser querido", "your": "su"},
        "unsure": {"you": "usted", "your": "su"},
    },
}


@lru_cache(maxsize=1024)  # the same few sentences, worded for each profile evaluated
def personalize(text: str, for_whom: str, language: str = "en") -> str:
    words = _WORDS[language][for_whom]
    return PLACEHOLDER.sub(lambda match: words[match.group(1)], text)
