"""Checks the reading list's rule book (rules/suggestions.toml, rules/safety.toml, rules/notes.toml,
rules/order.toml, rules/matters.toml): conditions over the answers, what each kind of rule does when
they hold, and the ordering policy. What a run reads of it is content/rules.py. `Rule` and
`check_rule_book` also check the summary's rule book (summary/models.py)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from explorer.content.answers import CONDITION_KEYS, Answers, check_priority
from explorer.content.base import SLUG, Content, check_placeholders
from explorer.content.documents import Topic
from explorer.content.rules import RELEVANCES, Relevance


class Condition(Content):
    """One line of a rule's `when`: an answer key, a test, and the values it tests against."""

    key: str
    test: Literal["is", "is_not", "includes", "excludes"]
    values: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_key_and_values(self) -> Condition:
        if self.key not in CONDITION_KEYS:
            raise ValueError(f"unknown answer key {self.key!r} (answer keys: {', '.join(CONDITION_KEYS)})")
        if (self.key == "interests") != (self.test in ("includes", "excludes")):
            raise ValueError(
                "interests take { includes = ... } or { excludes = ... }; other keys a value, "
                "a list of values, or { not = ... }"
            )
        allowed = Answers.allowed_values(self.key)
        seen: set[str] = set()
        for value in self.values:
            if value not in allowed:
                raise ValueError(f"{self.key!r} has no value {value!r} (allowed: {', '.join(allowed)})")
            # A value named twice means nothing more, and each costs the rule engine a level of its
            # definition's recursion (durable-rules fails past a few hundred).
            if value in seen:
                raise ValueError(f"{self.key!r} names {value!r} twice")
            seen.add(value)
        return self


RawTest = str | list[str] | dict[str, str | list[str]]


def _parse_when(raw: dict[str, RawTest]) -> tuple[Condition, ...]:
    """Reads the TOML forms documented in rules/suggestions.toml into Conditions."""
    conditions: list[Condition] = []
    tests: dict[str, Literal["is_not", "includes", "excludes"]] = {
        "not": "is_not",
        "includes": "includes",
        "excludes": "excludes",
    }
    for key, spec in raw.items():
        if key == "matters" and isinstance(spec, dict):  # `matters.visits = ...`: a priority's rating
            nested = {f"matters.{priority}": value for priority, value in spec.items()}
            conditions.extend(_parse_when(nested))  # type: ignore[arg-type]
            continue
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


class Rule(Content):
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

    @field_validator("reason")
    @classmethod
    def _one_clause_lead(cls, value: str) -> str:
        # The reading list joins the leads of an entry's reasons into one sentence
        # (render/result.py entry_detail): a lead must be one clause, ending at the colon.
        lead = value.partition(": ")[0]
        if re.search(r"[.!?;] ", lead):
            raise ValueError(f"a reason's lead is one clause, without a sentence break: {lead!r}")
        return value


class CautionRule(Rule):
    topics: tuple[Topic, ...] = Field(min_length=1)
    lead: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    quote_from: str


class WithholdRule(Rule):
    topics: tuple[Topic, ...] = Field(min_length=1)
    why: str = Field(min_length=1)


class AttachRule(Rule):
    """Attaches the explorer's own notes to the whole reading list or to sections by topic
    (rules/notes.toml)."""

    notes: tuple[str, ...] = Field(min_length=1)
    list: bool = False
    topics: tuple[Topic, ...] = ()
    why: str = Field(min_length=1)

    @model_validator(mode="after")
    def _one_place(self) -> AttachRule:
        if self.list == bool(self.topics):
            raise ValueError("attaches either to the list (list = true) or to sections by topics, not both or neither")
        return self


class NotYetRule(Rule):
    """Sections having one of `topics` cannot be started yet, given the answers (rules/order.toml)."""

    topics: tuple[Topic, ...] = Field(min_length=1)
    why: str = Field(min_length=1)


class FiguresRule(Rule):
    """Offers outcome figures (data/figures.toml) in the reading list (rules/figures.toml)."""

    figures: tuple[str, ...] = Field(min_length=1)
    why: str = Field(min_length=1)


class MatterRule(Rule):
    """A rule of rules/matters.toml ("what matters to me"): shows a point (`row`) or adds a
    question under it (`ask`)."""

    priority: str
    question: str = Field(min_length=1)
    why: str = Field(min_length=1)

    _placeholders = field_validator("question")(check_placeholders)

    _known_priority = field_validator("priority")(check_priority)


class Tier(Content):
    id: str = Field(pattern=SLUG)
    relevance: Relevance
    can_start: bool | None = None  # None: both
    says: str = Field(min_length=1)
    heading: str = Field(min_length=1, max_length=40)  # the group's heading on screen


class OrderPolicy(Content):
    """The reading list's order, tier by tier (rules/order.toml); every (relevance, can_start)
    in exactly one tier."""

    tiers: tuple[Tier, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_place_taken_once(self) -> OrderPolicy:
        taken: dict[tuple[str, bool], str] = {}
        for tier in self.tiers:
            for can_start in (True, False) if tier.can_start is None else (tier.can_start,):
                key = (tier.relevance, can_start)
                if key in taken:
                    raise ValueError(
                        f"tier {tier.id!r} takes {tier.relevance} sections (can_start = "
                        f"{str(can_start).lower()}), already taken by {taken[key]!r}"
                    )
                taken[key] = tier.id
        for relevance in RELEVANCES:
            for can_start in (True, False):
                if (relevance, can_start) not in taken:
                    raise ValueError(f"no tier takes {relevance} sections with can_start = {str(can_start).lower()}")
        # A heading names one run of tiers: coming back later, it would show one group twice.
        runs = [t.heading for i, t in enumerate(self.tiers) if i == 0 or self.tiers[i - 1].heading != t.heading]
        for heading in runs:
            if runs.count(heading) > 1:
                raise ValueError(
                    f"heading {heading!r} comes back after another heading: tiers sharing one must be together"
                )
        return self


def check_rule_book(rules: tuple[Rule, ...], fallbacks: tuple[Rule, ...], fallback_needed: str) -> None:
    """A rule book's ids are unique, and one of `fallbacks` applies always (`when = {}`)."""
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise ValueError(f"duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    if not any(not rule.when for rule in fallbacks):
        raise ValueError(f"no fallback: {fallback_needed}")


class RuleBook(Content):
    suggest: tuple[SuggestRule, ...] = Field(min_length=1)
    caution: tuple[CautionRule, ...] = ()
    withhold: tuple[WithholdRule, ...] = ()
    attach: tuple[AttachRule, ...] = ()
    not_yet: tuple[NotYetRule, ...] = ()
    order: OrderPolicy
    matter_rows: tuple[MatterRule, ...] = ()  # rules/matters.toml
    matter_asks: tuple[MatterRule, ...] = ()
    figures: tuple[FiguresRule, ...] = ()  # rules/figures.toml

    @model_validator(mode="after")
    def _unique_ids_and_a_fallback(self) -> RuleBook:
        check_rule_book(
            self.all(), self.suggest, "one suggestion rule needs `when = {}` so every answer gets a suggestion"
        )
        return self

    def all(self) -> tuple[Rule, ...]:
        """Every rule the engine evaluates: all of them are facts over the same answers."""
        return (
            *self.suggest,
            *self.caution,
            *self.withhold,
            *self.attach,
            *self.not_yet,
            *self.matter_rows,
            *self.matter_asks,
            *self.figures,
        )
