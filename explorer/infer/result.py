"""What the rules made of one person's answers: the reading list, ready for the renderers."""

from __future__ import annotations

from pydantic import Field

from explorer.content.answers import Answers
from explorer.content.base import Frozen
from explorer.content.documents import Topic
from explorer.content.notes import ShownNote


class Suggestion(Frozen):
    id: str
    title: str
    source: str
    topics: tuple[Topic, ...]
    reasons: tuple[str, ...] = Field(min_length=1)
    suggested_by: tuple[str, ...] = Field(min_length=1)  # the suggestion rules' ids
    cautions: tuple[str, ...] = ()
    notes: tuple[ShownNote, ...] = ()  # the explorer's own, never the documents'
    text: str  # verbatim, in English
    translation: str | None = None  # an unofficial translation of `text` in the catalog's language
    source_label: str  # the source as a reader names it (not in the JSON contract)
    group: str = ""  # the heading of its group in the session's list (rules/order.toml; not in the JSON contract)


class Quote(Frozen):
    """Whole sentences of a section, verbatim (checked at load), and their unofficial translation
    in the catalog's language, if it has one."""

    text: str
    translation: str | None = None
    section: str
    section_title: str
    source: str
    source_label: str  # the source as a reader names it (not in the JSON contract)


class Entry(Frozen):
    """What is said about one point for one option: a quote, or the documents' silence; then the
    explorer's own notes, never mixed with the quote."""

    option: str
    label: str
    quote: Quote | None = None
    silent: bool = False
    says: str | None = None  # the silence, in words, where there is no quote
    notes: tuple[ShownNote, ...] = ()


class Point(Frozen):
    """One priority rated "a lot" or "somewhat": every option, in the fixed order."""

    key: str
    name: str
    rating: str
    rating_label: str
    options: tuple[Entry, ...]
    about_all: Entry | None = None
    questions: tuple[str, ...]


class MattersSection(Frozen):
    """ "What matters to me": the points rated "a lot" or "somewhat", each with every option in
    the fixed order; never a score or an order by fit."""

    heading: str
    intro: str
    not_weighed: str
    points: tuple[Point, ...] = ()  # empty when nothing was rated "a lot" or "somewhat"


class Result(Frozen):
    """What the rules made of one person's answers. The referral is not part of it: every output
    gets it from render/finish.py."""

    answers: Answers
    notes: tuple[ShownNote, ...] = ()  # the explorer's own notes about the reading list as a whole
    suggestions: tuple[Suggestion, ...] = Field(min_length=1)
    # (question name, chosen label) in plain words, for the renderers (not in the JSON contract).
    preferences: tuple[tuple[str, str], ...]
    matters: MattersSection | None = None  # None when the optional step was skipped
    # The outcome figures the rules offer (ids in data/figures.toml, in rule order, each once):
    # the reading list's entry "What studies found, in numbers".
    figures: tuple[str, ...] = ()
