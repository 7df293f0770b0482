"""The five documents and the sections quoted from them (data/documents.toml, data/sections.toml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from explorer.content.base import SLUG, Frozen

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


class Document(Frozen):
    file: str = Field(pattern=r"^[\w.-]+\.txt$")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str | None = None


class Section(Frozen):
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
