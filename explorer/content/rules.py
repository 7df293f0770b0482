"""The reading list's rule book (rules/suggestions.toml, rules/safety.toml, rules/notes.toml,
rules/order.toml, rules/matters.toml) as a run reads it: conditions over the answers, what each
kind of rule does when they hold, and the ordering policy. content/models/rules.py checks it."""

from __future__ import annotations

from typing import Any, Literal, get_args

from explorer.content.records import Record

Relevance = Literal["safety", "preference", "interest", "general"]
RELEVANCES: tuple[str, ...] = get_args(Relevance)  # highest first; the order itself is rules/order.toml
Test = Literal["is", "is_not", "includes", "excludes"]


class Condition(Record):
    """One line of a rule's `when`: an answer key, a test, and the values it tests against."""

    __slots__ = ("key", "test", "values")
    key: str
    test: Test
    values: tuple[str, ...]


class Rule(Record):
    __slots__ = ("id", "when")
    id: str
    when: tuple[Condition, ...]


class SuggestRule(Rule):
    __slots__ = ("sections", "reason", "relevance")
    sections: tuple[str, ...]
    reason: str
    relevance: Relevance


class CautionRule(Rule):
    __slots__ = ("topics", "lead", "quote", "quote_from", "translation")
    topics: tuple[str, ...]
    lead: str
    quote: str  # verbatim English, always
    quote_from: str
    translation: str | None  # of the quote, in the catalog's language (content/translation.py)


class WithholdRule(Rule):
    __slots__ = ("topics", "why")
    topics: tuple[str, ...]
    why: str


class AttachRule(Rule):
    """Attaches the explorer's own notes to the whole reading list or to sections by topic."""

    __slots__ = ("notes", "list", "topics", "why")
    notes: tuple[str, ...]
    list: bool
    topics: tuple[str, ...]
    why: str


class NotYetRule(Rule):
    """Sections having one of `topics` cannot be started yet, given the answers (rules/order.toml)."""

    __slots__ = ("topics", "why")
    topics: tuple[str, ...]
    why: str


class FiguresRule(Rule):
    """Offers outcome figures in the reading list (rules/figures.toml)."""

    __slots__ = ("figures", "why")
    figures: tuple[str, ...]
    why: str


class MatterRule(Rule):
    """A rule of rules/matters.toml ("what matters to me"): shows a point (`row`) or adds a
    question under it (`ask`)."""

    __slots__ = ("priority", "question", "why")
    priority: str
    question: str
    why: str


class Tier(Record):
    __slots__ = ("id", "relevance", "can_start", "says", "heading")
    id: str
    relevance: Relevance
    can_start: bool | None  # None: both
    says: str
    heading: str  # the group's heading on screen


class OrderPolicy(Record):
    """The reading list's order, tier by tier (rules/order.toml); every (relevance, can_start)
    in exactly one tier."""

    __slots__ = ("tiers",)
    tiers: tuple[Tier, ...]

    def headings(self) -> list[str]:
        """The group headings, in reading order, each once."""
        return list(dict.fromkeys(tier.heading for tier in self.tiers))

    def tier_of(self, relevance: str, can_start: bool) -> int:
        return next(
            i for i, t in enumerate(self.tiers) if t.relevance == relevance and t.can_start in (None, can_start)
        )


# Each kind of rule in the rule book: (its field in RuleBook, its record).
RULE_KINDS: tuple[tuple[str, type[Rule]], ...] = (
    ("suggest", SuggestRule),
    ("caution", CautionRule),
    ("withhold", WithholdRule),
    ("attach", AttachRule),
    ("not_yet", NotYetRule),
    ("matter_rows", MatterRule),
    ("matter_asks", MatterRule),
    ("figures", FiguresRule),
)


def _rule(kind: type[Rule], data: dict[str, Any]) -> Rule:
    values = {key: tuple(value) if isinstance(value, list) else value for key, value in data.items()}
    values["when"] = tuple(Condition(key=c["key"], test=c["test"], values=tuple(c["values"])) for c in data["when"])
    if "translation" in kind._fields:  # data fresh from a check, before any language was laid over it
        values.setdefault("translation", None)
    return kind(**values)


class RuleBook(Record):
    __slots__ = (
        "suggest",
        "caution",
        "withhold",
        "attach",
        "not_yet",
        "order",
        "matter_rows",
        "matter_asks",
        "figures",
    )
    suggest: tuple[SuggestRule, ...]
    caution: tuple[CautionRule, ...]
    withhold: tuple[WithholdRule, ...]
    attach: tuple[AttachRule, ...]
    not_yet: tuple[NotYetRule, ...]
    order: OrderPolicy
    matter_rows: tuple[MatterRule, ...]  # rules/matters.toml
    matter_asks: tuple[MatterRule, ...]
    figures: tuple[FiguresRule, ...]  # rules/figures.toml

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> RuleBook:
        values: dict[str, Any] = {field: tuple(_rule(kind, rule) for rule in data[field]) for field, kind in RULE_KINDS}
        values["order"] = OrderPolicy(tiers=tuple(Tier(**tier) for tier in data["order"]["tiers"]))
        return cls(**values)

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
