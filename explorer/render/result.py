"""The reading list (a Result) in each format, and one section as a page. Pure functions; a
Result carries everything they need (answer labels, source labels), so they take nothing else.
The referral is not theirs to add: render/finish.py does that for every output."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.formats import Format
from explorer.referral import DISCLAIMER_LINES
from explorer.render import markdown
from explorer.render.finish import Output
from explorer.render.text import disclaimer, paragraphs, rule, wrap

if TYPE_CHECKING:  # types only: the closing referral must not import pydantic
    from explorer.content.documents import Section
    from explorer.infer.result import Result, Suggestion


def source_line(label: str) -> str:
    return f"From {label}"


def suggestion_header(number: int, item: Suggestion, width: int) -> str:
    lines = [wrap(f"{number}. {item.title}", width, hang="   "), wrap(source_line(item.source_label), width, "   ")]
    lines += [wrap(f"Why: {reason}", width, "   ") for reason in item.reasons]
    lines += [wrap(f"Caution: {caution}", width, "   ") for caution in item.cautions]
    return "\n".join(lines)


def section_page(section: Section | Suggestion, source_label: str, width: int) -> str:
    """One section to read: title, source, verbatim text."""
    head = f"{section.title}\n{source_line(source_label)}\n{rule(width)}"
    body = "\n\n".join(wrap(p, width) for p in paragraphs(section.text))
    return f"{wrap(head, width)}\n\n{body}\n"


def overview_text(result: Result, width: int) -> str:
    """The reading list without the full texts: what the interactive session shows first."""
    lines = ["Your answers", *(wrap(f"{name}: {shown}", width, "  ") for name, shown in result.preferences)]
    count = len(result.suggestions)
    lines += ["", wrap(f"Reading list: {count} sections from the documents, most relevant first", width), ""]
    for number, item in enumerate(result.suggestions, start=1):
        lines += [suggestion_header(number, item, width), ""]
    return "\n".join(lines)


def to_text(result: Result, width: int = 80) -> str:
    parts = [disclaimer(width), "", overview_text(result, width)]
    for number, item in enumerate(result.suggestions, start=1):
        parts += [rule(width), suggestion_header(number, item, width), ""]
        parts += ["\n\n".join(wrap(p, width) for p in paragraphs(item.text)), ""]
    return "\n".join(parts) + "\n"


def to_markdown(result: Result) -> list[str]:
    md = markdown.escape
    lines = ["# Treatment Options Explorer: reading list", "", *markdown.quote("\n".join(DISCLAIMER_LINES)), ""]
    lines += ["## Your answers", ""]
    lines += [f"- **{md(name)}:** {md(shown)}" for name, shown in result.preferences]
    lines += [
        "",
        "## Reading list",
        "",
        "Most relevant first. Each section is quoted verbatim from its source document.",
        "",
    ]
    for number, item in enumerate(result.suggestions, start=1):
        lines += [f"### {number}. {md(item.title)}", "", f"*{md(source_line(item.source_label))}*", ""]
        lines += [f"- **Why:** {md(reason)}" for reason in item.reasons]
        lines += [f"- **Caution:** {md(caution)}" for caution in item.cautions]
        lines += ["", *markdown.quote(item.text), ""]
    return lines


# The JSON contract (README, "Scripting"): what the renderers' own fields add stays out of it.
NOT_IN_JSON: Any = {"preferences": True, "suggestions": {"__all__": {"source_label"}}}


def render_result(result: Result, fmt: Format, width: int) -> Output:
    if fmt == Format.JSON:
        return Output(fmt, result.model_dump(mode="json", exclude=NOT_IN_JSON))
    if fmt == Format.MARKDOWN:
        return Output(fmt, to_markdown(result))
    return Output(Format.TEXT, to_text(result, width))


def render_section(section: Section, source_label: str, fmt: Format, width: int) -> Output:
    """`show ID` in each format."""
    if fmt == Format.JSON:
        return Output(fmt, section.model_dump(mode="json"))
    if fmt == Format.MARKDOWN:
        lines = [f"# {markdown.escape(section.title)}", "", f"*{markdown.escape(source_line(source_label))}*", ""]
        return Output(fmt, [*lines, *markdown.quote(section.text), ""])
    return Output(Format.TEXT, section_page(section, source_label, width) + "\n")
