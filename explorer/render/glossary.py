"""The glossary (data/glossary.toml) as a reader meets it: which terms a text uses, their
definitions under a page that uses them (each once in a session: explorer/session/reader.py), the
whole list for `treatment-explorer glossary`, and the saved summary's section. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from explorer.formats import Format
from explorer.i18n import N_, _
from explorer.render import markdown
from explorer.render.finish import Output
from explorer.render.text import wrap

if TYPE_CHECKING:
    from explorer.content.glossary import Term

TITLE = N_("Words used in the documents and the notes")
WORDS_HEADING = N_("What some words here mean:")
INTRO = N_("Each in one plain sentence, in the explorer's own words. The documents' words stay as they are.")


def _pattern(term: Term) -> re.Pattern[str]:
    """Any form of the term as a whole word: capitals as written for an abbreviation (MAT, OTP),
    any case otherwise."""
    forms = sorted((term.term, *term.also), key=len, reverse=True)
    exact = "|".join(re.escape(form) for form in forms if form.isupper())
    any_case = "|".join(re.escape(form) for form in forms if not form.isupper())
    parts = [f"(?-i:{exact})"] if exact else []
    parts += [any_case] if any_case else []
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)


def terms_in(text: str, terms: Iterable[Term]) -> list[Term]:
    """The terms `text` uses, in the glossary's order."""
    flat = " ".join(text.split())  # a form wrapped over two lines is still found
    return [term for term in terms if _pattern(term).search(flat)]


def definition(term: Term) -> str:
    return f"{term.term}: {term.means}"


def definitions_block(terms: Sequence[Term], width: int) -> list[str]:
    """The definitions under a page, after a heading; empty when there are none."""
    if not terms:
        return []
    return [wrap(_(WORDS_HEADING), width), *(wrap(definition(term), width, "  ", hang="  ") for term in terms)]


def glossary_text(terms: Iterable[Term], width: int) -> str:
    """`treatment-explorer glossary`: every term, with the other forms the texts use."""
    lines = [wrap(_(TITLE), width), "", wrap(_(INTRO), width), ""]
    for term in terms:
        also = " " + _("(also: {forms})").format(forms=", ".join(term.also)) if term.also else ""
        lines += [wrap(f"{term.term}{also}", width), wrap(term.means, width, "    "), ""]
    return "\n".join(lines)


def glossary_markdown(terms: Iterable[Term]) -> list[str]:
    md = markdown.escape
    lines = [f"# {md(_(TITLE))}", "", md(_(INTRO)), ""]
    return [*lines, *(f"- **{md(term.term)}:** {md(term.means)}" for term in terms), ""]


def glossary_json(terms: Iterable[Term]) -> dict[str, Any]:
    return {"terms": [term.model_dump(mode="json") for term in terms]}


def render_glossary(terms: Sequence[Term], fmt: Format, width: int) -> Output:
    """The glossary in each format; render/finish.py adds the referral."""
    if fmt == Format.JSON:
        return Output(fmt, glossary_json(terms))
    if fmt == Format.MARKDOWN:
        return Output(fmt, glossary_markdown(terms))
    return Output(Format.TEXT, glossary_text(terms, width))
