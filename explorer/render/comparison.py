"""The comparison as text: a boxed table that wraps its cells at the terminal width, the linear
form (screen readers, `--plain`, and terminals too narrow for the table) and a Markdown table.
Pure functions returning str."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from explorer.content.comparison import ABOUT_ALL, cell_source, cell_text
from explorer.content.comparison_table import Cell, Comparison
from explorer.formats import Format
from explorer.i18n import N_, _, ngettext
from explorer.render.finish import Output
from explorer.render.markdown import escape
from explorer.render.notes import NOTES_HEADING, lines_for, note_lines, note_sentences
from explorer.render.text import fill, wrap

if TYPE_CHECKING:
    import datetime

    from explorer.content.figures import Figures
    from explorer.content.notes import ShownNote
    from explorer.render.notes import NoteLines

SourceOf = Callable[[Cell], "str | None"]  # how a cell names what it quotes (None: it quotes nothing)

MIN_CELL = 16  # narrower than this, a quote becomes a column of single words: go linear
MAX_LABEL = 14
TITLE = N_("Compare the medications")
BOX_CHARACTERS = "┌┬┐├┼┤└┴┘│─"


def all_notes(comparison: Comparison) -> list[ShownNote]:
    """The explorer's notes beside the cells, each once, in reading order (row by row); their
    numbers are their places here, from 1."""
    seen: dict[str, ShownNote] = {}
    for row in comparison.rows:
        for column in comparison.columns:
            for note in row.cells[column.id].notes:
                seen.setdefault(note.id, note)
    return list(seen.values())


def note_numbers(comparison: Comparison) -> dict[str, int]:
    return {note.id: number for number, note in enumerate(all_notes(comparison), start=1)}


def _cell_lines(
    cell: Cell, numbers: Mapping[str, int] = {}, source_of: Callable[[Cell], str | None] = cell_source
) -> list[str]:
    source = source_of(cell)
    refs = sorted(numbers[n.id] for n in cell.notes if n.id in numbers)
    label = (
        "["
        + ngettext("explorer's note {numbers}", "explorer's notes {numbers}", len(refs)).format(
            numbers=", ".join(map(str, refs))
        )
        + "]"
    )
    quoted = f"“{cell.translation}”" if cell.translation else cell_text(cell)
    return [quoted, *([source] if source else []), *([label] if refs else [])]


def notes_text(comparison: Comparison, width: int, shown: NoteLines = note_lines) -> str:
    """The notes the cells refer to, numbered; set apart from the quotes. `shown` lays out each
    note (by default in full, with its sources)."""
    lines = [wrap(_(NOTES_HEADING) + ":", width)]
    for number, note in enumerate(all_notes(comparison), start=1):
        first, *rest = shown(note, width, "    ")
        lines += ["", f"{number:>2}. {first.lstrip()}", *rest]
    return "\n".join(lines)


def heading(label: str, matches: tuple[str, ...]) -> str:
    # "; " between matches: a naltrexone match carries its timing after a comma of its own.
    return _("{label} (matches: {matches})").format(label=label, matches="; ".join(matches)) if matches else label


def _fill(lines: list[str], width: int) -> list[str]:
    """A cell's lines: a cell is narrow, so words may break at hyphens, and a word longer than
    the cell is cut rather than pushing the table wider."""
    out: list[str] = []
    for line in lines:
        out += fill(line, width, hyphens=True, break_words=True) or [""]
    return out


def _rule(left: str, cross: str, right: str, widths: list[int]) -> str:
    return left + cross.join("─" * (w + 2) for w in widths) + right


def _boxed_row(cells: list[list[str]], widths: list[int]) -> list[str]:
    filled = [_fill(lines, w) for lines, w in zip(cells, widths, strict=True)]
    height = max(len(f) for f in filled)
    return [
        "│" + "│".join(f" {(f[i] if i < len(f) else ''):<{w}} " for f, w in zip(filled, widths, strict=True)) + "│"
        for i in range(height)
    ]


def table(
    comparison: Comparison,
    width: int,
    marks: Mapping[str, tuple[str, ...]] = {},
    source_of: SourceOf = cell_source,
) -> str | None:
    """The boxed table, or None when `width` cannot hold it without crushing the quotes."""
    columns = len(comparison.columns)
    label_width = max(
        max((len(word) for row in comparison.rows for word in row.label.split()), default=1),
        min(max(len(row.label) for row in comparison.rows), MAX_LABEL),
    )
    cell_width = (width - (3 * (columns + 1) + 1) - label_width) // columns
    if cell_width < MIN_CELL:
        return None
    widths = [label_width] + [cell_width] * columns
    inner = sum(widths) + 3 * columns  # a full-width row: every column and the separators between
    numbers = note_numbers(comparison)
    lines = [_rule("┌", "┬", "┐", widths)]
    lines += _boxed_row([[""]] + [[heading(c.label, marks.get(c.id, ()))] for c in comparison.columns], widths)
    spanning = False  # the row above is a full-width one: the rule below it has no crossings above
    for row in comparison.rows:
        lines.append(_rule("├", "┬" if spanning else "┼", "┤", widths))
        cells = [_cell_lines(row.cells[c.id], numbers, source_of) for c in comparison.columns]
        lines += _boxed_row([[row.label], *cells], widths)
        spanning = row.about_all is not None
        if row.about_all:
            lines.append(_rule("├", "┴", "┤", widths))
            about = f"{_(ABOUT_ALL)}: {' '.join(_cell_lines(row.about_all, source_of=source_of))}"
            lines += [f"│ {line:<{inner}} │" for line in _fill([about], inner)]
    lines.append(_rule("└", "─" if spanning else "┴", "┘", widths))
    return "\n".join(lines)


def linear(
    comparison: Comparison,
    width: int,
    marks: Mapping[str, tuple[str, ...]] = {},
    source_of: SourceOf = cell_source,
) -> str:
    """One medication after another, one row per line: reads well aloud and at any width."""
    numbers = note_numbers(comparison)
    lines: list[str] = []
    for column in comparison.columns:
        lines += [wrap(heading(column.label, marks.get(column.id, ())), width)]
        for row in comparison.rows:
            lines.append(
                wrap(
                    f"{row.label}: {' '.join(_cell_lines(row.cells[column.id], numbers, source_of))}",
                    width,
                    "  ",
                    at_hyphens=True,
                )
            )
        lines.append("")
    general = [row for row in comparison.rows if row.about_all]
    if general:
        lines.append(wrap(_(ABOUT_ALL), width))
        lines += [
            wrap(
                f"{row.label}: {' '.join(_cell_lines(row.about_all, source_of=source_of))}",
                width,
                "  ",
                at_hyphens=True,
            )
            for row in general
            if row.about_all
        ]
        lines.append("")
    return "\n".join(lines).rstrip("\n")


TRANSLATED_QUOTES = N_("The quotes are an unofficial translation of the English articles.")


def comparison_intro(comparison: Comparison) -> str:
    """The comparison's introduction; where its quotes are shown translated, it says so."""
    cells = [cell for row in comparison.rows for cell in (*row.cells.values(), row.about_all) if cell is not None]
    if any(cell.translation for cell in cells):
        return f"{comparison.intro} {_(TRANSLATED_QUOTES)}"
    return comparison.intro


SHOW_HINT = N_("To read a section in full: treatment-explorer show SECTION")


def page(
    comparison: Comparison,
    width: int,
    plain: bool = False,
    *,
    source_of: SourceOf = cell_source,
    shown: NoteLines = note_lines,
    hint: bool = True,
    figures: Figures | None = None,
    glyphs: tuple[str, str] | None = None,
    today: datetime.date | None = None,
) -> str:
    """What `compare` prints before the referral: the table, or the linear form when asked for
    (--plain) or when the terminal is too narrow for the table. Inside a session the cells name
    the sections they quote by title (`source_of`), the notes are shown as the session shows
    them (`shown`), and there is no `hint` of a command to run. `figures`, when given, follow the
    notes: with icon arrays in `glyphs`, or in sentences only (None: --plain, screen readers), said
    out of date after `today` (the Environment's day) where their review is due."""
    body = None if plain else table(comparison, width, source_of=source_of)
    if body is None:
        body = linear(comparison, width, source_of=source_of)
    intro = wrap(comparison_intro(comparison), width)
    end = f"\n\n{wrap(_(SHOW_HINT), width)}" if hint else ""
    numbers = ""
    if figures is not None:
        from explorer.render.figures import figures_text

        numbers = f"\n\n{figures_text(figures, width, glyphs, today)}"
    return f"{wrap(_(TITLE), width)}\n\n{intro}\n\n{body}\n\n{notes_text(comparison, width, shown)}{numbers}{end}\n"


def markdown_table(
    comparison: Comparison,
    marks: Mapping[str, tuple[str, ...]] = {},
    source_of: Callable[[Cell], str | None] = cell_source,
) -> list[str]:
    """`source_of` words a cell's source (the summary names documents, not sections)."""
    numbers = note_numbers(comparison)

    def cell(c: Cell) -> str:
        return " ".join(escape(part) for part in _cell_lines(c, numbers, source_of))

    columns = comparison.columns
    lines = ["| | " + " | ".join(escape(heading(c.label, marks.get(c.id, ()))) for c in columns) + " |"]
    lines.append("| --- |" + " --- |" * len(columns))
    lines += [
        f"| **{escape(row.label)}** | " + " | ".join(cell(row.cells[c.id]) for c in columns) + " |"
        for row in comparison.rows
    ]
    general = [row for row in comparison.rows if row.about_all]
    if general:
        lines += ["", f"{escape(_(ABOUT_ALL))}:", ""]
        lines += [f"- **{escape(row.label)}:** {cell(row.about_all)}" for row in general if row.about_all]
    lines += ["", f"*{escape(_(NOTES_HEADING))}:*", ""]
    for number, note in enumerate(all_notes(comparison), start=1):
        head, sources = note_sentences(note)
        lines.append(f"{number}. {escape(head)}  \n   {escape(sources)}")
    return lines


def render_comparison(
    comparison: Comparison,
    fmt: Format,
    width: int,
    plain: bool = False,
    figures: Figures | None = None,
    glyphs: tuple[str, str] | None = None,
    today: datetime.date | None = None,
) -> Output:
    """What `compare` shows in each format, the figures after the table; render/finish.py adds the
    referral. `glyphs`: the icon arrays' marks in the terminal (None: sentences only); `today`: the
    day the figures' review dates are read against."""
    if fmt == Format.JSON:  # the published contract (explorer/published/, docs/scripting.md)
        from explorer.published.comparison import comparison_json

        return Output(fmt, comparison_json(comparison, figures, today))
    if fmt == Format.MARKDOWN:
        numbers: list[str] = []
        if figures is not None:
            from explorer.render.figures import figures_markdown

            numbers = ["", *figures_markdown(figures, today=today)]
        intro = escape(comparison_intro(comparison))
        return Output(fmt, [f"# {_(TITLE)}", "", intro, "", *markdown_table(comparison), *numbers, ""])
    text = page(comparison, width, plain=plain, shown=lines_for(plain), figures=figures, glyphs=glyphs, today=today)
    return Output(Format.TEXT, text + "\n")
