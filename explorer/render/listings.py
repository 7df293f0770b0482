"""The catalog's listings: `sections`, `rules` (with the ordering policy and the rules attaching
the explorer's notes) and `about`, in plain words. Pure functions returning text; the referral is
added by render/finish.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.referral import ABOUT_LINES, ABOUT_MORE, ABOUT_TITLE
from explorer.render.text import fill, wrap

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog
    from explorer.content.rules import Condition


def sections_listing(catalog: Catalog, width: int) -> str:
    count = f"{len(catalog.sections)} sections, quoted verbatim from {len(catalog.documents)} documents."
    lines = [wrap(count, width), ""]
    for section in catalog.sections.values():
        lines.append(wrap(section.id, width, at_hyphens=True))
        lines.append(wrap(section.title, width, "    "))
        lines.append(wrap("from " + catalog.document_label(section.source), width, "    "))
        lines.append(wrap("topics: " + ", ".join(section.topics), width, "    ", at_hyphens=True))
    lines += ["", wrap("Read one with: treatment-explorer show ID", width), ""]
    return "\n".join(lines)


def describe_condition(catalog: Catalog, condition: Condition) -> str:
    labels: dict[str, str]
    if condition.key.startswith("matters.") and catalog.matters is not None:  # a priority's rating
        priority = next(p for p in catalog.matters.priorities if f"matters.{p.key}" == condition.key)
        name, labels = f"How much “{priority.name}” matters", {c.value: c.label for c in catalog.matters.choices}
    else:
        question = next(q for q in catalog.questions if q.key == condition.key)
        name, labels = question.name, {c.value: c.label for c in question.choices}
    joiner = " nor " if condition.test == "is_not" else " or "
    shown = joiner.join(f"“{labels[v]}”" for v in condition.values)
    verb = {"is": "is", "is_not": "is not", "includes": "include", "excludes": "do not include"}[condition.test]
    return f"{name} {verb} {shown}"


def describe_when(catalog: Catalog, conditions: tuple[Condition, ...]) -> str:
    return " and ".join(describe_condition(catalog, c) for c in conditions) or "always"


def _rule_entry(heading: str, fields: list[tuple[str, str]], width: int) -> list[str]:
    fields_text = (wrap(f"{name}: {value}", width, "    ", at_hyphens=True) for name, value in fields)
    return [wrap(heading, width, at_hyphens=True), *fields_text, ""]


def about_text(width: int) -> str:
    """`treatment-explorer about`: what the content is, where it comes from, how current it is."""
    body = "\n\n".join(wrap(line, width) for line in (*ABOUT_LINES, ABOUT_MORE))
    return f"{ABOUT_TITLE}\n\n{body}\n\n"


def disclaimer_text(markdown: str, width: int, plain: bool = False) -> str:
    """`treatment-explorer disclaimer`: DISCLAIMER.md as text, its paragraphs wrapped anew at the
    width, without Markdown's marks; list items indented (with `plain`, no dash before them)."""
    blocks: list[list[str]] = []
    for line in markdown.replace("**", "").splitlines():
        starts_anew = not line.strip() or line.startswith(("#", "- ")) or (blocks and blocks[-1][0].startswith("#"))
        if not line.strip():
            blocks.append([""])
        elif starts_anew or not blocks or blocks[-1] == [""]:
            blocks.append([line.strip()])
        else:
            blocks[-1].append(line.strip())
    lines: list[str] = []
    for block in blocks:
        text = " ".join(block)
        if text.startswith("- "):
            lines += fill(text[2:], width, "  " if plain else "  - ", "    ")
        else:
            lines.append(wrap(text.lstrip("# "), width))
    return "\n".join(lines).strip("\n") + "\n\n"


def order_listing(catalog: Catalog, width: int) -> list[str]:
    """The ordering policy (rules/order.toml) as a numbered list, with its [[not_yet]] rules."""
    rules = catalog.rules
    lines = [wrap("The order of the reading list (rules/order.toml)", width), ""]
    lines += [wrap(f"{n}. {tier.says}", width, "  ", hang="   ") for n, tier in enumerate(rules.order.tiers, start=1)]
    within = (
        "Within a tier, the order of the suggestion rules below. It is an order of reading, never a "
        "ranking of options for a person."
    )
    lines += [wrap(within, width, "  "), ""]
    for rule in rules.not_yet:
        lines += _rule_entry(
            f"{rule.id}  [not yet]",
            [
                ("When", describe_when(catalog, rule.when)),
                (
                    "Sections about",
                    ", ".join(rule.topics) + " cannot be started yet: below the others of their relevance",
                ),
                ("Why", rule.why),
            ],
            width,
        )
    return lines


def notes_listing(catalog: Catalog, width: int) -> list[str]:
    """The rules attaching the explorer's notes (rules/notes.toml), and the notes that attach
    themselves to sections or comparison cells (data/notes.toml)."""
    rules = catalog.rules
    lines = [wrap(f"{len(rules.attach)} rules attaching the explorer's own notes (rules/notes.toml)", width), ""]
    for attach in rules.attach:
        where = " to the whole reading list" if attach.list else " to sections about " + ", ".join(attach.topics)
        lines += _rule_entry(
            f"{attach.id}  [note]",
            [
                ("When", describe_when(catalog, attach.when)),
                ("Attaches", ", ".join(attach.notes) + where),
                ("Why", attach.why),
            ],
            width,
        )
    fixed = [n for n in catalog.notes.values() if n.sections or n.topics or n.cells]
    heading = f"{len(fixed)} notes shown wherever their sections or comparison cells are shown (data/notes.toml)"
    lines += [wrap(heading, width), ""]
    for note in fixed:
        where_shown = [*note.sections, *(f"topic {t}" for t in note.topics), *(f"cell {c}" for c in note.cells)]
        lines += _rule_entry(f"{note.id}  [{note.kind}]", [("On", ", ".join(where_shown))], width)
    return lines


def rules_listing(catalog: Catalog, width: int) -> str:
    rules = catalog.rules
    lines = order_listing(catalog, width)
    lines += [wrap(f"{len(rules.suggest)} suggestion rules (rules/suggestions.toml)", width), ""]
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
    lines += notes_listing(catalog, width)
    lines += matters_listing(catalog, width)
    return "\n".join(lines)


def matters_listing(catalog: Catalog, width: int) -> list[str]:
    """The rules of "what matters to me" (rules/matters.toml): which points and questions are shown."""
    rules = catalog.rules
    count = len(rules.matter_rows) + len(rules.matter_asks)
    lines = [wrap(f"{count} rules of “what matters to me” (rules/matters.toml)", width), ""]
    for kind, chosen, shows in (("row", rules.matter_rows, "Shows"), ("ask", rules.matter_asks, "Asks, under")):
        for rule in chosen:
            lines += _rule_entry(
                f"{rule.id}  [{kind}]",
                [
                    ("When", describe_when(catalog, rule.when)),
                    (shows, rule.priority),
                    ("Question", rule.question),
                    ("Why", rule.why),
                ],
                width,
            )
    return lines
