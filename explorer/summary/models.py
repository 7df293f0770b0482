"""The take-home summary's rules (rules/summary.toml) and the Summary itself."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from explorer.content.base import Content, Frozen, check_placeholders
from explorer.content.comparison_table import Comparison
from explorer.content.models.rules import Rule, check_rule_book
from explorer.content.notes import ShownNote
from explorer.infer.result import MattersSection, Suggestion
from explorer.render.figure_words import FigureWords

AskedOf = Literal["professional", "program", "counselor"]


class AskRule(Rule):
    """A question the reader may want to ask a professional: always a question, never advice.
    `of`: whom it is asked of; a family member's questions go to a program or a counselor."""

    question: str = Field(min_length=1)
    of: AskedOf = "professional"

    @field_validator("question")
    @classmethod
    def _a_question_not_advice(cls, value: str) -> str:
        if not value.rstrip().endswith("?"):
            raise ValueError("must be phrased as a question (end with '?')")
        if re.search(r"\byou should\b|\bshould you\b|\bwe recommend\b|\byou must\b", value, re.IGNORECASE):
            raise ValueError("must ask, not advise")
        return check_placeholders(value)


class MarkRule(Rule):
    """Marks comparison columns that match a stated preference, saying which one."""

    columns: tuple[str, ...] = Field(min_length=1)
    matches: str = Field(min_length=1)


class SummaryRuleBook(Content):
    ask: tuple[AskRule, ...] = Field(min_length=1)
    mark: tuple[MarkRule, ...] = ()

    @model_validator(mode="after")
    def _unique_ids_and_a_fallback(self) -> SummaryRuleBook:
        check_rule_book(self.all(), self.ask, "one [[ask]] needs `when = {}` so every summary has a question")
        return self

    def all(self) -> tuple[Rule, ...]:
        return (*self.ask, *self.mark)


class LinkedText(Frozen):
    """A piece of a line; `href` only for the referral's own links."""

    text: str
    href: str | None = None


class Summary(Frozen):
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    disclaimer: tuple[str, ...] = Field(min_length=1)
    preferences: tuple[tuple[str, str], ...]
    notes: tuple[ShownNote, ...] = ()  # the explorer's own notes about the reading list as a whole
    sections: tuple[Suggestion, ...] = Field(min_length=1)
    comparison: Comparison
    marks: dict[str, tuple[str, ...]]  # column id -> the preferences it matches
    # The documents the comparison quotes, as a reader names them (title and kind of source),
    # numbered from 1; a cell cites its document by that number, never by section id or file name.
    sources: tuple[str, ...] = Field(min_length=1)
    source_of: dict[str, int]  # section id -> its document's number in `sources`
    questions: tuple[str, ...] = Field(min_length=1)
    # For a family member or friend: (a heading, its questions), to a program, then to a counselor.
    family: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # "What matters to me": only when a priority was rated "a lot" or "somewhat".
    matters: MattersSection | None = None
    # The glossary's terms that the summary's text uses (quotes, reasons, notes, the table), each
    # with what it means.
    glossary: tuple[tuple[str, str], ...] = ()
    # What studies found, in numbers: the heading, the lines read with every figure, the figures.
    figures_heading: str = ""
    figures_read_with: tuple[str, ...] = ()
    figures: tuple[FigureWords, ...] = ()
    about_title: str
    about: tuple[str, ...] = Field(min_length=1)  # "About this content": what decision aids are judged on
    referral_title: str
    referral: tuple[tuple[LinkedText, ...], ...] = Field(min_length=1)
