"""The questions (data/questions.toml) as a run reads them; content/models/questions.py checks
them against the answer contract."""

from __future__ import annotations

from typing import Any, Literal

from explorer.content.records import Record


class Choice(Record):
    __slots__ = ("value", "label", "readers")
    value: str
    label: str
    readers: tuple[str, ...]  # empty: offered to every reader

    def offered_to(self, for_whom: str) -> bool:
        return not self.readers or for_whom in self.readers


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
            choices=tuple(
                Choice(value=c["value"], label=c["label"], readers=tuple(c.get("readers", ()))) for c in data["choices"]
            ),
        )
