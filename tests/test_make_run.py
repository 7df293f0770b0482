"""`make run` in a real terminal: make adds no line after the referral, whatever ends the run.

Ctrl-C (and Ctrl-\\) at a line prompt (a section's pager) reaches make and its shell as well as
the explorer, as it does when a person types `make run` in their own shell. The test's bash stands
for that shell: it survives the interrupt (`trap : INT QUIT`) to report make's status and the
terminal's state.
"""

from __future__ import annotations

import shlex
import shutil
import sys

import pytest

from .helpers.checks import assert_referral_last
from .helpers.content import PROJECT_ROOT
from .helpers.keys import CTRL_BACKSLASH, CTRL_C, ENTER, UP
from .helpers.pty import (
    MORE,
    SECTION_END,
    assert_terminal_sane,
    finish,
    recorded,
    screen_lines,
    spawn,
    to_the_reading_list,
)

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")

# The venv running these tests; -o: never set it up again from here (no network, no pip).
MAKE_RUN = f"make --no-print-directory -o {shlex.quote(sys.prefix)}/.installed-run run VENV={shlex.quote(sys.prefix)}"
ROWS, COLS = 24, 80


def _last_lines(raw, count: int = 3) -> list[str]:
    lines = [line for line in screen_lines(raw, COLS, ROWS) if line.strip()]
    return lines[-count:]


@pytest.mark.parametrize("key, status", [(CTRL_C, 130), (CTRL_BACKSLASH, None)], ids=["Ctrl-C", "Ctrl-backslash"])
def test_a_stopping_key_in_a_section_under_make_run_leaves_the_referral_last(key, status):
    child = spawn(f"trap : INT QUIT; {MAKE_RUN}", rows=ROWS, cols=COLS)
    raw = recorded(child)
    to_the_reading_list(child)
    child.send(ENTER)  # the first section
    child.expect([MORE, SECTION_END])  # the key is a signal here, whatever the pager reads
    child.send(key)
    shown, code, stty = finish(child)
    if status is not None:
        assert code == status  # make ended by the interrupt, as a person's shell sees it
    assert "make:" not in shown
    assert_referral_last(shown)
    assert _last_lines(raw)[-1] == "  In an emergency or an overdose: call 911."
    assert_terminal_sane(stty)


def test_ctrl_c_at_an_arrow_question_under_make_run_leaves_the_referral_last():
    child = spawn(f"trap : INT; {MAKE_RUN}", rows=ROWS, cols=COLS)
    raw = recorded(child)
    child.expect(r"\(arrow keys")  # in the menu's raw mode Ctrl-C is a key, not a signal
    child.send(CTRL_C)
    shown, code, stty = finish(child)
    assert code == 0
    assert "make:" not in shown
    assert_referral_last(shown)
    assert _last_lines(raw)[-1] == "  In an emergency or an overdose: call 911."
    assert_terminal_sane(stty)


def test_a_usage_error_under_make_run_leaves_the_referral_last():
    child = spawn(f"{MAKE_RUN} ARGS=--no-such-option", rows=ROWS, cols=COLS)
    raw = recorded(child)
    shown, code, stty = finish(child)
    assert code == 0  # make run passes no status on: make would print an error line for it
    assert "--no-such-option" in shown
    assert "make:" not in shown
    assert_referral_last(shown)
    assert _last_lines(raw)[-1] == "  In an emergency or an overdose: call 911."
    assert_terminal_sane(stty)


def test_a_whole_session_under_make_run_ends_with_the_referral():
    child = spawn(MAKE_RUN, rows=ROWS, cols=COLS)
    raw = recorded(child)
    to_the_reading_list(child)
    child.send(UP + ENTER)  # up from the first entry to the last: Finish
    child.expect("Save a summary")
    child.send(ENTER)  # no
    shown, code, stty = finish(child)
    assert code == 0
    assert "make:" not in shown
    assert_referral_last(shown)
    assert _last_lines(raw)[-1] == "  In an emergency or an overdose: call 911."
    assert_terminal_sane(stty)


def test_the_readme_run_command_reaches_the_first_question():
    if not (PROJECT_ROOT / ".venv" / ".installed-run").exists():
        pytest.skip("make run's environment is not set up here (run the suite through `make test`)")
    child = spawn("make --no-print-directory run")
    child.expect("Who are you exploring options for")
    child.send(CTRL_C)
    shown, code, stty = finish(child)
    assert code == 0  # make run treats Ctrl-C (130) as a normal way out
    assert_referral_last(shown)
    assert_terminal_sane(stty)
