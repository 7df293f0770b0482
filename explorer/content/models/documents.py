"""Checks the five documents and the sections quoted from them (data/documents.toml,
data/sections.toml); what a run reads of them is content/documents.py."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from explorer.content.base import SLUG, Content
from explorer.content.documents import Topic


class Document(Content):
    """One source document: its file, pinned by sha256; its own title (verbatim) or the explorer's
    description of it; the kind of source."""

    file: str = Field(pattern=r"^[\w.-]+\.txt$")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str | None = Field(default=None, min_length=1)
    described_as: str | None = Field(default=None, min_length=1, pattern=r"^[^“”\"]+$")
    kind: str = Field(min_length=1)

    @model_validator(mode="after")
    def _a_title_or_a_description(self) -> Document:
        if (self.title is None) == (self.described_as is None):
            raise ValueError("needs either `title` (its own, verbatim) or `described_as` (the explorer's words)")
        return self


class Section(Content):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    source: str
    topics: tuple[Topic, ...] = Field(min_length=1)
    text: str

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value.strip()
