"""The reading list (a Result) in each format, and one section as a page. Pure functions; a
Result carries everything they need (answer labels, source labels), so they take nothing else.
The referral is not theirs to add: render/finish.py does that for every output."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.formats import Format
from explorer.i18n import N_, _, ngettext
from explorer.referral import disclaimer_lines
from explorer.render import markdown
from explorer.render.finish import Output
from explorer.render.matters import matters_markdown, matters_text
from explorer.render.notes import LIST_NOTES_HEADING, lines_for, list_notes_text, notes_block, notes_markdown
from explorer.render.text import RULE_LINE, disclaimer, rule, wrap
from explorer.render.translated import quoted_markdown, quoted_text

if TYPE_CHECKING:  # types only: the closing referral must not import pydantic
    from collections.abc import Sequence

    from explorer.content.documents import Section
    from explorer.content.notes import Note, ShownNote
    from explorer.infer.result import Result, Suggestion


def source_line(label: str) -> str:
    return _("From {source}").format(source=label)


def suggestion_header(number: int, item: Suggestion, width: int, plain: bool = False) -> str:
    lines = [wrap(f"{number}. {item.title}", width, hang="   "), wrap(source_line(item.source_label), width, "   ")]
    lines += [wrap(_("Why: {reason}").format(reason=reason), width, "   ") for reason in item.reasons]
    lines += [wrap(_("Caution: {caution}").format(caution=caution), width, "   ") for caution in item.cautions]
    for note in item.notes:
        lines += lines_for(plain)(note, width, "   ")
    return "\n".join(lines)


def section_page(
    section: Section | Suggestion,
    source_label: str,
    width: int,
    notes: Sequence[Note | ShownNote] = (),
    plain: bool = False,
) -> str:
    """One section to read: title, source, verbatim text; then the explorer's notes on it, set
    apart from the quote (`plain`: with words only, their addresses whole)."""
    head = f"{section.title}\n{source_line(source_label)}" + ("" if plain else f"\n{rule(width)}")
    body = quoted_text(section, width)
    return f"{wrap(head, width)}\n\n{body}\n{notes_block(notes, width, lines_for(plain), plain)}"


def short_reason(reason: str) -> str:
    """A reason's lead, up to its colon ("Because you asked about overdose"): every reason in
    rules/suggestions.toml starts with it, and the section view gives the whole sentence."""
    return reason.partition(": ")[0].rstrip(".")


def grouped(result: Result) -> list[tuple[str, list[tuple[int, Suggestion]]]]:
    """The reading list's entries, numbered, under their group headings (rules/order.toml)."""
    groups: list[tuple[str, list[tuple[int, Suggestion]]]] = []
    for number, item in enumerate(result.suggestions, start=1):
        if not groups or groups[-1][0] != item.group:
            groups.append((item.group, []))
        groups[-1][1].append((number, item))
    return groups


def overview_text(result: Result, width: int) -> str:
    """The line above the session's reading-list menu. The menu itself carries the rest: the group
    headings, and each entry's short reasons (`entry_details`), so that they stay on screen with
    it; the long forms (whole reasons, cautions, notes) are in the section view."""
    count = len(result.suggestions)
    groups = len(grouped(result))
    said = ngettext(
        "Reading list: {count} sections from the documents, in {groups} group.",
        "Reading list: {count} sections from the documents, in {groups} groups.",
        groups,
    )
    return wrap(said.format(count=count, groups=groups), width)


def group_headings(result: Result) -> dict[str, str]:
    """Each group's heading, by the id of the group's first entry (a menu's `headings`)."""
    return {entries[0][1].id: group for group, entries in grouped(result) if group}


CAUTION_INSIDE = N_("It carries a caution, shown first in the section.")


def entry_detail(item: Suggestion) -> str:
    """An entry's short reasons in one sentence, and whether it carries a caution: what the menu
    shows with the entry."""
    # Several rules may give an entry the same lead ("Because you asked how the medicines work"):
    # each is said once, or the sentence would repeat itself.
    leads = list(dict.fromkeys(short_reason(reason) for reason in item.reasons))
    more = _(", and {lead}")
    said = leads[0] + "".join(more.format(lead=lead[:1].lower() + lead[1:]) for lead in leads[1:]) + "."
    return f"{said} {_(CAUTION_INSIDE)}" if item.cautions else said


def entry_details(result: Result) -> dict[str, str]:
    """Every entry's detail, by its id (a menu's `details`)."""
    return {item.id: entry_detail(item) for item in result.suggestions}


def list_text(result: Result, width: int, plain: bool = False) -> str:
    """The reading list in full without the section texts, under the group headings: the text
    output's first part (`plain`: no rule lines, the notes' addresses whole)."""
    lines = [_("Your answers"), *(wrap(f"{name}: {shown}", width, "  ") for name, shown in result.preferences)]
    count = len(result.suggestions)
    lines += ["", *list_notes_text(result.notes, width, lines_for(plain))]
    heading = _("Reading list: {count} sections from the documents, safety first, then what fits the answers").format(
        count=count
    )
    lines += [wrap(heading, width), ""]
    for group, entries in grouped(result):
        underline = [] if plain else [RULE_LINE * min(len(group), width)]
        lines += [wrap(group, width), *underline, ""] if group else []
        for number, item in entries:
            lines += [suggestion_header(number, item, width, plain), ""]
    return "\n".join(lines)


def to_text(result: Result, width: int = 80, plain: bool = False) -> str:
    parts = [disclaimer(width), "", list_text(result, width, plain)]
    for number, item in enumerate(result.suggestions, start=1):
        parts += [*([] if plain else [rule(width)]), suggestion_header(number, item, width, plain), ""]
        parts += [quoted_text(item, width), ""]
    if result.matters is not None:  # "what matters to me", after the reading list
        parts.append(matters_text(result.matters, width, lines_for(plain), plain))
    return "\n".join(parts) + "\n"


def to_markdown(result: Result) -> list[str]:
    md = markdown.escape
    title = _("Treatment Options Explorer: reading list")
    lines = [f"# {title}", "", *markdown.quote("\n".join(disclaimer_lines())), ""]
    lines += ["## " + _("Your answers"), ""]
    lines += [f"- **{md(name)}:** {md(shown)}" for name, shown in result.preferences]
    lines += ["", *notes_markdown(result.notes, LIST_NOTES_HEADING)]
    lines += [
        "## " + _("Reading list"),
        "",
        _(
            "Safety first, then what fits the answers (treatment-explorer rules shows the order). Each "
            "section quotes its document word for word. The explorer's own notes come after it, marked "
            "as its own."
        ),
        "",
    ]
    for number, item in enumerate(result.suggestions, start=1):
        lines += [f"### {number}. {md(item.title)}", "", f"*{md(source_line(item.source_label))}*", ""]
        lines += [f"- **{_('Why:')}** {md(reason)}" for reason in item.reasons]
        lines += [f"- **{_('Caution:')}** {md(caution)}" for caution in item.cautions]
        lines += ["", *quoted_markdown(item), ""]
        lines += notes_markdown(item.notes)
    if result.matters is not None:  # "what matters to me", after the reading list
        lines += matters_markdown(result.matters)
    return lines


def render_result(result: Result, fmt: Format, width: int, plain: bool = False) -> Output:
    if fmt == Format.JSON:  # the published contract (explorer/published/, docs/scripting.md)
        from explorer.published.reading_list import reading_list_json

        return Output(fmt, reading_list_json(result))
    if fmt == Format.MARKDOWN:
        return Output(fmt, to_markdown(result))
    return Output(Format.TEXT, to_text(result, width, plain))


def render_section(
    section: Section,
    source_label: str,
    fmt: Format,
    width: int,
    notes: Sequence[ShownNote] = (),
    plain: bool = False,
) -> Output:
    """`show ID` in each format, with the explorer's notes on the section."""
    if fmt == Format.JSON:
        from explorer.published.listings import section_json

        return Output(fmt, section_json(section, notes))
    if fmt == Format.MARKDOWN:
        lines = [f"# {markdown.escape(section.title)}", "", f"*{markdown.escape(source_line(source_label))}*", ""]
        return Output(fmt, [*lines, *quoted_markdown(section), "", *notes_markdown(notes)])
    return Output(Format.TEXT, section_page(section, source_label, width, notes, plain) + "\n")
