"""The rule engine: the only module that imports durable-rules.

Every rule of the rule book (suggest, caution and withhold alike) becomes one durable rule over a
single "answers" fact. Facts, not events: a fact fires every rule that matches it, where an event
would be consumed by the first. Each evaluation runs under a fresh session id whose state is
deleted afterwards, so one profile never sees another's facts.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Sequence
from functools import reduce
from operator import and_, or_
from typing import Any, ClassVar, Protocol, get_args

from durable import engine as durable_engine
from durable import lang

from explorer.content.answers import Answers, Interest
from explorer.content.engine_limits import Condition, Rule
from explorer.errors import EngineError


class Rules(Protocol):
    """Any rule book: the reading list's (RuleBook) or the summary's (SummaryRuleBook)."""

    def all(self) -> tuple[Rule, ...]: ...


ALL_INTERESTS: tuple[str, ...] = tuple(i for i in get_args(Interest) if i != "unsure")


class _SynchronousHost(durable_engine.Host):  # type: ignore[misc]  # durable ships no types
    """A durable host without its background dispatch timers.

    The stock Host polls every ruleset from timer threads, which could pick up a pending action
    between our assert and its synchronous completion. We only ever run rules synchronously.
    """

    def _run(self) -> None:
        pass


def _durable_condition(condition: Condition) -> Any:
    """One `when` line as a durable expression. Interests are a map of booleans on the fact:
    durable's allItems never matches an empty list, so "not ticked" needs an explicit False."""
    m = lang.m

    def field() -> Any:
        # "matters.visits" reads the fact's nested `matters` object (durable reads nested
        # properties); a fresh one each time, since durable's comparisons change their operand.
        return reduce(getattr, condition.key.split("."), m)

    if condition.test == "is":
        return reduce(or_, (field() == v for v in condition.values))
    if condition.test == "is_not":
        return reduce(and_, (field() != v for v in condition.values))
    wanted = condition.test == "includes"
    tests = (getattr(m.interests, v) == wanted for v in condition.values)
    return reduce(or_ if wanted else and_, tests)


def _durable_rule(conditions: Sequence[Condition], action: Callable[[Any], None]) -> dict[str, Any]:
    # No condition: the fallback rule, true of every answers fact.
    expression = reduce(and_, (_durable_condition(c) for c in conditions)) if conditions else lang.m.kind == "answers"
    rule: dict[str, Any] = lang.when_all(expression)(action).define()
    return rule


def answers_fact(answers: Answers, sid: str) -> dict[str, Any]:
    fact: dict[str, Any] = answers.model_dump(exclude={"interests"})
    fact["interests"] = {i: i in answers.interests for i in ALL_INTERESTS}
    fact.update(kind="answers", sid=sid)
    return fact


class RuleEngine:
    """Evaluates a rule book with durable-rules; `fired(answers)` gives the ids of matching rules.
    Any rule book with `all()` (rules having an id and a `when`) will do."""

    # One engine per rule book, for the whole process. durable registers a ruleset name only once,
    # so another rule book under the same name (an edited copy of the content, loaded in the same
    # process) is registered under a name of its own, never handed the first book's engine.
    _registered: ClassVar[dict[tuple[str, tuple[object, ...]], RuleEngine]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, rules: Rules, name: str):
        self.name = name
        self._hits: dict[str, list[str]] = {}
        self._sids = itertools.count()
        definition = {rule.id: _durable_rule(rule.when, self._recorder(rule.id)) for rule in rules.all()}
        self._host = _SynchronousHost()
        self._host.register_rulesets({name: definition})

    @classmethod
    def for_rules(cls, rules: Rules, name: str = "treatment_explorer") -> RuleEngine:
        """One engine per rule book per process (durable registers a name only once): the same rules
        get the same engine; other rules under the same name get their own."""
        book = tuple((rule.id, tuple((c.key, c.test, tuple(c.values)) for c in rule.when)) for rule in rules.all())
        with cls._lock:
            engine = cls._registered.get((name, book))
            if engine is None:
                taken = sum(1 for registered, _ in cls._registered if registered == name)
                engine = cls(rules, name if not taken else f"{name}_{taken + 1}")
                cls._registered[(name, book)] = engine
            return engine

    def _recorder(self, rule_id: str) -> Callable[[Any], None]:
        def record(c: Any) -> None:
            self._hits[c.s.sid].append(rule_id)

        return record

    def fired(self, answers: Answers) -> tuple[str, ...]:
        sid = f"s{next(self._sids)}"
        self._hits[sid] = []
        try:
            try:
                self._host.assert_fact(self.name, answers_fact(answers, sid))
            except durable_engine.MessageNotHandledException:
                pass  # no rule matched; the reading list decides what that means
            failure = self._host.get_state(self.name, sid).get("exception")
        finally:
            self._host.delete_state(self.name, sid)
            hits = self._hits.pop(sid)
        if failure:
            raise EngineError(f"a rule's action failed: {failure}")
        return tuple(hits)
