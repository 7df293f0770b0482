"""The outcome figures as text: for the terminal, each figure's sentences and, for figures of
people, one 10 by 10 icon array per option (two plain glyphs, a legend in words; no colour), as many
side by side as the width holds; for `--plain` and screen readers, the sentences only; and in
Markdown, the sentences. Pure functions returning lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.i18n import _
from explorer.render.figure_words import PEOPLE_PER, FigureWords, all_figure_words, common_lines
from explorer.render.markdown import escape
from explorer.render.text import fill, wrap

if TYPE_CHECKING:
    import datetime

    from explorer.content.figures import Figures

GLYPHS = ("■", "□")  # one person counted, one not: shape, not colour, tells them apart
ASCII_GLYPHS = ("#", ".")  # where the terminal's encoding has no squares
SIDE = 10  # 10 by 10: a hundred people
GAP = "   "


def icon_array(n: int, glyphs: tuple[str, str] = GLYPHS) -> list[str]:
    """Ten rows of ten marks: the first `n` (reading row by row) filled, the rest empty."""
    marks = [glyphs[0] if i < n else glyphs[1] for i in range(SIDE * SIDE)]
    return [" ".join(marks[row * SIDE : (row + 1) * SIDE]) for row in range(SIDE)]


def arrays_side_by_side(words: FigureWords, width: int, glyphs: tuple[str, str]) -> list[str]:
    """Each option's array under its name and number, as many in a row as `width` holds."""
    grids = [
        (f"{g.label}: {g.out_of_100}", icon_array(g.out_of_100, glyphs))
        for g in words.groups
        if g.out_of_100 is not None
    ]
    column = 2 * SIDE - 1
    per_row = max(1, (width + len(GAP)) // (column + len(GAP)))
    lines: list[str] = []
    for start in range(0, len(grids), per_row):
        row = grids[start : start + per_row]
        lines.append(GAP.join(f"{label:<{column}}" for label, _grid in row).rstrip())
        lines += [GAP.join(grid[i] for _label, grid in row) for i in range(SIDE)]
        lines.append("")
    legend = _(
        "{on} one person who {counted}   {off} one person who {not_counted} (each array is {people} people)"
    ).format(on=glyphs[0], counted=words.counted, off=glyphs[1], not_counted=words.not_counted, people=PEOPLE_PER)
    return [*lines, *fill(legend, width)]


def figures_text(
    figures: Figures, width: int, glyphs: tuple[str, str] | None = GLYPHS, today: datetime.date | None = None
) -> str:
    """The block of figures; `glyphs` None (--plain, screen readers): the sentences only, web
    addresses whole; otherwise an address too long for the line is cut at the width."""

    def para(line: str) -> list[str]:
        return fill(line, width, "   ", "      ", break_words=glyphs is not None) or [""]

    lines = [wrap(figures.heading, width), ""]
    lines += [wrap(line, width) for line in common_lines(figures)]
    for number, words in enumerate(all_figure_words(figures, today), start=1):
        lines += ["", wrap(f"{number}. {words.name}", width)]
        for line in words.about():
            lines += para(line)
        lines.append("")
        for line in words.findings():
            lines += para(line)
        if glyphs is not None and any(g.out_of_100 is not None for g in words.groups):
            lines.append("")
            lines += [f"   {line}" if line else "" for line in arrays_side_by_side(words, width - 3, glyphs)]
    return "\n".join(lines)


def figures_markdown(figures: Figures, level: str = "##", today: datetime.date | None = None) -> list[str]:
    """The sentences in Markdown (no glyphs: a Markdown reader may be a screen reader)."""
    lines = [f"{level} {escape(figures.heading)}", ""]
    lines += [escape(" ".join(common_lines(figures))), ""]
    for number, words in enumerate(all_figure_words(figures, today), start=1):
        lines += [f"{level}# {number}. {escape(words.name)}", ""]
        lines += [f"- {escape(line)}" for line in words.about()]
        lines.append("")
        lines += [f"- {escape(line)}" for line in words.findings()]
        lines.append("")
    return lines
