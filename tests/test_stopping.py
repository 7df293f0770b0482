"""Stopping the program at any moment ends calmly: Ctrl-C, Ctrl-\\ (QUIT), Ctrl-D (end of input) and
the TERM and HUP signals, alone or in a burst, at every question, in the reader and its pager, and
while the program is still starting. Each ends with exit 130, the referral last, no traceback, and
the terminal as it was (echo and line editing back on), with both kinds of menus: the arrow-key
menus and the numbered menus of --plain. Stopping at a particular screen (the optional step, the
offer to save) is tested with that screen.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .helpers.checks import assert_referral_last
from .helpers.keys import CTRL_BACKSLASH, CTRL_C, CTRL_D, ENTER
from .helpers.pty import (
    MORE,
    PLAIN_PROGRAM,
    PROGRAM,
    SECTION_END,
    TYPING_LINE,
    assert_stopped_calmly,
    assert_terminal_sane,
    finish,
    past_the_answers,
    reading_list_drawn,
    signal_the_program,
    spawn,
    the_program,
    to_the_reading_list,
    wait_until_the_program_catches,
)
from .helpers.shell import SCRIPT, program_env

# ---- at a question and in the reader, with the arrow-key menus ----------------------------------


@pytest.mark.parametrize(
    "where, key", [("Who are you exploring", CTRL_D), ("detox", CTRL_D), ("Anything else", CTRL_D)]
)
def test_end_of_input_at_a_question_still_shows_the_referral(where, key):
    child = spawn()
    for prompt, keys in (
        ("Who are you exploring", "1" + ENTER),
        ("setting would you", "1" + ENTER),
        ("how often would you", "1" + ENTER),
        ("detox", ENTER),
        ("counseling", ENTER),
        ("peer support", ENTER),
        ("Anything else", ENTER),
    ):
        # The menu drawn, not only its question: a key typed while the menu switches the terminal
        # to raw mode is discarded by that switch (seen under load: the Ctrl-D never arrived).
        child.expect(prompt)
        child.expect("I'm not sure")
        if prompt == where:
            child.send(key)
            break
        child.send(keys)
    shown, code, stty = finish(child)
    assert code == 130
    assert "Stopped. Nothing was saved." in shown
    assert_referral_last(shown)
    assert_terminal_sane(stty)


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D])
@pytest.mark.parametrize("inside_a_section", [False, True])
def test_leaving_from_the_reader_still_shows_the_referral(key, inside_a_section):
    child = spawn(rows=12)  # small, so that a long section is paged
    to_the_reading_list(child)
    if inside_a_section:
        child.send(ENTER)
        child.expect([MORE, SECTION_END])
    child.send(key)
    assert_stopped_calmly(child)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_question_still_shows_the_referral(signum):
    child = spawn()
    child.expect("Who are you exploring")
    child.send("1" + ENTER)
    child.expect("setting would you")
    signal_the_program(child, signum)
    assert_stopped_calmly(child)


# ---- at every question, with both kinds of menus, and in the numbered reader ----------------------


QUESTIONS = (
    "Who are you exploring",
    "treatment setting",
    "how often",
    "detox",
    "counseling",
    "peer support",
    "Anything else",
)


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
        child.expect([MORE, SECTION_END])
    child.send(key)
    assert_stopped_calmly(child)


def test_end_of_input_at_a_numbered_question_shows_the_referral():
    child = spawn(PLAIN_PROGRAM)
    child.expect(TYPING_LINE)
    child.sendline("9")  # wrong: asked again
    child.expect("Please type a number from 1 to 3")
    child.send(CTRL_D)
    assert_stopped_calmly(child)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_at_a_numbered_question_shows_the_referral(signum):
    child = spawn(PLAIN_PROGRAM)
    child.expect(TYPING_LINE)
    child.sendline("1")
    child.expect("treatment setting")
    child.expect(TYPING_LINE)
    signal_the_program(child, signum)
    assert_stopped_calmly(child)


# ---- a burst of signals, Ctrl-\ anywhere, Ctrl-C while the program starts -----------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("plain", [False, True], ids=["arrow", "plain"])
def test_a_burst_of_termination_signals_still_ends_calmly_with_the_referral(here, signum, plain):
    child = spawn(PLAIN_PROGRAM if plain else PROGRAM, cwd=here)
    child.expect(TYPING_LINE if plain else r"\(arrow keys")
    program = the_program(child)
    for _ in range(5000):  # until it has gone: the later ones arrive while it is ending
        try:
            os.kill(program, signum)
        except ProcessLookupError:
            break
    assert_stopped_calmly(child)


@pytest.mark.parametrize("where", ["plain question", "plain pager", "arrow pager", "answers from the terminal"])
def test_ctrl_backslash_ends_calmly_with_the_referral(here, where):
    if where == "answers from the terminal":
        child = spawn(f"{PROGRAM} --answers -", cwd=here)
        wait_until_the_program_catches(child, signal.SIGQUIT)  # it shows nothing to expect
        child.send('{"setting": ')
    else:
        plain = where.startswith("plain")
        child = spawn(PLAIN_PROGRAM if plain else PROGRAM, rows=12, cwd=here)
        if where == "plain question":
            child.expect(TYPING_LINE)
        else:
            reading_list_drawn(child, plain)
            child.send("1" + ENTER if plain else ENTER)
            child.expect([MORE, SECTION_END])
    child.send(CTRL_BACKSLASH)
    assert_stopped_calmly(child)


# Ctrl-C (SIGINT) delivered at the moment the program starts importing `module`, then the program
# started as its console script starts it: deterministic, whenever the import happens.
INTERRUPTED_START = """
import importlib.abc, os, signal, sys
TARGET = sys.argv[1]  # read now: sys.argv is the program's own below
class Interrupt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == TARGET:
            sys.meta_path.remove(self)
            sys.stderr.write("(Ctrl-C now)\\n")
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
module, function = sys.argv[2].split(":")
sys.argv[1:] = sys.argv[3:]
sys.exit(getattr(__import__(module, fromlist=[function]), function)())
"""


@pytest.mark.parametrize("module", ["argparse", "json", "pydantic", "durable"])
def test_ctrl_c_while_the_program_is_starting_ends_calmly_with_the_referral(here, module):
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_START, module, SCRIPT, "--answers", "answers.json"],
        capture_output=True,
        cwd=here,
        env=program_env(),
        timeout=60,
    )
    stderr = done.stderr.decode()
    assert "(Ctrl-C now)" in stderr  # the interruption did happen
    assert done.returncode == 130, stderr[-1500:]
    assert "Traceback" not in stderr
    assert_referral_last(stderr)


# A stopping signal handled while the garbage collector runs a weakref callback: Python prints
# "Exception ignored in: <function ...>" and drops the KeyboardInterrupt the handler raised there
# (seen after a question, in asyncio's WeakSet of tasks). SIGUSR1 makes that moment happen: its
# handler frees an object whose weakref callback raises the stopping signal, which is then handled
# inside the callback.
SIGNAL_IN_A_GC_CALLBACK = """
import signal, sys, weakref
STOPPING = int(sys.argv[1])
class Thing:
    pass
def free_a_thing_whose_callback_is_signalled(signum, frame):
    thing = Thing()
    watch = weakref.ref(thing, lambda ref: signal.raise_signal(STOPPING))
    del thing
signal.signal(signal.SIGUSR1, free_a_thing_whose_callback_is_signalled)
module, function = sys.argv[2].split(":")
sys.argv[1:] = sys.argv[3:]
sys.exit(getattr(__import__(module, fromlist=[function]), function)())
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("plain", [False, True], ids=["arrow", "plain"])
def test_a_stopping_signal_dropped_by_a_garbage_collection_callback_still_stops(signum, plain):
    harness = f"{shlex.quote(sys.executable)} -c {shlex.quote(SIGNAL_IN_A_GC_CALLBACK)} {int(signum)} {SCRIPT}"
    child = spawn(harness + (" --plain" if plain else ""))
    child.expect("Who are you exploring")
    child.expect(TYPING_LINE if plain else r"\(arrow keys")
    signal_the_program(child, signal.SIGUSR1)
    shown = assert_stopped_calmly(child)
    assert "Exception ignored" not in shown, shown[-1500:]


def _bytes_read(program: int) -> int:
    return int(re.search(r"^rchar: (\d+)", Path(f"/proc/{program}/io").read_text(), re.MULTILINE).group(1))


@pytest.mark.parametrize("where", ["plain question", "plain pager", "arrow pager"])
def test_ctrl_c_after_ctrl_d_cut_a_line_short_still_stops(where):
    # Ctrl-D after a few letters hands them over without a line end; the line is then still being
    # read, and a Ctrl-C there must stop the run as anywhere else.
    plain = where.startswith("plain")
    child = spawn(PLAIN_PROGRAM if plain else PROGRAM, rows=12)
    if where == "plain question":
        child.expect(TYPING_LINE)
    else:
        reading_list_drawn(child, plain)
        child.send("1" + ENTER if plain else ENTER)
        child.expect(f"{MORE}|{SECTION_END}")
    program = the_program(child)
    before = _bytes_read(program)
    child.send("ab" + CTRL_D)
    while _bytes_read(program) < before + 2:  # until the program has taken the letters
        time.sleep(0.01)
    time.sleep(0.2)  # and is waiting for the rest of the line (the outcome does not depend on it)
    child.send(CTRL_C)
    assert_stopped_calmly(child)
