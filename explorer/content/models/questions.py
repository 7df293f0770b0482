"""Checks the questions (data/questions.toml) against the answer contract; what a run reads of
them is content/questions.py."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from explorer.content.answers import ANSWER_KEYS, Answers, ForWhom
from explorer.content.base import Content, check_placeholders


class Choice(Content):
    value: str
    label: str = Field(min_length=1)
    # The readers it is offered to, by their answer to "Who are you exploring options for?"
    # (empty: everyone). An answers file may give any value of the contract, whoever it is for.
    readers: tuple[ForWhom, ...] = ()


class Question(Content):
    key: str
    name: str = Field(min_length=1)
    kind: Literal["select", "checkbox"]
    prompt: str = Field(min_length=1)
    help: str = Field(min_length=1)
    choices: tuple[Choice, ...] = Field(min_length=2)

    _placeholders = field_validator("prompt", "help")(check_placeholders)

    @model_validator(mode="after")
    def _matches_the_answer_contract(self) -> Question:
        if self.key not in ANSWER_KEYS:
            raise ValueError(f"unknown question key {self.key!r} (answer keys: {', '.join(ANSWER_KEYS)})")
        expected = Answers.allowed_values(self.key)
        values = tuple(c.value for c in self.choices)
        if sorted(values) != sorted(expected):
            raise ValueError(f"choices of {self.key!r} must be exactly {', '.join(expected)}")
        if "unsure" not in values:
            raise ValueError(f'{self.key!r} needs an "I\'m not sure" choice (value unsure)')
        if (self.kind == "checkbox") != (self.key == "interests"):
            raise ValueError(f"{self.key!r} has the wrong kind {self.kind!r}")
        return self
