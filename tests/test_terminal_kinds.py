"""Every kind of terminal, each in a real pseudo-terminal: narrow and wide, TERM=dumb, NO_COLOR,
the C locale and an ASCII-only one, and the numbered menus of --plain. The screen is rebuilt with
a terminal emulator (pyte), so the tests see the lines a person would see."""

from __future__ import annotations

import signal

import pytest

from .helpers.checks import assert_referral_last
from .helpers.keys import CTRL_C, CTRL_D, DOWN, ENTER
from .helpers.pty import (
    PLAIN_PROGRAM,
    PROGRAM,
    TYPING_LINE,
    arrow_session,
    assert_stopped_calmly,
    assert_terminal_sane,
    colours,
    finish,
    past_the_answers,
    plain_session,
    program_output,
    recorded,
    screen_lines,
    signal_the_program,
    spawn,
)

QUESTIONS = (
    "Who are you exploring",
    "treatment setting",
    "how often",
    "detox",
    "counseling",
    "peer support",
    "Anything else",
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


@pytest.mark.parametrize("where", range(len(QUESTIONS)))
@pytest.mark.parametrize("program", [PROGRAM, PLAIN_PROGRAM])
def test_ctrl_c_at_every_question_shows_the_referral_and_leaves_the_terminal_sane(program, where):
    child = spawn(program)
    for number, question in enumerate(QUESTIONS):
        child.expect(question)
        if number == where:
            child.expect(TYPING_LINE if program == PLAIN_PROGRAM else r"\(arrow keys")
            child.send(CTRL_C)
            break
        child.send(ENTER)
    shown, code, stty = finish(child)
    assert code == 130
    assert "Stopped. Nothing was saved." in shown
    assert "Traceback" not in shown
    assert_referral_last(shown)
    assert_terminal_sane(stty)


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D])
@pytest.mark.parametrize("inside_a_section", [False, True])
def test_leaving_the_numbered_reader_shows_the_referral(key, inside_a_section):
    child = spawn(PLAIN_PROGRAM, rows=12)
    for _ in QUESTIONS:
        child.expect(TYPING_LINE)
        child.sendline("")
    past_the_answers(child, plain=True)
    child.expect("Open a section to read it, or finish:")
    child.expect(TYPING_LINE)
    if inside_a_section:
        child.sendline("1")
        child.expect("-- (more|end of section)")
    child.send(key)
    assert_stopped_calmly(child)


def test_end_of_input_at_a_numbered_question_shows_the_referral():
    child = spawn(PLAIN_PROGRAM)
    child.expect(TYPING_LINE)
    child.sendline("9")  # wrong: asked again
    child.expect("Please type a number from 1 to 3")
    child.send(CTRL_D)
    assert_stopped_calmly(child)


def test_arrow_menus_never_fall_back_needlessly():
    child = spawn()
    child.expect(r"\(arrow keys or number, then Enter\)")
    child.send(DOWN + CTRL_C)
    _, code, _ = finish(child)
    assert code == 130


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_at_a_numbered_question_shows_the_referral(signum):
    child = spawn(PLAIN_PROGRAM)
    child.expect(TYPING_LINE)
    child.sendline("1")
    child.expect("treatment setting")
    child.expect(TYPING_LINE)
    signal_the_program(child, signum)
    assert_stopped_calmly(child)


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
