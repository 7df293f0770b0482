""" "What matters to me" in a real terminal, both kinds of menus: the optional step after the seven
questions (Enter skips it), its answers in the review and in the reading list's entry, Ctrl-C
inside it, a priority changed from the reading list, and every line within 40 columns."""

from __future__ import annotations

import pexpect
import pytest

from .helpers.checks import assert_referral_last
from .helpers.keys import CTRL_C, ENTER, UP
from .helpers.pty import (
    FINISH_AFTER,
    MORE,
    NOTES_END,
    PLAIN_PROGRAM,
    PROGRAM,
    STEP,
    TYPING_LINE,
    assert_stopped_calmly,
    assert_terminal_sane,
    decline_the_summary,
    finish,
    plain,
    program_output,
    recorded,
    spawn,
)

ARROWS = r"\(arrow keys"
ENTRY = "What matters to you: what the documents say on each point"
ENTRY_END = r"-- end of what matters|End of what matters"
VISITS = "How often one goes somewhere for it (how much it matters: A lot)"
COST = "Cost and insurance (how much it matters: A lot)"
PRIORITY = "How much"  # every priority's question starts so


def _drawn(child: pexpect.spawn, kind: str) -> None:
    child.expect(TYPING_LINE if kind == "plain" else ARROWS)  # keys sent earlier would be lost


def _press(child: pexpect.spawn, kind: str, number: str = "") -> None:
    """Picks entry `number` (or the default, with Enter alone) once the menu is drawn."""
    _drawn(child, kind)
    child.send(number + ENTER)  # arrow menus: the number moves the cursor, Enter picks


def _to_the_step(child: pexpect.spawn, kind: str) -> None:
    """Enter alone at the seven questions ("I'm not sure", no topics), up to the step's first menu."""
    child.expect("Who are you exploring")
    for _ in range(7):
        _press(child, kind)
    child.expect(STEP)


def _rate_visits_a_lot(child: pexpect.spawn, kind: str) -> None:
    """At the step: "Yes", then "A lot" for how often one goes somewhere, Enter for the other six."""
    _press(child, kind, "2")  # Yes, say what matters to you
    child.expect(PRIORITY)
    _press(child, kind, "1")  # A lot
    for _ in range(6):
        child.expect(PRIORITY)
        _press(child, kind)  # I'm not sure


def _past_the_review_to_the_list(child: pexpect.spawn, kind: str) -> tuple[str, int]:
    """Go on at the answers, Enter through the notes on the whole list; returns (the answers as
    shown, the number of sections)."""
    child.expect("Go on, or change an answer")
    review = plain(child.before)
    _press(child, kind)
    while child.expect([MORE, NOTES_END]) == 0:
        child.send(ENTER)
    child.send(ENTER)
    child.expect(r"Reading list: (\d+) sections")
    count = int(child.match.group(1))
    child.expect("Open a section to read it, or finish")
    return review, count


def _menu_with(child: pexpect.spawn, kind: str, entry: str) -> None:
    """Waits for a menu holding `entry` to be drawn: numbered menus list their entries before the
    typing line, arrow menus after their hint."""
    if kind == "plain":
        child.expect(entry)
    _drawn(child, kind)
    if kind == "arrow":
        child.expect(entry)


def _menu_shown(child: pexpect.spawn, kind: str) -> str:
    """The reading list's menu as drawn, once it is drawn: up to the line where a number is typed
    (plain), or to its last entry, Finish (arrows)."""
    _drawn(child, kind)
    if kind == "arrow":
        child.expect(r"Finish \(shows where to get help\)")
    return " ".join(plain(child.before).split())


def _read_the_entry(child: pexpect.spawn, kind: str, count: int) -> str:
    """Opens the matters entry (right after the sections) and pages to its end; returns its text."""
    if kind == "plain":
        child.send(f"{count + 1}{ENTER}")
    else:
        child.send(UP * (FINISH_AFTER + 1) + ENTER)  # up from the first entry: past Finish, Change, Compare
    shown = ""
    while child.expect([MORE, ENTRY_END]) == 0:
        shown += plain(child.before)
        child.send(ENTER)
    shown += plain(child.before)
    child.send(ENTER)  # back to the list
    child.expect("Open a section to read it, or finish")
    return " ".join(shown.split())


@pytest.mark.parametrize("kind", ["plain", "arrow"])
def test_enter_skips_the_step_and_the_list_offers_no_matters_entry(kind):
    child = spawn(PLAIN_PROGRAM if kind == "plain" else PROGRAM, rows=50, cols=100)
    _to_the_step(child, kind)
    _press(child, kind)  # Enter alone: "Skip this step"
    review, count = _past_the_review_to_the_list(child, kind)
    assert "What matters to you: skipped" in review
    assert PRIORITY not in review  # no priority asked
    menu = _menu_shown(child, kind)
    assert "Compare the medicines" in menu  # the detector reads the menu
    assert "What matters to you" not in menu
    child.send(f"{count + FINISH_AFTER}{ENTER}" if kind == "plain" else UP + ENTER)  # Finish
    decline_the_summary(child)
    shown, code, stty = finish(child)
    assert code == 0
    assert_referral_last(shown)
    assert_terminal_sane(stty)


@pytest.mark.parametrize("kind", ["plain", "arrow"])
def test_the_step_answered_shows_in_the_review_and_in_the_reading_list_entry(kind):
    child = spawn(PLAIN_PROGRAM if kind == "plain" else PROGRAM, rows=50, cols=100)
    _to_the_step(child, kind)
    _rate_visits_a_lot(child, kind)
    review, count = _past_the_review_to_the_list(child, kind)
    assert "How often one goes somewhere for it: A lot" in review
    assert "Cost and insurance: I'm not sure" in review
    assert ENTRY in _menu_shown(child, kind)
    page = _read_the_entry(child, kind, count)
    assert VISITS in page
    assert COST not in page
    assert page.index("Methadone") < page.index("Buprenorphine") < page.index("Naltrexone")
    assert "The explorer does not weigh the options for you." in page
    assert "To ask a professional:" in page
    if kind == "plain":  # back at the list, it is read out again on request only
        _drawn(child, kind)
        child.sendline("l")
    menu = _menu_shown(child, kind)
    assert ENTRY + " (read)" in menu
    child.send(f"{count + FINISH_AFTER + 1}{ENTER}" if kind == "plain" else UP + ENTER)  # Finish
    decline_the_summary(child)
    shown, code, stty = finish(child)
    assert code == 0
    assert_referral_last(shown)
    assert_terminal_sane(stty)


@pytest.mark.parametrize("kind", ["plain", "arrow"])
@pytest.mark.parametrize("where", ["opening", "a priority"])
def test_ctrl_c_inside_the_step_ends_with_the_referral_and_exit_130(kind, where):
    child = spawn(PLAIN_PROGRAM if kind == "plain" else PROGRAM, rows=40, cols=100)
    _to_the_step(child, kind)
    if where == "a priority":
        _press(child, kind, "2")  # Yes
        child.expect(PRIORITY)
        _press(child, kind, "1")
        child.expect(PRIORITY)  # the second priority
    _drawn(child, kind)
    child.send(CTRL_C)
    assert_stopped_calmly(child)


@pytest.mark.parametrize("kind", ["plain", "arrow"])
def test_a_priority_changed_from_the_reading_list_changes_what_the_entry_shows(kind):
    child = spawn(PLAIN_PROGRAM if kind == "plain" else PROGRAM, rows=60, cols=100)
    _to_the_step(child, kind)
    _rate_visits_a_lot(child, kind)
    _, count = _past_the_review_to_the_list(child, kind)
    _drawn(child, kind)
    before = _read_the_entry(child, kind, count)
    assert VISITS in before
    assert COST not in before  # the check can tell the two apart
    # Change an answer: after the sections, the entry and Compare (plain); up past Finish (arrows).
    _drawn(child, kind)
    child.send(f"{count + 3}{ENTER}" if kind == "plain" else UP * 2 + ENTER)
    child.expect("Which answer would you like to change?")
    _menu_with(child, kind, "Cost and insurance: I'm not sure")  # the priorities can be changed too
    child.send(f"14{ENTER}" if kind == "plain" else UP + ENTER)  # the last entry: cost
    child.expect("Changing: Cost and insurance")
    child.expect(PRIORITY)
    _press(child, kind, "1")  # A lot
    child.expect("Cost and insurance: A lot")  # the answers shown again
    _, count = _past_the_review_to_the_list(child, kind)
    menu = _menu_shown(child, kind)
    assert ENTRY in menu
    assert ENTRY + " (read)" not in menu  # unread again: it says more now
    after = _read_the_entry(child, kind, count)
    assert VISITS in after
    assert COST in after
    assert after.index(VISITS) < after.index(COST)  # the file's order, whatever was rated last
    _drawn(child, kind)
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_at_40_columns_the_numbered_step_its_review_and_its_page_fit_the_terminal():
    child = spawn(PLAIN_PROGRAM, rows=24, cols=40)
    raw = recorded(child)
    _to_the_step(child, "plain")
    _rate_visits_a_lot(child, "plain")
    _, count = _past_the_review_to_the_list(child, "plain")
    _drawn(child, "plain")
    page = _read_the_entry(child, "plain", count)
    assert VISITS in page
    _drawn(child, "plain")
    child.send(CTRL_C)
    assert_stopped_calmly(child)
    shown = plain(program_output(raw))
    assert "How often one goes somewhere for" in shown  # the review, wrapped
    wide = [line for line in shown.splitlines() if len(line) >= 40]
    assert wide == [], wide  # numbered menus print every line once, as wrapped
