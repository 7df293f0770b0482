"""The take-home summary as HTML (Jinja2, autoescaped) or Markdown. Pure: str in, str out.

Jinja2 is imported only when HTML is asked for: scripted runs that save nothing never load it.
"""

from __future__ import annotations

from explorer.compare_render import markdown_table
from explorer.comparison import ABOUT_ALL, SILENT
from explorer.models import Summary
from explorer.render import _md, _md_quote, _paragraphs
from explorer.resources import templates

TITLE = "Treatment options: a summary to bring to an appointment"
CAPTION = ("Quoted from the documents; where they say nothing, the cell says so. A column marked "
           "“Matches” meets a stated preference; that is not a recommendation.")
QUESTIONS_INTRO = "Questions for a healthcare professional, chosen from the preferences above."


def to_html(summary: Summary) -> str:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates()),
        autoescape=True,  # every inserted string, whatever the template's name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template("summary.html.j2")
    return template.render(s=summary, title=TITLE, caption=CAPTION, silent=SILENT, about_all=ABOUT_ALL,
                           paragraphs=_paragraphs, questions_intro=QUESTIONS_INTRO)


def to_markdown(summary: Summary) -> str:
    lines = [f"# {_md(TITLE)}", "", f"Saved on {summary.date}", "", *_md_quote(summary.disclaimer[0]), "",
             f"**{_md(summary.disclaimer[-1])}**", ""]
    lines += ["## Preferences stated", ""]
    lines += [f"- **{_md(name)}:** {_md(shown)}" for name, shown in summary.preferences]
    lines += ["", "## Questions you may want to ask", "", _md(QUESTIONS_INTRO), ""]
    lines += [f"- {_md(question)}" for question in summary.questions]
    lines += ["", "## The three medications side by side", "", _md(summary.comparison.intro), "", _md(CAPTION), ""]
    lines += markdown_table(summary.comparison, summary.marks)
    lines += ["", f"## Reading list: {len(summary.sections)} sections from the documents", "",
              "Most relevant first. Each section is quoted verbatim from its source document.", ""]
    for number, item in enumerate(summary.sections, start=1):
        lines += [f"### {number}. {_md(item.title)}", "", f"*From {_md(item.source_label)} (section {_md(item.id)})*", ""]
        lines += [f"- **Why:** {_md(reason)}" for reason in item.reasons]
        lines += [f"- **Caution:** {_md(caution)}" for caution in item.cautions]
        lines += ["", *_md_quote(item.text), ""]
    lines += ["## About this summary", ""]
    for line in summary.disclaimer:
        lines += [_md(line), ""]
    lines += [f"## {_md(summary.referral_title)}", ""]
    lines += ["".join(_md(part.text) for part in line) + "  " for line in summary.referral]
    return "\n".join(lines).rstrip() + "\n"


def render_summary(summary: Summary, fmt: str) -> str:
    return to_html(summary) if fmt == "html" else to_markdown(summary)
