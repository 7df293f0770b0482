"""The explorer's own notes (data/notes.toml) as a run reads them: short, plain, dated, each
resting on named public sources; never a quote, never advice (content/models/notes.py checks that).
`Note` is what the file says; `ShownNote` (content/shown.py) is a note as a reader sees it on a
given day, with whether it may be out of date."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Literal

from explorer.content.records import Record

if TYPE_CHECKING:
    from explorer.content.documents import Topic
    from explorer.content.shown import ShownNote as ShownNote
    from explorer.content.shown import Source as Source

NoteKind = Literal["correction", "update", "safety", "context"]


class NoteSource(Record):
    """A public source a note rests on."""

    __slots__ = ("publisher", "title", "address", "date")
    publisher: str
    title: str
    address: str
    date: str


class Note(Record):
    """One of the explorer's own notes, with what it attaches to by itself (see data/notes.toml)."""

    __slots__ = ("id", "name", "kind", "text", "checked", "review_by", "sections", "topics", "cells", "sources")
    id: str
    name: str  # how a reader names it, after "the explorer's note on" ("lost tolerance")
    kind: NoteKind
    text: str
    checked: datetime.date
    review_by: datetime.date | None
    sections: tuple[str, ...]
    topics: tuple[Topic, ...]
    cells: tuple[str, ...]
    sources: tuple[NoteSource, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Note:
        review_by = data["review_by"]
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            text=data["text"],
            checked=datetime.date.fromisoformat(data["checked"]),
            review_by=None if review_by is None else datetime.date.fromisoformat(review_by),
            sections=tuple(data["sections"]),
            topics=tuple(data["topics"]),
            cells=tuple(data["cells"]),
            sources=tuple(NoteSource(**source) for source in data["sources"]),
        )

    def shown(self, today: datetime.date | None = None) -> ShownNote:
        from explorer.content.shown import ShownNote, Source

        day = today or datetime.date.today()
        # Built unchecked: the note and its sources were checked when the snapshot was made.
        return ShownNote.model_construct(
            id=self.id,
            name=self.name,
            kind=self.kind,
            text=self.text,
            checked=self.checked,
            review_by=self.review_by,
            sources=tuple(Source.model_construct(**source.model_dump()) for source in self.sources),
            may_be_out_of_date=self.review_by is not None and day > self.review_by,
        )


def __getattr__(name: str) -> Any:
    # ShownNote and Source are pydantic models: imported only by those that show a note, so that
    # listing the sections or the rules never builds them.
    if name in ("ShownNote", "Source"):
        from explorer.content import shown

        return getattr(shown, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
