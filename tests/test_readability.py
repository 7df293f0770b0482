"""The explorer's own words read plainly: all of them together at a 6th-grade level or lower
(Flesch-Kincaid), no note above grade 8, no fixed text of some length above grade 8, no sentence over
25 words. Measured on the content as it ships and on the program's fixed texts (bench/readability.py
collects the words; quotes are the documents' and never counted), and shown to fail on content or
code with a hard sentence planted in it."""

from __future__ import annotations

import shutil

from bench.readability import (
    GRADE_TARGET,
    LONG_TEXT,
    NOTE_CEILING,
    SENTENCE_CEILING,
    TEXT_CEILING,
    Words,
    code_words,
    grade,
    measure,
    own_words,
    sentences,
    targets_missed,
)
from explorer.content.catalog import load_catalog

from .helpers.content import PROJECT_ROOT, edit_file

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


def test_the_explorer_s_own_words_in_data_and_code_together_meet_the_reading_targets(catalog):
    figures = measure(own_words(catalog) + code_words())
    assert targets_missed(figures) == []
    assert figures.grade_all <= GRADE_TARGET
    assert figures.longest[1] <= SENTENCE_CEILING
    assert figures.worst_text[1] <= TEXT_CEILING


def test_the_program_s_fixed_texts_alone_read_at_a_6th_grade_level():
    assert measure(code_words()).grade_all <= GRADE_TARGET


def test_every_place_the_program_speaks_from_is_measured():
    # The check would pass vacuously if the collector missed the places a person reads.
    words = code_words()
    places = {w.where.split(" ")[0] for w in words}
    for place in (
        "explorer/referral.py",  # the referral, the disclaimer, about
        "explorer/cli/parser.py",  # --help
        "explorer/cli/command_table.py",  # --help's commands
        "explorer/cli/ending.py",  # "Stopped." and the crash line
        "explorer/cli/commands.py",  # refusals
        "explorer/ask/numbered_menus.py",  # the menus' help lines
        "explorer/session/reader.py",  # the reading list and the pager's keys
        "explorer/summary/offer.py",  # the save offer
        "explorer/summary/formats.py",  # the summary's own text
        "explorer/summary/templates/summary.html.j2",
        "DISCLAIMER.md",  # the full disclaimer
    ):
        assert place in places, place
    every = "\n".join(w.text for w in words)
    assert "Naloxone reverses an opioid overdose" in every
    assert "Stopped. Nothing was saved." in every
    assert "list every section of the documents" in every  # a command, as --help describes it
    assert "Preferences stated" in every  # a heading of the saved summary's template
    assert "It never asks for symptoms, amounts, diagnoses, names or anything that identifies anyone." in every
    assert "JSON Schema" not in "\n".join(w.text for w in words if "published" in w.where)
    assert not any(w.where.startswith("explorer/published/") for w in words)  # for programmers


def _explorer_copy(tmp_path):
    copy = tmp_path / "explorer"
    shutil.copytree(PROJECT_ROOT / "explorer", copy, ignore=shutil.ignore_patterns("snapshot", "__pycache__"))
    shutil.copy(PROJECT_ROOT / "DISCLAIMER.md", tmp_path / "DISCLAIMER.md")
    return copy


def test_a_hard_sentence_planted_in_the_program_fails_the_check(tmp_path):
    copy = _explorer_copy(tmp_path)
    edit_file(copy / "referral.py", 'REFERRAL_TITLE = N_("', f'REFERRAL_TITLE = N_("{HARD} ')
    missed = targets_missed(measure(code_words(copy)))
    assert any(m.startswith("explorer/referral.py: a sentence of") for m in missed), missed
    assert any(m.startswith("explorer/referral.py writes a text at grade") for m in missed), missed


def test_a_hard_sentence_planted_in_an_f_string_or_the_template_fails_the_check(tmp_path):
    copy = _explorer_copy(tmp_path)
    edit_file(copy / "summary" / "offer.py", 'f"{', f'f"{HARD} {{', count=1)
    edit_file(copy / "summary" / "templates" / "summary.html.j2", "<h2", f"<p>{HARD}</p><h2", count=1)
    missed = targets_missed(measure(code_words(copy)))
    assert any(m.startswith("explorer/summary/offer.py: a sentence of") for m in missed), missed
    assert any(m.startswith("explorer/summary/templates/summary.html.j2: a sentence of") for m in missed), missed


def test_a_long_text_is_held_to_the_ceiling_and_a_short_label_is_not():
    hard = Words("code", "here", HARD)
    label = Words("code", "there", "Preferences stated")  # two long words: a high grade, nothing to fix
    figures = measure([hard, label])
    assert [t[0] for t in figures.texts_above] == ["here"]
    assert figures.worst_text[0] == "here" and figures.worst_text[1] > TEXT_CEILING
    assert len(HARD.split()) >= LONG_TEXT


def test_a_hard_sentence_planted_in_the_full_disclaimer_fails_the_check(tmp_path):
    copy = _explorer_copy(tmp_path)
    edit_file(tmp_path / "DISCLAIMER.md", "## What it does\n", f"## What it does\n{HARD}\n")
    missed = targets_missed(measure(code_words(copy)))
    assert any(m.startswith("DISCLAIMER.md: a sentence of") for m in missed), missed


def test_the_fixed_texts_fill_their_values_with_a_word():
    words = code_words()
    assert any(w.text == "Could not save: X. Nothing was written." for w in words)  # an f-string, whole
    assert not any("{" in w.text or "%s" in w.text for w in words)
