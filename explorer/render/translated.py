"""A section of the documents in another language: its unofficial translation, said to be one, and
its English original, verbatim. The session shows the translation and the original one key away
(explorer/session/reader.py); a page without keys (scripted text, Markdown, `show`) shows both,
the translation first. Pure functions; English sections have no translation and show as ever."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.i18n import N_, _
from explorer.render import markdown
from explorer.render.text import paragraphs, wrap

if TYPE_CHECKING:
    from explorer.content.documents import Section
    from explorer.infer.result import Suggestion

# The translation is the explorer's, never the document's words.
TRANSLATION_HEADING = N_("Unofficial translation of the English article:")
ORIGINAL_HEADING = N_("The English original, word for word:")


def _paragraphs(text: str, width: int) -> str:
    return "\n\n".join(wrap(p, width) for p in paragraphs(text))


def original_page(item: Section | Suggestion, width: int) -> str:
    """The section's verbatim English, as the reader shows it on its key."""
    return f"{wrap(item.title, width)}\n{wrap(_(ORIGINAL_HEADING), width)}\n\n{_paragraphs(item.text, width)}"


def quoted_text(item: Section | Suggestion, width: int) -> str:
    """The verbatim English; or, where there is a translation, the translation said to be one,
    then the English original."""
    if not item.translation:
        return _paragraphs(item.text, width)
    return (
        f"{wrap(_(TRANSLATION_HEADING), width)}\n\n{_paragraphs(item.translation, width)}\n\n"
        f"{wrap(_(ORIGINAL_HEADING), width)}\n\n{_paragraphs(item.text, width)}"
    )


def quoted_markdown(item: Section | Suggestion) -> list[str]:
    """The same, in Markdown."""
    if not item.translation:
        return markdown.quote(item.text)
    return [
        f"*{markdown.escape(_(TRANSLATION_HEADING))}*",
        "",
        *markdown.quote(item.translation),
        "",
        f"*{markdown.escape(_(ORIGINAL_HEADING))}*",
        "",
        *markdown.quote(item.text),
    ]
