"""Whole interactive sessions in a real pseudo-terminal: what a person sees and types."""

from __future__ import annotations

import os
import re
import shlex
import signal
import sys

import pexpect
import pytest

from .support import PROJECT_ROOT

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]|\r")
DOWN, UP, ENTER, CTRL_C, CTRL_D = "\x1b[B", "\x1b[A", "\r", "\x03", "\x04"
PROGRAM = f"{shlex.quote(sys.executable)} -m explorer"


def plain(raw: str) -> str:
    return ANSI.sub("", raw)


def spawn(command: str = PROGRAM, rows: int = 40, cols: int = 100, **env_changes: str | None) -> pexpect.spawn:
    """The explorer in a fresh pseudo-terminal; `env_changes` set (or, with None, remove) variables."""
    # pexpect is no full terminal: it never answers prompt_toolkit's cursor position requests.
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8", "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.pop("NO_COLOR", None)
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    # Through bash, so that `stty -a` can report the terminal's state after the program ends.
    child = pexpect.spawn("bash", ["-c", f"{command}; echo EXIT=$?; stty -a"], cwd=str(PROJECT_ROOT),
                          env=env, dimensions=(rows, cols), encoding="utf-8", timeout=30)
    return child


def finish(child: pexpect.spawn) -> tuple[str, int, str]:
    """Waits for the end; returns (what the program showed, its exit code, stty's report)."""
    child.expect(r"EXIT=(\d+)")
    shown, code = plain(child.before), int(child.match.group(1))
    child.expect(pexpect.EOF)
    return shown, code, plain(child.before)


def assert_referral_last(shown: str) -> None:
    at = shown.rindex("TALK TO A HEALTHCARE PROFESSIONAL")
    tail = " ".join(shown[at:].split())
    for needle in ("healthcare professional", "1-800-662-HELP (4357)", "TTY: 1-800-487-4889",
                   "English and Spanish", "FindTreatment.gov", "988", "911"):
        assert needle in tail, needle
    assert tail.endswith("In an emergency or an overdose: call 911.")


def assert_terminal_sane(stty: str) -> None:
    flags = stty.split()
    assert "echo" in flags and "-echo" not in flags, stty
    assert "icanon" in flags and "-icanon" not in flags, stty


def assert_stopped_calmly(child: pexpect.spawn) -> None:
    """Interrupted (exit 130), yet no traceback, the referral last and the terminal sane."""
    shown, code, stty = finish(child)
    assert code == 130
    assert "Traceback" not in shown
    assert_referral_last(shown)
    assert_terminal_sane(stty)


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
    child.expect("Open a section to read it, or finish")
    overview = plain(child.before)
    assert "Reading list:" in overview and "Why: Because the person you care about" in overview
    assert "1. Naloxone" in overview and "Caution: Detox is not marked as completed" in overview
    child.send(ENTER)  # open the first section
    child.expect("end of section")
    assert "Naloxone is used to treat heroin overdose" in plain(child.before)
    child.send(ENTER)  # back to the list
    child.expect("Open a section to read it, or finish")
    child.send(UP + ENTER)  # from the first entry up to the last: Finish
    decline_the_summary(child)
    shown, code, stty = finish(child)
    assert code == 0
    assert_referral_last(shown)
    assert_terminal_sane(stty)


# Ctrl-C at every question, in both kinds of menus: tests/test_terminal_kinds.py.
@pytest.mark.parametrize("where, key", [("Who are you exploring", CTRL_D), ("detox", CTRL_D), ("Anything else", CTRL_D)])
def test_end_of_input_at_a_question_still_shows_the_referral(where, key):
    child = spawn()
    for prompt, keys in (("Who are you exploring", "1" + ENTER), ("setting would you", "1" + ENTER),
                         ("how often would you", "1" + ENTER), ("detox", ENTER), ("counseling", ENTER),
                         ("peer support", ENTER), ("Anything else", ENTER)):
        child.expect(prompt)
        if prompt == where:
            child.send(key)
            break
        child.send(keys)
    shown, code, stty = finish(child)
    assert code == 130
    assert "Stopped. Nothing was saved." in shown
    assert_referral_last(shown)
    assert_terminal_sane(stty)


def decline_the_summary(child: pexpect.spawn) -> None:
    """After Finish: Enter alone at the offer to save a summary (no is the default)."""
    child.expect("Save a summary")  # short: the question may wrap on a narrow terminal
    child.send(ENTER)


def to_the_reading_list(child: pexpect.spawn) -> None:
    """Answers every question with Enter alone ("I'm not sure", no interests)."""
    child.expect("Who are you exploring")
    for _ in range(7):
        child.send(ENTER)
    child.expect("Open a section to read it, or finish")


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D])
@pytest.mark.parametrize("inside_a_section", [False, True])
def test_leaving_from_the_reader_still_shows_the_referral(key, inside_a_section):
    child = spawn(rows=12)  # small, so that a long section is paged
    to_the_reading_list(child)
    if inside_a_section:
        child.send(ENTER)
        child.expect("-- (more|end of section)")
    child.send(key)
    assert_stopped_calmly(child)


def test_pages_long_sections_and_q_goes_back():
    child = spawn(rows=12, cols=60)
    to_the_reading_list(child)
    child.send(ENTER)
    child.expect("-- more: Enter for the next page, q to go back")
    page = plain(child.before).split("────")[-1]  # printed text after the section's header rule
    assert page.strip() and all(len(line) <= 59 for line in page.splitlines()), page
    child.send("q" + ENTER)
    child.expect("Open a section to read it, or finish")
    child.send(UP + ENTER)
    decline_the_summary(child)
    shown, code, _ = finish(child)
    assert code == 0
    assert_referral_last(shown)


def signal_the_program(child: pexpect.spawn, signum: int) -> None:
    # bash runs the explorer as its only child; signal the explorer itself.
    program = int(open(f"/proc/{child.pid}/task/{child.pid}/children").read().split()[0])
    os.kill(program, signum)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_question_still_shows_the_referral(signum):
    child = spawn()
    child.expect("Who are you exploring")
    child.send("1" + ENTER)
    child.expect("setting would you")
    signal_the_program(child, signum)
    assert_stopped_calmly(child)


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
