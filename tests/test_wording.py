"""The app's own words (not the quoted documents) describe; they never diagnose or prescribe."""

from __future__ import annotations

import re

import pytest

from explorer import referral
from explorer.content.wording import personalize

ADVICE = re.compile(
    r"you should|you need|you must|you have (an? )?(opioid|heroin|addiction|disorder)|"
    r"we recommend|is right for you|best for you|diagnos(e|is|ed) (you|that)",
    re.IGNORECASE,
)


def app_sentences(catalog):
    for question in catalog.questions:
        for for_whom in ("self", "someone_else"):
            yield personalize(question.prompt, for_whom)
            yield personalize(question.help, for_whom)
            yield from (personalize(c.label, for_whom) for c in question.choices)
    for rule in catalog.rules.suggest:
        yield from (personalize(rule.reason, w) for w in ("self", "someone_else"))
    for rule in catalog.rules.caution:
        yield rule.lead
    yield from referral.DISCLAIMER_LINES
    yield from referral.REFERRAL_LINES


def test_the_scan_can_fail():
    assert ADVICE.search("Because of this, you should take methadone.")
    assert ADVICE.search("You have opioid use disorder.")


def test_no_sentence_of_the_app_diagnoses_or_prescribes(catalog):
    sentences = list(app_sentences(catalog))
    assert len(sentences) > 60
    for sentence in sentences:
        assert not ADVICE.search(sentence), sentence


def test_every_reason_says_what_the_documents_say(catalog):
    for rule in catalog.rules.suggest:
        assert "documents" in rule.reason, rule.id


@pytest.mark.parametrize(
    "for_whom, expected", [("self", "you"), ("someone_else", "the person you care about"), ("unsure", "you")]
)
def test_personalize(for_whom, expected):
    assert personalize("Because {you} asked; {your} choice.", for_whom).startswith(f"Because {expected} asked")
