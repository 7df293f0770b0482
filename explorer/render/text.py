"""The one wrapping policy, and the plain-text pieces every format shares. Pure functions.

Words are never broken, and "1-800-662-HELP" never at its hyphens, unless a caller asks for it
(an id too long for its line, a comparison cell). Every module that wraps text comes here.
"""

from __future__ import annotations

import textwrap

from explorer.i18n import language
from explorer.i18n.choice import HOW_TO_SWITCH
from explorer.referral import disclaimer_lines

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: --help wraps its text here
if TYPE_CHECKING:
    from collections.abc import Sequence

RULE_LINE = "─"


class _Wrapper(textwrap.TextWrapper):
    """textwrap's wrapper, except that a word too long for any line starts a line of its own
    before it is cut: a source's web address is then cut where a line ends, not wherever the
    words before it stopped, so its host name stays whole and readable."""

    def _handle_long_word(self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int) -> None:
        if cur_line:
            return  # this line ends here; the long word starts the next one
        super()._handle_long_word(reversed_chunks, cur_line, cur_len, width)


def fill(
    text: str,
    width: int,
    first: str = "",
    rest: str | None = None,
    hyphens: bool = False,
    break_words: bool = False,
) -> list[str]:
    """One paragraph as lines of at most `width` columns: `first` starts the first line, `rest`
    (the same as `first` unless given) the others."""
    return _Wrapper(
        width=width,
        initial_indent=first,
        subsequent_indent=first if rest is None else rest,
        break_long_words=break_words,
        break_on_hyphens=hyphens,
    ).wrap(text)


def fill_phrases(phrases: Sequence[str], width: int, first: str = "", rest: str | None = None) -> list[str]:
    """Like fill, but lines break only between phrases (word groups that belong together, such as
    "quoted from the documents"); a phrase longer than a whole line breaks between its words."""
    rest = first if rest is None else rest
    lines: list[str] = []
    line, lead = "", first  # the line so far (without its lead), and its lead
    for phrase in phrases:
        if line and len(lead) + len(line) + 1 + len(phrase) <= width:
            line += " " + phrase
            continue
        if line:
            lines.append(lead + line)
            line, lead = "", rest
        if len(lead) + len(phrase) <= width:
            line = phrase
            continue
        *whole, last = fill(phrase, width, lead, rest)
        lines += whole
        line, lead = last[len(rest if whole else lead) :], rest if whole else lead
    if line:
        lines.append(lead + line)
    return lines


def wrap(text: str, width: int, indent: str = "", hang: str = "", at_hyphens: bool = False) -> str:
    """Each line of `text` is a paragraph; wraps at `width` without ever breaking a word.
    `hang` indents a paragraph's continuation lines further (under a number, say). `at_hyphens`
    lets an id too long for the line break after a hyphen; prose keeps "1-800-662-HELP" whole."""
    width = max(width, len(indent) + 20)
    paragraphs = []
    for line in text.split("\n"):
        if not line.strip():
            paragraphs.append("")
            continue
        own_indent = indent + line[: len(line) - len(line.lstrip())]
        rest = own_indent + hang + ("  " if line.lstrip().startswith("• ") else "")
        filled = fill(line.strip(), width, own_indent, rest)
        if at_hyphens and any(len(part) > width for part in filled):
            filled = fill(line.strip(), width, own_indent, rest, hyphens=True)
        paragraphs.append("\n".join(filled))
    return "\n".join(paragraphs)


def paragraphs(text: str) -> list[str]:
    """Documents separate paragraphs by one or two newlines; both become one paragraph each."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def rule(width: int) -> str:
    return RULE_LINE * min(width, 60)


def disclaimer(width: int) -> str:
    return "\n\n".join(wrap(line, width) for line in disclaimer_lines())


def first_screen(width: int) -> str:
    """A session's first screen: the short disclaimer, then, in the other language, how to switch
    to it."""
    return disclaimer(width) + "\n\n" + wrap(HOW_TO_SWITCH[language()], width)
