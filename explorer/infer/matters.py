"""From the rules that fired to the "what matters to me" section. Pure functions: no engine, no I/O.

Which points are shown and which questions come with them is decided by the rules of
rules/matters.toml (durable-rules, in infer/engine.py, with every other rule). The options always
come in the order of data/matters.toml and the points in the file's order: nothing here weighs,
scores or reorders anything by the answers.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import ClassVar

from explorer.content.answers import Answers
from explorer.content.catalog import Catalog
from explorer.content.matters import SILENT, MattersContent, Priority, Said
from explorer.content.wording import personalize
from explorer.i18n import _, language
from explorer.infer.result import Entry, MattersSection, Point, Quote


def _entry(catalog: Catalog, option: str, label: str, said: Said, today: datetime.date) -> Entry:
    quote = None
    if said.quote is not None and said.section is not None:
        section = catalog.sections[said.section]
        quote = Quote(
            text=said.quote,
            translation=said.translation,
            section=section.id,
            section_title=section.title,
            source=section.source,
            source_label=catalog.document_label(section.source),
        )
    return Entry(
        option=option,
        label=label,
        quote=quote,
        silent=said.silent,
        says=_(SILENT) if said.silent else None,
        notes=tuple(catalog.notes[n].shown(today) for n in said.notes),
    )


class _Entries:
    """Each point's entries (quotes, silences, notes as shown on a day) built once per catalog and
    day: every profile showing a point shows the same entries, and the answer space has 16,384."""

    catalog: ClassVar[Catalog | None] = None
    built: ClassVar[dict[tuple[str, datetime.date], tuple[tuple[Entry, ...], Entry | None]]] = {}

    @classmethod
    def of(
        cls, catalog: Catalog, content: MattersContent, priority: Priority, day: datetime.date
    ) -> tuple[tuple[Entry, ...], Entry | None]:
        if cls.catalog is not catalog:
            cls.catalog, cls.built = catalog, {}
        key = (priority.key, day)
        found = cls.built.get(key)
        if found is None:
            options = tuple(_entry(catalog, o.id, o.label, priority.says[o.id], day) for o in content.options)
            about = priority.about_all and _entry(catalog, "all", "About all of them", priority.about_all, day)
            found = cls.built[key] = (options, about or None)
        return found


def build_matters(
    catalog: Catalog, answers: Answers, fired: Collection[str], today: datetime.date | None = None
) -> MattersSection | None:
    """The section, or None when the step was skipped (every priority "unsure")."""
    if not answers.matters.answered():  # before catalog.matters: the step's content is read only if answered
        return None
    content = catalog.matters
    if content is None:
        return None
    fired = set(fired)
    rules = catalog.rules
    for_whom = answers.for_whom
    shown: dict[str, list[str]] = {}
    for rule in rules.matter_rows:
        if rule.id in fired:
            shown.setdefault(rule.priority, []).append(personalize(rule.question, for_whom, language()))
    for rule in rules.matter_asks:
        if rule.id in fired and rule.priority in shown:
            shown[rule.priority].append(personalize(rule.question, for_whom, language()))
    day = today or datetime.date.today()
    points = []
    for priority in content.priorities:  # the file's order, whatever the ratings
        if priority.key not in shown:
            continue
        rating = getattr(answers.matters, priority.key)
        options, about_all = _Entries.of(catalog, content, priority, day)
        points.append(
            Point(
                key=priority.key,
                name=priority.name,
                rating=rating,
                rating_label=content.label_of(rating),
                options=options,
                about_all=about_all,
                questions=tuple(dict.fromkeys(shown[priority.key])),
            )
        )
    return MattersSection(
        heading=personalize(content.heading, for_whom, language()),
        intro=personalize(content.intro, for_whom, language()),
        not_weighed=personalize(content.not_weighed, for_whom, language()),
        points=tuple(points),
    )
