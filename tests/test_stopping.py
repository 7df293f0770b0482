"""Stopping the program at any moment ends calmly: Ctrl-C, Ctrl-\\ (QUIT), Ctrl-D (end of input) and
the TERM and HUP signals, alone or in a burst, at every question, in the reader and its pager, and
while the program is still starting. Each ends with exit 130, the referral last, no traceback, and
the terminal as it was (echo and line editing back on), with both kinds of menus: the arrow-key
menus and the numbered menus of --plain. Stopping at a particular screen (the optional step, the
offer to save) is tested with that screen. A stop that comes while the import system holds its lock
waits until that code is done (in this process, with the handlers called as Python calls them).
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from explorer.cli import signals

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
from .helpers.run import made_up_environment
from .helpers.shell import AS_THE_CONSOLE_SCRIPT, SCRIPT, program_env

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
INTERRUPTED_START = (
    """
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
"""
    + AS_THE_CONSOLE_SCRIPT
)


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
SIGNAL_IN_A_GC_CALLBACK = (
    """
import signal, sys, weakref
STOPPING = int(sys.argv[1])
class Thing:
    pass
def free_a_thing_whose_callback_is_signalled(signum, frame):
    thing = Thing()
    watch = weakref.ref(thing, lambda ref: signal.raise_signal(STOPPING))
    del thing
signal.signal(signal.SIGUSR1, free_a_thing_whose_callback_is_signalled)
"""
    + AS_THE_CONSOLE_SCRIPT
)


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


# ---- a stop that meets code an exception must not cut -------------------------------------------
# A stopping signal's KeyboardInterrupt raised inside the import system's own code (between taking
# the global import lock and the `try` that gives it back) left the lock taken: the background
# thread loading the content waited for it forever, and the ending for that thread (a burst of
# kills hung the run after "Stopped.", about 1 in 30). Such a stop is raised a moment later instead.


class _Handlers:
    """The handlers main installs, in this process, for a test that calls them as Python would."""

    def __init__(self) -> None:
        self.signals, self.env = signals, made_up_environment()

    def __enter__(self) -> _Handlers:
        self.signals.catch_signals(self.env)
        return self

    def __exit__(self, *exc: object) -> None:
        self.signals.restore_signals(self.env)

    def signal_in(self, frame: object, signum: int = signal.SIGTERM) -> None:
        """The handler called as Python calls it for a signal that came while `frame` ran."""
        try:
            signal.getsignal(signum)(signum, frame)
        except KeyboardInterrupt:  # caught here: a KeyboardInterrupt escaping a test ends the whole run
            pytest.fail("the stop was raised in code that must not be cut")

    def stop_comes_later(self) -> bool:
        try:
            time.sleep(2)  # the timer's signal ends the sleep by raising the stop
        except KeyboardInterrupt:
            return True
        return False


def _a_frame_of_the_import_system() -> object:
    import importlib
    import importlib.abc

    frames = []

    class Watch(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            frames.append(sys._getframe(1))  # the import system's frame that asked
            return None

    sys.meta_path.insert(0, Watch())
    try:
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module("no_module_of_this_name")
    finally:
        del sys.meta_path[0]
    assert frames[0].f_globals["__name__"] == "importlib._bootstrap"
    return frames[0]


def test_a_stop_that_comes_inside_the_import_system_is_raised_once_it_is_done():
    with _Handlers() as handlers:
        handlers.signal_in(_a_frame_of_the_import_system())
        assert handlers.env.stopping == signal.SIGTERM  # recorded at once
        assert handlers.stop_comes_later()


def test_a_stop_anywhere_else_is_raised_at_once():
    with _Handlers() as handlers:
        with pytest.raises(KeyboardInterrupt):
            signal.getsignal(signal.SIGTERM)(signal.SIGTERM, sys._getframe())
        assert handlers.env.stop_raised


def test_a_stop_that_comes_while_a_dropped_stop_is_handed_on_still_stops(monkeypatch):
    # Python drops a stop raised in a garbage-collection callback and hands it to sys.unraisablehook,
    # which arms the timer that raises it again; another signal of the burst may come right then.
    with _Handlers() as handlers:
        setitimer = signal.setitimer

        def a_signal_comes_as_the_timer_is_armed(*args):
            monkeypatch.setattr(signal, "setitimer", setitimer)  # once
            result = setitimer(*args)
            handlers.signal_in(sys._getframe(1))  # handled as the arming returns
            return result

        handlers.env.stopping, handlers.env.stop_raised = signal.SIGTERM, True  # raised, then dropped
        monkeypatch.setattr(signal, "setitimer", a_signal_comes_as_the_timer_is_armed)
        sys.unraisablehook(types.SimpleNamespace(exc_value=KeyboardInterrupt(), exc_type=KeyboardInterrupt))
        assert handlers.stop_comes_later()


def test_a_second_stop_that_comes_while_the_first_is_held_back_is_held_back_too(monkeypatch):
    # A burst: the next signal is handled while the handler still runs for the one that came in
    # the import system's code, with one of the handler's own frames as the code interrupted.
    import importlib._bootstrap

    with _Handlers() as handlers:
        setitimer = signal.setitimer
        handler_frames = []

        def more_signals_come_as_the_timer_is_armed(*args):
            monkeypatch.setattr(signal, "setitimer", setitimer)  # once
            frame = sys._getframe(1)
            while frame.f_globals["__name__"] == handlers.signals.__name__:
                handler_frames.append(frame.f_code.co_name)
                handlers.signal_in(frame)
                frame = frame.f_back
            return setitimer(*args)

        monkeypatch.setattr(signal, "setitimer", more_signals_come_as_the_timer_is_armed)
        handler = signal.getsignal(signal.SIGTERM)
        try:  # called from the import system's code, as Python calls a handler from the code it interrupts
            importlib._bootstrap._call_with_frames_removed(handler, signal.SIGTERM, _a_frame_of_the_import_system())
        except KeyboardInterrupt:
            pytest.fail("the stop was raised in code that must not be cut")
        assert len(handler_frames) >= 2  # the handler's own code was interrupted at each level
        assert handlers.stop_comes_later()
