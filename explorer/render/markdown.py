"""Markdown pieces shared by every Markdown output (the reading list, a section, the comparison,
the saved summary). Pure functions."""

from __future__ import annotations

from explorer.render.text import paragraphs


def escape(text: str) -> str:
    """Escapes the characters that would turn quoted document text into Markdown markup."""
    out = text.replace("\\", "\\\\")
    for char in "*_`[]<>#|":
        out = out.replace(char, "\\" + char)
    return out


def quote(text: str) -> list[str]:
    """A verbatim text as a block quote, one quoted paragraph after another."""
    lines = []
    for paragraph in paragraphs(text):
        lines += [f"> {escape(paragraph)}", ">"]
    return lines[:-1]
