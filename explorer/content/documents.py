"""The five documents and the sections quoted from them (data/documents.toml, data/sections.toml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from explorer.content.base import SLUG, Content

Topic = Literal[
    "methadone",
    "buprenorphine",
    "naltrexone",
    "naloxone",
    "mat",
    "extended-release",
    "office-based",
    "clinic",
    "inpatient",
    "outpatient",
    "detox",
    "withdrawal",
    "behavioral-therapy",
    "cbt",
    "contingency-management",
    "motivational-interviewing",
    "support-groups",
    "side-effects",
    "understanding-addiction",
    "treatment-planning",
    "seeking-help",
    "traditional-approaches",
    "long-term-effects",
]


class Document(Content):
    """One source document. A reader sees it by its `title` (its own first heading, verbatim) or,
    when it has none, by `described_as` (the explorer's words, never quoted), followed by `kind`
    (a plain word about the kind of source). The file name is for the JSON and the checks."""

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

    @property
    def name(self) -> str:
        """Short: the title in quotation marks, or the explorer's description, marked as such."""
        return f"“{self.title}”" if self.title else f"{self.described_as}, described by the explorer"

    @property
    def label(self) -> str:
        """The name and the kind of source, as the reading list and the summary show it."""
        if self.title:
            return f"“{self.title}” ({self.kind})"
        return f"{self.described_as} (untitled, described by the explorer; {self.kind})"


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
