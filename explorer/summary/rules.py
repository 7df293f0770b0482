"""The summary's rules (rules/summary.toml): questions to ask a professional, and the comparison
columns that match the stated preferences. Loaded and checked like the other rules, their words
then in the run's language; evaluated by durable-rules through the engine, under a ruleset name of
their own."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from explorer.content.answers import Answers
from explorer.content.comparison_table import Comparison
from explorer.content.resources import content_root
from explorer.content.toml import first_problem, read_entries
from explorer.content.wording import personalize
from explorer.errors import CatalogError
from explorer.i18n import N_, _, language
from explorer.infer.engine import RuleEngine
from explorer.summary.models import AskRule, MarkRule, SummaryRuleBook

RULESET = "take_home_summary"
# A family member's own questions, under a heading each, a program first.
FAMILY_ASKED = {"program": N_("To ask a treatment program"), "counselor": N_("To ask a counselor")}


def load_summary_rules(comparison: Comparison, root: Path | None = None) -> SummaryRuleBook:
    root = root or content_root()
    path = root / "rules" / "summary.toml"
    asks = read_entries(path, "ask", AskRule)
    marks = read_entries(path, "mark", MarkRule)
    columns = {c.id for c in comparison.columns}
    for mark in marks:
        for column in mark.columns:
            if column not in columns:
                raise CatalogError(
                    path, f"names unknown column {column!r} (columns: {', '.join(sorted(columns))})", f"mark {mark.id}"
                )
    if language() != "en":  # their own words in the run's language (data/<language>/rules-summary.toml)
        from explorer.content.translation import translated

        asks = [
            ask.model_copy(
                update={"question": translated(f"summary.ask.{ask.id}.question", ask.question, language(), root)}
            )
            for ask in asks
        ]
        marks = [
            mark.model_copy(
                update={"matches": translated(f"summary.mark.{mark.id}.matches", mark.matches, language(), root)}
            )
            for mark in marks
        ]
    try:
        return SummaryRuleBook(ask=tuple(asks), mark=tuple(marks))
    except ValidationError as error:  # duplicate ids, or no fallback question
        raise CatalogError(path, first_problem(error)) from None


def evaluate(
    rules: SummaryRuleBook, answers: Answers, ruleset: str = RULESET
) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], tuple[tuple[str, tuple[str, ...]], ...]]:
    """(the questions to ask a professional, in file order; column id -> the preferences it
    matches; a family member's own questions under their headings: to a program, to a counselor)."""
    fired = set(RuleEngine.for_rules(rules, ruleset).fired(answers))

    def asked_of(of: str) -> tuple[str, ...]:
        return tuple(
            personalize(rule.question, answers.for_whom, language())
            for rule in rules.ask
            if rule.id in fired and rule.of == of
        )

    questions = asked_of("professional")
    family = tuple((_(FAMILY_ASKED[of]), asked) for of in FAMILY_ASKED if (asked := asked_of(of)))
    marks: dict[str, tuple[str, ...]] = {}
    for rule in rules.mark:
        if rule.id in fired:
            for column in rule.columns:
                marks[column] = (*marks.get(column, ()), rule.matches)
    return questions, marks, family
