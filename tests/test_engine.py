"""durable-rules as the explorer relies on it: facts fire every matching rule, not only the first;
an empty list of interests matches "not ticked"; sessions do not leak into each other; an action
that fails is raised, not swallowed; one engine per rule book."""

from __future__ import annotations

import pytest

from explorer.content.answers import Answers
from explorer.content.models.rules import RuleBook
from explorer.infer.engine import EngineError, RuleEngine, answers_fact


def _book(**rules) -> RuleBook:
    base = {"suggest": [{"id": "always", "when": {}, "sections": ["s"], "reason": "r", "relevance": "general"}]}
    # A rule book states its order (rules/order.toml); the simplest: one tier per relevance.
    tiers = [
        {"id": r, "relevance": r, "says": r, "heading": r} for r in ("safety", "preference", "interest", "general")
    ]
    base["order"] = {"tiers": tiers}
    base["suggest"] += rules.get("suggest", [])
    base.update({k: v for k, v in rules.items() if k != "suggest"})
    return RuleBook.model_validate(base)


def test_every_matching_rule_fires_not_only_the_first(engine):
    fired = engine.fired(Answers(setting="doctor_office", dosing="monthly", detox="completed"))
    # Three rules name the monthly naltrexone section; as facts, all of them fire.
    assert {"setting-doctor-office", "dosing-monthly", "detox-completed", "always-start-with-a-professional"} <= set(
        fired
    )


def test_rules_that_do_not_match_do_not_fire(engine):
    fired = set(engine.fired(Answers(setting="residential", detox="completed")))
    assert "setting-residential" in fired
    assert not fired & {"setting-doctor-office", "setting-clinic-daily", "naltrexone-only-after-detox"}


def test_interests_both_ways_including_an_empty_list(engine):
    assert "interest-overdose" in engine.fired(Answers(interests=["overdose"]))
    none = engine.fired(Answers(setting="doctor_office", interests=[]))
    assert "methadone-belongs-to-clinics" in none  # "not ticked" must match an empty list too
    asked = engine.fired(Answers(setting="doctor_office", interests=["how_medications_work"]))
    assert "methadone-belongs-to-clinics" not in asked


def test_sessions_do_not_leak_into_each_other(engine):
    first = engine.fired(Answers(interests=["overdose"]))
    second = engine.fired(Answers())
    assert "interest-overdose" in first
    assert "interest-overdose" not in second
    assert engine.fired(Answers(interests=["overdose"])) == first


def test_the_fact_carries_every_interest_as_a_boolean():
    fact = answers_fact(Answers(interests=["withdrawal"]), "x")
    assert fact["interests"]["withdrawal"] is True
    assert fact["interests"]["overdose"] is False
    assert fact["sid"] == "x"
    assert fact["kind"] == "answers"


def test_a_failing_action_is_raised_not_swallowed(monkeypatch):
    engine = RuleEngine(_book(), name="test_failing_action")

    def broken(rule_id):
        def action(c):
            raise ValueError("boom")

        return action

    monkeypatch.setattr(RuleEngine, "_recorder", lambda self, rule_id: broken(rule_id))
    failing = RuleEngine(_book(), name="test_failing_action_2")
    with pytest.raises(EngineError, match="boom"):
        failing.fired(Answers())
    assert engine.fired(Answers()) == ("always",)


def test_one_engine_per_name(catalog):
    assert RuleEngine.for_rules(catalog.rules) is RuleEngine.for_rules(catalog.rules)


def test_another_rule_book_never_gets_the_engine_built_for_the_first():
    # Tests load edited copies of the content in the same process as the answer-space audit: an
    # engine handed out by name alone would evaluate the audit with whichever rules came first.
    first = RuleEngine.for_rules(_book(), name="test_same_name")
    other_book = _book(suggest=[{"id": "also", "when": {}, "sections": ["s"], "reason": "r", "relevance": "general"}])
    other = RuleEngine.for_rules(other_book, name="test_same_name")
    assert first.fired(Answers()) == ("always",)
    assert sorted(other.fired(Answers())) == ["also", "always"]
    assert RuleEngine.for_rules(_book(), name="test_same_name") is first  # the same rules: the same engine
