"""The explorer's own notes as a reader sees them on a given day: `ShownNote` (with whether it may
be out of date) and the `Source` each rests on. Output models (pydantic): they are part of the
Result, the comparison and the summary, and their JSON is the scripting contract's. The note as
data/notes.toml declares it is a record (content/notes.py), checked by content/models/notes.py."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field

from explorer.content.base import Frozen
from explorer.content.notes import NoteKind


class Source(Frozen):
    """A public source a note rests on."""

    publisher: str = Field(min_length=1)
    title: str = Field(min_length=1)
    address: str = Field(pattern=r"^https://[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$")
    date: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")


class ShownNote(Frozen):
    """A note as shown to a reader: the explorer's words, its sources, and whether it may be out
    of date on the day it is shown."""

    by: Literal["the explorer"] = "the explorer"
    id: str
    name: str  # how a reader names it ("lost tolerance"); not in the JSON contract
    kind: NoteKind
    text: str
    checked: datetime.date
    review_by: datetime.date | None = None
    may_be_out_of_date: bool = False
    sources: tuple[Source, ...] = Field(min_length=1)
