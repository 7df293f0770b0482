"""The glossary (data/glossary.toml) as a run reads it: the few words the documents and notes
cannot avoid, each in one plain sentence of the explorer's own; content/models/glossary.py checks
it. Loaded with the catalog (Catalog.glossary); shown elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from explorer.content.records import Record

LONGEST_DEFINITION = 25  # words: one short sentence


class Term(Record):
    """A word and what it means, in one sentence; `also` lists other forms the texts use."""

    __slots__ = ("id", "term", "also", "means")
    id: str
    term: str
    also: tuple[str, ...]
    means: str

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Term:
        return cls(id=data["id"], term=data["term"], also=tuple(data["also"]), means=data["means"])


def glossary_from_data(data: list[dict[str, Any]]) -> dict[str, Term]:
    return {term["id"]: Term.from_data(term) for term in data}


def load_glossary(root: Path | None = None) -> dict[str, Term]:
    """`root/data/glossary.toml` (by default under content_root()), checked, by id, in file order;
    raises CatalogError naming the file and the entry."""
    from explorer.content.models.glossary import check_glossary
    from explorer.content.resources import content_root

    return glossary_from_data([term.model_dump(mode="json") for term in check_glossary(root or content_root())])
