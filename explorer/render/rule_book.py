"""`treatment-explorer rules`: the ordering policy, every rule with its condition in words, the
notes that attach themselves, and the rules of "what matters to me". The rule book is first laid
out as parts (headings, the numbered tiers, one entry per rule), then written as text or Markdown,
so that both say the same. Pure functions; the referral is added by render/finish.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from explorer.i18n import N_, _
from explorer.render.markdown import escape
from explorer.render.notes import KINDS as NOTE_KINDS
from explorer.render.text import wrap

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog
    from explorer.content.rules import Condition


class Heading(NamedTuple):
    text: str


class Numbered(NamedTuple):
    items: tuple[str, ...]
    after: str  # a paragraph below the list


class Entry(NamedTuple):
    id: str
    kind: str
    fields: tuple[tuple[str, str], ...]  # (name, value)


Part = Heading | Numbered | Entry

WITHIN_A_TIER = N_(
    "Within a tier, the order of the suggestion rules below. It is an order of reading, never a "
    "ranking of options for a person."
)
VERBS = {"is": N_("is"), "is_not": N_("is not"), "includes": N_("include"), "excludes": N_("do not include")}
# The kinds of rule, as the listing names them in brackets (a suggestion rule: its relevance).
KINDS = {
    "not yet": N_("not yet"),
    "note": N_("note"),
    "row": N_("row"),
    "ask": N_("ask"),
    "caution": N_("caution"),
    "withhold": N_("withhold"),
    "safety": N_("safety"),
    "preference": N_("preference"),
    "interest": N_("interest"),
    "general": N_("general"),
}


def describe_condition(catalog: Catalog, condition: Condition) -> str:
    labels: dict[str, str]
    if condition.key.startswith("matters.") and catalog.matters is not None:  # a priority's rating
        priority = next(p for p in catalog.matters.priorities if f"matters.{p.key}" == condition.key)
        name = _("How much “{name}” matters").format(name=priority.name)
        labels = {c.value: c.label for c in catalog.matters.choices}
    else:
        question = next(q for q in catalog.questions if q.key == condition.key)
        name, labels = question.name, {c.value: c.label for c in question.choices}
    joiner = _(" nor ") if condition.test == "is_not" else _(" or ")
    shown = joiner.join(f"“{labels[v]}”" for v in condition.values)
    return f"{name} {_(VERBS[condition.test])} {shown}"


def describe_when(catalog: Catalog, conditions: tuple[Condition, ...]) -> str:
    return _(" and ").join(describe_condition(catalog, c) for c in conditions) or _("always")


def order_parts(catalog: Catalog) -> list[Part]:
    """The ordering policy (rules/order.toml) as a numbered list, with its [[not_yet]] rules."""
    rules = catalog.rules
    parts: list[Part] = [Heading(_("The order of the reading list (rules/order.toml)"))]
    parts.append(Numbered(tuple(tier.says for tier in rules.order.tiers), _(WITHIN_A_TIER)))
    for rule in rules.not_yet:
        sections = _("{topics} cannot start yet: after the others at the same level").format(
            topics=", ".join(rule.topics)
        )
        when = describe_when(catalog, rule.when)
        fields = ((_("When"), when), (_("Sections about"), sections), (_("Why"), rule.why))
        parts.append(Entry(rule.id, _(KINDS["not yet"]), fields))
    return parts


def notes_parts(catalog: Catalog) -> list[Part]:
    """The rules attaching the explorer's notes (rules/notes.toml), and the notes that attach
    themselves to sections or comparison cells (data/notes.toml)."""
    rules = catalog.rules
    heading = _("{count} rules attaching the explorer's own notes (rules/notes.toml)").format(count=len(rules.attach))
    parts: list[Part] = [Heading(heading)]
    for attach in rules.attach:
        if attach.list:
            where = _("{notes} to the whole reading list").format(notes=", ".join(attach.notes))
        else:
            where = _("{notes} to sections about {topics}").format(
                notes=", ".join(attach.notes), topics=", ".join(attach.topics)
            )
        when = describe_when(catalog, attach.when)
        fields = ((_("When"), when), (_("Attaches"), where), (_("Why"), attach.why))
        parts.append(Entry(attach.id, _(KINDS["note"]), fields))
    fixed = [n for n in catalog.notes.values() if n.sections or n.topics or n.cells]
    parts.append(
        Heading(
            _("{count} notes shown wherever their sections or comparison cells are shown (data/notes.toml)").format(
                count=len(fixed)
            )
        )
    )
    for note in fixed:
        topics = (_("topic {topic}").format(topic=t) for t in note.topics)
        where_shown = [*note.sections, *topics, *(_("cell {cell}").format(cell=c) for c in note.cells)]
        parts.append(Entry(note.id, _(NOTE_KINDS.get(note.kind, note.kind)), ((_("On"), ", ".join(where_shown)),)))
    return parts


def matters_parts(catalog: Catalog) -> list[Part]:
    """The rules of "what matters to me" (rules/matters.toml): which points and questions are shown."""
    rules = catalog.rules
    count = len(rules.matter_rows) + len(rules.matter_asks)
    parts: list[Part] = [Heading(_("{count} rules of “what matters to me” (rules/matters.toml)").format(count=count))]
    for kind, chosen, shows in (("row", rules.matter_rows, N_("Shows")), ("ask", rules.matter_asks, N_("Asks, under"))):
        for rule in chosen:
            when = describe_when(catalog, rule.when)
            fields = (
                (_("When"), when),
                (_(shows), rule.priority),
                (_("Question"), rule.question),
                (_("Why"), rule.why),
            )
            parts.append(Entry(rule.id, _(KINDS[kind]), fields))
    return parts


def figures_parts(catalog: Catalog) -> list[Part]:
    """The rules offering outcome figures in the reading list (rules/figures.toml)."""
    rules = catalog.rules.figures
    heading = _("{count} rules offering outcome figures (rules/figures.toml)").format(count=len(rules))
    parts: list[Part] = [Heading(heading)]
    for rule in rules:
        when = describe_when(catalog, rule.when)
        fields = ((_("When"), when), (_("Offers"), ", ".join(rule.figures)), (_("Why"), rule.why))
        parts.append(Entry(rule.id, _("figures"), fields))
    return parts


def rule_parts(catalog: Catalog) -> list[Part]:
    """The whole rule book, in the order `rules` shows it."""
    rules = catalog.rules
    parts = order_parts(catalog)
    parts.append(Heading(_("{count} suggestion rules (rules/suggestions.toml)").format(count=len(rules.suggest))))
    for rule in rules.suggest:
        when = describe_when(catalog, rule.when)
        fields = ((_("When"), when), (_("Suggests"), ", ".join(rule.sections)), (_("Reason"), rule.reason))
        parts.append(Entry(rule.id, _(KINDS.get(rule.relevance, rule.relevance)), fields))
    count = len(rules.caution) + len(rules.withhold)
    parts.append(Heading(_("{count} safety rules (rules/safety.toml)").format(count=count)))
    for caution in rules.caution:
        source = caution.quote_from
        if caution.translation:  # the quote's unofficial translation, said to be one
            source = _("{source}; unofficial translation").format(source=source)
        quoted = f"{caution.lead} “{caution.translation or caution.quote}” ({source})"
        when = describe_when(catalog, caution.when)
        fields = ((_("When"), when), (_("On sections about"), ", ".join(caution.topics)), (_("Caution"), quoted))
        parts.append(Entry(caution.id, _(KINDS["caution"]), fields))
    for withhold in rules.withhold:
        when = describe_when(catalog, withhold.when)
        fields = (
            (_("When"), when),
            (_("Keeps out sections about"), ", ".join(withhold.topics)),
            (_("Why"), withhold.why),
        )
        parts.append(Entry(withhold.id, _(KINDS["withhold"]), fields))
    return [*parts, *notes_parts(catalog), *matters_parts(catalog), *figures_parts(catalog)]


def _text(part: Part, width: int) -> list[str]:
    if isinstance(part, Heading):
        return [wrap(part.text, width), ""]
    if isinstance(part, Numbered):
        items = [wrap(f"{n}. {says}", width, "  ", hang="   ") for n, says in enumerate(part.items, start=1)]
        return [*items, wrap(part.after, width, "  "), ""]
    fields = (wrap(f"{name}: {value}", width, "    ", at_hyphens=True) for name, value in part.fields)
    return [wrap(f"{part.id}  [{part.kind}]", width, at_hyphens=True), *fields, ""]


def rules_listing(catalog: Catalog, width: int) -> str:
    return "\n".join(line for part in rule_parts(catalog) for line in _text(part, width))


def _markdown(part: Part) -> list[str]:
    if isinstance(part, Heading):
        return [f"## {escape(part.text)}", ""]
    if isinstance(part, Numbered):
        return [*(f"{n}. {escape(says)}" for n, says in enumerate(part.items, start=1)), "", escape(part.after), ""]
    fields = (f"- **{escape(name)}:** {escape(value)}" for name, value in part.fields)
    return [f"### {escape(part.id)} ({escape(part.kind)})", "", *fields, ""]


def rules_markdown(catalog: Catalog) -> list[str]:
    return ["# " + _("The explorer's rules"), "", *(line for part in rule_parts(catalog) for line in _markdown(part))]
