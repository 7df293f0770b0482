"""A whole session in a real terminal, as a person goes through it: the disclaimer, the seven
questions, the answers, the explorer's notes on the whole list, the grouped reading list with each
entry's short reason, a section with its notes before its text, Finish and the referral. Esc then
Enter acts as Enter at every kind of menu.
"""

from __future__ import annotations

import pytest

from .helpers.checks import assert_referral_last
from .helpers.keys import CTRL_C, DOWN, ENTER, ESC, UP
from .helpers.pty import (
    MORE,
    NOTES_END,
    SECTION_END,
    STEP,
    assert_ended_calmly,
    assert_stopped_calmly,
    assert_terminal_sane,
    decline_the_summary,
    finish,
    past_the_step,
    plain,
    spawn,
)


def test_a_full_session(tmp_path):
    child = spawn()
    child.expect("Who are you exploring options for")
    assert "not medical advice" in plain(child.before)
    assert "call 911" in plain(child.before)
    child.send("2" + ENTER)  # someone I care about
    child.expect("setting would the person you care about")
    child.send("2" + ENTER)  # a doctor's office
    child.expect("how often would the person")
    child.send("2" + ENTER)  # a monthly injection
    child.expect("detox")
    child.send("2" + ENTER)  # in progress
    child.expect("counseling")
    child.send("1" + ENTER)
    child.expect("peer support")
    child.send("1" + ENTER)
    child.expect("Anything else")
    child.send(DOWN * 3 + " " + ENTER)  # overdose
    child.expect(r"\[Overdose\]")  # the menu's echo names the one topic ticked: said once
    past_the_step(child)  # Enter skips the optional step "what matters"
    child.expect("Go on, or change an answer")
    child.expect(r"\(arrow keys")
    child.send(ENTER)
    notes = ""
    while child.expect([MORE, NOTES_END]) == 0:  # a family member's notes fill more than a page
        notes += plain(child.before)
        child.send(ENTER)
    notes += plain(child.before)
    # The notes about the whole list have pages of their own, read before the list, not scrolled away.
    assert "The explorer's own notes (not from the documents; s: their sources), about this whole list" in " ".join(
        notes.split()
    )
    child.send(ENTER)
    child.expect("Open a section to read it, or finish")
    assert "Reading list:" in plain(child.before)
    assert "Topics: Overdose" not in plain(child.before)
    child.expect(r"\(arrow keys")
    # The group headings in the menu, and the pointed entry's short reason under it.
    child.expect("Safety first")
    child.expect("1. Naloxone")
    child.expect("1: Because you asked about overdose.")
    child.send(ENTER)  # open the first section
    section = ""
    while child.expect([SECTION_END, MORE]) == 1:  # its notes may fill more than a page
        section += plain(child.before)
        child.send(ENTER)
    section += plain(child.before)
    assert "Why: Because you asked about overdose" in section  # the reader chose the topic
    assert "Naloxone is used to treat heroin overdose" in section
    assert section.index("Explorer's note") < section.index("Naloxone is used to treat")  # notes first
    child.send("b")  # back to the list, on one key
    child.expect("Open a section to read it, or finish")
    child.expect(r"\(arrow keys")
    child.send(UP * 2 + ENTER)  # from the next unread entry (2) up past the first to the last: Finish
    decline_the_summary(child)
    shown, code, stty = finish(child)
    assert code == 0
    assert_referral_last(shown)
    assert_terminal_sane(stty)


@pytest.mark.parametrize("where", ["question", "checkbox", "reading list", "format"])
def test_esc_then_enter_at_any_menu_carries_on_like_enter(here, where):
    child = spawn(cwd=here)
    child.expect("Who are you")
    child.expect(r"\(arrow keys")
    if where == "question":
        child.send(ESC + ENTER)
        child.expect("treatment setting")  # the session goes on: Esc then Enter is Enter
        child.expect(r"\(arrow keys")
        child.send(CTRL_C)
        assert_stopped_calmly(child)
        return
    if where == "checkbox":
        for _ in range(6):
            child.send(ENTER)
            child.expect(r"\(arrow keys")
        child.expect(r"Space to tick")
        child.send(ESC + ENTER)
        child.expect(STEP)  # the session goes on, to the optional step "what matters"
        child.expect(r"\(arrow keys")  # the menu is drawn: a key sent earlier could be lost
        child.send(CTRL_C)
        assert_stopped_calmly(child)
        return
    child.send(ENTER * 0)
    for _ in range(7):
        child.send(ENTER)
        child.expect(r"\(arrow keys")
    child.send(ENTER)  # the optional step: skip it
    child.expect("Go on, or change an answer")
    child.expect(r"\(arrow keys")
    child.send(ENTER)  # the answers' summary: go on
    while child.expect([MORE, NOTES_END]) == 0:
        child.send(ENTER)
    child.send(ENTER)
    child.expect("Open a section to read it, or finish:")
    child.expect(r"\(arrow keys")
    if where == "reading list":
        child.send(ESC + ENTER)  # opens the first section, like Enter
        child.expect([MORE, SECTION_END])
        child.send(CTRL_C)
        assert_stopped_calmly(child)
        return
    child.send(UP + ENTER)
    child.expect("Save a summary")
    child.send("y")
    child.expect("Which format")
    child.send(ESC + ENTER)  # the summary the person asked for is still saved
    child.expect("Which file should it be saved to")
    child.send(ENTER)
    child.expect("Saved:")  # the path may wrap to the next line
    assert_ended_calmly(child, 0)
    assert len(list(here.glob("treatment-options-summary-*.html"))) == 1
