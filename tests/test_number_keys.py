"""Number keys choose in every list: arrow-key menus (a number moves the cursor, Enter picks, Space
ticks) and numbered --plain menus (a typed number, two digits too, one line for a wrong one)."""

from __future__ import annotations

import contextlib
import itertools
import re

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from explorer.ask import arrow_keys, arrow_menus
from explorer.ask.arrow_menus import ArrowMenus
from explorer.ask.numbered_menus import NumberedMenus

from .helpers.checks import assert_referral_last
from .helpers.keys import CTRL_C, DOWN, ENTER, SPACE
from .helpers.pty import (
    MORE,
    PLAIN_PROGRAM,
    SECTION_END,
    TYPING_LINE,
    assert_stopped_calmly,
    assert_terminal_sane,
    decline_the_summary,
    finish,
    past_the_answers,
    recorded,
    screen_lines,
    spawn,
    to_the_reading_list,
)

LONG = [(f"Entry {n}", n) for n in range(1, 25)]  # as long as the longest reading lists
SHORT = [(f"Entry {n}", n) for n in range(1, 4)]


def _arrow(ask: str, choices, keys: str, **options):
    """One arrow-key menu fed `keys` through a pipe, as questionary's own tests do."""
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        menus = ArrowMenus(80, input=pipe, output=DummyOutput())
        return getattr(menus, ask)("Which one?", choices, **options)


# ---- arrow-key menus, through a pipe ---------------------------------------------------------


@pytest.mark.parametrize(
    "keys, picked",
    [
        ("12" + ENTER, 12),  # two digits: entry 12
        ("7" + ENTER, 7),
        ("24" + ENTER, 24),
        ("25" + ENTER, 5),  # no entry 25: the 5 starts a new number
        ("1" + DOWN + "3" + ENTER, 3),  # another key ends the number: 3, not 13
        ("0" + ENTER, 1),  # no entry 0: the cursor stays on the default
        ("012" + ENTER, 12),  # zeros in front count for nothing, as in --plain
        ("9" + "9" + "3" + ENTER, 3),  # 99 and 93 are too far: each digit starts over
        ("2" + "x" + "1" + ENTER, 1),  # a letter ends the number too
    ],
)
def test_a_number_moves_the_cursor_in_a_long_select(keys, picked):
    assert _arrow("select", LONG, keys, default=1) == picked


def test_in_a_short_select_a_digit_moves_to_its_entry():
    assert _arrow("select", SHORT, "3" + ENTER, default=1) == 3
    assert _arrow("select", SHORT, "3" + "2" + ENTER, default=1) == 2  # no entry 32
    assert _arrow("select", SHORT, "9" + ENTER, default=2) == 2  # no entry 9: the cursor stays
    assert _arrow("checkbox", SHORT, "9" + SPACE + ENTER) == [1]  # it stays on the first


def test_a_pause_between_digits_starts_a_new_number(monkeypatch):
    clock = itertools.count(step=arrow_keys.NUMBER_PAUSE + 1)  # every key comes after a pause
    monkeypatch.setattr(arrow_keys.time, "monotonic", lambda: float(next(clock)))
    assert _arrow("select", LONG, "12" + ENTER, default=1) == 2


def test_digits_typed_at_once_make_one_number_with_a_still_clock(monkeypatch):
    """The detector above can fail: with no pause, the same keys reach entry 12."""
    monkeypatch.setattr(arrow_keys.time, "monotonic", lambda: 0.0)
    assert _arrow("select", LONG, "12" + ENTER, default=1) == 12


def test_in_a_checkbox_a_number_moves_and_space_ticks():
    keys = "3" + SPACE + "1" + "2" + SPACE + "12" + ENTER  # 12 again only moves: still ticked once
    assert _arrow("checkbox", LONG, keys) == [3, 12]


def test_the_hints_name_the_number_keys():
    assert "number" in arrow_menus.SELECT_HINT
    assert "number" in arrow_menus.CHECKBOX_HINT


# ---- numbered menus (--plain), line by line ---------------------------------------------------


def _numbered(ask: str, choices, lines, **options):
    """A numbered menu fed `lines`; returns (its answer, the lines it said back)."""
    pending, said = list(lines), []

    def read_line(prompt: str) -> str:
        if not pending:
            raise EOFError
        return pending.pop(0)

    menus = NumberedMenus(80, say=said.append, read_line=read_line)
    with contextlib.suppress(EOFError):
        return getattr(menus, ask)("Which one?", choices, **options), said[1:]  # said[0]: the menu
    return None, said[1:]


@pytest.mark.parametrize("line", ["12", " 12 ", "012", "١٢", "１２"])
def test_a_typed_number_picks_in_any_decimal_digits(line):
    assert _numbered("select", LONG, [line]) == (12, [])


@pytest.mark.parametrize(
    "line, problem",
    [
        ("0", "Please type a number from 1 to 24, then Enter (no entry 0)."),
        ("25", "Please type a number from 1 to 24, then Enter (no entry 25)."),
        ("1 2", "Please type a number from 1 to 24, then Enter."),
        ("-3", "Please type a number from 1 to 24, then Enter."),
        ("²", "Please type a number from 1 to 24, then Enter."),  # a digit, but not a decimal one
        ("9" * 5000, "Please type a number from 1 to 24, then Enter."),
    ],
)
def test_a_wrong_number_gets_one_line_then_the_question_again(line, problem):
    answer, said = _numbered("select", LONG, [line, "24"])
    assert answer == 24
    assert said == [problem]


def test_a_checkbox_takes_two_digit_numbers_and_names_a_wrong_one():
    assert _numbered("checkbox", LONG, ["3 12, ١٢"]) == ([3, 12], [])
    answer, said = _numbered("checkbox", LONG, ["3 25", "3"])
    assert answer == [3]
    assert said == ["Please type numbers from 1 to 24 with spaces between, or nothing (no entry 25)."]


# ---- in a real terminal -----------------------------------------------------------------------

ROWS, COLS = 40, 100


def _entry(shown: str, pattern: str) -> re.Match:
    found = re.findall(pattern, shown)
    assert found, shown[-2000:]
    return found[-1]


def test_two_digits_in_the_arrow_reading_list_reach_finish():
    child = spawn(rows=ROWS, cols=COLS)
    to_the_reading_list(child)
    child.expect(r"(\d+)\. Finish")  # the menu's last entry, drawn
    number = int(child.match.group(1))
    assert number >= 10  # a two-digit number, or this test proves nothing
    child.send(str(number))
    child.send(ENTER)
    decline_the_summary(child)  # Finish was picked: the offer comes
    shown, code, stty = finish(child)
    assert code == 0
    assert_referral_last(shown)
    assert_terminal_sane(stty)


def screen_text(raw) -> str:
    return "\n".join(screen_lines(raw, COLS, ROWS))


def test_one_digit_in_the_arrow_reading_list_opens_that_section():
    child = spawn(rows=ROWS, cols=COLS)
    raw = recorded(child)
    to_the_reading_list(child)
    child.expect(r"\b3\. ([^\r\n\x1b]+)")  # the menu's third entry, drawn
    title = child.match.group(1).strip()
    child.send("3" + ENTER)
    child.expect([MORE, SECTION_END])
    assert title in screen_text(raw).split("Open a section to read it, or finish")[-1]
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_a_digit_in_an_arrow_question_and_in_the_checkbox():
    child = spawn(rows=ROWS, cols=COLS)
    raw = recorded(child)
    child.expect("Who are you exploring")
    child.expect(r"2\) ([^\r\n\x1b]+)")  # the second choice, drawn
    label = child.match.group(1).strip()
    child.send("2" + ENTER)
    child.expect(r"\(arrow keys")  # the next question: the answer was echoed
    assert f"? Who are you exploring options for?\n  {label}" in screen_text(raw)
    child.send(ENTER)
    while child.expect([r"\(arrow keys or number, then Enter\)", r"Space to tick"]) == 0:
        child.send(ENTER)  # "I'm not sure", up to the checkbox of topics
    child.expect(r"2\. ([^\r\n\x1b]+)")  # the second topic, as drawn
    topic = child.match.group(1).strip()
    child.send("2" + SPACE + ENTER)
    past_the_answers(child)  # the optional step skipped, the answers and the notes
    child.expect("Open a section to read it, or finish")
    assert _entry(screen_text(raw), r"Interests: (.+)") == topic  # the one ticked, in the answers
    echo = screen_text(raw).split("? Anything else")[-1].split("Your answers")[0]  # the question's last form
    assert topic in echo
    assert "2. " not in echo  # the numbers are for choosing: the answer echoes the topic alone
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_two_digit_and_wrong_numbers_in_plain_menus():
    child = spawn(PLAIN_PROGRAM, rows=ROWS, cols=COLS)
    raw = recorded(child)
    for _ in range(7):
        child.expect(TYPING_LINE)
        child.sendline("")
    past_the_answers(child, plain=True)
    child.expect(r"(\d+)\. Finish")
    finish_number = int(child.match.group(1))
    child.expect(TYPING_LINE)
    for wrong in ("0", str(finish_number + 1)):
        child.sendline(wrong)
        child.expect(rf"Please type a number from 1 to {finish_number}, then Enter \(no entry {wrong}\)\.")
        child.expect(TYPING_LINE)
    child.sendline(f" {finish_number} ")
    child.expect(r"Save a summary")
    child.expect(TYPING_LINE)
    child.sendline("")
    shown, code, stty = finish(child)
    assert code == 0
    assert screen_text(raw).count("(no entry") == 2
    assert_referral_last(shown)
    assert_terminal_sane(stty)
