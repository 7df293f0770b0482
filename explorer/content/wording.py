"""Adapts the app's own sentences to whom the reader is exploring for: "you" or "the person you
care about". English content says {you} and {your}; content/base.py refuses any other placeholder
in the English data. Its Spanish (data/es/) says {usted} and {su}, which read "usted" / "su ser
querido" and "su": in Spanish both readers take the same verb forms (both are third person), so
one sentence serves both. A placeholder says its own language, so a Spanish sentence is worded in
Spanish, and an English one left untranslated in English, whatever the caller passes.
No pydantic here: the rendering of the app's own words must not pay for it."""

from __future__ import annotations

import re
from functools import lru_cache

PLACEHOLDER = re.compile(r"\{(\w*)\}")
KNOWN_PLACEHOLDERS = frozenset({"you", "your"})
SPANISH_PLACEHOLDERS = frozenset({"usted", "su"})

_WORDS = {
    "self": {"you": "you", "your": "your", "usted": "usted", "su": "su"},
    "someone_else": {"you": "the person you care about", "your": "their", "usted": "su ser querido", "su": "su"},
    "unsure": {"you": "you", "your": "your", "usted": "usted", "su": "su"},
}


@lru_cache(maxsize=1024)  # the same few sentences, worded for each profile evaluated
def personalize(text: str, for_whom: str, language: str = "en") -> str:
    """`text` worded for `for_whom`; `language` is accepted for callers that pass the catalog's,
    but the placeholders themselves say which language to word them in."""
    words = _WORDS[for_whom]
    return PLACEHOLDER.sub(lambda match: words[match.group(1)], text)
