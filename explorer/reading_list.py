"""From the rules that fired to the ordered reading list. Pure functions: no engine, no I/O."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from explorer.catalog import Catalog
from explorer.models import RELEVANCE_WEIGHT, Answers, Referral, Result, Suggestion
from explorer.wording import personalize


@dataclass
class _Pick:
    rank: tuple[int, int]  # where it was first suggested: (rule position, section position)
    score: int = 0
    reasons: list[str] = field(default_factory=list)


def reading_list(catalog: Catalog, answers: Answers, fired: Collection[str]) -> tuple[Suggestion, ...]:
    """Merges what the fired rules say: suggestions minus withheld sections, one entry per section
    with every reason, cautions attached by topic; most relevant (highest total weight) first."""
    fired = set(fired)
    rules = catalog.rules
    withheld = {
        section_id
        for rule in rules.withhold
        if rule.id in fired
        for topic in rule.topics
        for section_id in catalog.topics_index.get(topic, ())
    }
    picks: dict[str, _Pick] = {}
    for rule_position, rule in enumerate(rules.suggest):
        if rule.id not in fired:
            continue
        reason = personalize(rule.reason, answers.for_whom)
        for section_position, section_id in enumerate(rule.sections):
            if section_id in withheld:
                continue
            pick = picks.setdefault(section_id, _Pick(rank=(rule_position, section_position)))
            pick.score += RELEVANCE_WEIGHT[rule.relevance]
            if reason not in pick.reasons:
                pick.reasons.append(reason)

    ordered = sorted(picks.items(), key=lambda item: (-item[1].score, item[1].rank))
    suggestions = []
    for section_id, pick in ordered:
        section = catalog.sections[section_id]
        cautions = tuple(
            f"{personalize(rule.lead, answers.for_whom)} “{rule.quote}” "
            f"({catalog.sections[rule.quote_from].source})"
            for rule in rules.caution
            if rule.id in fired and set(rule.topics) & set(section.topics)
        )
        suggestions.append(
            Suggestion(
                id=section.id,
                title=section.title,
                source=section.source,
                topics=section.topics,
                reasons=tuple(pick.reasons),
                cautions=cautions,
                text=section.text,
            )
        )
    return tuple(suggestions)


def build_result(catalog: Catalog, answers: Answers, fired: Collection[str], referral: Referral) -> Result:
    return Result(answers=answers, suggestions=reading_list(catalog, answers, fired), referral=referral)
