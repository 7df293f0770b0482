"""Checks the glossary (data/glossary.toml): the few words the documents and notes cannot avoid,
each in one plain sentence of the explorer's own. What a run reads of it is content/glossary.py."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator

from explorer.content.base import SLUG, Content
from explorer.content.glossary import LONGEST_DEFINITION
from explorer.content.models.notes import NOTE_ADVICE
from explorer.content.toml import read_entries
from explorer.errors import CatalogError


class Term(Content):
    """A word and what it means, in one sentence; `also` lists other forms the texts use."""

    id: str = Field(pattern=SLUG)
    term: str = Field(min_length=1)
    also: tuple[str, ...] = ()
    means: str = Field(min_length=1)

    @field_validator("means")
    @classmethod
    def _one_plain_sentence(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value.endswith(".") or ". " in value or "? " in value:
            raise ValueError("one sentence, ending with a full stop")
        if len(value.split()) > LONGEST_DEFINITION:
            raise ValueError(f"at most {LONGEST_DEFINITION} words")
        if any(mark in value for mark in '“”"'):
            raise ValueError("the explorer's own words: no quotation marks")
        found = NOTE_ADVICE.search(value)
        if found:
            raise ValueError(f"a definition informs, it does not advise: {found.group(0)!r}")
        return value


def check_glossary(root: Path) -> list[Term]:
    """`root/data/glossary.toml`, checked, in file order; raises CatalogError naming the file and
    the entry."""
    path = root / "data" / "glossary.toml"
    terms = read_entries(path, "term", Term)
    seen: dict[str, str] = {}
    for term in terms:
        for word in (term.term, *term.also):
            key = word.lower()
            if key in seen:
                raise CatalogError(path, f"{word!r} is already defined by {seen[key]}", f"term {term.id}")
            seen[key] = f"term {term.id}"
    return terms
