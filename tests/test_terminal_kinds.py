"""Every kind of terminal gets a session it can read, each in a real pseudo-terminal: text wraps at
the width of a narrow or a wide terminal and no word is cut; TERM=dumb and an ASCII-only locale get
the numbered menus, as --plain does, with no escape sequence; NO_COLOR means no colour codes; the C
locale never breaks the typographic marks. The screen is rebuilt with a terminal emulator (pyte),
so the tests see the lines a person would see."""

from __future__ import annotations

import pytest

from .helpers.checks import assert_referral_last
from .helpers.keys import CTRL_C, DOWN
from .helpers.pty import (
    PLAIN_PROGRAM,
    PROGRAM,
    arrow_session,
    assert_stopped_calmly,
    assert_terminal_sane,
    colours,
    finish,
    plain_session,
    program_output,
    recorded,
    screen_lines,
    spawn,
)


@pytest.mark.parametrize("cols", [40, 200])
@pytest.mark.parametrize("program", [PROGRAM, PLAIN_PROGRAM])
def test_text_wraps_at_the_width_and_no_word_is_cut(program, cols):
    rows = 30
    child = spawn(program, rows=rows, cols=cols)
    raw = recorded(child)
    if program == PLAIN_PROGRAM:
        plain_session(child, ["2", "3", "1", "1", "1", "1", "1 4"])
    else:
        arrow_session(child)
    shown, code, stty = finish(child)
    assert code == 0
    assert_referral_last(shown)
    assert_terminal_sane(stty)
    lines = screen_lines(raw, cols, rows)
    assert "TALK TO A HEALTHCARE PROFESSIONAL" in "\n".join(lines)
    # A line as long as the terminal is one the terminal broke; wide terminals keep lines readable.
    longest = max(len(line) for line in lines)
    assert longest <= min(cols - 1, 100), max(lines, key=len)
    assert longest >= min(cols - 1, 100) - 15  # the text does use the width it has


@pytest.mark.parametrize("how", [{"TERM": "dumb"}, {"PYTHONIOENCODING": "ascii"}, {"TERM": "xterm-256color"}])
def test_numbered_menus_where_arrow_menus_cannot_work(how):
    command = PLAIN_PROGRAM if how == {"TERM": "xterm-256color"} else PROGRAM
    child = spawn(command, **how)
    raw = recorded(child)
    plain_session(child, ["", "", "", "", "", "", ""])
    shown, code, stty = finish(child)
    assert code == 0
    assert_referral_last(shown)
    assert_terminal_sane(stty)
    assert "\x1b" not in program_output(raw)  # no colours, no cursor movement, nothing to redraw


@pytest.mark.parametrize("no_color", [True, False])
def test_no_color_means_no_colour_codes_at_all(no_color):
    child = spawn(NO_COLOR="1" if no_color else None)
    raw = recorded(child)
    arrow_session(child)
    shown, code, _ = finish(child)
    assert code == 0
    assert_referral_last(shown)
    # Without NO_COLOR the menus are coloured: the check itself can see colour.
    assert bool(colours(raw)) is not no_color, colours(raw)


@pytest.mark.parametrize(
    "locale",
    [{"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": None}, {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}],
)
def test_typographic_marks_never_break_the_output(locale):
    child = spawn(f"{PROGRAM} show what-is-mat; {PROGRAM}", **locale)
    child.expect("What is medication-assisted treatment")
    child.expect("Who are you exploring")
    shown_first = child.before
    assert "Sorry" not in shown_first
    assert "Traceback" not in shown_first
    child.send(CTRL_C)
    assert_stopped_calmly(child)
    marks = "“" in shown_first  # the section's source title is in curly quotes
    assert marks is (locale["PYTHONIOENCODING"] is None), shown_first[:400]


def test_arrow_menus_never_fall_back_needlessly():
    child = spawn()
    child.expect(r"\(arrow keys or number, then Enter\)")
    child.send(DOWN + CTRL_C)
    _, code, _ = finish(child)
    assert code == 130


@pytest.mark.parametrize("cols", [40, 200])
@pytest.mark.parametrize("command", ["sections", "rules", "show what-is-mat", "--answers answers.json"])
def test_listings_and_scripted_text_wrap_at_the_terminal_width(tmp_path, command, cols):
    (tmp_path / "answers.json").write_text('{"detox": "not_started", "interests": ["overdose"]}')
    command = command.replace("answers.json", str(tmp_path / "answers.json"))
    child = spawn(f"{PROGRAM} {command}", rows=30, cols=cols)
    raw = recorded(child)
    shown, code, _ = finish(child)
    assert code == 0
    assert_referral_last(shown)
    lines = screen_lines(raw, cols, 30)
    assert max(len(line) for line in lines) <= min(cols - 1, 100), max(lines, key=len)
