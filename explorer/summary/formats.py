"""The take-home summary as HTML (Jinja2, autoescaped) or Markdown. Pure: str in, str out.

Jinja2 is imported only when HTML is asked for: scripted runs that save nothing never load it.
"""

from __future__ import annotations

from pathlib import Path

from explorer.content.comparison import ABOUT_ALL, SILENT
from explorer.formats import Format
from explorer.render.comparison import markdown_table
from explorer.render.markdown import escape, quote
from explorer.render.text import paragraphs
from explorer.summary.models import Summary

TEMPLATES = Path(__file__).parent / "templates"
TITLE = "Treatment options: a summary to bring to an appointment"
CAPTION = (
    "Quoted from the documents; where they say nothing, the cell says so. A column marked "
    "“Matches” meets a stated preference; that is not a recommendation."
)
QUESTIONS_INTRO = "Questions for a healthcare professional, chosen from the preferences above."


def to_html(summary: Summary) -> str:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every inserted string, whatever the template's name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template("summary.html.j2")
    return template.render(
        s=summary,
        title=TITLE,
        caption=CAPTION,
        silent=SILENT,
        about_all=ABOUT_ALL,
        paragraphs=paragraphs,
        questions_intro=QUESTIONS_INTRO,
    )


def to_markdown(summary: Summary) -> str:
    lines = [
        f"# {escape(TITLE)}",
        "",
        f"Saved on {summary.date}",
        "",
        *quote(summary.disclaimer[0]),
        "",
        f"**{escape(summary.disclaimer[-1])}**",
        "",
    ]
    lines += ["## Preferences stated", ""]
    lines += [f"- **{escape(name)}:** {escape(shown)}" for name, shown in summary.preferences]
    lines += ["", "## Questions you may want to ask", "", escape(QUESTIONS_INTRO), ""]
    lines += [f"- {escape(question)}" for question in summary.questions]
    lines += [
        "",
        "## The three medications side by side",
        "",
        escape(summary.comparison.intro),
        "",
        escape(CAPTION),
        "",
    ]
    lines += markdown_table(summary.comparison, summary.marks)
    lines += [
        "",
        f"## Reading list: {len(summary.sections)} sections from the documents",
        "",
        "Most relevant first. Each section is quoted verbatim from its source document.",
        "",
    ]
    for number, item in enumerate(summary.sections, start=1):
        lines += [
            f"### {number}. {escape(item.title)}",
            "",
            f"*From {escape(item.source_label)} (section {escape(item.id)})*",
            "",
        ]
        lines += [f"- **Why:** {escape(reason)}" for reason in item.reasons]
        lines += [f"- **Caution:** {escape(caution)}" for caution in item.cautions]
        lines += ["", *quote(item.text), ""]
    lines += ["## About this summary", ""]
    for line in summary.disclaimer:
        lines += [escape(line), ""]
    lines += [f"## {escape(summary.referral_title)}", ""]
    lines += ["".join(escape(part.text) for part in line) + "  " for line in summary.referral]
    return "\n".join(lines).rstrip() + "\n"


def render_summary(summary: Summary, fmt: Format) -> str:
    return to_html(summary) if fmt == Format.HTML else to_markdown(summary)
