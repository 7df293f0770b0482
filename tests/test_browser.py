"""The saved HTML summary in a real browser: headless Chromium opens the file from disk with the
network off (see tests/helpers/browser.py), takes a screenshot and prints it on A4 and on Letter, the
printed pages read back with poppler's pdfinfo and pdftotext.

Skipped only where Chromium or poppler-utils are missing and this is not CI; in CI (.ci/run
installs both) a missing tool is a failure.
"""

from __future__ import annotations

import re
import struct

import pytest

from explorer.content.catalog import load_catalog
from explorer.referral import REFERRAL_LINES, REFERRAL_TITLE

from .helpers.browser import (
    chromium_path,
    load_page,
    needs,
    pdf_page_count,
    pdf_page_texts,
    pdf_tools_missing,
    referral_problems,
    stranded_headings,
)
from .helpers.run import run_cli

ANSWERS = '{"for_whom": "someone_else", "setting": "doctor_office", "dosing": "monthly", "detox": "in_progress"}'

# Profiles printed. Typical ones must fit on 5 Letter pages, the outcome figures included (denser
# type on paper, the notes, the reading list and the figures in two columns, each note printed
# once), and a family member's on one more; the longest has no page limit but the same rules of
# layout.
PROFILES = {
    "typical: for someone else, a doctor's office, monthly, in detox": ANSWERS,
    "typical: the README's session": (
        '{"for_whom": "someone_else", "setting": "residential", "dosing": "monthly", "detox": "completed", '
        '"counseling": "yes", "support_groups": "yes", "interests": ["overdose"]}'
    ),
    "typical: the README's session, for oneself": (
        '{"for_whom": "self", "setting": "residential", "dosing": "monthly", "detox": "completed", '
        '"counseling": "yes", "support_groups": "yes", "interests": ["overdose"]}'
    ),
    # The highest printed length of the 10,800 profiles (reasons, cautions and notes, each counted
    # once, as print shows them): 8 Letter pages on 2026-12-01.
    "longest": (
        '{"for_whom": "someone_else", "setting": "doctor_office", "dosing": "no_medication", '
        '"detox": "not_started", "counseling": "yes", "support_groups": "yes", "interests": '
        '["how_medications_work", "side_effects", "withdrawal", "overdose", "understanding_addiction", '
        '"finding_a_program"]}'
    ),
}
TYPICAL_LETTER_PAGES = 5
# A family member's summary adds a part of its own: the notes for family and friends with their
# sources, their questions to a program and to a counselor, the entry on the helplines. On
# 2026-12-07 the README's session printed 5 Letter pages for oneself and 6 for someone else.
FAMILY_EXTRA_LETTER_PAGES = 1
# The first typical profile with three points of "what matters" rated: its section adds
# at most two Letter pages to the same answers without it.
MATTERS_PROFILE = "with what matters: the doctor's-office profile, three points rated"
PROFILES[MATTERS_PROFILE] = ANSWERS[:-1] + (
    ', "matters": {"visits": "a_lot", "withdrawal_first": "somewhat", "cost": "a_lot", "privacy": "not_much"}}'
)
MATTERS_EXTRA_LETTER_PAGES = 2


@pytest.fixture(scope="module", autouse=True)
def chromium():
    needs([] if chromium_path() else ["chromium"], "Debian: apt-get install chromium")


def _save(folder, answers: str):
    target = folder / "summary.html"
    done = run_cli("--answers", "-", "--save", str(target), stdin=answers)
    assert done.returncode == 0, done.stderr
    return target


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    return _save(tmp_path_factory.mktemp("summary"), ANSWERS)


@pytest.fixture(scope="module")
def report(saved):
    return load_page(saved)


@pytest.fixture(scope="module")
def printed(tmp_path_factory, report):
    """Profile -> (the page's facts, {paper: each printed page's text}), read back with poppler."""
    needs(pdf_tools_missing(), "Debian: apt-get install poppler-utils")
    reports = {name: report if answers == ANSWERS else None for name, answers in PROFILES.items()}
    out = {}
    for name, answers in PROFILES.items():
        page = reports[name] or load_page(_save(tmp_path_factory.mktemp("print"), answers))
        out[name] = (page.facts, {paper: pdf_page_texts(pdf) for paper, pdf in page.pdfs.items()})
    return out


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_the_page_makes_no_network_request(report):
    assert report.requests == [report.url]  # the file itself, and nothing else
    assert report.network_requests == []


def test_the_comparison_table_is_in_the_rendered_dom(report):
    facts = report.facts
    assert facts["table_columns"][1:] == [
        "Methadone",
        # Buprenorphine matches a monthly injection too; naltrexone's matches say when it can start.
        "Buprenorphine Matches: a doctor's office; a monthly injection",
        "Naltrexone Matches: a doctor's office, after 7 to 10 days without opioids; a monthly injection, "
        "after 7 to 10 days without opioids",
    ]
    assert facts["table_row_headers"][0] == "How it acts"
    assert "Dependence" in facts["table_row_headers"]
    assert facts["table_cells"] >= 21
    assert 'id="comparison-table"' in report.dom


def test_the_part_for_family_and_friends_is_in_the_rendered_dom_and_on_paper(report, printed):
    assert 'id="family"' in report.dom
    for heading in ("For family and friends", "To ask a treatment program", "To ask a counselor"):
        assert f">{heading}</h" in report.dom, heading
    for name in (n for n in PROFILES if n.startswith("typical")):
        paper = " ".join("".join(printed[name][1]["Letter"]).split())
        family = '"self"' not in PROFILES[name]
        assert ("Do you offer CRAFT" in paper) is family, name
        assert ("CRAFT is counseling for family and friends" in paper) is family, name


def test_the_referral_is_in_the_rendered_dom_and_last(report):
    text = " ".join(report.facts["referral_text"].split())
    for needle in (
        "Talk to a healthcare professional",
        "1-800-662-HELP (4357)",
        "TTY: 1-800-487-4889",
        "FindTreatment.gov",
        "988",
        "call 911",
    ):
        assert needle in text, needle
    assert report.facts["referral_is_last"]


def test_the_page_is_accessible_in_structure(report):
    facts = report.facts
    assert facts["lang"] == "en"
    assert facts["scripts"] == 0
    assert facts["headings"][0].startswith("H1 ")
    assert "H2 Questions you may want to ask" in facts["headings"]


def test_screenshot_and_pdfs_on_a4_and_letter(report):
    png = report.screenshot
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1000, 2000)
    for paper, pdf in report.pdfs.items():
        assert pdf.startswith(b"%PDF-"), paper
        assert _pdf_pages(pdf) >= 2, paper
        assert report.print_overflow[paper] == 0, paper  # nothing wider than the printable area


# ---- on paper: page one, no stranded heading, the referral never alone ---------------------------


@pytest.mark.parametrize("name", [n for n in PROFILES if n.startswith("typical")])
def test_a_typical_profile_prints_within_the_page_budget(printed, name):
    facts, papers = printed[name]
    family = '"self"' not in PROFILES[name]
    budget = TYPICAL_LETTER_PAGES + (FAMILY_EXTRA_LETTER_PAGES if family else 0)
    assert len(papers["Letter"]) <= budget, [p[:60] for p in papers["Letter"]]
    assert len(papers["A4"]) <= budget + 1


def test_what_matters_prints_after_the_reading_list_in_at_most_two_more_pages(printed):
    without, with_matters = printed[next(iter(PROFILES))], printed[MATTERS_PROFILE]
    letter = " ".join(" ".join(with_matters[1]["Letter"]).split())
    assert len(with_matters[1]["Letter"]) <= len(without[1]["Letter"]) + MATTERS_EXTRA_LETTER_PAGES
    assert "What matters to the person you care about" not in " ".join(" ".join(without[1]["Letter"]).split())
    points = ["How often one goes somewhere for it", "Being without opioids before starting", "Cost and insurance"]
    at = [letter.index(f"{point} (how much it matters") for point in points]  # the file's order
    assert letter.index("Reading list:") < letter.index("What matters to the person you care about") < at[0]
    assert at == sorted(at)
    assert "Who would know about the treatment (how much" not in letter  # rated "not much": not shown
    assert "The explorer does not weigh the options" in letter
    for start, end in zip(at, [*at[1:], len(letter)], strict=True):  # each point: the options in their order
        point = letter[start:end]
        found = [point.index(o) for o in ("Methadone", "Buprenorphine", "Naltrexone", "Treatment without medication")]
        assert found == sorted(found), point[:200]
    # Quotes cite their section's title and document by title, as the reading list does.
    assert "From the section “Methadone: an effective medication for heroin addiction” of “Are there" in letter


@pytest.mark.parametrize("name", PROFILES)
@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_page_one_carries_the_preferences_the_questions_and_the_start_of_the_table(printed, name, paper):
    facts, papers = printed[name]
    first = " ".join(papers[paper][0].split())
    for needle in ("Preferences stated", "Questions you may want to ask", "The three medications side by side"):
        assert needle in first, needle
    assert facts["table_row_headers"][0] in first  # the table's first row, not only its heading


@pytest.mark.parametrize("name", PROFILES)
@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_no_page_ends_with_a_heading(printed, name, paper):
    facts, papers = printed[name]
    assert len(facts["all_headings"]) > 10
    assert stranded_headings(papers[paper], facts["all_headings"]) == []


@pytest.mark.parametrize("name", PROFILES)
@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_referral_is_never_alone_on_a_page_and_ends_the_print(printed, name, paper):
    facts, papers = printed[name]
    last = REFERRAL_LINES[-1].strip()
    assert referral_problems(papers[paper], REFERRAL_TITLE, last) == []
    assert " ".join(papers[paper][-1].split()).endswith(last)
    assert "Your own notes" in papers[paper][-1]  # the ruled space keeps it company


@pytest.mark.parametrize("name", PROFILES)
def test_no_section_id_on_screen_or_on_paper(printed, name):
    facts, papers = printed[name]
    ids = list(load_catalog().sections)
    texts = {"screen": facts["text"], **{paper: "".join(pages) for paper, pages in papers.items()}}
    for where, text in texts.items():
        squashed = " ".join(text.split())
        assert [i for i in ids if i in squashed] == [], where
        assert ".txt" not in squashed, where  # nor a file name: documents go by their titles


def test_full_texts_are_on_screen_and_left_out_of_print_with_their_titles_kept(printed):
    facts, papers = printed["typical: the README's session"]
    catalog = load_catalog()
    letter = " ".join("".join(papers["Letter"]).split())
    shown = [s for s in catalog.sections.values() if f". {s.title}" in facts["text"]]
    assert len(shown) >= 5
    for section in shown:
        opening = " ".join(section.text.split()[:12])
        assert opening in " ".join(facts["text"].split()), section.id
        assert opening not in letter, section.id
        assert " ".join(section.title.split()) in letter, section.id


def test_the_print_checks_catch_a_stranded_heading_and_a_lonely_referral(tmp_path):
    needs(pdf_tools_missing(), "Debian: apt-get install poppler-utils")
    # A heading pushed to a page's foot with its text forced onto the next page, and a referral
    # forced onto a page of its own: both checks must object, on a real printed PDF.
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<div style="height: 8.9in"></div><h2>A heading left behind</h2>'
        '<p style="break-before: page">Its text, on the next page.</p>'
        f'<footer style="break-before: page"><h2>{REFERRAL_TITLE}</h2><p>{REFERRAL_LINES[-1]}</p></footer>'
        "</body></html>",
        encoding="utf-8",
    )
    pdf = load_page(page).pdfs["Letter"]
    pages = pdf_page_texts(pdf)
    assert pdf_page_count(pdf) == 3
    assert stranded_headings(pages, ["A heading left behind", REFERRAL_TITLE]) == [(1, "A heading left behind")]
    assert referral_problems(pages, REFERRAL_TITLE, REFERRAL_LINES[-1]) == ["the referral is alone on page 3"]


def test_the_check_would_catch_a_request(tmp_path):
    # The same check on a page that does reach out: it must not pass.
    page = tmp_path / "leaky.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="https://example.com/a.css">'
        '</head><body><img src="http://example.org/x.png" alt=""></body></html>',
        encoding="utf-8",
    )
    leaky = load_page(page)
    assert "https://example.com/a.css" in leaky.network_requests
    assert "http://example.org/x.png" in leaky.network_requests


# ---- the outcome figures: icon arrays with their words ---------------------------------------------


def test_the_icon_arrays_have_the_figure_in_words_as_their_text_alternative(report):
    import html

    from explorer.content.figures import load_figures
    from explorer.render.figure_words import all_figure_words

    expected = [
        group.says
        for words in all_figure_words(load_figures(load_catalog()))
        for group in words.groups
        if group.out_of_100
    ]
    arrays = re.findall(r"<svg class=\"icons\"[^>]*>", report.dom)
    assert len(arrays) == len(expected) == 4
    for tag, says in zip(arrays, expected, strict=True):
        assert 'role="img"' in tag, tag
        assert html.unescape(re.search(r'aria-label="([^"]*)"', tag).group(1)) == says
        assert re.fullmatch(r"\w+: \d+ out of 100 people [^.]+\.", says), says


@pytest.mark.parametrize("name", [n for n in PROFILES if n.startswith("typical")])
def test_the_figures_print_with_their_uncertainty_in_words(printed, name):
    facts, papers = printed[name]
    letter = " ".join(" ".join(papers["Letter"]).split())
    assert "What studies found, in numbers" in letter
    assert "Naltrexone: 72 out of 100 people started it. Allowing for chance, it could be as low as 67" in letter
    assert "not a prediction for one person" in letter
