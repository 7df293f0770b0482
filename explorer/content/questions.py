"""The questions (data/questions.toml) as a run reads them; content/models/questions.py checks
them against the answer contract."""

from __future__ import annotations

from typing import Any, Literal

from explorer.content.records import Record


class Choice(Record):
    __slots__ = ("value", "label")
    value: str
    label: str


class Question(Record):
    __slots__ = ("key", "name", "kind", "prompt", "help", "choices")
    key: str
    name: str
    kind: Literal["select", "checkbox"]
    prompt: str
    help: str
    choices: tuple[Choice, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Question:
        return cls(
            key=data["key"],
            name=data["name"],
            kind=data["kind"],
            prompt=data["prompt"],
            help=data["help"],
            choices=tuple(Choice(**choice) for choice in data["choices"]),
        )
