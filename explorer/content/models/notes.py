"""Checks the explorer's own notes (data/notes.toml): short, plain, dated, each resting on named
public sources; never a quote, never advice. What a run reads of a note is content/notes.py."""

from __future__ import annotations

import datetime
import re

from pydantic import ConfigDict, Field, field_validator, model_validator

from explorer.content.base import SLUG, Content
from explorer.content.documents import Topic
from explorer.content.notes import NoteKind
from explorer.content.shown import Source

# A note informs; it never advises (the content audit checks every note again, more widely).
NOTE_ADVICE = re.compile(
    r"\byou(?:'d| would)? (?:should|must|need to|have to|ought)\b|\bwe (?:recommend|advise)\b"
    r"|\b(?:start|stop|take) (?:taking )?(?:methadone|buprenorphine|naltrexone|naloxone)\b",
    re.IGNORECASE,
)
PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
LONGEST_NAME = 50  # characters: a short phrase, said in one line


class Note(Content):
    """One of the explorer's own notes, with what it attaches to by itself (see data/notes.toml)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: str = Field(pattern=SLUG)
    # How a reader names the note, after "the explorer's note on": shown in its heading, and alone
    # where the note was already shown in full ("see the explorer's note on lost tolerance").
    name: str = Field(min_length=1, max_length=LONGEST_NAME)
    kind: NoteKind
    text: str = Field(min_length=1)
    checked: datetime.date
    review_by: datetime.date | None = None
    sections: tuple[str, ...] = ()
    topics: tuple[Topic, ...] = ()
    cells: tuple[str, ...] = ()
    sources: tuple[Source, ...] = Field(alias="source", min_length=1)

    @field_validator("cells")
    @classmethod
    def _row_slash_column(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for cell in value:
            if not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", cell):
                raise ValueError(f"cell {cell!r} must read ROW/COLUMN")
        return value

    @field_validator("text")
    @classmethod
    def _own_words(cls, value: str) -> str:
        value = " ".join(value.split())
        if any(mark in value for mark in '“”"'):
            raise ValueError("a note is in the explorer's own words: no quotation marks")
        found = NOTE_ADVICE.search(value)
        if found:
            raise ValueError(f"a note informs, it does not advise: {found.group(0)!r}")
        found = PHONE.search(value)
        if found:
            raise ValueError(f"a note carries no phone number ({found.group(0)!r}); the referral has them")
        return value

    @model_validator(mode="after")
    def _review_after_check(self) -> Note:
        if self.review_by is not None and self.review_by <= self.checked:
            raise ValueError(f"review_by ({self.review_by}) must come after checked ({self.checked})")
        return self
