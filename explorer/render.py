"""Text, Markdown and JSON from a Result, and the other listings. Pure functions returning str.

The referral block is rendered here and only here; every full output ends with it.
"""

from __future__ import annotations

import functools
import json
import textwrap
from typing import TYPE_CHECKING

from explorer.referral import DISCLAIMER_LINES, REFERRAL_LINES, REFERRAL_TITLE
from explorer.content.wording import personalize

if TYPE_CHECKING:  # types only: --help and the closing referral must not import pydantic
    from explorer.content.catalog import Catalog
    from explorer.content.models import Answers, Condition, Result, Section, Suggestion

FORMATS = ("text", "markdown", "json")
RULE_LINE = "─"


def wrap(text: str, width: int, indent: str = "", hang: str = "", at_hyphens: bool = False) -> str:
    """Each line of `text` is a paragraph; wraps at `width` without ever breaking a word.
    `hang` indents a paragraph's continuation lines further (under a number, say). `at_hyphens`
    lets an id too long for the line break after a hyphen; prose keeps "1-800-662-HELP" whole."""
    width = max(width, len(indent) + 20)
    paragraphs = []
    for line in text.split("\n"):
        if not line.strip():
            paragraphs.append("")
            continue
        own_indent = indent + line[: len(line) - len(line.lstrip())]
        bullet = line.lstrip().startswith("• ")
        fill = functools.partial(
            textwrap.fill,
            line.strip(),
            width=width,
            initial_indent=own_indent,
            subsequent_indent=own_indent + hang + ("  " if bullet else ""),
            break_long_words=False,
        )
        filled = fill(break_on_hyphens=False)
        if at_hyphens and any(len(part) > width for part in filled.split("\n")):
            filled = fill(break_on_hyphens=True)
        paragraphs.append(filled)
    return "\n".join(paragraphs)


def _paragraphs(text: str) -> list[str]:
    """Documents separate paragraphs by one or two newlines; both become one paragraph each."""
    return [line.strip() for line in text.split("\n") if line.strip()]


# ---- pieces shared by the formats -------------------------------------------------------------


def preferences(catalog: Catalog, answers: Answers) -> list[tuple[str, str]]:
    """The stated preferences in plain words: (question name, chosen label)."""
    rows = []
    for question in catalog.questions:
        labels = {c.value: personalize(c.label, answers.for_whom) for c in question.choices}
        value = getattr(answers, question.key)
        if question.key == "interests":
            shown = ", ".join(labels[v] for v in value) or "nothing in particular"
        else:
            shown = labels[value]
        rows.append((question.name, shown))
    return rows


def disclaimer(width: int) -> str:
    return "\n\n".join(wrap(line, width) for line in DISCLAIMER_LINES)


def referral(width: int) -> str:
    body = "\n".join(wrap(line, width, "  ") if line else "" for line in REFERRAL_LINES)
    return f"{RULE_LINE * min(width, 60)}\n{REFERRAL_TITLE.upper()}\n{body}\n"


def source_line(catalog: Catalog, source: str) -> str:
    return f"From {catalog.document_label(source)}"


def suggestion_header(catalog: Catalog, number: int, item: Suggestion, width: int) -> str:
    lines = [wrap(f"{number}. {item.title}", width, hang="   "), wrap(source_line(catalog, item.source), width, "   ")]
    lines += [wrap(f"Why: {reason}", width, "   ") for reason in item.reasons]
    lines += [wrap(f"Caution: {caution}", width, "   ") for caution in item.cautions]
    return "\n".join(lines)


def section_page(catalog: Catalog, section: Section | Suggestion, width: int) -> str:
    """One section to read: title, source, verbatim text."""
    head = f"{section.title}\n{source_line(catalog, section.source)}\n{RULE_LINE * min(width, 60)}"
    body = "\n\n".join(wrap(p, width) for p in _paragraphs(section.text))
    return f"{wrap(head, width)}\n\n{body}\n"


# ---- the reading list ---------------------------------------------------------------------------


def overview_text(catalog: Catalog, result: Result, width: int) -> str:
    """The reading list without the full texts: what the interactive session shows first."""
    lines = ["Your answers", *(wrap(f"{name}: {shown}", width, "  ") for name, shown in preferences(catalog, result.answers))]
    count = len(result.suggestions)
    lines += ["", wrap(f"Reading list: {count} sections from the documents, most relevant first", width), ""]
    for number, item in enumerate(result.suggestions, start=1):
        lines += [suggestion_header(catalog, number, item, width), ""]
    return "\n".join(lines)


def to_text(catalog: Catalog, result: Result, width: int = 80) -> str:
    parts = [disclaimer(width), "", overview_text(catalog, result, width)]
    for number, item in enumerate(result.suggestions, start=1):
        parts += [RULE_LINE * min(width, 60), suggestion_header(catalog, number, item, width), ""]
        parts += ["\n\n".join(wrap(p, width) for p in _paragraphs(item.text)), ""]
    parts.append(referral(width))
    return "\n".join(parts)


def _md(text: str) -> str:
    """Escapes the characters that would turn quoted document text into Markdown markup."""
    out = text.replace("\\", "\\\\")
    for char in "*_`[]<>#|":
        out = out.replace(char, "\\" + char)
    return out


def _md_quote(text: str) -> list[str]:
    lines = []
    for paragraph in _paragraphs(text):
        lines += [f"> {_md(paragraph)}", ">"]
    return lines[:-1]


def _md_referral() -> list[str]:
    return [f"## {REFERRAL_TITLE}", "", *(_md(line.strip()) + "  " if line else "" for line in REFERRAL_LINES)]


def to_markdown(catalog: Catalog, result: Result) -> str:
    lines = ["# Treatment Options Explorer: reading list", "", *_md_quote("\n".join(DISCLAIMER_LINES)), ""]
    lines += ["## Your answers", ""]
    lines += [f"- **{_md(name)}:** {_md(shown)}" for name, shown in preferences(catalog, result.answers)]
    lines += ["", "## Reading list", "", "Most relevant first. Each section is quoted verbatim from its source document.", ""]
    for number, item in enumerate(result.suggestions, start=1):
        lines += [f"### {number}. {_md(item.title)}", "", f"*{_md(source_line(catalog, item.source))}*", ""]
        lines += [f"- **Why:** {_md(reason)}" for reason in item.reasons]
        lines += [f"- **Caution:** {_md(caution)}" for caution in item.cautions]
        lines += ["", *_md_quote(item.text), ""]
    lines += _md_referral()
    return "\n".join(lines).rstrip() + "\n"


def section_markdown(catalog: Catalog, section: Section) -> str:
    lines = [f"# {_md(section.title)}", "", f"*{_md(source_line(catalog, section.source))}*", ""]
    lines += [*_md_quote(section.text), "", *_md_referral()]
    return "\n".join(lines).rstrip() + "\n"


def to_json(result: Result) -> str:
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def render_result(catalog: Catalog, result: Result, fmt: str, width: int) -> str:
    if fmt == "json":
        return to_json(result)
    if fmt == "markdown":
        return to_markdown(catalog, result)
    return to_text(catalog, result, width)


# ---- listings ----------------------------------------------------------------------------------


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
        lines += _rule_entry(f"{rule.id}  [{rule.relevance}]", [
            ("When", describe_when(catalog, rule.when)),
            ("Suggests", ", ".join(rule.sections)),
            ("Reason", rule.reason),
        ], width)
    lines += [wrap(f"{len(rules.caution) + len(rules.withhold)} safety rules (rules/safety.toml)", width), ""]
    for caution in rules.caution:
        lines += _rule_entry(f"{caution.id}  [caution]", [
            ("When", describe_when(catalog, caution.when)),
            ("On sections about", ", ".join(caution.topics)),
            ("Caution", f"{caution.lead} “{caution.quote}” ({caution.quote_from})"),
        ], width)
    for withhold in rules.withhold:
        lines += _rule_entry(f"{withhold.id}  [withhold]", [
            ("When", describe_when(catalog, withhold.when)),
            ("Keeps out sections about", ", ".join(withhold.topics)),
            ("Why", withhold.why),
        ], width)
    return "\n".join(lines)
