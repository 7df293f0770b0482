"""What every content model shares: frozen, no unknown fields; ids are slugs; the app's own
sentences use only the known placeholders."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from explorer.content.wording import KNOWN_PLACEHOLDERS, PLACEHOLDER

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def check_placeholders(text: str) -> str:
    unknown = set(PLACEHOLDER.findall(text)) - KNOWN_PLACEHOLDERS
    if unknown:
        raise ValueError(f"unknown placeholder {{{sorted(unknown)[0]}}} (known: {{you}}, {{your}})")
    return text


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
