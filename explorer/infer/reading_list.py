"""From the rules that fired to the ordered reading list. Pure functions: no engine, no I/O."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from explorer.content.answers import Answers
from explorer.content.catalog import Catalog
from explorer.content.rules import RELEVANCE_WEIGHT
from explorer.content.wording import personalize
from explorer.infer.result import Result, Suggestion


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
            pick = picks.get(section_id)
            if pick is None:  # not setdefault: that would build a _Pick for every repeat too
                pick = picks[section_id] = _Pick(rank=(rule_position, section_position))
            pick.score += RELEVANCE_WEIGHT[rule.relevance]
            if reason not in pick.reasons:
                pick.reasons.append(reason)

    # Each fired caution is worded once per profile and filed under its topics, so a section finds
    # its cautions by topic: the cost follows what is attached, not sections × caution rules.
    caution_texts: list[str] = []
    cautions_by_topic: dict[str, list[int]] = {}
    for caution in rules.caution:
        if caution.id in fired:
            for topic in caution.topics:
                cautions_by_topic.setdefault(topic, []).append(len(caution_texts))
            source = catalog.sections[caution.quote_from].source
            caution_texts.append(f"{personalize(caution.lead, answers.for_whom)} “{caution.quote}” ({source})")
    ordered = sorted(picks.items(), key=lambda item: (-item[1].score, item[1].rank))
    suggestions = []
    for section_id, pick in ordered:
        section = catalog.sections[section_id]
        positions = sorted({p for topic in section.topics for p in cautions_by_topic.get(topic, ())})
        cautions = tuple(caution_texts[p] for p in positions)  # in the rule book's order
        suggestions.append(
            Suggestion(
                id=section.id,
                title=section.title,
                source=section.source,
                topics=section.topics,
                reasons=tuple(pick.reasons),
                cautions=cautions,
                text=section.text,
                source_label=catalog.document_label(section.source),
            )
        )
    return tuple(suggestions)


def build_result(catalog: Catalog, answers: Answers, fired: Collection[str]) -> Result:
    return Result(
        answers=answers,
        suggestions=reading_list(catalog, answers, fired),
        preferences=catalog.preferences(answers),
    )
