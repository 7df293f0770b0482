"""The five documents and the sections quoted from them (data/documents.toml, data/sections.toml),
as a run reads them; content/models/documents.py checks them."""

from __future__ import annotations

from typing import Any, Literal

from explorer.content.records import Record

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


class Document(Record):
    """One source document. A reader sees it by its `title` (its own first heading, verbatim) or,
    when it has none, by `described_as` (the explorer's words, never quoted), followed by `kind`
    (a plain word about the kind of source). The file name is for the JSON and the checks."""

    __slots__ = ("file", "sha256", "title", "described_as", "kind")
    file: str
    sha256: str
    title: str | None
    described_as: str | None
    kind: str

    @property
    def name(self) -> str:
        """Short: the title in quotation marks, or the explorer's description, marked as such."""
        return self.name_in("en")

    @property
    def label(self) -> str:
        """The name and the kind of source, as the reading list and the summary show it."""
        return self.label_in("en")

    def name_in(self, language: str) -> str:
        """`name` in `language` (the title stays the document's own, in English)."""
        if self.title:
            return f"“{self.title}”"
        return f"{self.described_as}, {_DESCRIBED[language]}"

    def label_in(self, language: str) -> str:
        """`label` in `language`; `kind` and `described_as` are already in it (content/translation.py)."""
        if self.title:
            return f"“{self.title}” ({self.kind})"
        return f"{self.described_as} ({_UNTITLED[language]}, {_DESCRIBED[language]}; {self.kind})"


# Words around the explorer's description of an untitled document (Spanish: no word that must agree
# with the description's gender).
_DESCRIBED = {"en": "described by the explorer", "es": "en palabras del explorador"}
_UNTITLED = {"en": "untitled", "es": "sin título"}


class Section(Record):
    """A section quoted from a document: `text` is always the verbatim English; `translation` is an
    unofficial translation of it in the catalog's language (None in English, or when there is no
    current one: content/translation.py)."""

    __slots__ = ("id", "title", "source", "topics", "text", "translation")
    id: str
    title: str
    source: str
    topics: tuple[Topic, ...]
    text: str
    translation: str | None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Section:
        return cls(
            id=data["id"],
            title=data["title"],
            source=data["source"],
            topics=tuple(data["topics"]),
            text=data["text"],
            translation=data.get("translation"),
        )
