"""Builds the take-home summary (a Summary model) from a session's result. No I/O, no formats:
summary/formats.py turn it into HTML or Markdown."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from explorer.content.catalog import Catalog
from explorer.content.comparison_table import Cell, Comparison
from explorer.i18n import N_, _
from explorer.infer.result import Result
from explorer.referral import about_lines, about_title, referral_lines, referral_links, referral_title
from explorer.render.glossary import terms_in
from explorer.summary.models import LinkedText, Summary, SummaryRuleBook
from explorer.summary.rules import evaluate

if TYPE_CHECKING:
    from explorer.content.figures import Figures

# The summary's own words about itself; the file travels without DISCLAIMER.md.
SUMMARY_DISCLAIMER = (
    N_(
        "This summary comes from the Treatment Options Explorer. It is for learning, not medical advice. "
        "It is not a diagnosis or a recommendation of any treatment, medicine, program or provider."
    ),
    N_(
        "It lists the general preferences given in one session. It shows what five published articles say "
        "about treatment for heroin and other opioid addiction. It quotes them word for word. They may leave "
        "things out, be wrong or be out of date. Some come from sites that sell referrals to treatment. "
        "Where they fall short, the explorer's own dated notes say so. Check anything here with a doctor or nurse."
    ),
    N_("In an emergency or an overdose, call 911 now. In a crisis, call or text 988."),
)


def linked(line: str) -> tuple[LinkedText, ...]:
    """Splits a referral line around the phrases that have a link of their own."""
    parts: list[LinkedText] = []
    rest, links = line, referral_links()
    while rest:
        found = [(rest.find(phrase), phrase, href) for phrase, href in links if phrase in rest]
        if not found:
            parts.append(LinkedText(text=rest))
            break
        at, phrase, href = min(found)
        if at:
            parts.append(LinkedText(text=rest[:at]))
        parts.append(LinkedText(text=phrase, href=href))
        rest = rest[at + len(phrase) :]
    return tuple(parts)


def quoted_sources(catalog: Catalog, comparison: Comparison) -> tuple[tuple[str, ...], dict[str, int]]:
    """(the labels of the documents the comparison quotes, in file order; section id -> the
    number of its document among them)."""
    cells: list[Cell] = []
    for row in comparison.rows:
        cells += [*row.cells.values(), *([row.about_all] if row.about_all else [])]
    sections = {cell.section for cell in cells if cell.section}
    files = {catalog.sections[section].source for section in sections}
    quoted = [file for file in catalog.documents if file in files]
    numbers = {file: number for number, file in enumerate(quoted, start=1)}
    source_of = {section: numbers[catalog.sections[section].source] for section in sorted(sections)}
    return tuple(catalog.document_label(file) for file in quoted), source_of


def words_used(catalog: Catalog, result: Result, comparison: Comparison) -> str:
    """The text of what the summary shows, in which its glossary looks for the terms it uses."""
    parts = [note.text for note in result.notes]
    for item in result.suggestions:
        parts += [item.title, item.text, *item.reasons, *item.cautions, *(note.text for note in item.notes)]
    for row in comparison.rows:
        for cell in (*row.cells.values(), *([row.about_all] if row.about_all else [])):
            parts += [cell.quote or "", *(note.text for note in cell.notes)]
    return "\n".join(parts)


def build_summary(
    catalog: Catalog,
    result: Result,
    comparison: Comparison,
    rules: SummaryRuleBook,
    today: datetime.date | None = None,
    figures: Figures | None = None,
) -> Summary:
    from explorer.render.figure_words import all_figure_words, common_lines

    questions, marks, family = evaluate(rules, result.answers)
    sources, source_of = quoted_sources(catalog, comparison)
    return Summary(
        date=(today or datetime.date.today()).isoformat(),
        disclaimer=tuple(_(line) for line in SUMMARY_DISCLAIMER),
        preferences=result.preferences,
        notes=result.notes,
        sections=result.suggestions,
        comparison=comparison,
        marks=marks,
        sources=sources,
        source_of=source_of,
        questions=questions,
        family=family,
        matters=result.matters if result.matters is not None and result.matters.points else None,
        glossary=tuple(
            (term.term, term.means)
            for term in terms_in(words_used(catalog, result, comparison), catalog.glossary.values())
        ),
        figures_heading=figures.heading if figures else "",
        figures_read_with=tuple(common_lines(figures)) if figures else (),
        figures=all_figure_words(figures, today) if figures else (),
        about_title=about_title(),
        about=about_lines(),
        referral_title=referral_title(),
        referral=tuple(linked(line.strip()) for line in referral_lines() if line.strip()),
    )
