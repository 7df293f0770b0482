"""One section (`show ID`), every section (`sections`) and what the content is (`about`), as JSON."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from explorer.content.documents import Topic
from explorer.published.base import Part, Published, absent_when_none
from explorer.published.notes import Note
from explorer.published.reading_list import SOURCE

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog
    from explorer.content.documents import Section
    from explorer.content.notes import ShownNote


class SectionPage(Published):
    """One section of the documents, verbatim, with the explorer's own notes on it set apart."""

    id: str = Field(description="The section's id.")
    title: str = Field(description="Its title, from its document.")
    source: str = Field(description=SOURCE)
    topics: tuple[Topic, ...] = Field(description="What it is about.")
    text: str = Field(description="Its text, verbatim; paragraphs separated by a blank line.")
    translation: str | SkipJsonSchema[None] = absent_when_none(
        "An unofficial translation of `text` into the output's `lang` (never the document's own words); "
        "absent in English, and where the section has no current translation."
    )
    notes: tuple[Note, ...] = Field(description="The explorer's own notes on it (not from the documents).")


def section_json(section: Section, notes: Sequence[ShownNote]) -> dict[str, Any]:
    return SectionPage.model_validate({**dict(section), "notes": notes}).to_json()


class Document(Part):
    """One of the five source documents."""

    file: str = Field(description="Its file name: what a section's `source` holds.")
    label: str = Field(description="How a reader names it: its own title and the kind of source it is.")


class ListedSection(Part):
    """A section, without its text (`show ID` prints it)."""

    id: str = Field(description="The section's id.")
    title: str = Field(description="Its title, from its document.")
    source: str = Field(description=SOURCE)
    topics: tuple[Topic, ...] = Field(description="What it is about.")


class SectionsListing(Published):
    """Every section quoted from the documents, in reading order, and the documents they come from."""

    documents: tuple[Document, ...] = Field(description="The source documents.")
    sections: tuple[ListedSection, ...] = Field(description="Every section, in the documents' order.")


def sections_json(catalog: Catalog) -> dict[str, Any]:
    listing = {"documents": tuple(catalog.documents.values()), "sections": tuple(catalog.sections.values())}
    return SectionsListing.model_validate(listing).to_json()


class About(Published):
    """What the content is: the decision it helps with, where its words come from, how current it is
    and who made it."""

    title: str = Field(description="The heading.")
    paragraphs: tuple[str, ...] = Field(description="The text, one paragraph each.")
    checked: datetime.date = Field(description="The day the explorer's notes were last checked against their sources.")


def about_json() -> dict[str, Any]:
    from explorer.referral import CONTENT_CHECKED, about_lines, about_title

    return About(
        title=about_title(), paragraphs=about_lines(), checked=datetime.date.fromisoformat(CONTENT_CHECKED)
    ).to_json()
