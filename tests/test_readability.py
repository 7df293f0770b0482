"""The explorer's own words read plainly: all of them together at a 6th-grade level or lower
(Flesch-Kincaid), no note above grade 8, no sentence over 25 words. Measured on the content as it
ships (bench/readability.py collects the words; quotes are the documents' and never counted), and
shown to fail on content with a hard note planted in it."""

from __future__ import annotations

from bench.readability import (
    GRADE_TARGET,
    NOTE_CEILING,
    SENTENCE_CEILING,
    Words,
    code_words,
    grade,
    measure,
    own_words,
    sentences,
    targets_missed,
)
from explorer.content.catalog import load_catalog

from .helpers.content import edit_file

# A sentence as the explorer must never write it: long, abstract, in the passive voice.
HARD = (
    "Notwithstanding the aforementioned pharmacological considerations, individualized therapeutic "
    "determinations necessitate comprehensive multidisciplinary evaluation, incorporating "
    "epidemiological, physiological and psychosocial characteristics, which are to be "
    "systematically documented by the responsible institutional practitioners."
)


def test_the_explorer_s_own_words_meet_the_reading_targets(catalog):
    figures = measure(own_words(catalog))
    assert targets_missed(figures) == []
    assert figures.grade_all <= GRADE_TARGET
    assert figures.worst_note[1] <= NOTE_CEILING
    assert figures.longest[1] <= SENTENCE_CEILING


def test_every_kind_of_own_words_is_measured(catalog):
    # The check would pass vacuously on an empty or partial inventory.
    words = own_words(catalog)
    kinds = {w.kind for w in words}
    assert kinds == {"note", "reason", "rule", "matters", "question", "comparison", "summary", "document", "glossary"}
    assert sum(w.kind == "note" for w in words) == len(catalog.notes)
    assert sum(w.kind == "reason" and "(for someone else)" not in w.where for w in words) == len(catalog.rules.suggest)
    # As a family member reads them too: every reason or question with {you} or {your}, worded so.
    worded = sum("{" in rule.reason for rule in catalog.rules.suggest)
    assert sum(w.kind == "reason" and "(for someone else)" in w.where for w in words) == worded > 0
    assert any("the person you care about" in w.text for w in words if w.kind == "question")
    every = "\n".join(w.text for w in words)
    assert "What matters to you" in every and "Who are you exploring options for?" in every
    assert "Cost and insurance" in every  # a comparison row label
    assert "{" not in every, "a placeholder left unworded"


def test_quotes_are_never_measured(catalog):
    every = "\n".join(w.text for w in own_words(catalog))
    for section in catalog.sections.values():
        first = section.text.split(". ")[0]
        assert first not in every, section.id


def test_a_hard_note_planted_in_the_content_fails_the_check(content_copy):
    edit_file(
        content_copy / "data" / "notes.toml",
        'text = "Heroin slows the body down;',
        f'text = "{HARD} Heroin slows the body down;',
    )
    catalog = load_catalog(content_copy)
    missed = targets_missed(measure(own_words(catalog, content_copy)))
    assert any("note heroin-slows-the-body reads at grade" in m for m in missed), missed
    assert any("note heroin-slows-the-body: a sentence of" in m for m in missed), missed


def test_hard_words_everywhere_fail_the_grade_of_all_of_them(catalog):
    planted = [Words(w.kind, w.where, HARD) for w in own_words(catalog)]
    figures = measure(planted)
    assert figures.grade_all > GRADE_TARGET
    assert any("all own words together" in m for m in targets_missed(figures))


def test_the_grade_is_flesch_kincaid_over_words_sentences_and_syllables():
    assert grade(["The cat sat on the mat."]) < 2
    assert grade([HARD]) > 12
    # Texts are read together, each at least one sentence: a label never runs into the next.
    assert grade(["A lot", "Somewhat", "Not much"]) < 6


def test_sentences_end_at_a_full_stop_a_question_mark_or_a_line_break():
    assert sentences("One. Two? Three!\nFour: still four.") == ["One.", "Two?", "Three!", "Four: still four."]
    assert sentences("Between 2.7 and 3.9 times.") == ["Between 2.7 and 3.9 times."]


def test_the_words_inside_the_code_are_collected_for_reference():
    words = code_words()
    assert any(w.where == "explorer/referral.py" and "Naloxone reverses an opioid overdose" in w.text for w in words)
