"""From the rules that fired to the ordered reading list. Pure functions: no engine, no I/O.

Which sections, cautions and notes apply is decided by the rules that fired (durable-rules, in
infer/engine.py); the order follows the policy stated in rules/order.toml. Nothing here looks at
the answers except to word the reasons."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass, field

from explorer.content.answers import Answers
from explorer.content.catalog import Catalog
from explorer.content.notes import ShownNote
from explorer.content.rules import RELEVANCES
from explorer.content.wording import personalize
from explorer.i18n import _, language
from explorer.infer.matters import build_matters
from explorer.infer.result import Result, Suggestion


@dataclass
class _Pick:
    rank: tuple[int, int]  # where it was first suggested: (rule position, section position)
    relevance: int = len(RELEVANCES)  # the highest relevance of the rules suggesting it (0 = safety)
    rules: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def _ordered_notes(catalog: Catalog, ids: Collection[str], today: datetime.date | None) -> tuple[ShownNote, ...]:
    """Notes in the order of data/notes.toml, each once."""
    return tuple(note.shown(today) for note_id, note in catalog.notes.items() if note_id in ids)


def list_notes(catalog: Catalog, fired: Collection[str], today: datetime.date | None = None) -> tuple[ShownNote, ...]:
    """The notes about the reading list as a whole, in the order of rules/notes.toml, each once."""
    ids: dict[str, None] = {}
    for rule in catalog.rules.attach:
        if rule.id in fired and rule.list:
            ids.update(dict.fromkeys(rule.notes))
    return tuple(catalog.notes[i].shown(today) for i in ids)


def reading_list(
    catalog: Catalog, answers: Answers, fired: Collection[str], today: datetime.date | None = None
) -> tuple[Suggestion, ...]:
    """Merges what the fired rules say: suggestions minus withheld sections, one entry per section
    with every reason, cautions and notes attached by topic; ordered tier by tier (rules/order.toml)."""
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
        reason = personalize(rule.reason, answers.for_whom, language())
        for section_position, section_id in enumerate(rule.sections):
            if section_id in withheld:
                continue
            pick = picks.get(section_id)
            if pick is None:  # not setdefault: that would build a _Pick for every repeat too
                pick = picks[section_id] = _Pick(rank=(rule_position, section_position))
            pick.relevance = min(pick.relevance, RELEVANCES.index(rule.relevance))
            if rule.id not in pick.rules:
                pick.rules.append(rule.id)
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
            source = catalog.document_name(catalog.sections[caution.quote_from].source)
            lead = personalize(caution.lead, answers.for_whom, language())
            if caution.translation:  # the quote's unofficial translation, said to be one
                source = _("{source}; unofficial translation").format(source=source)
            caution_texts.append(f"{lead} “{caution.translation or caution.quote}” ({source})")
    notes_by_topic: dict[str, set[str]] = {}
    for attach in rules.attach:
        if attach.id in fired:
            for topic in attach.topics:
                notes_by_topic.setdefault(topic, set()).update(attach.notes)
    not_yet = {topic for rule in rules.not_yet if rule.id in fired for topic in rule.topics}

    def place(item: tuple[str, _Pick]) -> tuple[int, int, int]:
        section_id, pick = item
        can_start = not (not_yet & set(catalog.sections[section_id].topics))
        return (rules.order.tier_of(RELEVANCES[pick.relevance], can_start), *pick.rank)

    suggestions = []
    for section_id, pick in sorted(picks.items(), key=place):
        section = catalog.sections[section_id]
        tier = rules.order.tiers[place((section_id, pick))[0]]
        positions = sorted({p for topic in section.topics for p in cautions_by_topic.get(topic, ())})
        cautions = tuple(caution_texts[p] for p in positions)  # in the rule book's order
        note_ids = {n.id for n in catalog.section_notes(section)}
        note_ids.update(n for topic in section.topics for n in notes_by_topic.get(topic, ()))
        suggestions.append(
            Suggestion(
                id=section.id,
                title=section.title,
                source=section.source,
                topics=section.topics,
                reasons=tuple(pick.reasons),
                suggested_by=tuple(pick.rules),
                cautions=cautions,
                notes=_ordered_notes(catalog, note_ids, today),
                text=section.text,
                translation=section.translation,
                source_label=catalog.document_label(section.source),
                group=tier.heading,
            )
        )
    return tuple(suggestions)


def build_result(
    catalog: Catalog, answers: Answers, fired: Collection[str], today: datetime.date | None = None
) -> Result:
    return Result(
        answers=answers,
        notes=list_notes(catalog, fired, today),
        suggestions=reading_list(catalog, answers, fired, today),
        preferences=catalog.preferences(answers),
        matters=build_matters(catalog, answers, fired, today),
        figures=offered_figures(catalog, fired),
    )


def offered_figures(catalog: Catalog, fired: Collection[str]) -> tuple[str, ...]:
    """The figures the fired rules offer, in rule order, each once."""
    ids: dict[str, None] = {}
    for rule in catalog.rules.figures:
        if rule.id in fired:
            ids.update(dict.fromkeys(rule.figures))
    return tuple(ids)
