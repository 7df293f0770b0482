"""The take-home summary: its rules ask questions, never advise, and mark the columns that match
the answers; it holds the whole session, names documents by title (never a file name or a
section id) and cites numbered sources; its HTML is one self-contained page that escapes every
inserted string, links only the referral's addresses and runs no script; the referral is last in
HTML and in Markdown; "what matters" is in it only when a point was rated, and never ranks."""

from __future__ import annotations

import datetime
import itertools
import re
from pathlib import Path

import pytest

from explorer.content.answers import PRIORITY_KEYS, Answers
from explorer.content.catalog import load_catalog
from explorer.content.comparison import load_comparison
from explorer.errors import CatalogError
from explorer.infer.engine import RuleEngine
from explorer.infer.reading_list import build_result
from explorer.infer.result import Suggestion
from explorer.referral import REFERRAL_LINKS
from explorer.summary.build import build_summary
from explorer.summary.formats import to_html, to_markdown
from explorer.summary.models import Summary
from explorer.summary.rules import evaluate, load_summary_rules

from .helpers.checks import ranking_words
from .helpers.content import edit_file, refused
from .helpers.run import run_cli

DAY = datetime.date(2025, 3, 4)
EVIL = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def rules(comparison):
    return load_summary_rules(comparison)


def _result(catalog, answers):
    fired = RuleEngine.for_rules(catalog.rules).fired(answers)
    return build_result(catalog, answers, fired)


def _summary(catalog, comparison, rules, **answers) -> Summary:
    return build_summary(catalog, _result(catalog, Answers(**answers)), comparison, rules, DAY)


# ---- the rules ----------------------------------------------------------------------------------


def test_a_monthly_preference_asks_about_the_extended_release_injection(rules):
    questions, marks, _ = evaluate(rules, Answers(dosing="monthly"))
    assert any("extended-release injection" in q and "how" in q for q in questions)
    # Buprenorphine's extended-release injection matches too; naltrexone's match says when it can start.
    assert marks == {
        "buprenorphine": ("a monthly injection",),
        "naltrexone": ("a monthly injection, after 7 to 10 days without opioids",),
    }


def test_detox_not_completed_asks_when_naltrexone_could_start(rules):
    for detox in ("not_started", "in_progress", "unsure"):
        questions, _, _ = evaluate(rules, Answers(detox=detox))
        assert any("naltrexone" in q for q in questions), detox
    questions, marks, _ = evaluate(rules, Answers(detox="completed"))
    assert not any("naltrexone" in q for q in questions)
    assert marks == dict.fromkeys(("methadone", "buprenorphine", "naltrexone"), ("detox completed",))


def test_marks_follow_the_setting(rules):
    assert evaluate(rules, Answers(setting="clinic_daily"))[1] == {"methadone": ("a specialized clinic",)}
    assert evaluate(rules, Answers(setting="doctor_office"))[1] == {
        "buprenorphine": ("a doctor's office",),
        "naltrexone": ("a doctor's office, after 7 to 10 days without opioids",),  # with when it can start
    }
    assert evaluate(rules, Answers(dosing="no_medication"))[1] == {}


SINGLE = {key: Answers.allowed_values(key) for key in ("setting", "dosing", "detox", "counseling", "support_groups")}


def test_every_profile_gets_questions_and_only_known_columns_marked(rules, comparison):
    columns = {c.id for c in comparison.columns}
    for values in itertools.product(*SINGLE.values()):
        questions, marks, _ = evaluate(rules, Answers(**dict(zip(SINGLE, values, strict=True))))
        assert questions
        assert len(set(questions)) == len(questions)
        assert set(marks) <= columns


def test_questions_are_questions_never_advice(rules):
    for rule in rules.ask:
        assert rule.question.endswith("?")
        assert not re.search(
            r"\b(you should|should you|take|start taking|we recommend|best)\b", rule.question, re.IGNORECASE
        ), rule.question


def _edit(root: Path, old: str, new: str) -> None:
    edit_file(root / "rules" / "summary.toml", old, new)


def _load_error(root: Path) -> CatalogError:
    return refused(lambda: load_summary_rules(load_comparison(load_catalog(root), root), root), "summary.toml")


@pytest.mark.parametrize(
    "old, new, entry, words",
    [
        ("how and where is it given?", "how and where is it given.", "ask ask-monthly-injection", "question"),
        (
            'question = "Is naloxone available, and how is it used in an overdose?"',
            'question = "You should ask for naloxone, shouldn\'t you?"',
            "ask ask-overdose",
            "advise",
        ),
        (
            'columns = ["buprenorphine"]\nmatches = "a monthly injection"',
            'columns = ["vivitrol"]\nmatches = "a monthly injection"',
            "mark mark-monthly",
            "vivitrol",
        ),
        (
            'when = { dosing = "monthly" }\nquestion',
            'when = { dosing = "weekly" }\nquestion',
            "ask ask-monthly-injection",
            "weekly",
        ),
    ],
)
def test_damaged_summary_rules_are_refused(content_copy, old, new, entry, words):
    _edit(content_copy, old, new)
    error = _load_error(content_copy)
    assert error.entry == entry
    assert words in str(error)


def test_summary_rules_without_a_fallback_question(content_copy):
    _edit(
        content_copy,
        'id = "ask-which-options-fit"\nwhen = {}',
        'id = "ask-which-options-fit"\nwhen = { counseling = "no" }',
    )
    assert "fallback" in str(_load_error(content_copy))


def test_the_summary_rules_run_in_their_own_ruleset(catalog, rules):
    # The reading list's engine and the summary's are registered under different names.
    assert RuleEngine.for_rules(rules, "take_home_summary") is not RuleEngine.for_rules(catalog.rules)


# ---- the model ----------------------------------------------------------------------------------


def test_the_summary_holds_the_whole_session(catalog, comparison, rules):
    summary = _summary(
        catalog,
        comparison,
        rules,
        for_whom="someone_else",
        setting="doctor_office",
        dosing="monthly",
        interests=("overdose",),
    )
    result = _result(
        catalog, Answers(for_whom="someone_else", setting="doctor_office", dosing="monthly", interests=("overdose",))
    )
    assert summary.date == "2025-03-04"
    assert ("Setting", "A doctor's office") in summary.preferences
    assert [s.id for s in summary.sections] == [s.id for s in result.suggestions]
    assert all(s.text == catalog.sections[s.id].text for s in summary.sections)
    assert summary.marks == {
        "buprenorphine": ("a doctor's office", "a monthly injection"),
        "naltrexone": (
            "a doctor's office, after 7 to 10 days without opioids",
            "a monthly injection, after 7 to 10 days without opioids",
        ),
    }
    assert "".join(part.text for part in summary.referral[-1]) == "In an emergency or an overdose: call 911."


# ---- the writers ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(catalog, comparison, rules) -> str:
    return to_html(_summary(catalog, comparison, rules, setting="doctor_office", dosing="monthly", detox="in_progress"))


def test_html_is_one_self_contained_page(html):
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    assert "<script" not in html.lower()
    assert "src=" not in html
    assert "@import" not in html
    assert "url(" not in html
    assert "@media print" in html
    assert "@page" in html
    allowed = {href for _, href in REFERRAL_LINKS}
    assert set(re.findall(r'href="([^"]*)"', html)) == allowed


def test_html_table_headers_have_scope_and_marks_are_written_out(html):
    assert html.count('<th scope="col"') == 4
    assert html.count('<th scope="row">') == 9  # eight rows, one of them with a note about all three
    assert "Matches: a doctor&#39;s office; a monthly injection" in html  # buprenorphine
    assert "Matches: a doctor&#39;s office, after 7 to 10 days without opioids" in html  # naltrexone, with its timing


def test_matches_are_said_in_words_without_a_colour_that_ranks(html):
    # A highlighted column reads as a pick: a match is named ("Matches: ..."), the column's cells
    # look like every other column's.
    style = html[html.index("<style>") : html.index("</style>")]
    rules = re.findall(r"([^{}]*)\{([^{}]*)\}", style)
    for selector, body in rules:
        if "marked" in selector or "match" in selector:
            assert "background" not in body and "color" not in body, (selector, body)
    assert "Matches: a doctor&#39;s office" in html


def test_a_planted_highlight_of_a_matching_column_would_be_seen(html):
    planted = html.replace("<style>", "<style>\n  .marked { background: #fff3c4; }", 1)
    style = planted[planted.index("<style>") : planted.index("</style>")]
    assert any("marked" in sel and "background" in body for sel, body in re.findall(r"([^{}]*)\{([^{}]*)\}", style))


def test_the_summary_defines_the_words_it_uses_in_both_formats(catalog, comparison, rules):
    summary = _summary(catalog, comparison, rules, detox="completed", dosing="monthly", interests=("overdose",))
    used = dict(summary.glossary)
    assert {"tolerance", "naloxone", "overdose", "detox"} <= set(used)  # the notes and quotes use them
    assert all(used[term.term] == term.means for term in catalog.glossary.values() if term.term in used)
    html, markdown = to_html(summary), to_markdown(summary)
    assert '<h2 id="glossary">Words used here</h2>' in html
    assert "## Words used here" in markdown
    for term, means in summary.glossary:
        assert f"- **{term}:** {means}" in markdown.replace("\\", "")
        assert f"<dt>{term}</dt><dd>{means.replace(chr(39), '&#39;')}</dd>" in html
    # After the reading list and what matters, before the page's closing words.
    assert (
        markdown.index("## Reading list")
        < markdown.index("## Words used here")
        < markdown.index("## About this summary")
    )


def test_the_referral_comes_last_in_both_formats(catalog, comparison, rules, html):
    # The referral closes the page; on paper it shares a block with the ruled notes before it.
    assert re.search(r"</footer>\s*</div>\s*</body>\s*</html>\s*$", html)
    body = html[html.index("<body>") :]
    assert body.rindex("Talk to a healthcare professional") > body.rindex("About this summary")
    markdown = to_markdown(_summary(catalog, comparison, rules))
    assert markdown.rstrip().endswith("In an emergency or an overdose: call 911.")
    assert markdown.index("## Questions you may want to ask") < markdown.index("## Talk to a healthcare professional")


def _poisoned(summary: Summary) -> Summary:
    """Every string a writer may insert gets a script tag appended. Excepted: values the models
    validate as slugs, dates or fixed vocabularies (ids, topics, the date, a note's `by` and
    `kind`), the links' targets and a note source's web address (validated as one), the source
    file name, which is shown only through source_label, and a cell's section id, shown nowhere."""

    def poison(value, key=None):
        if isinstance(value, dict):
            return {k: poison(v, k) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [poison(v, key) for v in value]
        if isinstance(value, str) and key not in (
            "href",
            "date",
            "id",
            "source",
            "section",
            "topics",
            "by",
            "kind",
            "address",
        ):
            return value + EVIL
        return value

    return Summary.model_validate(poison(summary.model_dump()))


def test_every_inserted_string_is_escaped_in_html(catalog, comparison, rules):
    summary = _poisoned(
        _summary(
            catalog,
            comparison,
            rules,
            setting="clinic_daily",
            dosing="daily",
            detox="completed",
            interests=("side_effects",),
            matters={"visits": "a_lot", "cost": "somewhat"},
        )
    )
    assert summary.matters is not None  # its words are poisoned too
    html = to_html(summary)
    assert "<script" not in html
    escaped = html.count("&lt;script&gt;alert(1)&lt;/script&gt;")
    # At least one per preference, question, section (title, source, reason, caution, paragraph),
    # column, row, cell, and referral piece.
    minimum = (
        len(summary.preferences)
        + len(summary.questions)
        + 4 * len(summary.sections)
        + len(summary.comparison.columns)
        + 4 * len(summary.comparison.rows)
        + len(summary.referral)
    )
    assert escaped >= minimum, (escaped, minimum)


def test_a_script_in_a_section_and_a_reason_is_escaped_in_the_saved_file(catalog, tmp_path):
    from explorer.summary import offer as take_home

    result = _result(catalog, Answers(dosing="monthly"))
    first = result.suggestions[0]
    evil = Suggestion(
        **{**first.model_dump(), "title": f"Title {EVIL}", "text": f"Text {EVIL}", "reasons": (f"Because {EVIL}",)}
    )
    result = result.model_copy(update={"suggestions": (evil, *result.suggestions[1:])})
    html = take_home.save(catalog, result, tmp_path / "s.html", "html").read_text(encoding="utf-8")
    assert "<script" not in html
    for text in ("Title ", "Text ", "Because "):
        assert f"{text}&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = take_home.save(catalog, result, tmp_path / "s.md", "markdown").read_text(encoding="utf-8")
    assert "<script>" not in markdown
    assert "\\<script\\>" in markdown


# ---- documents by title, not file name ----------------------------------------------------------

PROFILE = '{"for_whom": "someone_else", "setting": "doctor_office", "dosing": "monthly", "detox": "in_progress"}'


def test_every_document_has_a_title_or_a_description_and_a_kind(catalog):
    for document in catalog.documents.values():
        label = catalog.document_label(document.file)
        assert document.file not in label
        assert document.kind in label
        if document.title:
            assert label.startswith(f"“{document.title}”")
        else:  # the explorer's words: never in quotation marks, and said to be the explorer's
            assert "“" not in label
            assert "described by the explorer" in label
    assert [d.file[:3] for d in catalog.documents.values() if not d.title] == ["001"]


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('described_as = "a guide to treatments for heroin use disorder"\n', "", "either `title`"),
        ('title = "Heroin Addiction Treatment"', 'title = "Heroin Addiction Treatment"\ndescribed_as = "x"', "either"),
        ('kind = "a web article by a treatment-referral site"\n', "", "kind"),
        (
            'described_as = "a guide to treatments for heroin use disorder"',
            'described_as = "“a guide” to treatments"',
            "described_as",
        ),
    ],
    ids=["no title nor description", "both", "no kind", "a description in quotation marks"],
)
def test_a_document_without_a_name_a_reader_can_use_is_refused(content_copy, old, new, words):
    edit_file(content_copy / "data" / "documents.toml", old, new)
    error = refused(lambda: load_catalog(content_copy), "documents.toml")
    assert words in str(error), str(error)


def test_screens_name_documents_by_title_and_json_keeps_the_file_names():
    shown = run_cli("--answers", "-", stdin=PROFILE)
    assert shown.returncode == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert "From “Heroin Addiction Treatment” (a web article by a treatment-referral site)" in text
    assert "described by the explorer" in text
    assert not re.findall(r"\d{3}_[0-9a-f]{16}\.txt", text)
    listing = run_cli("sections")
    assert listing.returncode == 0, listing.stderr
    assert not re.findall(r"\d{3}_[0-9a-f]{16}\.txt", listing.stdout)
    assert "“Heroin Addiction Treatment”" in listing.stdout
    data = run_cli("--answers", "-", "--format", "json", stdin=PROFILE)
    assert data.returncode == 0, data.stderr
    assert re.findall(r'"source": "\d{3}_[0-9a-f]{16}\.txt"', data.stdout)


def test_the_summary_shows_no_section_id_nor_file_name_and_cites_numbered_sources(catalog, comparison, rules):
    summary = _summary(catalog, comparison, rules, for_whom="self", dosing="monthly", interests=("overdose",))
    assert summary.sources
    assert all(".txt" not in label for label in summary.sources)
    assert set(summary.source_of.values()) == set(range(1, len(summary.sources) + 1))
    html, markdown = to_html(summary), to_markdown(summary)
    visible = re.sub(r"<[^>]+>", " ", html)  # the text a reader sees, not attributes
    for text in (visible, markdown):
        assert [i for i in catalog.sections if i in text] == []
        assert "(section " not in text
        assert not re.findall(r"\d{3}_[0-9a-f]{16}\.txt", text)
        assert "source 1" in text
        assert "()" not in text  # a silent cell cites nothing
        assert summary.sources[0] in text.replace("&#8220;", "“").replace("&#8221;", "”")


def test_the_summary_has_a_ruled_space_for_notes_just_before_the_referral(catalog, comparison, rules):
    summary = _summary(catalog, comparison, rules, dosing="daily")
    html, markdown = to_html(summary), to_markdown(summary)
    assert html.index('class="own-notes"') < html.index('class="referral"')
    assert html.count('<div class="line">') >= 6
    notes = markdown.index("## Your own notes")
    assert markdown.count("_" * 60, notes) >= 6
    assert markdown.index("## Talk to a healthcare professional") > notes


# ---- "what matters to me" ------------------------------------------------------------------------

OPTIONS = ("Methadone", "Buprenorphine", "Naltrexone", "Treatment without medication")


def test_what_matters_is_in_the_summary_only_when_a_point_is_rated(catalog, comparison, rules):
    for matters in ({}, {"visits": "not_much", "cost": "unsure"}):
        summary = _summary(catalog, comparison, rules, matters=matters)
        assert summary.matters is None
        assert "What matters" not in to_html(summary)
        assert "What matters" not in to_markdown(summary)
    assert _summary(catalog, comparison, rules, matters={"cost": "somewhat"}).matters is not None


def test_what_matters_follows_the_reading_list_options_in_order_quotes_by_title_notes_marked(
    catalog, comparison, rules
):
    summary = _summary(catalog, comparison, rules, for_whom="self", matters={"cost": "a_lot", "visits": "somewhat"})
    html, markdown = to_html(summary), to_markdown(summary)
    visible = re.sub(r"<[^>]+>", " ", html).replace("&#8220;", "“").replace("&#8221;", "”").replace("&#39;", "'")
    for text in (visible, markdown):
        section = text[text.index("What matters to you") :]
        assert text.index("Reading list:") < text.index("What matters to you") < text.index("About this summary")
        assert "The explorer does not weigh the options for you." in section
        visits, cost = section.index("How often one goes somewhere for it"), section.index("Cost and insurance")
        assert visits < cost  # the file's order, not the order of the ratings
        for start, end in ((visits, cost), (cost, section.index("About this summary"))):
            found = [section.index(option, start, end) for option in OPTIONS]
            assert found == sorted(found)
        assert "From the section “Methadone: an effective medication for heroin addiction” of “Are there" in section
        assert "The documents say nothing about this." in section
        assert re.search(r"Explorer's note\s+on ", section)
        assert "To ask a professional" in section
        assert "What would each option cost you" in section  # the rules' question, worded for "you"
        assert [i for i in catalog.sections if i in section] == []  # no section id
        assert not re.findall(r"\d{3}_[0-9a-f]{16}\.txt", section)  # no file name
    assert markdown.rstrip().endswith("In an emergency or an overdose: call 911.")  # the referral, last
    assert re.search(r"</footer>\s*</div>\s*</body>\s*</html>\s*$", html)
    # Among the preferences, on page 1: the points rated, in the file's order, with how much.
    rated = "How often one goes somewhere for it (somewhat); Cost and insurance (a lot)"
    assert f"- **What matters:** {rated}" in markdown
    assert f'<dt class="wide">What matters</dt><dd class="wide">{rated}</dd>' in html


def _matters_part(text: str) -> str:
    """The "what matters" section and its row among the preferences: the table's own "Matches"
    marks are the comparison's, not this section's."""
    row = re.search(r"What matters(?:</dt><dd[^>]*>|:\*\* )([^<\n]*)", text)
    assert row is not None
    return row.group(1) + "\n" + text[text.index("What matters to ") : text.index("About this summary")]


@pytest.mark.parametrize("for_whom", ["self", "someone_else"])
def test_what_matters_in_the_summary_never_ranks_or_advises(catalog, comparison, rules, for_whom):
    ratings = [{key: "a_lot"} for key in PRIORITY_KEYS] + [dict.fromkeys(PRIORITY_KEYS, "somewhat")]
    scanned = 0
    for matters in ratings:
        summary = _summary(catalog, comparison, rules, for_whom=for_whom, dosing="monthly", matters=matters)
        for text in (to_html(summary), to_markdown(summary)):
            part = _matters_part(text)
            assert ranking_words(part) == [], (matters, ranking_words(part))
            assert ranking_words(part + " We recommend methadone.") != []  # the detector would see one
            scanned += 1
    assert scanned == 2 * (len(PRIORITY_KEYS) + 1)
