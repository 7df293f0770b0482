"""A take-home summary saved in Spanish is a Spanish page (`lang="es"`) whose translated sections
are marked as unofficial translations, each beside its English original (marked `lang="en"`); it
has no axe-core violation, no English left outside those originals, and prints within the
English summary's page budget, the Spanish referral last."""

from __future__ import annotations

import html
import re

import pytest

from explorer import i18n
from explorer.referral import referral_lines, referral_title

from .helpers.browser import chromium_path, load_page, needs, pdf_page_texts, pdf_tools_missing, referral_problems
from .helpers.run import run_cli
from .helpers.spanish_output import english_left
from .test_accessibility import AXE_HOW, axe_missing, run_axe
from .test_browser import FAMILY_EXTRA_LETTER_PAGES, PROFILES, TYPICAL_LETTER_PAGES

TYPICAL = {name: answers for name, answers in PROFILES.items() if name.startswith("typical")}
ENGLISH_ORIGINAL = re.compile(r'<blockquote class="full-text" lang="en">.*?</blockquote>', re.DOTALL)


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> dict[str, str]:
    """Profile -> the path of its summary saved in Spanish."""
    pages = {}
    for number, (name, answers) in enumerate(TYPICAL.items()):
        target = tmp_path_factory.mktemp(f"es{number}") / "resumen.html"
        done = run_cli("--answers", "-", "--save", str(target), "--lang", "es", stdin=answers)
        assert done.returncode == 0, done.stderr
        pages[name] = target
    return pages


def test_the_spanish_summary_says_it_is_spanish_and_marks_the_english_originals(saved):
    for page in saved.values():
        text = page.read_text(encoding="utf-8")
        assert '<html lang="es">' in text
        translations = text.count("Traducción no oficial del artículo en inglés:")
        assert translations >= 5
        assert len(ENGLISH_ORIGINAL.findall(text)) == translations  # each beside its original


def test_the_spanish_summary_has_no_english_left_outside_the_originals(saved):
    for page in saved.values():
        text = ENGLISH_ORIGINAL.sub(" ", page.read_text(encoding="utf-8"))
        text = re.sub(r"<style.*?</style>", " ", text, flags=re.DOTALL)
        # The notes' sources: publishers' and publications' own names and titles, in English.
        text = re.sub(r'<p class="sources">.*?</p>', " ", text, flags=re.DOTALL)
        words = html.unescape(re.sub(r"<[^>]+>", "\n", text))
        assert english_left(words) == []


def test_the_spanish_summary_has_no_axe_violation(saved):
    needs(axe_missing(), AXE_HOW)
    found = run_axe(*saved.values())
    assert {name: found[str(page)] for name, page in saved.items()} == {name: [] for name in saved}


@pytest.mark.parametrize("name", TYPICAL)
def test_the_spanish_summary_prints_within_the_english_budget_with_the_referral_last(saved, name):
    needs(
        ([] if chromium_path() else ["chromium"]) + pdf_tools_missing(),
        "Debian: apt-get install chromium poppler-utils",
    )
    papers = {paper: pdf_page_texts(pdf) for paper, pdf in load_page(saved[name]).pdfs.items()}
    family = '"self"' not in PROFILES[name]  # the budget as the English summary's (tests/test_browser.py)
    budget = TYPICAL_LETTER_PAGES + (FAMILY_EXTRA_LETTER_PAGES if family else 0)
    assert len(papers["Letter"]) <= budget, [p[:60] for p in papers["Letter"]]
    assert len(papers["A4"]) <= budget + 1
    i18n.use("es")
    last = referral_lines()[-1].strip()
    for pages in papers.values():
        assert referral_problems(pages, referral_title(), last) == []
        assert " ".join(pages[-1].split()).endswith(last)
