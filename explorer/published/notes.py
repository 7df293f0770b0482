"""The explorer's own notes as every output publishes them: its words, dated, with their sources;
never a quote from the documents."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from explorer.content.notes import NoteKind
from explorer.published.base import Part, absent_when_none


class NoteSource(Part):
    """A public source a note rests on."""

    publisher: str = Field(description="Who published it (an agency, a journal, a manufacturer).")
    title: str = Field(description="Its title.")
    address: str = Field(description="Its web address (https).")
    date: str = Field(description="Its date: YYYY, YYYY-MM or YYYY-MM-DD.")


NOTE_DESCRIPTIONS = {
    "by": 'Always "the explorer": a note is the explorer\'s own words, never a quote from the documents.',
    "id": "The note's id (data/notes.toml).",
    "kind": "correction: a statement of the documents is wrong or outdated; update: they are right but "
    "incomplete about something that changed; safety: something safety depends on that they leave out; "
    "context: a fact that balances what they say.",
    "text": "The note, in plain words.",
    "checked": "The day the note was last checked against its sources.",
    "review_by": "The day after which it may be out of date (notes about rules that change).",
    "may_be_out_of_date": "Whether the review-by day had passed on the day of the output.",
    "sources": "The public sources it rests on.",
}


class Note(Part):
    """One of the explorer's own notes: its words, dated, resting on public sources; never a quote."""

    by: Literal["the explorer"] = Field(description=NOTE_DESCRIPTIONS["by"])
    id: str = Field(description=NOTE_DESCRIPTIONS["id"])
    kind: NoteKind = Field(description=NOTE_DESCRIPTIONS["kind"])
    text: str = Field(description=NOTE_DESCRIPTIONS["text"])
    checked: datetime.date = Field(description=NOTE_DESCRIPTIONS["checked"])
    review_by: datetime.date | None = Field(description=NOTE_DESCRIPTIONS["review_by"] + " null: none.")
    may_be_out_of_date: bool = Field(description=NOTE_DESCRIPTIONS["may_be_out_of_date"])
    sources: tuple[NoteSource, ...] = Field(description=NOTE_DESCRIPTIONS["sources"])


class CellNote(Note):
    """One of the explorer's own notes beside a cell of the comparison (`review_by` absent where
    there is none)."""

    review_by: datetime.date | SkipJsonSchema[None] = absent_when_none(
        NOTE_DESCRIPTIONS["review_by"] + " Absent: none."
    )
