"""Job control, as in any terminal program: Ctrl-Z (or kill -TSTP, or kill -STOP) at an arrow-key
menu stops the program with the terminal in its ordinary mode, and `fg` brings the menu back drawn
at once, ready for keys, never waiting for an Enter; Ctrl-Z types nothing into an answer. Run in an
interactive bash in a real pseudo-terminal, as a person's shell runs it: a job of its own, stopped
and continued by the shell. (The numbered menus of --plain read lines in the terminal's ordinary
mode, where the terminal itself handles Ctrl-Z.)
"""

from __future__ import annotations

import os
import signal
import termios
from pathlib import Path

import pexpect
import pytest

from .helpers.checks import assert_referral_last
from .helpers.keys import CTRL_C, CTRL_U, CTRL_Z, ENTER
from .helpers.pty import (
    MORE,
    PROGRAM,
    SECTION_END,
    assert_stopped_calmly,
    plain,
    reading_list_drawn,
    spawn,
    the_program,
    to_the_file_name,
)
from .helpers.shell import program_env

SHELL_PROMPT = "READY$ "


def shell(cwd: Path) -> pexpect.spawn:
    """An interactive bash, job control on, waiting at its prompt."""
    env = program_env(TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1", NO_COLOR=None, PS1=SHELL_PROMPT)
    child = pexpect.spawn(
        "bash",
        ["--norc", "--noprofile", "-i"],
        cwd=str(cwd),
        env=env,
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=30,
    )
    child.expect_exact(SHELL_PROMPT)
    return child


def stopped_then_continued(child: pexpect.spawn, stop: str) -> None:
    """Stops the program (a key or a signal), waits for the shell to say so, and brings it back."""
    if stop == "Ctrl-Z":
        child.send(CTRL_Z)
    else:
        os.kill(the_program(child), getattr(signal, stop))
    child.expect(r"Stopped")
    child.expect_exact(SHELL_PROMPT)
    child.sendline("fg")


def ended_calmly(child: pexpect.spawn, status: int) -> str:
    child.expect_exact(SHELL_PROMPT)
    shown = plain(child.before)
    child.sendline("echo EXIT=$?")
    child.expect(r"EXIT=(\d+)")
    assert int(child.match.group(1)) == status, shown[-1500:]
    assert "Traceback" not in shown and "sorry, something went wrong" not in shown, shown[-1500:]
    assert_referral_last(shown)
    child.sendline("exit")
    return shown


def _at_the_second_question(child: pexpect.spawn) -> None:
    child.sendline(PROGRAM)
    child.expect("Who are you exploring")
    child.expect(r"\(arrow keys")
    child.send(ENTER)
    child.expect("treatment setting")
    child.expect(r"\(arrow keys")


@pytest.mark.parametrize("stop", ["SIGTSTP", "Ctrl-Z", "SIGSTOP"])
def test_stopped_at_an_arrow_menu_and_continued_it_is_drawn_again_at_once(tmp_path, stop):
    child = shell(tmp_path)
    _at_the_second_question(child)
    stopped_then_continued(child, stop)
    child.expect(r"treatment setting[\s\S]*\(arrow keys")  # drawn again, no key pressed
    child.send(ENTER)  # and keys work at once
    child.expect("how often")
    child.expect(r"\(arrow keys")
    child.send(CTRL_C)
    shown = ended_calmly(child, 130)
    assert "Stopped. Nothing was saved." in shown


def test_ctrl_z_at_the_file_name_stops_the_program_and_types_nothing_into_the_name(tmp_path):
    child = shell(tmp_path)
    child.sendline(PROGRAM)
    to_the_file_name(child)
    child.expect(r"\? ")  # the suggested name is drawn
    child.send(CTRL_U)
    stopped_then_continued(child, "Ctrl-Z")
    child.expect("Which file should it be saved to")  # drawn again
    child.send("s" + ENTER)
    child.expect("Saved: ")
    ended_calmly(child, 0)
    assert os.listdir(tmp_path) == ["s.html"]


def test_a_menu_continued_as_it_ends_leaves_the_terminal_in_its_ordinary_mode(tmp_path):
    # SIGCONT arriving with the key that ends the menu: the menu must not take the terminal's raw
    # mode again once it has given it back (the pager would then get no Ctrl-C). The pager itself
    # reads single keys (no canonical mode, no echo), but signals stay on: Ctrl-C still stops.
    child = spawn(rows=12, cwd=tmp_path)
    reading_list_drawn(child)
    program = the_program(child)
    os.kill(program, signal.SIGSTOP)
    child.send(ENTER)  # read once continued, with the continuation: it opens the first section
    os.kill(program, signal.SIGCONT)
    child.expect(f"{MORE}|{SECTION_END}")
    child.expect(r" $")
    local_modes = termios.tcgetattr(child.child_fd)[3]
    assert local_modes & termios.ISIG
    child.send(CTRL_C)
    assert_stopped_calmly(child)
