"""For families and friends. With "Someone I care about" every result carries the explorer's notes
for family and friends and the entry on the helplines, and its reasons speak to the reader about
what the reader chose; with "Myself" none of it; "I'd rather not say" keeps the neutral wording and
gets both. "I don't know" is offered where a family member may not know. The notes never push
force or blame, and give the trials' results as numbers of people. The summary has a part for the
family member; a family member's whole session runs in a real terminal, first question to referral.
"""

from __future__ import annotations

import datetime

import pytest

from explorer.ask.questionnaire import ask_one
from explorer.content.answers import Answers
from explorer.content.wording import personalize
from explorer.infer.engine import RuleEngine
from explorer.infer.reading_list import build_result
from explorer.summary.build import build_summary
from explorer.summary.formats import FAMILY_HEADING, to_html, to_markdown
from explorer.summary.rules import load_summary_rules

from .helpers.checks import coercion_or_stigma, ranking_words
from .helpers.keys import DOWN, ENTER, UP
from .helpers.pty import NOTES_END, assert_ended_calmly, decline_the_summary, past_the_step, plain, spawn

FAMILIES_ENTRY = "national-helplines-samhsa"
FOR_SOMEONE = "Because you are exploring for someone you care about"
MAYBE_FOR_SOMEONE = "Because you may be exploring for someone you care about"
THE_PERSON = "the person you care about"
TRIALS = ("families-craft-how-it-works", "families-craft-alcohol-trial", "families-craft-drug-trial")


def _families_notes(catalog) -> tuple[str, ...]:
    return next(rule.notes for rule in catalog.rules.attach if rule.id == "families-notes")


def _note_ids(result) -> set[str]:
    return {note.id for note in result.notes}


def _reasons(result) -> list[str]:
    return [reason for item in result.suggestions for reason in item.reasons]


def _entry(result, section_id):
    return next((item for item in result.suggestions if item.id == section_id), None)


# ---- over the answer space -----------------------------------------------------------------------


def test_with_someone_i_care_about_every_result_carries_the_families_content(every_result, catalog):
    families = set(_families_notes(catalog))
    seen = 0
    for result in (r for r in every_result if r.answers.for_whom == "someone_else"):
        seen += 1
        assert families <= _note_ids(result), result.answers
        entry = _entry(result, FAMILIES_ENTRY)
        assert entry is not None and any(r.startswith(FOR_SOMEONE) for r in entry.reasons), result.answers
        for reason in _reasons(result):
            # The reader chose the topics; the person's wishes are named as the reader reported them.
            assert f"{THE_PERSON} asked" not in reason, reason
            if "would like" in reason.partition(":")[0]:
                assert reason.startswith(f"Because you said {THE_PERSON} would like"), reason
    assert seen == len(every_result) // 3


def test_with_myself_none_of_the_families_content(every_result, catalog):
    families = set(_families_notes(catalog))
    seen = 0
    for result in (r for r in every_result if r.answers.for_whom == "self"):
        seen += 1
        assert not families & _note_ids(result), result.answers
        assert not any(note.id.startswith("families-") for item in result.suggestions for note in item.notes)
        assert not any("care about" in reason for reason in _reasons(result)), result.answers
        entry = _entry(result, FAMILIES_ENTRY)
        assert entry is None or not any("care about" in r for r in entry.reasons)
    assert seen == len(every_result) // 3


def test_i_d_rather_not_say_keeps_the_neutral_wording_and_gets_both(every_result, catalog):
    families = set(_families_notes(catalog))
    for result in (r for r in every_result if r.answers.for_whom == "unsure"):
        assert families <= _note_ids(result), result.answers
        assert not any(THE_PERSON in reason for reason in _reasons(result)), result.answers
        entry = _entry(result, FAMILIES_ENTRY)
        assert entry is not None and any(r.startswith(MAYBE_FOR_SOMEONE) for r in entry.reasons)


# ---- the questions --------------------------------------------------------------------------------


class RecordingMenus:
    """Menus that record what a question offers and answer with its default."""

    def __init__(self) -> None:
        self.offered: list[tuple[str, list[tuple[str, str]]]] = []

    def select(self, text, choices, default=None, **_):
        self.offered.append((text, choices))
        return default

    def checkbox(self, text, choices, alone=None, **_):
        self.offered.append((text, choices))
        return []


@pytest.mark.parametrize(
    "for_whom, offered",
    [("self", False), ("someone_else", True), ("unsure", True)],
)
def test_i_don_t_know_is_offered_where_a_family_member_may_not_know(catalog, for_whom, offered):
    for question in catalog.questions:
        menus = RecordingMenus()
        ask_one(question, for_whom, menus)
        text, choices = menus.offered[0]
        has_it = ("I don't know", "dont_know") in choices
        assert has_it == (offered and question.key in ("dosing", "detox")), (question.key, choices)
        wished = question.key in ("setting", "dosing", "detox", "counseling", "support_groups")
        assert (THE_PERSON in text) == (for_whom == "someone_else" and wished), text


def test_the_topics_and_the_optional_step_speak_to_the_reader(catalog):
    interests = next(q for q in catalog.questions if q.key == "interests")
    for for_whom in ("self", "someone_else", "unsure"):
        assert personalize(interests.prompt, for_whom).startswith("Anything else you would like to read about?")
    assert catalog.matters is not None
    step = personalize(catalog.matters.step_prompt, "someone_else")
    assert step.startswith(f"Would you like to say what matters most to {THE_PERSON}?"), step


def test_i_don_t_know_reads_as_still_open_and_adds_the_notes_on_lost_tolerance(catalog, engine):
    def result(**answers):
        given = Answers(for_whom="someone_else", **answers)
        return build_result(catalog, given, engine.fired(given))

    unknown, unsure = result(detox="dont_know", dosing="dont_know"), result(detox="unsure", dosing="unsure")
    assert [item.id for item in unknown.suggestions] == [item.id for item in unsure.suggestions]
    assert {"lost-tolerance", "first-weeks-after-detox"} <= _note_ids(unknown)
    assert "lost-tolerance" not in _note_ids(unsure)
    assert ("Dosing", "I don't know") in unknown.preferences


# ---- the words ----------------------------------------------------------------------------------


def test_the_coercion_check_catches_force_blame_and_labels():
    planted = "Give an ultimatum, cut them off and let them hit rock bottom: addicts need tough love."
    assert {"ultimatum", "cut them off", "rock bottom", "addicts", "tough love"} <= set(coercion_or_stigma(planted))
    assert coercion_or_stigma("A counselor teaches calm ways to invite the person into treatment.") == []


def test_the_families_words_never_push_force_blame_or_a_ranking(catalog, comparison_rules):
    words = [catalog.notes[note].text for note in _families_notes(catalog)]
    words += [rule.reason for rule in catalog.rules.suggest if rule.id.startswith("families-")]
    words += [rule.question for rule in comparison_rules.ask if rule.of != "professional"]
    assert len(words) > 10
    for text in words:
        assert coercion_or_stigma(text) == [], text
        assert ranking_words(text) == [], text


def test_the_trials_are_told_as_numbers_of_people(catalog):
    for note_id in TRIALS:
        text = catalog.notes[note_id].text
        assert "of every 100" in text.lower() or "2 of every 3" in text, note_id
        assert "%" not in text and "percent" not in text, note_id


# ---- the summary ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def comparison_rules(comparison):
    return load_summary_rules(comparison)


def _summary(catalog, comparison, comparison_rules, for_whom):
    answers = Answers(for_whom=for_whom, detox="dont_know" if for_whom != "self" else "unsure")
    fired = RuleEngine.for_rules(catalog.rules).fired(answers)
    result = build_result(catalog, answers, fired)
    return build_summary(catalog, result, comparison, comparison_rules, datetime.date(2026, 12, 7))


@pytest.mark.parametrize("for_whom", ["someone_else", "unsure"])
def test_the_summary_has_a_part_for_the_family_member_with_questions_for_a_program_and_a_counselor(
    catalog, comparison, comparison_rules, for_whom
):
    summary = _summary(catalog, comparison, comparison_rules, for_whom)
    headings = [heading for heading, _ in summary.family]
    assert headings == ["To ask a treatment program", "To ask a counselor"]
    assert all(question.endswith("?") for _, asked in summary.family for question in asked)
    markdown, html = to_markdown(summary), to_html(summary)
    assert f"## {FAMILY_HEADING}" in markdown
    assert "Do you offer CRAFT" in markdown and "Do you offer CRAFT" in html
    assert markdown.index("## The three medications side by side") < markdown.index(FAMILY_HEADING)
    assert markdown.index(FAMILY_HEADING) < markdown.index("## Reading list")
    assert "family and friends can call too" in " ".join(markdown.split())  # the referral names it


def test_the_summary_for_myself_has_no_part_for_family_members(catalog, comparison, comparison_rules):
    summary = _summary(catalog, comparison, comparison_rules, "self")
    assert summary.family == ()
    assert FAMILY_HEADING not in to_markdown(summary)
    assert FAMILY_HEADING not in to_html(summary)


# ---- a family member's session in a real terminal ----------------------------------------------------


def test_a_family_member_s_session_from_the_first_question_to_the_referral():
    child = spawn()
    child.expect("Who are you exploring options for")
    child.send("2" + ENTER)  # someone I care about
    child.expect('With "Someone I care about"|setting would the person you care about prefer')
    child.expect(r"\(arrow keys")
    child.send(ENTER)  # the setting: "I'm not sure"
    child.expect("how often would the person you care about prefer")
    child.expect("I don't know")
    child.send(DOWN + ENTER)  # from "I'm not sure" down to "I don't know"
    child.expect("detox \\(medically supervised withdrawal\\) for the person you care about")
    child.expect("I don't know")
    child.send(DOWN + ENTER)
    child.expect("counseling or talk therapy interest the person you care about")
    child.send(ENTER)
    child.expect("peer support groups interest the person you care about")
    child.send(ENTER)
    child.expect("Anything else you would like to read about")
    child.send(ENTER)  # no topic
    past_the_step(child)
    child.expect("Go on, or change an answer")
    answers = " ".join(plain(child.before).split())
    assert "Dosing: I don't know" in answers and "Detox: I don't know" in answers
    child.expect(r"\(arrow keys")
    child.send(ENTER)
    notes = ""
    while child.expect([r"-- more|More\. ", NOTES_END]) == 0:  # the notes may fill more than a page
        notes += plain(child.before)
        child.send(ENTER)
    notes = " ".join((notes + plain(child.before)).split())
    for name in ("the signs of an overdose", "CRAFT, counseling for family and friends", "support for family members"):
        assert name in notes, name
    assert "lost tolerance" in notes  # "I don't know" where detox stands
    child.send(ENTER)
    child.expect("Open a section to read it, or finish")
    child.expect(r"\(arrow keys")
    child.send(UP + ENTER)  # up from the first entry to the last: Finish
    decline_the_summary(child)
    shown = assert_ended_calmly(child, 0)
    assert "family and friends can call too" in " ".join(shown.split())
