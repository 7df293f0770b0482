"""Long output is paged the way git pages it, in a real terminal: on a terminal a command's text
goes through $PAGER (less, with LESS=FRX, by default), the referral printed after it so that it is
last on the screen; Ctrl-C inside the pager ends calmly (exit 130, the referral last, the terminal
sane); no pager when PAGER is empty or cat, when the output is piped, or with --plain. Inside a
session the pager acts on one key, as the menus do, and offers no way "back to the list" before
there is a list."""

from __future__ import annotations

import pexpect
import pytest

from .helpers.checks import assert_referral_last
from .helpers.keys import CTRL_C, ENTER, SPACE
from .helpers.pty import (
    MORE,
    NOTES_END,
    PLAIN_PROGRAM,
    PROGRAM,
    SECTION_END,
    TYPING_LINE,
    assert_ended_calmly,
    assert_stopped_calmly,
    assert_terminal_sane,
    finish,
    plain,
    program_output,
    recorded,
    screen_lines,
    spawn,
    to_the_reading_list,
)

LAST_LINE = "  In an emergency or an overdose: call 911."


@pytest.mark.parametrize("command", ["compare", "sections"])
def test_on_a_terminal_long_output_goes_through_less_and_the_referral_comes_after_it(command):
    child = spawn(f"{PROGRAM} {command}", rows=24, cols=80, PAGER=None, LESS=None)
    raw = recorded(child)
    child.expect(":")  # less waits at its prompt, a screenful shown
    assert "TALK TO A HEALTHCARE PROFESSIONAL" not in plain(program_output(raw))  # not inside the pager
    child.send(SPACE)  # a page on, as in less
    child.send("q")
    shown = assert_ended_calmly(child, 0)
    assert "TALK TO A HEALTHCARE PROFESSIONAL" in shown
    lines = [line for line in screen_lines(raw, 80, 24) if line.strip()]
    assert lines[-1] == LAST_LINE  # the referral last on the screen, after the pager


def test_ctrl_c_inside_the_pager_ends_calmly_with_the_referral_last():
    child = spawn(f"{PROGRAM} sections", rows=24, cols=80, PAGER=None, LESS=None)
    raw = recorded(child)
    child.expect(":")
    child.send(CTRL_C)
    shown = assert_stopped_calmly(child)  # exit 130, no traceback, the referral last, the terminal sane
    assert "Stopped." in shown
    assert [line for line in screen_lines(raw, 80, 24) if line.strip()][-1] == LAST_LINE


def test_the_pager_named_by_pager_gets_the_text_and_git_s_less_settings():
    # A pager that shouts: what went through it is in capitals, the referral after it is not.
    child = spawn(f"{PROGRAM} about", PAGER="sh -c 'echo LESS=$LESS; tr a-z A-Z'", LESS=None)
    shown, code, stty = finish(child)
    assert code == 0
    assert "LESS=FRX" in shown
    assert "ABOUT THIS CONTENT" in shown and "About this content" not in shown
    assert_referral_last(shown)
    assert "call 911" in shown.split("TALK TO A HEALTHCARE PROFESSIONAL")[-1]
    assert_terminal_sane(stty)


@pytest.mark.parametrize(
    "command, pager",
    [("about", ""), ("about", "cat"), ("about | cat", None), ("about --plain", None), ("about", "no-such-pager-xyz")],
    ids=["PAGER empty", "PAGER=cat", "piped", "--plain", "a pager that is not there"],
)
def test_no_pager_when_none_is_wanted_or_the_output_is_not_a_terminal(command, pager):
    child = spawn(f"{PROGRAM} {command}", PAGER="sh -c 'echo PAGED; cat'" if pager is None else pager)
    shown, code, _ = finish(child)  # never waits in a pager
    assert code == 0
    assert "PAGED" not in shown
    assert "About this content" in shown
    assert_referral_last(shown)


# ---- the session's own pager ------------------------------------------------------------------------


def _open_the_first_section(child):
    to_the_reading_list(child)
    child.expect(r"\(arrow keys")
    child.send(ENTER)


def test_in_a_session_b_goes_back_on_one_key_like_the_menus():
    child = spawn(PROGRAM, rows=12, cols=60)
    _open_the_first_section(child)
    child.expect(MORE)  # a short window: the section takes more than a page
    child.send("b")  # no Enter
    child.expect("Open a section to read it, or finish")
    child.expect(r"\(arrow keys")
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_in_a_session_space_is_the_next_page_and_other_keys_wait():
    child = spawn(PROGRAM, rows=12, cols=60)
    raw = recorded(child)
    _open_the_first_section(child)
    child.expect(MORE)
    before = len(program_output(raw))
    child.send("x")  # not a key of the pager: nothing happens, nothing is echoed
    child.expect([pexpect.TIMEOUT], timeout=1)
    redrawn = plain(program_output(raw)[before:]).strip()  # at most its own line, in place
    assert redrawn in ("", "-- more · Enter: next page · b: back to the list --"), redrawn
    child.send(SPACE)
    assert child.expect([MORE, SECTION_END]) in (0, 1)  # on to the next page
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_no_way_back_to_a_list_is_offered_before_the_list():
    child = spawn(PLAIN_PROGRAM, rows=15, cols=60)
    raw = recorded(child)
    for _ in range(8):  # the questions and the optional step, then the answers: go on
        child.expect(TYPING_LINE)
        child.sendline("")
    child.expect(TYPING_LINE)
    child.sendline("")
    while child.expect([MORE, NOTES_END]) == 0:  # the notes on the whole list, paged
        child.sendline("")
    child.sendline("")
    child.expect("Reading list:")
    before_the_list = " ".join(plain(program_output(raw)).split())
    assert "back to the list" not in before_the_list
    assert "b: skip to the reading list" in before_the_list  # what b does there
    child.send(CTRL_C)
    assert_stopped_calmly(child)
