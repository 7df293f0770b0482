"""The source web pages' debris that must never reach a reader: phone numbers and advertising."""

from __future__ import annotations

import re

# Debris of the source web pages that must never reach a reader (see DEVELOPERS.md).
PHONE_NUMBER = re.compile(r"\+?\d[\d\s().-]{6,}\d")
# Searched in the lower-cased text: lower() plus a plain search is a third of what re.IGNORECASE
# costs over the 58 sections, on every run.
PROMOTIONAL_WORDS = re.compile(
    r"call us|call addiction advice|helpline information|where do calls go|scroll to top"
    r"|rehabs\.org|addiction advice online"
)


def promotional_text(text: str) -> str | None:
    """The first phone number or piece of the sites' advertising in `text`, if any."""
    found = PHONE_NUMBER.search(text) or PROMOTIONAL_WORDS.search(text.lower())
    return found.group(0) if found else None
