"""Adapts the app's own sentences to whom the reader is exploring for: "you" or "the person you
care about". Only the placeholders {you} and {your} exist (models.KNOWN_PLACEHOLDERS)."""

from __future__ import annotations

from explorer.models import PLACEHOLDER

_WORDS = {
    "self": {"you": "you", "your": "your"},
    "someone_else": {"you": "the person you care about", "your": "their"},
    "unsure": {"you": "you", "your": "your"},
}


def personalize(text: str, for_whom: str) -> str:
    words = _WORDS[for_whom]
    return PLACEHOLDER.sub(lambda match: words[match.group(1)], text)
