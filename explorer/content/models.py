"""The pydantic models that guard every boundary: data files, answers, results. No I/O here."""

from __future__ import annotations

import re
from typing import Literal, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from explorer.content.wording import KNOWN_PLACEHOLDERS, PLACEHOLDER

Topic = Literal[
    "methadone", "buprenorphine", "naltrexone", "naloxone", "mat", "extended-release",
    "office-based", "clinic", "inpatient", "outpatient", "detox", "withdrawal",
    "behavioral-therapy", "cbt", "contingency-management", "motivational-interviewing",
    "support-groups", "side-effects", "understanding-addiction", "treatment-planning",
    "seeking-help", "traditional-approaches", "long-term-effects",
]

# The answer contract (also that of `--answers FILE`). "unsure" is the default everywhere.
ForWhom = Literal["self", "someone_else", "unsure"]
Setting = Literal["clinic_daily", "doctor_office", "residential", "outpatient_program", "unsure"]
Dosing = Literal["daily", "monthly", "no_medication", "unsure"]
Detox = Literal["not_started", "in_progress", "completed", "unsure"]
YesNo = Literal["yes", "no", "unsure"]
Interest = Literal[
    "how_medications_work", "side_effects", "withdrawal", "overdose",
    "understanding_addiction", "finding_a_program", "unsure",
]
Relevance = Literal["safety", "preference", "interest", "general"]
# Safety information (overdose) outranks everything a preference can add up to.
RELEVANCE_WEIGHT: dict[str, int] = {"safety": 100, "preference": 3, "interest": 2, "general": 1}

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _check_placeholders(text: str) -> str:
    unknown = set(PLACEHOLDER.findall(text)) - KNOWN_PLACEHOLDERS
    if unknown:
        raise ValueError(f"unknown placeholder {{{sorted(unknown)[0]}}} (known: {{you}}, {{your}})")
    return text


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Answers(_Frozen):
    """One person's general preferences. A missing key means "unsure"."""

    for_whom: ForWhom = "unsure"
    setting: Setting = "unsure"
    dosing: Dosing = "unsure"
    detox: Detox = "unsure"
    counseling: YesNo = "unsure"
    support_groups: YesNo = "unsure"
    interests: tuple[Interest, ...] = ()

    @field_validator("interests")
    @classmethod
    def _normalize_interests(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # Canonical order, no repeats; "I'm not sure" ticked means nothing in particular.
        return tuple(i for i in get_args(Interest) if i in value and i != "unsure")

    @classmethod
    def allowed_values(cls, key: str) -> tuple[str, ...]:
        annotation = cls.model_fields[key].annotation
        if key == "interests":
            annotation = get_args(annotation)[0]
        return get_args(annotation)


ANSWER_KEYS: tuple[str, ...] = tuple(Answers.model_fields)


class Document(_Frozen):
    file: str = Field(pattern=r"^[\w.-]+\.txt$")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str | None = None


class Section(_Frozen):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    source: str
    topics: tuple[Topic, ...] = Field(min_length=1)
    text: str

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value.strip()


class Choice(_Frozen):
    value: str
    label: str = Field(min_length=1)


class Question(_Frozen):
    key: str
    name: str = Field(min_length=1)
    kind: Literal["select", "checkbox"]
    prompt: str = Field(min_length=1)
    help: str = Field(min_length=1)
    choices: tuple[Choice, ...] = Field(min_length=2)

    _placeholders = field_validator("prompt", "help")(_check_placeholders)

    @model_validator(mode="after")
    def _matches_the_answer_contract(self) -> Question:
        if self.key not in ANSWER_KEYS:
            raise ValueError(f"unknown question key {self.key!r} (answer keys: {', '.join(ANSWER_KEYS)})")
        expected = Answers.allowed_values(self.key)
        values = tuple(c.value for c in self.choices)
        if sorted(values) != sorted(expected):
            raise ValueError(f"choices of {self.key!r} must be exactly {', '.join(expected)}")
        if "unsure" not in values:
            raise ValueError(f"{self.key!r} needs an \"I'm not sure\" choice (value unsure)")
        if (self.kind == "checkbox") != (self.key == "interests"):
            raise ValueError(f"{self.key!r} has the wrong kind {self.kind!r}")
        return self


class Condition(_Frozen):
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
    for key, spec in raw.items():
        if isinstance(spec, dict):
            if len(spec) != 1 or next(iter(spec)) not in ("not", "includes", "excludes"):
                raise ValueError(f"{key!r}: expected one of {{ not = ... }}, {{ includes = ... }}, {{ excludes = ... }}")
            word, values = next(iter(spec.items()))
            test = {"not": "is_not", "includes": "includes", "excludes": "excludes"}[word]
        else:
            test, values = "is", spec
        values = (values,) if isinstance(values, str) else tuple(values)
        conditions.append(Condition(key=key, test=test, values=values))
    return tuple(conditions)


class _Rule(_Frozen):
    id: str = Field(pattern=SLUG)
    when: tuple[Condition, ...] = ()

    @field_validator("when", mode="before")
    @classmethod
    def _read_when(cls, value: object) -> object:
        return _parse_when(value) if isinstance(value, dict) else value


class SuggestRule(_Rule):
    sections: tuple[str, ...] = Field(min_length=1)
    reason: str = Field(min_length=1)
    relevance: Relevance

    _placeholders = field_validator("reason")(_check_placeholders)


class CautionRule(_Rule):
    topics: tuple[Topic, ...] = Field(min_length=1)
    lead: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    quote_from: str


class WithholdRule(_Rule):
    topics: tuple[Topic, ...] = Field(min_length=1)
    why: str = Field(min_length=1)


def _check_rule_book(rules: tuple[_Rule, ...], fallbacks: tuple[_Rule, ...], fallback_needed: str) -> None:
    """A rule book's ids are unique, and one of `fallbacks` applies always (`when = {}`)."""
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise ValueError(f"duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    if not any(not rule.when for rule in fallbacks):
        raise ValueError(f"no fallback: {fallback_needed}")


class RuleBook(_Frozen):
    suggest: tuple[SuggestRule, ...] = Field(min_length=1)
    caution: tuple[CautionRule, ...] = ()
    withhold: tuple[WithholdRule, ...] = ()

    @model_validator(mode="after")
    def _unique_ids_and_a_fallback(self) -> RuleBook:
        _check_rule_book(self.all(), self.suggest, "one suggestion rule needs `when = {}` so every answer gets a suggestion")
        return self

    def all(self) -> tuple[_Rule, ...]:
        return (*self.suggest, *self.caution, *self.withhold)


class Suggestion(_Frozen):
    id: str
    title: str
    source: str
    topics: tuple[Topic, ...]
    reasons: tuple[str, ...] = Field(min_length=1)
    cautions: tuple[str, ...] = ()
    text: str
    source_label: str  # the source as a reader names it (not in the JSON contract)


class Result(_Frozen):
    """What the rules made of one person's answers. The referral is not part of it: every output
    gets it from render/finish.py."""

    answers: Answers
    suggestions: tuple[Suggestion, ...] = Field(min_length=1)
    # (question name, chosen label) in plain words, for the renderers (not in the JSON contract).
    preferences: tuple[tuple[str, str], ...]


# ---- the side-by-side comparison (data/comparison.toml) -----------------------------------------


class Column(_Frozen):
    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)


class Cell(_Frozen):
    """A short quote with the section it comes from, or `silent = true` where the documents say
    nothing: a deliberate statement, never an empty default."""

    quote: str | None = Field(default=None, min_length=1)
    section: str | None = None
    silent: bool = False

    @model_validator(mode="after")
    def _a_quote_or_silence(self) -> Cell:
        if self.silent and (self.quote or self.section):
            raise ValueError("a silent cell has no quote and no section")
        if not self.silent and not (self.quote and self.section):
            raise ValueError("needs a quote and its section, or silent = true")
        return self


class ComparisonRow(_Frozen):
    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)
    cells: dict[str, Cell]
    about_all: Cell | None = None  # what the documents say about the medications in general


class Comparison(_Frozen):
    intro: str = Field(min_length=1)
    columns: tuple[Column, ...] = Field(min_length=2)
    rows: tuple[ComparisonRow, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_row_fills_every_column(self) -> Comparison:
        ids = [c.id for c in self.columns]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate column id")
        for row in self.rows:
            if sorted(row.cells) != sorted(ids):
                raise ValueError(f"row {row.id!r} needs exactly one cell for each of {', '.join(ids)}")
        return self


# ---- the take-home summary (rules/summary.toml and the Summary itself) ---------------------------


class AskRule(_Rule):
    """A question the reader may want to ask a professional: always a question, never advice."""

    question: str = Field(min_length=1)

    @field_validator("question")
    @classmethod
    def _a_question_not_advice(cls, value: str) -> str:
        if not value.rstrip().endswith("?"):
            raise ValueError("must be phrased as a question (end with '?')")
        if re.search(r"\byou should\b|\bshould you\b|\bwe recommend\b|\byou must\b", value, re.IGNORECASE):
            raise ValueError("must ask, not advise")
        return _check_placeholders(value)


class MarkRule(_Rule):
    """Marks comparison columns that match a stated preference, saying which one."""

    columns: tuple[str, ...] = Field(min_length=1)
    matches: str = Field(min_length=1)


class SummaryRuleBook(_Frozen):
    ask: tuple[AskRule, ...] = Field(min_length=1)
    mark: tuple[MarkRule, ...] = ()

    @model_validator(mode="after")
    def _unique_ids_and_a_fallback(self) -> SummaryRuleBook:
        _check_rule_book(self.all(), self.ask, "one [[ask]] needs `when = {}` so every summary has a question")
        return self

    def all(self) -> tuple[_Rule, ...]:
        return (*self.ask, *self.mark)


class LinkedText(_Frozen):
    """A piece of a line; `href` only for the referral's own links."""

    text: str
    href: str | None = None


class Summary(_Frozen):
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    disclaimer: tuple[str, ...] = Field(min_length=1)
    preferences: tuple[tuple[str, str], ...]
    sections: tuple[Suggestion, ...] = Field(min_length=1)
    comparison: Comparison
    marks: dict[str, tuple[str, ...]]  # column id -> the preferences it matches
    questions: tuple[str, ...] = Field(min_length=1)
    referral_title: str
    referral: tuple[tuple[LinkedText, ...], ...] = Field(min_length=1)
