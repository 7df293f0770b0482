"""The catalog's listings in each format: `sections`, `rules` (explorer/render/rule_book.py) and
`about`. Pure functions; JSON comes from the published models (explorer/published/), imported
only when it is asked for; the referral is added by render/finish.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.formats import Format
from explorer.i18n import N_, _
from explorer.referral import about_lines, about_more, about_title
from explorer.render import rule_book
from explorer.render.finish import Output
from explorer.render.markdown import escape
from explorer.render.text import fill, wrap

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog

READ_ONE = N_("Read one with: treatment-explorer show ID")


def _count(catalog: Catalog) -> str:
    return _("{sections} sections, quoted word for word from {documents} documents.").format(
        sections=len(catalog.sections), documents=len(catalog.documents)
    )


def sections_listing(catalog: Catalog, width: int) -> str:
    lines = [wrap(_count(catalog), width), ""]
    for section in catalog.sections.values():
        lines.append(wrap(section.id, width, at_hyphens=True))
        lines.append(wrap(section.title, width, "    "))
        lines.append(wrap(_("from {source}").format(source=catalog.document_label(section.source)), width, "    "))
        topics = _("topics: {topics}").format(topics=", ".join(section.topics))
        lines.append(wrap(topics, width, "    ", at_hyphens=True))
    lines += ["", wrap(_(READ_ONE), width), ""]
    return "\n".join(lines)


def sections_markdown(catalog: Catalog) -> list[str]:
    lines = ["# " + _("Sections of the documents"), "", escape(_count(catalog)), ""]
    for section in catalog.sections.values():
        lines += [f"- **{escape(section.id)}**: {escape(section.title)}  "]
        lines += [
            "  "
            + escape(
                _("from {source}; topics: {topics}").format(
                    source=catalog.document_label(section.source), topics=", ".join(section.topics)
                )
            )
        ]
    return [*lines, "", escape(_(READ_ONE)), ""]


def about_text(width: int) -> str:
    """`treatment-explorer about`: what the content is, where it comes from, how current it is."""
    body = "\n\n".join(wrap(line, width) for line in (*about_lines(), about_more()))
    return f"{about_title()}\n\n{body}\n\n"


def about_markdown() -> list[str]:
    lines = (*about_lines(), about_more())
    return [f"# {escape(about_title())}", "", *(line for text in lines for line in (escape(text), ""))]


def disclaimer_text(markdown: str, width: int, plain: bool = False) -> str:
    """`treatment-explorer disclaimer`: DISCLAIMER.md as text, its paragraphs wrapped anew at the
    width, without Markdown's marks; list items indented (with `plain`, no dash before them)."""
    blocks: list[list[str]] = []
    for line in markdown.replace("**", "").splitlines():
        starts_anew = not line.strip() or line.startswith(("#", "- ")) or (blocks and blocks[-1][0].startswith("#"))
        if not line.strip():
            blocks.append([""])
        elif starts_anew or not blocks or blocks[-1] == [""]:
            blocks.append([line.strip()])
        else:
            blocks[-1].append(line.strip())
    lines: list[str] = []
    for block in blocks:
        text = " ".join(block)
        if text.startswith("- "):
            lines += fill(text[2:], width, "  " if plain else "  - ", "    ")
        else:
            lines.append(wrap(text.lstrip("# "), width))
    return "\n".join(lines).strip("\n") + "\n\n"


def render_sections(catalog: Catalog, fmt: Format, width: int) -> Output:
    if fmt == Format.JSON:
        from explorer.published.listings import sections_json

        return Output(fmt, sections_json(catalog))
    if fmt == Format.MARKDOWN:
        return Output(fmt, sections_markdown(catalog))
    return Output(Format.TEXT, sections_listing(catalog, width))


def render_rules(catalog: Catalog, fmt: Format, width: int) -> Output:
    if fmt == Format.JSON:
        from explorer.published.rules import rules_json

        return Output(fmt, rules_json(catalog))
    if fmt == Format.MARKDOWN:
        return Output(fmt, rule_book.rules_markdown(catalog))
    return Output(Format.TEXT, rule_book.rules_listing(catalog, width))


def render_about(fmt: Format, width: int) -> Output:
    if fmt == Format.JSON:
        from explorer.published.listings import about_json

        return Output(fmt, about_json())
    if fmt == Format.MARKDOWN:
        return Output(fmt, about_markdown())
    return Output(Format.TEXT, about_text(width))
