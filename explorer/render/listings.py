"""The catalog's listings: `sections` and `rules`, in plain words. Pure functions returning text;
the referral is added by render/finish.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.render.text import wrap

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog
    from explorer.content.rules import Condition


def sections_listing(catalog: Catalog, width: int) -> str:
    count = f"{len(catalog.sections)} sections, quoted verbatim from {len(catalog.documents)} documents."
    lines = [wrap(count, width), ""]
    for section in catalog.sections.values():
        lines.append(wrap(section.id, width, at_hyphens=True))
        lines.append(wrap(f"{section.title} ({section.source})", width, "    "))
        lines.append(wrap("topics: " + ", ".join(section.topics), width, "    ", at_hyphens=True))
    lines += ["", wrap("Read one with: treatment-explorer show ID", width), ""]
    return "\n".join(lines)


def describe_condition(catalog: Catalog, condition: Condition) -> str:
    question = next(q for q in catalog.questions if q.key == condition.key)
    labels = {c.value: c.label for c in question.choices}
    joiner = " nor " if condition.test == "is_not" else " or "
    shown = joiner.join(f"“{labels[v]}”" for v in condition.values)
    verb = {"is": "is", "is_not": "is not", "includes": "include", "excludes": "do not include"}[condition.test]
    return f"{question.name} {verb} {shown}"


def describe_when(catalog: Catalog, conditions: tuple[Condition, ...]) -> str:
    return " and ".join(describe_condition(catalog, c) for c in conditions) or "always"


def _rule_entry(heading: str, fields: list[tuple[str, str]], width: int) -> list[str]:
    fields_text = (wrap(f"{name}: {value}", width, "    ", at_hyphens=True) for name, value in fields)
    return [wrap(heading, width, at_hyphens=True), *fields_text, ""]


def rules_listing(catalog: Catalog, width: int) -> str:
    rules = catalog.rules
    lines = [wrap(f"{len(rules.suggest)} suggestion rules (rules/suggestions.toml)", width), ""]
    for rule in rules.suggest:
        lines += _rule_entry(
            f"{rule.id}  [{rule.relevance}]",
            [
                ("When", describe_when(catalog, rule.when)),
                ("Suggests", ", ".join(rule.sections)),
                ("Reason", rule.reason),
            ],
            width,
        )
    lines += [wrap(f"{len(rules.caution) + len(rules.withhold)} safety rules (rules/safety.toml)", width), ""]
    for caution in rules.caution:
        lines += _rule_entry(
            f"{caution.id}  [caution]",
            [
                ("When", describe_when(catalog, caution.when)),
                ("On sections about", ", ".join(caution.topics)),
                ("Caution", f"{caution.lead} “{caution.quote}” ({caution.quote_from})"),
            ],
            width,
        )
    for withhold in rules.withhold:
        lines += _rule_entry(
            f"{withhold.id}  [withhold]",
            [
                ("When", describe_when(catalog, withhold.when)),
                ("Keeps out sections about", ", ".join(withhold.topics)),
                ("Why", withhold.why),
            ],
            width,
        )
    return "\n".join(lines)
