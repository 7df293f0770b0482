"""A section of the reading list as the interactive session shows it: why it was suggested, its
cautions and the explorer's notes first, where they are read, then the section's verbatim text
after a heading that says whose words follow. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from explorer.i18n import N_, _
from explorer.render.notes import note_lines, notes_block
from explorer.render.result import short_reason, source_line
from explorer.render.text import paragraphs, rule, wrap
from explorer.render.translated import TRANSLATION_HEADING

if TYPE_CHECKING:
    from explorer.infer.result import Suggestion
    from explorer.render.notes import NoteLines

QUOTE_HEADING = N_("The document says:")


def why(reason: str, said_under: int | None) -> str:
    """A reason in full, or, when given in full under an earlier section, its short form."""
    if said_under is None:
        return _("Why: {reason}").format(reason=reason)
    return _("Why: {reason} (as for section {number}).").format(reason=short_reason(reason), number=said_under)


def short_label(label: str) -> str:
    """A document's label without the words on its kind, said the first time: its title."""
    return label.split(" (")[0]


def reading_page(
    item: Suggestion,
    width: int,
    shown: NoteLines = note_lines,
    plain: bool = False,
    said: Mapping[str, int] = {},
    source_known: bool = False,
) -> str:
    """`shown` lays out each note (the session: in full once, then named in one line); `plain`:
    no rule lines and fewer blank lines, for screen readers; `said`: the reasons already given
    in full, with the number of the section they were given under; `source_known`: the document
    was named in full before, its title is enough."""
    source = short_label(item.source_label) if source_known else item.source_label
    lines = [wrap(item.title, width), wrap(source_line(source), width)]
    lines += [] if plain else [rule(width), ""]
    lines += [wrap(why(reason, said.get(reason)), width, hang="  ") for reason in item.reasons]
    lines += [wrap(_("Caution: {caution}").format(caution=caution), width, hang="  ") for caution in item.cautions]
    notes = notes_block(item.notes, width, shown, plain)
    lines += [*([] if plain else [""]), notes.strip("\n")] if notes else []
    heading = wrap(_(TRANSLATION_HEADING if item.translation else QUOTE_HEADING), width)
    lines += [heading] if plain else ["", rule(min(width, 20)), heading, ""]
    lines.append("\n\n".join(wrap(p, width) for p in paragraphs(item.translation or item.text)))
    return "\n".join(lines)
