"""The explorer's own notes in every format: always labelled as the explorer's, with their kind,
the date they were checked and their sources; never shown as a quote (quotes are the documents').
Pure functions."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from explorer.render import markdown
from explorer.render.text import fill, rule, wrap

if TYPE_CHECKING:  # types only: the closing referral must not import pydantic
    from explorer.content.notes import Note, ShownNote

    AnyNote = Note | ShownNote

NOTE_LABEL = "Explorer's note"
NOTES_HEADING = "The explorer's own notes (not from the documents)"
LIST_NOTES_HEADING = NOTES_HEADING + ", about this whole list:"


def _shown(note: AnyNote, today: datetime.date | None) -> ShownNote:
    from explorer.content.notes import Note

    return note.shown(today) if isinstance(note, Note) else note


def note_sentences(note: AnyNote, today: datetime.date | None = None) -> tuple[str, str]:
    """(the note with its label, kind, date and any out-of-date warning; its sources)."""
    shown = _shown(note, today)
    head = f"{NOTE_LABEL} ({shown.kind}, checked {shown.checked.isoformat()}): {shown.text}"
    if shown.may_be_out_of_date and shown.review_by is not None:
        head += f" This note was due for review on {shown.review_by.isoformat()} and may be out of date."
    sources = "; ".join(f"{s.publisher}, {s.title}, {s.date}, {s.address}" for s in shown.sources)
    return head, f"{'Source' if len(shown.sources) == 1 else 'Sources'}: {sources}"


def note_lines(note: AnyNote, width: int, indent: str = "", today: datetime.date | None = None) -> list[str]:
    """The note, then its sources indented under it. A web address too long for the line is cut
    (at a hyphen where it can be): a source's address may be long, the screen never overflows."""
    head, sources = note_sentences(note, today)
    width = max(width, len(indent) + 20)
    cited = fill(sources, width, indent + "  ", hyphens=True, break_words=True)
    return [wrap(head, width, indent), "\n".join(cited)]


def notes_block(notes: Iterable[AnyNote], width: int) -> str:
    """The notes after a section's verbatim text, set apart from it by a short rule and a heading;
    empty when there are none."""
    notes = tuple(notes)
    if not notes:
        return ""
    body = "".join("\n" + "\n".join(note_lines(n, width)) + "\n" for n in notes)
    return f"\n{rule(min(width, 20))}\n{wrap(NOTES_HEADING + ':', width)}\n{body}"


def list_notes_text(notes: Iterable[AnyNote], width: int) -> list[str]:
    """The notes about the whole reading list, before its first section."""
    notes = tuple(notes)
    if not notes:
        return []
    lines = [wrap(LIST_NOTES_HEADING, width), ""]
    for note in notes:
        lines += [*note_lines(note, width, "  "), ""]
    return lines


def notes_markdown(notes: Iterable[AnyNote], heading: str = NOTES_HEADING + ":") -> list[str]:
    """The explorer's notes as a list, never as a block quote."""
    notes = tuple(notes)
    if not notes:
        return []
    return [f"*{markdown.escape(heading)}*", "", *(note_markdown_item(note) for note in notes), ""]


def note_markdown_item(note: AnyNote) -> str:
    """One note as a Markdown list item: its label in bold, then its words, then its sources."""
    md = markdown.escape
    head, sources = note_sentences(note)
    label, _, rest = head.partition(": ")
    return f"- **{md(label)}:** {md(rest)}  \n  {md(sources)}"
