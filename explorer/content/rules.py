"""The reading list's rule book (rules/suggestions.toml, rules/safety.toml): conditions over the
answers, and what each kind of rule does when they hold."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import Field, field_validator, model_validator

from explorer.content.answers import ANSWER_KEYS, Answers
from explorer.content.base import SLUG, Frozen, check_placeholders
from explorer.content.documents import Topic

Relevance = Literal["safety", "preference", "interest", "general"]
# Safety information (overdose) outranks everything a preference can add up to.
RELEVANCE_WEIGHT: dict[str, int] = {"safety": 100, "preference": 3, "interest": 2, "general": 1}


class Condition(Frozen):
    """One line of a rule's `when`: an answer key, a test, and the values it tests against."""

    key: str
    test: Literal["is", "is_not", "includes", "excludes"]
    values: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_key_and_values(self) -> Condition:
        if self.key not in ANSWER_KEYS:
            raise ValueError(f"unknown answer key {self.key!r} (answer keys: {', '.join(ANSWER_KEYS)})")
        if (self.key == "interests") != (self.test in ("includes", "excludes")):
            raise ValueError(
                "interests take { includes = ... } or { excludes = ... }; other keys a value, "
                "a list of values, or { not = ... }"
            )
        allowed = Answers.allowed_values(self.key)
        for value in self.values:
            if value not in allowed:
                raise ValueError(f"{self.key!r} has no value {value!r} (allowed: {', '.join(allowed)})")
        return self


RawTest = Union[str, list[str], dict[str, Union[str, list[str]]]]


def _parse_when(raw: dict[str, RawTest]) -> tuple[Condition, ...]:
    """Reads the TOML forms documented in rules/suggestions.toml into Conditions."""
    conditions = []
    tests: dict[str, Literal["is_not", "includes", "excludes"]] = {
        "not": "is_not",
        "includes": "includes",
        "excludes": "excludes",
    }
    for key, spec in raw.items():
        test: Literal["is", "is_not", "includes", "excludes"] = "is"
        given: str | list[str]
        if isinstance(spec, dict):
            if len(spec) != 1 or next(iter(spec)) not in tests:
                raise ValueError(
                    f"{key!r}: expected one of {{ not = ... }}, {{ includes = ... }}, {{ excludes = ... }}"
                )
            word, given = next(iter(spec.items()))
            test = tests[word]
        else:
            given = spec
        values = (given,) if isinstance(given, str) else tuple(given)
        conditions.append(Condition(key=key, test=test, values=values))
    return tuple(conditions)


class Rule(Frozen):
    id: str = Field(pattern=SLUG)
    when: tuple[Condition, ...] = ()

    @field_validator("when", mode="before")
    @classmethod
    def _read_when(cls, value: object) -> object:
        return _parse_when(value) if isinstance(value, dict) else value


class SuggestRule(Rule):
    sections: tuple[str, ...] = Field(min_length=1)
    reason: str = Field(min_length=1)
    relevance: Relevance

    _placeholders = field_validator("reason")(check_placeholders)


class CautionRule(Rule):
    topics: tuple[Topic, ...] = Field(min_length=1)
    lead: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    quote_from: str


class WithholdRule(Rule):
    topics: tuple[Topic, ...] = Field(min_length=1)
    why: str = Field(min_length=1)


def check_rule_book(rules: tuple[Rule, ...], fallbacks: tuple[Rule, ...], fallback_needed: str) -> None:
    """A rule book's ids are unique, and one of `fallbacks` applies always (`when = {}`)."""
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise ValueError(f"duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    if not any(not rule.when for rule in fallbacks):
        raise ValueError(f"no fallback: {fallback_needed}")


class RuleBook(Frozen):
    suggest: tuple[SuggestRule, ...] = Field(min_length=1)
    caution: tuple[CautionRule, ...] = ()
    withhold: tuple[WithholdRule, ...] = ()

    @model_validator(mode="after")
    def _unique_ids_and_a_fallback(self) -> RuleBook:
        check_rule_book(
            self.all(), self.suggest, "one suggestion rule needs `when = {}` so every answer gets a suggestion"
        )
        return self

    def all(self) -> tuple[Rule, ...]:
        return (*self.suggest, *self.caution, *self.withhold)
