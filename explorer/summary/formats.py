"""The take-home summary as HTML (Jinja2, autoescaped) or Markdown. Pure: str in, str out.

Jinja2 is imported only when HTML is asked for: scripted runs that save nothing never load it.
"""

from __future__ import annotations

from collections.abc import Sequence

from explorer.content.comparison import ABOUT_ALL
from explorer.content.comparison_table import Cell
from explorer.content.matters import SILENT
from explorer.content.notes import ShownNote
from explorer.content.resources import templates
from explorer.formats import Format
from explorer.i18n import N_, _, language, ngettext
from explorer.infer.result import MattersSection
from explorer.render.comparison import all_notes, comparison_intro, markdown_table, note_numbers
from explorer.render.glossary import INTRO as GLOSSARY_INTRO
from explorer.render.markdown import escape, quote
from explorer.render.matters import QUESTIONS_HEADING, matters_markdown
from explorer.render.notes import KINDS as NOTE_KINDS
from explorer.render.notes import LIST_NOTES_HEADING, NOTE_LABEL, NOTES_HEADING, note_sentences, notes_markdown
from explorer.render.text import paragraphs
from explorer.render.translated import quoted_markdown
from explorer.summary.models import Summary

TITLE = N_("Treatment options: a summary to bring to an appointment")
CAPTION = N_(
    "Quoted from the documents (“source 1” and so on: the list under the table). Where they say "
    "nothing, the cell says so. A numbered note in a cell is the explorer's own, listed below the "
    "table. A column marked “Matches” meets a stated preference. That is not a recommendation."
)
READING_INTRO = N_(
    "Safety first, then what fits the answers (treatment-explorer rules shows the order). Each "
    "section quotes its document word for word. The explorer's own notes come after it, marked "
    "as its own."
)
QUESTIONS_INTRO = N_(
    "Questions to ask a healthcare professional. The explorer picked them to fit the preferences above."
)
# The part for a family member or friend: their own questions, by whom they are asked of.
FAMILY_HEADING = N_("For family and friends")
FAMILY_INTRO = N_("Questions you may want to ask for yourself. Notes for family and friends open the reading list.")
SOURCES_HEADING = N_("Where the quotes in the table come from")
PRINT_NOTE = N_(
    "On paper, each section shows why the explorer suggests it, with its cautions and notes. The "
    "saved file holds its full quoted text."
)
PRINTED_ABOVE = N_("The explorer's notes printed above that apply here too")
MATTERS_NAME = N_("What matters")  # among the preferences: the points rated, with how much
GLOSSARY_HEADING = N_("Words used here")
OWN_NOTES_HEADING = N_("Your own notes")
OWN_NOTES_INTRO = N_("Space for answers, names of services, dates and anything else worth keeping.")


def _printed_under_the_table(summary: Summary) -> dict[str, str]:
    """note id -> its place in the table's numbered notes, printed first."""
    place = _("note {number} under the table")
    return {note.id: place.format(number=n) for n, note in enumerate(all_notes(summary.comparison), start=1)}


def _note_places(summary: Summary) -> list[tuple[int, Sequence[ShownNote], str]]:
    """(section number, or 0 for the notes about the whole list; its notes; how a pointer names
    the place), in the order they print."""
    places: list[tuple[int, Sequence[ShownNote], str]] = [(0, summary.notes, _("the notes about this whole list"))]
    under = _("the notes under section {number}")
    places += [(n, item.notes, under.format(number=n)) for n, item in enumerate(summary.sections, start=1)]
    return places


def pointers(summary: Summary) -> tuple[dict[tuple[int, str], int], dict[tuple[int, str], str]]:
    """What the printed page points back to instead of printing again (the screen shows it all):
    ((section number, reason) -> the earlier section that gave that reason in full;
    (section number, or 0 for the notes about the whole list, note id) -> where the note was printed)."""
    printed = _printed_under_the_table(summary)
    reason_at: dict[str, int] = {}
    reason_before: dict[tuple[int, str], int] = {}
    note_before: dict[tuple[int, str], str] = {}
    for number, notes, place in _note_places(summary):
        if number:
            for reason in summary.sections[number - 1].reasons:
                if reason in reason_at:
                    reason_before[(number, reason)] = reason_at[reason]
                reason_at.setdefault(reason, number)
        for note in notes:
            if note.id in printed:
                note_before[(number, note.id)] = printed[note.id]
            printed.setdefault(note.id, place)
    return reason_before, note_before


def matters_pointers(summary: Summary) -> dict[tuple[str, str, str], str]:
    """(point key, option, note id) -> where that note was printed before (the table's notes, the
    reading list, an earlier point): on paper, "what matters" points back instead of repeating it."""
    printed = _printed_under_the_table(summary)
    for _name, notes, place in _note_places(summary):
        for note in notes:
            printed.setdefault(note.id, place)
    before: dict[tuple[str, str, str], str] = {}
    for point in summary.matters.points if summary.matters else ():
        for entry in (*point.options, *([point.about_all] if point.about_all else [])):
            for note in entry.notes:
                if note.id in printed:
                    before[(point.key, entry.option, note.id)] = printed[note.id]
                printed.setdefault(note.id, f"“{point.name}”, {entry.label}")
    return before


def places(found: Sequence[str]) -> str:
    """Where notes were printed before, each place once: the table's notes together, in order
    ("notes 8, 9 and 14 under the table; the notes under section 7")."""
    under = sorted(int(place.split()[1]) for place in found if place.endswith(" under the table"))
    others = [place for place in found if not place.endswith(" under the table")]
    if len(under) > 1:
        table = f"notes {', '.join(map(str, under[:-1]))} and {under[-1]} under the table"
    else:
        table = f"note {under[0]} under the table" if under else ""
    return "; ".join([table, *others] if table else others)


def rated(matters: MattersSection) -> str:
    """The points rated "a lot" or "somewhat", in the file's order, each with its rating."""
    return "; ".join(f"{point.name} ({point.rating_label.lower()})" for point in matters.points)


def cited(summary: Summary, cell: Cell) -> str | None:
    """A quote's source as the summary words it: its document's number under the table."""
    return _("source {number}").format(number=summary.source_of[cell.section]) if cell.section else None


def to_html(summary: Summary) -> str:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates()),
        autoescape=True,  # every inserted string, whatever the template's name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(_=_, ngettext=ngettext)  # the template's own words, in the run's language
    template = environment.get_template("summary.html.j2")
    numbers = note_numbers(summary.comparison)
    return template.render(
        s=summary,
        lang=language(),
        title=_(TITLE),
        caption=_(CAPTION),
        silent=_(SILENT),
        about_all=ABOUT_ALL,
        paragraphs=paragraphs,
        questions_intro=_(QUESTIONS_INTRO),
        family_heading=_(FAMILY_HEADING),
        family_intro=_(FAMILY_INTRO),
        sources_heading=_(SOURCES_HEADING),
        print_note=_(PRINT_NOTE),
        own_notes_heading=_(OWN_NOTES_HEADING),
        glossary_heading=_(GLOSSARY_HEADING),
        glossary_intro=_(GLOSSARY_INTRO),
        own_notes_intro=_(OWN_NOTES_INTRO),
        comparison_intro=comparison_intro(summary.comparison),
        note_kinds=NOTE_KINDS,
        cited=lambda cell: cited(summary, cell),
        pointers=pointers(summary),
        matters_pointers=matters_pointers(summary),
        matters_name=_(MATTERS_NAME),
        rated=rated,
        places=places,
        in_numbers=figures_next_to_notes(summary),
        matters_questions=_(QUESTIONS_HEADING).rstrip(":"),
        printed_above=_(PRINTED_ABOVE),
        reading_intro=_(READING_INTRO),
        note_label=NOTE_LABEL,
        notes_heading=_(NOTES_HEADING),
        list_notes_heading=_(LIST_NOTES_HEADING).rstrip(":"),
        note_sentences=note_sentences,
        cell_notes=all_notes(summary.comparison),
        note_refs=lambda cell: ", ".join(str(n) for n in sorted(numbers[note.id] for note in cell.notes)),
    )


def to_markdown(summary: Summary) -> str:
    lines = [
        f"# {escape(_(TITLE))}",
        "",
        _("Saved on") + f" {summary.date}",
        "",
        *quote(summary.disclaimer[0]),
        "",
        f"**{escape(summary.disclaimer[-1])}**",
        "",
    ]
    lines += ["## " + _("Preferences stated"), ""]
    lines += [f"- **{escape(name)}:** {escape(shown)}" for name, shown in summary.preferences]
    if summary.matters is not None:
        lines.append(f"- **{escape(_(MATTERS_NAME))}:** {escape(rated(summary.matters))}")
    lines += ["", *notes_markdown(summary.notes, LIST_NOTES_HEADING)]
    lines += ["## " + _("Questions you may want to ask"), "", escape(_(QUESTIONS_INTRO)), ""]
    lines += [f"- {escape(question)}" for question in summary.questions]
    lines += [
        "",
        "## " + _("The three medications side by side"),
        "",
        escape(comparison_intro(summary.comparison)),
        "",
        escape(_(CAPTION)),
        "",
    ]

    def bracketed(cell: Cell) -> str | None:
        source = cited(summary, cell)
        return f"({source})" if source else None  # a silent cell cites nothing

    lines += markdown_table(summary.comparison, summary.marks, bracketed)
    lines += ["", f"*{escape(_(SOURCES_HEADING))}:*", ""]
    lines += [f"{number}. {escape(label)}" for number, label in enumerate(summary.sources, start=1)]
    if summary.family:  # after the table, as on paper: page 1 keeps the questions and the table's start
        lines += ["", f"## {escape(_(FAMILY_HEADING))}", "", escape(_(FAMILY_INTRO))]
        for heading, asked in summary.family:
            lines += ["", f"*{escape(heading)}:*", ""]
            lines += [f"- {escape(question)}" for question in asked]
    lines += figures_markdown(summary)
    lines += [
        "",
        "## " + _("Reading list: {count} sections from the documents").format(count=len(summary.sections)),
        "",
        escape(_(READING_INTRO)),
        "",
    ]
    for number, item in enumerate(summary.sections, start=1):
        lines += [
            f"### {number}. {escape(item.title)}",
            "",
            f"*{escape(_('From {source}').format(source=item.source_label))}*",
            "",
        ]
        lines += [f"- **{_('Why:')}** {escape(reason)}" for reason in item.reasons]
        lines += [f"- **{_('Caution:')}** {escape(caution)}" for caution in item.cautions]
        lines += ["", *quoted_markdown(item), ""]  # a translation, said to be one, then the English
        lines += notes_markdown(item.notes)
    if summary.matters is not None:  # after the reading list, as on screen
        lines += matters_markdown(summary.matters)
    if summary.glossary:
        lines += [f"## {escape(_(GLOSSARY_HEADING))}", "", escape(_(GLOSSARY_INTRO)), ""]
        lines += [f"- **{escape(term)}:** {escape(means)}" for term, means in summary.glossary] + [""]
    lines += ["## " + _("About this summary"), ""]
    for line in summary.disclaimer:
        lines += [escape(line), ""]
    lines += [f"## {escape(summary.about_title)}", ""]
    for line in summary.about:
        lines += [escape(line), ""]
    lines += [f"## {escape(_(OWN_NOTES_HEADING))}", "", escape(_(OWN_NOTES_INTRO)), ""]
    lines += [line for _row in range(6) for line in ("_" * 60, "")]  # ruled lines, on screen and on paper
    lines += ["", f"## {escape(summary.referral_title)}", ""]
    lines += ["".join(escape(part.text) for part in line) + "  " for line in summary.referral]
    return "\n".join(lines).rstrip() + "\n"


def figures_markdown(summary: Summary) -> list[str]:
    """What studies found, in numbers: the sentences (Markdown has no icon arrays)."""
    if not summary.figures:
        return []
    lines = ["", f"## {escape(summary.figures_heading)}", "", escape(" ".join(summary.figures_read_with)), ""]
    for number, figure in enumerate(summary.figures, start=1):
        lines += [f"### {number}. {escape(figure.name)}", ""]
        lines += [f"- {escape(line)}" for line in (*figure.about(), *figure.findings())]
        lines.append("")
    return lines


def figures_next_to_notes(summary: Summary) -> dict[str, str]:
    """note id -> where the figures citing the same source are, in words."""
    places: dict[str, list[str]] = {}
    for number, figure in enumerate(summary.figures, start=1):
        for note in figure.notes:
            places.setdefault(note, []).append(f"{number}, “{figure.name}”")
    said = _("In numbers: figure {figures}, under “{heading}”.")
    return {
        note: said.format(figures=_(" and ").join(found), heading=summary.figures_heading)
        for note, found in places.items()
    }


def render_summary(summary: Summary, fmt: Format) -> str:
    return to_html(summary) if fmt == Format.HTML else to_markdown(summary)
