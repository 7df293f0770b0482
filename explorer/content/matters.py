""" "What matters to me" (data/matters.toml) as a run reads it: the seven priorities, the options in
their one fixed order, and what the documents and the explorer's notes say about each point for
each option. content/models/matters.py checks it; the rules choosing which points and questions are
shown are in the rule book (content/rules.py, MatterRule). Nothing here weighs, scores or orders
options: the order is the file's, always."""

from __future__ import annotations

from typing import Any

from explorer.content.records import Record
from explorer.i18n import N_

# Where the documents say nothing: here and in the comparison's silent cells (content/comparison.py
# takes it from here, since a scripted run loads this module and never the comparison).
SILENT = N_("The documents say nothing about this.")


class RatingChoice(Record):
    __slots__ = ("value", "label")
    value: str
    label: str


class Option(Record):
    __slots__ = ("id", "label")
    id: str
    label: str


class Said(Record):
    """What is said about one point for one option (or for all): a quote with its section and/or
    the explorer's notes; `silent` where the documents say nothing, on purpose."""

    __slots__ = ("quote", "section", "notes", "silent", "translation")
    quote: str | None
    section: str | None
    notes: tuple[str, ...]
    silent: bool
    translation: str | None  # of the quote, in the catalog's language (content/translation.py)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Said:
        return cls(
            quote=data["quote"],
            section=data["section"],
            notes=tuple(data["notes"]),
            silent=data["silent"],
            translation=data.get("translation"),
        )


class Priority(Record):
    __slots__ = ("key", "name", "prompt", "says", "about_all")
    key: str
    name: str
    prompt: str
    says: dict[str, Said]
    about_all: Said | None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Priority:
        about_all = data["about_all"]
        return cls(
            key=data["key"],
            name=data["name"],
            prompt=data["prompt"],
            says={option: Said.from_data(said) for option, said in data["says"].items()},
            about_all=None if about_all is None else Said.from_data(about_all),
        )


class MattersContent(Record):
    """data/matters.toml: four choices, the options in order, each priority once."""

    __slots__ = ("heading", "intro", "not_weighed", "step_help", "step_prompt", "choices", "options", "priorities")
    heading: str
    intro: str
    not_weighed: str
    step_help: str
    step_prompt: str
    choices: tuple[RatingChoice, ...]
    options: tuple[Option, ...]
    priorities: tuple[Priority, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> MattersContent:
        return cls(
            **{key: data[key] for key in ("heading", "intro", "not_weighed", "step_help", "step_prompt")},
            choices=tuple(RatingChoice(**choice) for choice in data["choices"]),
            options=tuple(Option(**option) for option in data["options"]),
            priorities=tuple(Priority.from_data(priority) for priority in data["priorities"]),
        )

    def label_of(self, rating: str) -> str:
        return next(c.label for c in self.choices if c.value == rating)
