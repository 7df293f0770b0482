"""What every model shares: frozen, no unknown fields. What every content model (read from the
content files) shares besides: no control characters in any of its text. Ids are slugs; the app's
own sentences use only the known placeholders."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from explorer.content.wording import KNOWN_PLACEHOLDERS, PLACEHOLDER
from explorer.render.printable import control_characters_in, shown

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def check_placeholders(text: str) -> str:
    unknown = set(PLACEHOLDER.findall(text)) - KNOWN_PLACEHOLDERS
    if unknown:
        raise ValueError(f"unknown placeholder {{{sorted(unknown)[0]}}} (known: {{you}}, {{your}})")
    return text


def no_control_characters(value: Any) -> Any:
    """Text (a string, or the strings of a tuple, list, set or mapping) with no control character
    but the line end and the tab: an escape sequence in a title would be an instruction to the
    terminal (set its title, write the clipboard, clear the screen), whichever way the content was
    loaded (the package, TREATMENT_EXPLORER_CONTENT, a translation)."""
    if isinstance(value, str):
        found = control_characters_in(value)
        if found:
            raise ValueError(
                f"holds the control character {shown(found[0])}, which a terminal would take as an "
                "instruction; text may hold letters, spaces, line ends and tabs"
            )
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            no_control_characters(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            no_control_characters(key)
            no_control_characters(item)
    elif isinstance(value, BaseModel) and not isinstance(value, Content):  # a Content checked its own
        for item in value.__dict__.values():
            no_control_characters(item)
    return value


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Content(Frozen):
    """A model read from the content files: checked once, at load. (The models built from it for
    each run, such as a Result, are Frozen only: they hold text already checked.)"""

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        # Every field, whatever its type; a nested model has checked its own fields.
        return no_control_characters(value)
