""" "What matters to me" in each format: every point marked as mattering, each option in the fixed
order with its quote (and source) or the documents' silence, then the explorer's notes, set apart;
then the questions to ask a professional. Pure functions; the referral is render/finish.py's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.i18n import N_, _
from explorer.render import markdown
from explorer.render.notes import note_lines, note_markdown_item
from explorer.render.text import rule, wrap

if TYPE_CHECKING:  # types only
    from explorer.infer.result import Entry, MattersSection, Point
    from explorer.render.notes import NoteLines

QUESTIONS_HEADING = N_("To ask a professional:")
NOTHING_MARKED = N_("No point was marked as mattering a lot or somewhat.")


def _rated(point: Point) -> str:
    return _("{name} (how much it matters: {rating})").format(name=point.name, rating=point.rating_label)


def _quote_source(entry: Entry) -> str:
    assert entry.quote is not None
    if entry.quote.translation:  # the words shown are the explorer's translation: the line says so
        said = _("Unofficial translation of a quote from the section “{section}” of {source}")
    else:
        said = _("From the section “{section}” of {source}")
    return said.format(section=entry.quote.section_title, source=entry.quote.source_label)


def _quoted(entry: Entry) -> str:
    assert entry.quote is not None
    return entry.quote.translation or entry.quote.text


def _entry_text(entry: Entry, width: int, indent: str, shown: NoteLines) -> list[str]:
    deeper = indent + "  "
    lines = [wrap(entry.label, width, indent)]
    if entry.quote is not None:
        lines += [wrap(f"“{_quoted(entry)}”", width, deeper), wrap(_quote_source(entry), width, deeper)]
    elif entry.says:
        lines.append(wrap(entry.says, width, deeper))
    for note in entry.notes:
        lines += shown(note, width, deeper)
    return lines


def matters_text(section: MattersSection, width: int, shown: NoteLines = note_lines, plain: bool = False) -> str:
    """The section as plain text, after the reading list. `shown` lays out each note (by default
    in full, with its sources); `plain`: no rule line, no bullets."""
    lines = [] if plain else [rule(width)]
    lines += [wrap(section.heading, width), "", wrap(section.intro, width), ""]
    lines += [wrap(section.not_weighed, width), ""]
    if not section.points:
        lines += [wrap(_(NOTHING_MARKED), width), ""]
    for point in section.points:
        lines += [wrap(_rated(point), width), ""]
        for entry in point.options:
            lines += [*_entry_text(entry, width, "  ", shown), ""]
        if point.about_all is not None:
            lines += [*_entry_text(point.about_all, width, "  ", shown), ""]
        lines.append(wrap(_(QUESTIONS_HEADING), width, "  "))
        bullet = "" if plain else "• "
        lines += [wrap(f"{bullet}{question}", width, "    ") for question in point.questions]
        lines.append("")
    return "\n".join(lines)


def _entry_markdown(entry: Entry) -> list[str]:
    md = markdown.escape
    lines = [f"**{md(entry.label)}**", ""]
    if entry.quote is not None:
        lines += [*markdown.quote(_quoted(entry)), "", f"*{md(_quote_source(entry))}*", ""]
    elif entry.says:
        lines += [md(entry.says), ""]
    lines += [note_markdown_item(note) for note in entry.notes]  # the explorer's words: never a block quote
    return [*lines, ""] if entry.notes else lines


def matters_markdown(section: MattersSection) -> list[str]:
    md = markdown.escape
    lines = [f"## {md(section.heading)}", "", md(section.intro), "", f"**{md(section.not_weighed)}**", ""]
    if not section.points:
        lines += [_(NOTHING_MARKED), ""]
    for point in section.points:
        lines += [f"### {md(_rated(point))}", ""]
        for entry in point.options:
            lines += _entry_markdown(entry)
        if point.about_all is not None:
            lines += _entry_markdown(point.about_all)
        lines += [f"*{md(_(QUESTIONS_HEADING))}*", "", *(f"- {md(q)}" for q in point.questions), ""]
    return lines
