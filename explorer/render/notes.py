"""The explorer's own notes in every format: always labelled as the explorer's, with their kind,
the date they were checked and their sources; never shown as a quote (quotes are the documents').
Pure functions."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

from explorer.i18n import N_, _, ngettext
from explorer.render import markdown
from explorer.render.text import fill, rule, wrap

if TYPE_CHECKING:  # types only: the closing referral must not import pydantic
    from explorer.content.notes import Note, ShownNote

    AnyNote = Note | ShownNote
    NoteLines = Callable[[AnyNote, int, str], list[str]]  # (note, width, indent) -> its lines

NOTE_LABEL = N_("Explorer's note")
NOTES_HEADING = N_("The explorer's own notes (not from the documents)")
LIST_NOTES_HEADING = N_("The explorer's own notes (not from the documents), about this whole list:")
SOURCES_HEADING = N_("Sources of the explorer's notes here:")
# A source as a note cites it. The titles stay as their publishers wrote them: in Spanish the
# citation says they are in English.
CITED = N_("{publisher}, {title}, {date}")
# A note's kind as a reader sees it (the data keeps the English word, a key).
KINDS = {"correction": N_("correction"), "update": N_("update"), "safety": N_("safety"), "context": N_("context")}


def _shown(note: AnyNote, today: datetime.date | None) -> ShownNote:
    from explorer.content.notes import Note

    return note.shown(today) if isinstance(note, Note) else note


def note_label(note: AnyNote) -> str:
    """The note's label and name: "Explorer's note on lost tolerance"."""
    return _("Explorer's note on {name}").format(name=note.name)


def note_sentences(note: AnyNote, today: datetime.date | None = None) -> tuple[str, str]:
    """(the note with its label, kind, date and any out-of-date warning; its sources)."""
    shown = _shown(note, today)
    kind = _(KINDS.get(shown.kind, shown.kind))
    head = _("{label} ({kind}, checked {date}): {text}").format(
        label=note_label(shown), kind=kind, date=shown.checked.isoformat(), text=shown.text
    )
    if shown.may_be_out_of_date and shown.review_by is not None:
        head += " " + _("This note was due for review on {date} and may be out of date.").format(
            date=shown.review_by.isoformat()
        )
    cited = _(CITED)
    sources = "; ".join(
        cited.format(publisher=s.publisher, title=s.title, date=s.date) + f", {s.address}" for s in shown.sources
    )
    return head, ngettext("Source: {sources}", "Sources: {sources}", len(shown.sources)).format(sources=sources)


def note_lines(note: AnyNote, width: int, indent: str = "", today: datetime.date | None = None) -> list[str]:
    """The note, then its sources indented under it. A web address too long for the line is cut
    (at a hyphen where it can be): a source's address may be long, the screen never overflows."""
    head, sources = note_sentences(note, today)
    width = max(width, len(indent) + 20)
    cited = fill(sources, width, indent + "  ", hyphens=True, break_words=True)
    return [wrap(head, width, indent), "\n".join(cited)]


def whole_addresses(note: AnyNote, width: int, indent: str = "") -> list[str]:
    """The note, then each source with its web address on a line of its own, never split: for
    --plain, where a screen reader reads what is printed (a NoteLines)."""
    return [wrap(note_sentences(note)[0], width, indent), *source_lines(note, width, indent + "  ")]


def lines_for(plain: bool) -> NoteLines:
    """How a note is laid out in full: its addresses whole with --plain, else cut at the width."""
    return whole_addresses if plain else note_lines


def _names(notes: Iterable[AnyNote]) -> str:
    names = [note.name for note in notes]
    if len(names) == 1:
        return names[0]
    return _("{names} and on {last}").format(names=_(", on ").join(names[:-1]), last=names[-1])


def pointer(notes: Iterable[AnyNote]) -> str:
    """Notes already shown in full, named in one sentence where they apply again."""
    notes = tuple(notes)
    return ngettext(
        "See the explorer's note on {names}, shown earlier.",
        "See the explorer's notes on {names}, shown earlier.",
        len(notes),
    ).format(names=_names(notes))


class OnScreen:
    """How the interactive session shows notes (a NoteLines): in full the first time, without
    their sources (one key away, s: `sources_text`); once a note's id is in `seen`, it is only
    named, in one sentence with the others already shown."""

    SOURCES_KEY = N_("s: their sources")

    def __init__(self, seen: Collection[str]) -> None:
        self.seen = seen

    def __call__(self, note: AnyNote, width: int, indent: str = "") -> list[str]:
        if note.id in self.seen:
            return [wrap(pointer([note]), width, indent)]
        return [wrap(note_sentences(note)[0], width, indent)]

    def split(self, notes: Iterable[AnyNote]) -> tuple[list[AnyNote], list[AnyNote]]:
        """(the notes to show in full, the notes shown before), each in their order."""
        notes = list(notes)
        return [n for n in notes if n.id not in self.seen], [n for n in notes if n.id in self.seen]

    def heading(self, heading: str) -> str:
        """A heading of notes, naming the key for their sources: "(not from the documents; s: ...)"."""
        return _(heading).replace(")", f"; {_(self.SOURCES_KEY)})", 1)


def source_lines(note: AnyNote, width: int, indent: str = "") -> list[str]:
    """Each source of the note: its publisher, title and date, then its web address on a line of
    its own, never split (a longer address runs past the width rather than break)."""
    lines: list[str] = []
    for source in _shown(note, None).sources:
        cited = _(CITED).format(publisher=source.publisher, title=source.title, date=source.date)
        lines += [wrap(cited, width, indent, hang="  ")]
        lines.append(f"{indent}  {source.address}")
    return lines


def sources_text(notes: Iterable[AnyNote], width: int) -> str:
    """The sources of `notes` (each note once), under the note they belong to: what the session
    shows when asked (s), where the notes are shown without them."""
    unique = list({note.id: note for note in notes}.values())
    lines = [wrap(_(SOURCES_HEADING), width)]
    for note in unique:
        lines += ["", wrap(_("On {name}:").format(name=note.name), width, "  "), *source_lines(note, width, "    ")]
    return "\n".join(lines)


def _body(notes: tuple[AnyNote, ...], width: int, shown: NoteLines, indent: str, gap: bool = True) -> list[str]:
    """Each note (as `shown` lays it out) followed by a blank line (not without `gap`); with
    OnScreen, the notes shown before are named together in one sentence after the others."""
    after = [""] if gap else []
    if not isinstance(shown, OnScreen):
        return [line for note in notes for line in (*shown(note, width, indent), *after)]
    new, named = shown.split(notes)
    lines = [line for note in new for line in (*shown(note, width, indent), *after)]
    return lines + ([wrap(pointer(named), width, indent), *after] if named else [])


def _heading(heading: str, shown: NoteLines) -> str:
    return shown.heading(heading) if isinstance(shown, OnScreen) else _(heading)


def notes_block(notes: Iterable[AnyNote], width: int, shown: NoteLines = note_lines, plain: bool = False) -> str:
    """The notes after a section's verbatim text, set apart from it by a heading (and a short rule,
    but with `plain`); empty when there are none. `shown` lays out each note (by default in full,
    with its sources); when it only names notes shown before, their one sentence needs no heading.
    With `plain`, no blank lines either."""
    notes = tuple(notes)
    if not notes:
        return ""
    body = _body(notes, width, shown, "", gap=not plain)
    if isinstance(shown, OnScreen) and not shown.split(notes)[0]:
        return "\n" + "\n".join(body)
    if plain:
        return "\n" + wrap(_heading(NOTES_HEADING, shown) + ":", width) + "\n" + "\n".join(body)
    return f"\n{rule(min(width, 20))}\n{wrap(_heading(NOTES_HEADING, shown) + ':', width)}\n\n" + "\n".join(body)


def list_notes_text(notes: Iterable[AnyNote], width: int, shown: NoteLines = note_lines) -> list[str]:
    """The notes about the whole reading list, before its first section."""
    notes = tuple(notes)
    if not notes:
        return []
    return [wrap(_heading(LIST_NOTES_HEADING, shown), width), "", *_body(notes, width, shown, "  ")]


def notes_markdown(notes: Iterable[AnyNote], heading: str | None = None) -> list[str]:
    """The explorer's notes as a list, never as a block quote; under `heading` (by default the
    notes' own, with a colon)."""
    notes = tuple(notes)
    if not notes:
        return []
    said = _(NOTES_HEADING) + ":" if heading is None else _(heading)
    return [f"*{markdown.escape(said)}*", "", *(note_markdown_item(note) for note in notes), ""]


def note_markdown_item(note: AnyNote) -> str:
    """One note as a Markdown list item: its label in bold, then its words, then its sources."""
    md = markdown.escape
    head, sources = note_sentences(note)
    label, _colon, rest = head.partition(": ")
    return f"- **{md(label)}:** {md(rest)}  \n  {md(sources)}"
