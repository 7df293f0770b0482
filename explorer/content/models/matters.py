"""Checks "what matters to me" (data/matters.toml, rules/matters.toml): the seven priorities, the
options in their one fixed order, what the documents and the explorer's notes say about each point
for each option, and the rules choosing which points and questions are shown. What a run reads of
it is content/matters.py and content/rules.py.

Checked like the sections: every quote verbatim and whole sentences of the section
it names, every note known, every option answered on every point. Nothing here weighs, scores or
orders options: the order is the file's, always.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError, field_validator, model_validator

from explorer.content.answers import PRIORITY_KEYS, RATINGS, Rating, check_priority
from explorer.content.base import SLUG, Content, check_placeholders
from explorer.content.models.documents import Section
from explorer.content.models.notes import Note
from explorer.content.models.rules import MatterRule
from explorer.content.sentences import check_quote
from explorer.content.toml import first_problem, read_entries, read_toml, tables
from explorer.errors import CatalogError


class RatingChoice(Content):
    value: Rating
    label: str = Field(min_length=1)


class Option(Content):
    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)


class Said(Content):
    """What is said about one point for one option (or for all): a quote with its section and/or
    the explorer's notes; `silent` where the documents say nothing, on purpose."""

    quote: str | None = Field(default=None, min_length=1)
    section: str | None = None
    notes: tuple[str, ...] = ()
    silent: bool = False

    @model_validator(mode="after")
    def _a_quote_or_silence(self) -> Said:
        if (self.quote is None) != (self.section is None):
            raise ValueError("a quote needs its section, and a section its quote")
        if self.silent and self.quote is not None:
            raise ValueError("silent = true goes with no quote")
        if not (self.quote or self.notes or self.silent):
            raise ValueError("says nothing: give a quote and its section, notes, or silent = true")
        return self


class Priority(Content):
    key: str
    name: str = Field(min_length=1)
    prompt: str = Field(min_length=1)
    says: dict[str, Said]
    about_all: Said | None = None

    _placeholders = field_validator("prompt")(check_placeholders)

    _known_key = field_validator("key")(check_priority)

    @field_validator("about_all")
    @classmethod
    def _says_something(cls, value: Said | None) -> Said | None:
        if value is not None and value.silent:
            raise ValueError("about_all says something (a quote or notes), or is left out")
        return value


class MattersContent(Content):
    """data/matters.toml, checked: four choices, the options in order, each priority once."""

    heading: str = Field(min_length=1)
    intro: str = Field(min_length=1)
    not_weighed: str = Field(min_length=1)
    step_help: str = Field(min_length=1)
    step_prompt: str = Field(min_length=1)
    choices: tuple[RatingChoice, ...]
    options: tuple[Option, ...] = Field(min_length=1)
    priorities: tuple[Priority, ...]

    _placeholders = field_validator("heading", "intro", "not_weighed", "step_help", "step_prompt")(check_placeholders)

    @model_validator(mode="after")
    def _complete(self) -> MattersContent:
        if tuple(c.value for c in self.choices) != RATINGS:
            raise ValueError(f"choices must be exactly, in this order: {', '.join(RATINGS)}")
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError("an option is listed twice")
        keys = [p.key for p in self.priorities]
        if sorted(keys) != sorted(PRIORITY_KEYS):
            raise ValueError(f"must declare each of {', '.join(PRIORITY_KEYS)} exactly once")
        for priority in self.priorities:
            if set(priority.says) != set(ids):
                raise ValueError(f"priority {priority.key!r}: says must answer each option: {', '.join(ids)}")
            for option, said in priority.says.items():
                if said.quote is None and not said.silent:
                    raise ValueError(
                        f"priority {priority.key!r}, {option}: without a quote, say silent = true on purpose"
                    )
        return self


def _check_said(path: Path, said: Said, entry: str, sections: dict[str, Section], notes: dict[str, Note]) -> None:
    if said.quote is not None:
        check_quote(path, said.quote, said.section, sections, entry)
    for note_id in said.notes:
        if note_id not in notes:
            raise CatalogError(path, f"names unknown note {note_id!r} (data/notes.toml)", entry)


def load_matters_content(data: Path, sections: dict[str, Section], notes: dict[str, Note]) -> MattersContent:
    path = data / "matters.toml"
    raw = read_toml(path)
    for table in ("choice", "option", "priority"):
        tables(path, raw.get(table, []), table)
    try:
        content = MattersContent.model_validate(
            {
                **{k: raw.get(k) for k in ("heading", "intro", "not_weighed", "step_help", "step_prompt")},
                "choices": raw.get("choice", []),
                "options": raw.get("option", []),
                "priorities": raw.get("priority", []),
            }
        )
    except ValidationError as error:
        raise CatalogError(path, first_problem(error)) from None
    for priority in content.priorities:
        for option, said in priority.says.items():
            _check_said(path, said, f"priority {priority.key}, {option}", sections, notes)
        if priority.about_all:
            _check_said(path, priority.about_all, f"priority {priority.key}, about_all", sections, notes)
    return content


def load_matter_rules(path: Path) -> tuple[tuple[MatterRule, ...], tuple[MatterRule, ...]]:
    """(the `row` rules, the `ask` rules) of rules/matters.toml; every priority needs a row rule."""
    rows = read_entries(path, "row", MatterRule)
    asks = read_entries(path, "ask", MatterRule)
    shown = {rule.priority for rule in rows}
    missing = [key for key in PRIORITY_KEYS if key not in shown]
    if missing:
        raise CatalogError(path, f"no row rule shows {', '.join(missing)}")
    return tuple(rows), tuple(asks)


def noted(content: MattersContent) -> set[str]:
    """The notes this content shows (so that none is counted as attached to nothing)."""
    found: set[str] = set()
    for priority in content.priorities:
        for said in (*priority.says.values(), priority.about_all):
            if said is not None:
                found.update(said.notes)
    return found
