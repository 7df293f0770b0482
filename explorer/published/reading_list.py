"""The reading list as JSON (`--answers FILE --format json`): the answers, normalized; the
explorer's notes about the whole list; the suggested sections, each with why; and "what matters to
me" when it was answered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from explorer.content.answers import Answers, Rating
from explorer.content.documents import Topic
from explorer.published.base import Part, Published, absent_when_none
from explorer.published.notes import Note

if TYPE_CHECKING:
    from explorer.infer.result import MattersSection, Result

SOURCE = "The document's file name (data/; `sections --format json` gives how a reader names it)."


class Suggestion(Part):
    """One section of the documents on the reading list, quoted verbatim, with why it is there."""

    id: str = Field(description="The section's id (`show ID` prints it).")
    title: str = Field(description="The section's title, from its document.")
    source: str = Field(description=SOURCE)
    topics: tuple[Topic, ...] = Field(description="What the section is about.")
    reasons: tuple[str, ...] = Field(description="Why it is on the list: one sentence per rule that suggested it.")
    cautions: tuple[str, ...] = Field(description="What to know before reading it, quoting the documents; often none.")
    notes: tuple[Note, ...] = Field(description="The explorer's own notes on the section, set apart from its text.")
    text: str = Field(description="The section's text, verbatim; paragraphs separated by a blank line.")
    translation: str | SkipJsonSchema[None] = absent_when_none(
        "An unofficial translation of `text` into the output's `lang` (never the document's own words); "
        "absent in English, and where the section has no current translation."
    )


class Quote(Part):
    """Whole sentences of a section, verbatim."""

    text: str = Field(description="The quoted sentences.")
    translation: str | SkipJsonSchema[None] = absent_when_none(
        "An unofficial translation of `text` into the output's `lang`; absent in English and where there is none."
    )
    section: str = Field(description="The id of the section they come from.")
    section_title: str = Field(description="That section's title.")
    source: str = Field(description=SOURCE)


class Entry(Part):
    """What is said about one point for one option (or for all of them): a quote, or the
    documents' silence; then the explorer's own notes."""

    option: str = Field(description='The option\'s id, such as "methadone"; "all" for every option at once.')
    label: str = Field(description="The option, as a reader names it.")
    quote: Quote | None = Field(description="What the documents say; null where they say nothing.")
    silent: bool = Field(description="True where the documents say nothing about the point for this option.")
    says: str | None = Field(description='Where silent: "The documents say nothing about this."; else null.')
    notes: tuple[Note, ...] = Field(description="The explorer's own notes on the point for this option.")


class Point(Part):
    """One priority rated "a lot" or "somewhat": every option, always in the same order, never
    weighed or ranked."""

    key: str = Field(description="The priority's key in the answers' `matters`.")
    name: str = Field(description="The priority, in words.")
    rating: Rating = Field(description='How much it matters: "a_lot" or "somewhat".')
    rating_label: str = Field(description="The rating, in words.")
    options: tuple[Entry, ...] = Field(
        description="Every option, in the fixed order: methadone, buprenorphine, naltrexone, without medication."
    )
    about_all: Entry | None = Field(description="One more entry about every option at once, or null.")
    questions: tuple[str, ...] = Field(description="Questions to ask a healthcare professional about this point.")


class WhatMatters(Part):
    """ "What matters to me": the points the person rated as mattering, each with every option in
    the same order; never a score or an order by fit."""

    heading: str = Field(description="The section's heading.")
    intro: str = Field(description="What the section holds.")
    not_weighed: str = Field(description="The statement that the explorer does not weigh the options.")
    points: tuple[Point, ...] = Field(
        description='One per priority rated "a lot" or "somewhat", in the fixed order of the priorities; may be empty.'
    )


class ReadingList(Published):
    """The reading list for one set of answers: sections quoted verbatim from five documents, safety
    first, each with why it is suggested; the explorer's own notes set apart. Educational, not a
    diagnosis or a recommendation."""

    answers: Answers = Field(description="The answers, normalized: every key, `unsure` where none was given.")
    notes: tuple[Note, ...] = Field(description="The explorer's own notes about the whole list.")
    suggestions: tuple[Suggestion, ...] = Field(
        description="The sections to read, in reading order: safety first, then what fits the answers."
    )
    matters: WhatMatters | SkipJsonSchema[None] = absent_when_none(
        '"What matters to me": present only when a priority was rated other than "unsure".'
    )
    figures: tuple[str, ...] = Field(
        description='The reading list\'s entry "What studies found, in numbers": the ids of the outcome figures the '
        "rules offer (`compare --format json` gives each figure in full, key `figures`). Format 1.1 on."
    )


def reading_list_json(result: Result) -> dict[str, Any]:
    return ReadingList.model_validate(result).to_json()


def what_matters_json(section: MattersSection) -> dict[str, Any]:
    """ "What matters to me" alone, as the reading list's `matters` holds it."""
    return WhatMatters.model_validate(section).model_dump(mode="json")
