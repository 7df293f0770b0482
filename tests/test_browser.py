"""The saved HTML summary in a real browser: headless Chromium opens the file from disk with the
network off (see tests/browser.py), takes a screenshot and prints it on A4 and on Letter.

Skipped only where Chromium is missing and this is not CI; in CI (.ci/run installs chromium) a
missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import struct

import pytest

from .browser import chromium_path, load_page
from .helpers.run import run_cli

ANSWERS = '{"for_whom": "someone_else", "setting": "doctor_office", "dosing": "monthly", "detox": "in_progress"}'


@pytest.fixture(scope="module", autouse=True)
def chromium():
    if chromium_path() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("chromium is not installed (Debian: apt-get install chromium); CI installs it")


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    target = tmp_path_factory.mktemp("summary") / "summary.html"
    done = run_cli("--answers", "-", "--save", str(target), stdin=ANSWERS)
    assert done.returncode == 0, done.stderr
    return target


@pytest.fixture(scope="module")
def report(saved):
    return load_page(saved)


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_the_page_makes_no_network_request(report):
    assert report.requests == [report.url]  # the file itself, and nothing else
    assert report.network_requests == []


def test_the_comparison_table_is_in_the_rendered_dom(report):
    facts = report.facts
    assert facts["table_columns"][1:] == [
        "Methadone",
        "Buprenorphine Matches: a doctor's office",
        "Naltrexone Matches: a monthly injection",
    ]
    assert facts["table_row_headers"][0] == "How it acts"
    assert "Dependence" in facts["table_row_headers"]
    assert facts["table_cells"] >= 21
    assert 'id="comparison-table"' in report.dom


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
